/* What Django's admin widgets and the apps' scripts leave unnamed, named.
 *
 * Each fix is for a widget drawn by a script we do not own (Django's
 * SelectFilter2 and date/time inputs, modeltranslation's language switch, the
 * prose editor, Select2): the names come from the field's own label, so they
 * are in the admin's language already.
 */
(function () {
  "use strict";

  function say(english) {
    return window.pgettext ? window.pgettext("back-office", english) : english;
  }

  function labelText(input) {
    var row = input.closest(".form-row, .flex-container, td, .fieldBox");
    var label = row && row.querySelector("label");
    return label ? label.textContent.replace(/[:：]\s*$/, "").trim() : "";
  }

  function nameUnnamed() {
    // modeltranslation's switch of every field's language at once.
    var main = document.getElementById("modeltranslation-main-switch");
    if (main && !main.hasAttribute("aria-label")) {
      main.setAttribute("aria-label", say("Language of all the fields"));
    }
    // SelectFilter2's magnifying glass: a span with a title and aria-label.
    document.querySelectorAll(".help-tooltip[aria-label]").forEach(function (icon) {
      if (!icon.hasAttribute("role")) icon.setAttribute("role", "img");
    });
    // A date and a time side by side: "publication time, Date".
    document.querySelectorAll(".datetime input").forEach(function (input) {
      if (input.labels && input.labels.length) return;
      if (input.hasAttribute("aria-label")) return;
      var before = input.previousSibling;
      var part = before && before.nodeType === 3 ? before.textContent : "";
      part = part.replace(/[:：]\s*$/, "").trim();
      input.setAttribute("aria-label", [labelText(input), part].filter(Boolean).join(", "));
    });
    // An empty table header (a tabular inline's first and last columns) is
    // a cell that heads nothing.
    document.querySelectorAll("th.original, th:empty").forEach(function (cell) {
      if (cell.textContent.trim() || cell.children.length) return;
      var plain = document.createElement("td");
      plain.className = cell.className;
      cell.replaceWith(plain);
    });
    nameSelect2();
    nameRosetta();
  }

  // Rosetta's form: each translation named by its original text, each
  // "fuzzy" box by its column, and the tab order the page's own.
  function nameRosetta() {
    var fuzzy = document.querySelector("#changelist th.c");
    var fuzzyName = fuzzy ? fuzzy.textContent.trim() : "";
    document.querySelectorAll("#action-toggle").forEach(function (box) {
      if (fuzzyName && !box.hasAttribute("aria-label")) box.setAttribute("aria-label", fuzzyName);
    });
    document.querySelectorAll("#changelist tr").forEach(function (row, index) {
      var original = row.querySelector("td.original");
      if (!original) return;
      if (!original.id) original.id = "rosetta-original-" + index;
      row.querySelectorAll("td.translation textarea").forEach(function (field) {
        if (!field.hasAttribute("aria-labelledby")) field.setAttribute("aria-labelledby", original.id);
      });
      row.querySelectorAll("td.c input[type=checkbox]").forEach(function (box) {
        if (!box.hasAttribute("aria-label") && fuzzyName) box.setAttribute("aria-label", fuzzyName);
      });
    });
    document.querySelectorAll("[tabindex]").forEach(function (element) {
      if (Number(element.getAttribute("tabindex")) > 0) element.setAttribute("tabindex", "0");
    });
  }

  function nameSelect2() {
    document.querySelectorAll(".select2-container").forEach(function (box) {
      var select = box.previousElementSibling;
      var name = select ? labelText(select) : "";
      box.querySelectorAll(".select2-search__field").forEach(function (field) {
        if (name && !field.hasAttribute("aria-label")) field.setAttribute("aria-label", name);
      });
      box.querySelectorAll(".select2-selection, .select2-selection__rendered[role='textbox']").forEach(function (combo) {
        if (name && !combo.hasAttribute("aria-label")) combo.setAttribute("aria-label", name);
      });
      // Select2 draws the chosen items as a list with a non-item in it.
      box.querySelectorAll("ul.select2-selection__rendered").forEach(function (list) {
        if (list.getAttribute("role") !== "presentation") list.setAttribute("role", "presentation");
      });
    });
  }

  // The prose editor's editable area is a textbox: named by its field's label.
  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail && event.detail.textarea;
    var editor = event.detail && event.detail.editor;
    var dom = editor && editor.view && editor.view.dom;
    if (!textarea || !dom) return;
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      if (!label.id) label.id = textarea.id + "-label";
      dom.setAttribute("aria-labelledby", label.id);
    }
    // Spelling is checked in the language of the field (its lang attribute).
    dom.setAttribute("spellcheck", "true");
  });

  // The widgets are drawn on load or later (Select2 redraws at each choice):
  // named once drawn, and again after each change of the page.
  var pending = false;
  function soon() {
    if (pending) return;
    pending = true;
    window.setTimeout(function () {
      pending = false;
      nameUnnamed();
    }, 0);
  }
  window.addEventListener("load", function () {
    soon();
    new MutationObserver(soon).observe(document.body, { subtree: true, childList: true });
  });
})();
