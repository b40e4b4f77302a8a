/* The selection counter of a change list in the admin language's digits.
 *
 * The server writes «۰ از ۳۴ انتخاب شده‌اند» (docs/domain.md FA-2), but Django's
 * actions.js rewrites the counter with Latin digits at every tick of a box; the
 * text is put back into Persian digits as it changes. Only where the page is
 * Persian: other languages keep Latin digits.
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

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
