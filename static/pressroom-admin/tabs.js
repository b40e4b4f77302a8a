/* A small stand-in for jQuery UI's tabs widget, served from our own origin.
 *
 * modeltranslation's tabbed_translation_fields.js needs jQuery UI tabs and by
 * default loads jQuery UI from a CDN, which the CSP (script-src 'self') refuses
 * and an offline machine cannot reach. It uses only this much of the widget:
 * `$(el).tabs({active: n})`, `$(el).tabs("option", "active", n)` and the
 * "tabsactivate" event with `ui.newTab`; settings.MODELTRANSLATION_JQUERY_UI_URL
 * points here. Tabs follow the WAI-ARIA tabs pattern (arrow keys, Home, End).
 */
(function ($) {
  "use strict";
  if (!$ || $.fn.tabs) return;

  function activate($root, index, focus) {
    var $tabs = $root.data("ptTabs"), $panels = $root.data("ptPanels");
    var previous = $root.data("ptActive");
    if (!$tabs || !$tabs.length) return;
    if (!(index >= 0 && index < $tabs.length)) index = 0;
    $tabs.each(function (i) {
      var on = i === index;
      $(this).toggleClass("ui-tabs-active ui-state-active", on)
        .children("a").attr({ "aria-selected": on ? "true" : "false", tabindex: on ? "0" : "-1" });
    });
    $panels.each(function (i) {
      var on = i === index;
      $(this).toggleClass("ui-tabs-hide", !on).prop("hidden", !on);
    });
    $root.data("ptActive", index);
    if (focus) $tabs.eq(index).children("a").trigger("focus");
    if (previous !== undefined && previous !== index) {
      $root.trigger("tabsactivate", [{
        newTab: $tabs.eq(index), oldTab: $tabs.eq(previous),
        newPanel: $panels.eq(index), oldPanel: $panels.eq(previous)
      }]);
    }
  }

  function setUp($root, options) {
    var $nav = $root.children("ul").first(), $tabs = $nav.children("li"), panels = [];
    $root.addClass("ui-tabs ui-widget");
    $nav.addClass("ui-tabs-nav").attr("role", "tablist");
    $tabs.each(function () {
      var $a = $(this).children("a").first(), id = ($a.attr("href") || "").replace(/^[^#]*#/, "");
      var panel = id ? document.getElementById(id) : null;
      $(this).attr("role", "presentation");
      $a.attr({ role: "tab", id: "ptab-" + id, "aria-controls": id });
      if (panel) {
        $(panel).addClass("ui-tabs-panel").attr({ role: "tabpanel", "aria-labelledby": "ptab-" + id });
        panels.push(panel);
      }
    });
    $root.data("ptTabs", $tabs).data("ptPanels", $(panels));
    $nav.on("click", "a[role=tab]", function (event) {
      event.preventDefault();
      activate($root, $tabs.index($(this).parent()), false);
    });
    $nav.on("keydown", "a[role=tab]", function (event) {
      var current = $tabs.index($(this).parent()), last = $tabs.length - 1, next = null;
      var rtl = $root.closest("[dir]").attr("dir") === "rtl";
      if (event.key === "ArrowRight") next = rtl ? current - 1 : current + 1;
      else if (event.key === "ArrowLeft") next = rtl ? current + 1 : current - 1;
      else if (event.key === "Home") next = 0;
      else if (event.key === "End") next = last;
      if (next === null) return;
      event.preventDefault();
      activate($root, (next + $tabs.length) % $tabs.length, true);
    });
    activate($root, (options && options.active) || 0, false);
  }

  $.fn.tabs = function (options, name, value) {
    if (options === "option") {
      if (name !== "active") return this;
      if (value === undefined) return this.first().data("ptActive");
      return this.each(function () { activate($(this), value, false); });
    }
    return this.each(function () { setUp($(this), options); });
  };
})(window.jQuery || (window.django && window.django.jQuery));
