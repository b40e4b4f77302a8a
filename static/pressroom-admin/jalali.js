/* The Jalali (Solar Hijri) date beside every date field of the admin, updated as
 * it is typed or picked (docs/domain.md, CAL-6).
 *
 * The conversion is a port of jalaali-js (MIT, Behrang Noruzi Niya): arithmetic,
 * no dependency on the browser's ICU data, and the same days as jdatetime on the
 * server (pressroom/calendars.py) across 1925-2123 — a test runs this file in node
 * against the server. Month names and patterns mirror calendars.py; they are
 * locale data, not interface strings.
 *
 * No inline script: the CSP is script-src 'self'. In node, the functions are
 * exported for the tests; in a page, hints are added to `input.vDateField`.
 */
(function (root) {
  "use strict";

  var BREAKS = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635,
    2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178];

  function div(a, b) { return ~~(a / b); }
  function mod(a, b) { return a - ~~(a / b) * b; }

  function jalCal(jy) {
    var gy = jy + 621, leapJ = -14, jp = BREAKS[0], jm, jump = 0, leap, leapG, march, n, i;
    if (jy < jp || jy >= BREAKS[BREAKS.length - 1]) {
      throw new RangeError("Jalali year out of range: " + jy);
    }
    for (i = 1; i < BREAKS.length; i += 1) {
      jm = BREAKS[i];
      jump = jm - jp;
      if (jy < jm) break;
      leapJ = leapJ + div(jump, 33) * 8 + div(mod(jump, 33), 4);
      jp = jm;
    }
    n = jy - jp;
    leapJ = leapJ + div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
    if (mod(jump, 33) === 4 && jump - n === 4) leapJ += 1;
    leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
    march = 20 + leapJ - leapG;
    if (jump - n < 6) n = n - jump + div(jump + 4, 33) * 33;
    leap = mod(mod(n + 1, 33) - 1, 4);
    if (leap === -1) leap = 4;
    return { leap: leap, gy: gy, march: march };
  }

  function g2d(gy, gm, gd) {
    var d = div((gy + div(gm - 8, 6) + 100100) * 1461, 4) +
      div(153 * mod(gm + 9, 12) + 2, 5) + gd - 34840408;
    return d - div(div(gy + 100100 + div(gm - 8, 6), 100) * 3, 4) + 752;
  }

  function d2g(jdn) {
    var j = 4 * jdn + 139361631, i, gd, gm, gy;
    j = j + div(div(4 * jdn + 183187720, 146097) * 3, 4) * 4 - 3908;
    i = div(mod(j, 1461), 4) * 5 + 308;
    gd = div(mod(i, 153), 5) + 1;
    gm = mod(div(i, 153), 12) + 1;
    gy = div(j, 1461) - 100100 + div(8 - gm, 6);
    return { gy: gy, gm: gm, gd: gd };
  }

  function d2j(jdn) {
    var gy = d2g(jdn).gy, jy = gy - 621, r = jalCal(jy), k = jdn - g2d(gy, 3, r.march);
    if (k >= 0) {
      if (k <= 185) return { jy: jy, jm: 1 + div(k, 31), jd: mod(k, 31) + 1 };
      k -= 186;
    } else {
      jy -= 1;
      k += 179;
      if (r.leap === 1) k += 1;
    }
    return { jy: jy, jm: 7 + div(k, 30), jd: mod(k, 30) + 1 };
  }

  /** Gregorian year, month, day -> {jy, jm, jd}. */
  function toJalali(gy, gm, gd) {
    return d2j(g2d(gy, gm, gd));
  }

  var MONTHS = {
    en: ["Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
      "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"],
    // Genitive, as in running text: "30 эсфанда 1403 г."
    ru: ["фарвардина", "ордибехешта", "хордада", "тира", "мордада", "шахривара",
      "мехра", "абана", "азара", "дея", "бахмана", "эсфанда"],
    fa: ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
      "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
  };
  var YEAR_SUFFIX = { ru: " г." };
  var PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";

  function language(code) {
    code = (code || "en").toLowerCase().split(/[-_]/)[0];
    return MONTHS[code] ? code : "en";
  }

  /** "30 эсфанда 1403 г.", "30 Esfand 1403", "۳۰ اسفند ۱۴۰۳" (calendars.format_date). */
  function formatJalali(gy, gm, gd, lang) {
    var j = toJalali(gy, gm, gd), code = language(lang);
    var text = j.jd + " " + MONTHS[code][j.jm - 1] + " " + j.jy + (YEAR_SUFFIX[code] || "");
    if (code === "fa") {
      text = text.replace(/[0-9]/g, function (digit) { return PERSIAN_DIGITS[digit]; });
    }
    return text;
  }

  /** A date as the admin shows it in ru (31.12.2025), en (2025-12-31, 12/31/2025) or fa. */
  function parseDate(value) {
    var text = String(value || "").trim().replace(/[۰-۹]/g, function (digit) {
      return String(PERSIAN_DIGITS.indexOf(digit));
    }), m, y, mo, d, check;
    if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) {
      y = +m[1]; mo = +m[2]; d = +m[3];
    } else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text))) {
      y = +m[3]; mo = +m[2]; d = +m[1];
    } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) {
      y = +m[3]; mo = +m[1]; d = +m[2];
    } else {
      return null;
    }
    check = new Date(Date.UTC(y, mo - 1, d));
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
      return null;
    }
    if (y < 1900 || y > 2200) return null;
    return { year: y, month: mo, day: d };
  }

  var api = { toJalali: toJalali, formatJalali: formatJalali, parseDate: parseDate };

  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
    return;
  }
  root.pressroomJalali = api;

  function hintFor(input) {
    var hint = input.parentNode && input.parentNode.querySelector(
      '.jalali-hint[data-for="' + input.id + '"]');
    if (!hint) {
      hint = document.createElement("span");
      hint.className = "jalali-hint";
      hint.setAttribute("data-for", input.id);
      hint.setAttribute("aria-live", "polite");
      var anchor = input.nextElementSibling && input.nextElementSibling.classList.contains("datetimeshortcuts")
        ? input.nextElementSibling : input;
      anchor.insertAdjacentElement("afterend", hint);
    }
    return hint;
  }

  function update(input) {
    var date = parseDate(input.value), hint = hintFor(input), lang = language(document.documentElement.lang);
    if (!date) {
      hint.textContent = "";
      return;
    }
    hint.textContent = formatJalali(date.year, date.month, date.day, lang);
    hint.setAttribute("lang", lang);
    hint.setAttribute("dir", lang === "fa" ? "rtl" : "ltr");
  }

  function updateAll() {
    var inputs = document.querySelectorAll("input.vDateField");
    for (var i = 0; i < inputs.length; i += 1) {
      if (inputs[i].id && inputs[i].id.indexOf("__prefix__") === -1) update(inputs[i]);
    }
  }

  function start() {
    updateAll();
    // Typing, and the admin's calendar and "Today" shortcuts (which set the value
    // without an input event), all end in one of these.
    ["input", "change", "click", "keyup"].forEach(function (type) {
      document.addEventListener(type, function () { window.setTimeout(updateAll, 0); }, true);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})(this);
