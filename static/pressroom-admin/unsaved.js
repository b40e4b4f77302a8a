/* A warning before leaving a change form with unsaved changes.
 *
 * Anything typed or chosen in the form (the prose editor's text too: its
 * editable area sends `input` events up through the form) marks it changed;
 * saving it clears the mark. Leaving by a link, another button's form (publish,
 * withdraw) or closing the tab then asks the browser's "leave the page?".
 */
(function () {
  "use strict";

  function warnBeforeLeaving(form) {
    var changed = false;
    function mark() {
      changed = true;
    }
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    form.addEventListener("submit", function () {
      changed = false;
    });
    window.addEventListener("beforeunload", function (event) {
      if (!changed) return;
      event.preventDefault();
      // Older browsers need a value; every browser shows its own words.
      event.returnValue = "";
    });
  }

  function watch() {
    if (!document.body.classList.contains("change-form")) return;
    var form = document.querySelector("#content-main form[method='post'][id$='_form']");
    if (form) warnBeforeLeaving(form);
  }

  // Loaded in the page's head, before the form exists.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
