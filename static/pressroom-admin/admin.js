/* The prose editor takes the direction and language of the field it edits:
 * Persian bodies are written right to left whatever language the admin is in.
 * (The textarea carries dir/lang from the server; the editor's own editable
 * element does not inherit them.)
 */
(function () {
  "use strict";

  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail && event.detail.textarea;
    var editor = event.detail && event.detail.editor;
    var dom = editor && editor.view && editor.view.dom;
    if (!textarea || !dom) return;
    ["dir", "lang"].forEach(function (name) {
      var value = textarea.getAttribute(name);
      if (value) dom.setAttribute(name, value);
    });
  });
})();
