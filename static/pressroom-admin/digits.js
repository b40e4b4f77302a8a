/* Numbers Django's scripts write, in the admin language's digits.
 *
 * The server writes «۰ از ۳۴ انتخاب شده‌اند» (docs/domain.md FA-2), but Django's
 * actions.js rewrites a change list's selection counter with Latin digits at
 * every tick of a box, and inlines.js numbers a new inline row «#1»: the text is
 * put back into Persian digits as it changes, and the new rows are numbered
 * again after each row added or removed. Only where the page is Persian: other
 * languages keep Latin digits.
 */
(function () {
  "use strict";

  var PERSIAN = "۰۱۲۳۴۵۶۷۸۹";

  function persian(text) {
    return text.replace(/[0-9]/g, function (digit) {
      return PERSIAN.charAt(Number(digit));
    });
  }

  function start() {
    if (document.documentElement.lang !== "fa") return;
    document.querySelectorAll(".actions .action-counter, .actions .all").forEach(function (counter) {
      function localize() {
        var text = persian(counter.textContent);
        if (text !== counter.textContent) counter.textContent = text;
      }
      localize();
      new MutationObserver(localize).observe(counter, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
  }

  // A new inline row's label is "#<n>", n counting every row of its group.
  function renumber(event) {
    if (document.documentElement.lang !== "fa") return;
    var group = document.getElementById(event.detail.formsetName + "-group");
    if (!group) return;
    var rows = group.querySelectorAll(".inline-related:not(.empty-form) .inline_label");
    rows.forEach(function (label, index) {
      if (/^#[0-9۰-۹]+$/.test(label.textContent.trim())) {
        label.textContent = "#" + persian(String(index + 1));
      }
    });
  }

  document.addEventListener("formset:added", renumber);
  document.addEventListener("formset:removed", renumber);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
