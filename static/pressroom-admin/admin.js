/* The prose editor, fitted to the admin's languages.
 *
 * It takes the direction and language of the field it edits: Persian bodies
 * are written right to left whatever language the admin is in. (The textarea
 * carries dir/lang from the server; the editor's own editable element does not
 * inherit them.)
 *
 * Its toolbar speaks the admin's language. Its dialogs go through gettext, but
 * the toolbar's titles and the heading picker's names are English words in its
 * code; they are translated here (context "prose editor", locale/third_party/),
 * also when the editor changes them as the cursor moves.
 */
(function () {
  "use strict";

  var CONTEXT = "prose editor";

  function say(english) {
    return window.pgettext ? window.pgettext(CONTEXT, english) : english;
  }

  function translateToolbar(root) {
    root.querySelectorAll(".prose-menubar [title]").forEach(function (button) {
      var english = button.getAttribute("title");
      var said = say(english);
      if (said === english) return; // already said, or nothing to say
      button.setAttribute("title", said);
      if (button.getAttribute("aria-label") === english) {
        button.setAttribute("aria-label", said);
      }
    });
    root.querySelectorAll(".prose-menubar__option > *").forEach(function (name) {
      var said = say(name.textContent);
      if (said !== name.textContent) name.textContent = said;
    });
  }

  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail && event.detail.textarea;
    var editor = event.detail && event.detail.editor;
    var dom = editor && editor.view && editor.view.dom;
    if (!textarea || !dom) return;
    ["dir", "lang"].forEach(function (name) {
      var value = textarea.getAttribute(name);
      if (value) dom.setAttribute(name, value);
    });

    var root = textarea.closest(".prose-editor") || textarea.parentNode;
    translateToolbar(root);
    // The toolbar only, if it is drawn: not the text, which changes at every key.
    new MutationObserver(function () {
      translateToolbar(root);
    }).observe(root.querySelector(".prose-menubar") || root, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["title"],
    });
  });
})();
