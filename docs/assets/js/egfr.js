/*
 * ShenZhi eGFR calculator and unit converter (page: docs/tools/egfr.zh-Hant.md).
 *
 * The only implementation of the CKD-EPI 2021 creatinine equation on the site:
 *   Inker LA et al. N Engl J Med 2021;385:1737-49. https://doi.org/10.1056/NEJMoa2102953
 * Categories, risk colours and risk texts come from the #kdigo-data JSON block, rendered from
 * scripts/data/kdigo.yml, so the calculator and the heat map share one copy of the data.
 * Every text a reader sees comes from the page (#egfr-messages), so the build converts it for
 * each script; this file holds no Chinese. Loaded on every page: it does nothing without the form.
 * The default creatinine unit is the page's too (#egfr-defaults, a zh-Hans region block).
 * Tested against an independent Python oracle in tests/browser/test_egfr_tool.py.
 */
(function () {
  "use strict";

  var UMOL_PER_MG_DL = 88.4; // creatinine, molar mass 113.12 g/mol
  var UREA_MMOL_PER_BUN_MG_DL = 0.357; // urea nitrogen, 2 × 14.007 g/mol
  var MG_G_PER_MG_MMOL = 8.84; // albumin-to-creatinine ratio

  // Accepted input ranges, in the unit the reader chose.
  var LIMITS = {
    "scr:mg/dL": [0.1, 20],
    "scr:umol/L": [8.8, 1768],
    "age": [18, 110],
    "uacr:mg/g": [0, 10000],
    "uacr:mg/mmol": [0, 1131],
    "bun:mg/dL": [1, 300],
    "urea:mmol/L": [0.3, 110]
  };

  function requireNumber(name, value) {
    if (typeof value !== "number" || !isFinite(value)) {
      throw new TypeError(name + " must be a finite number, got " + value);
    }
  }

  function normaliseUnit(unit) {
    // Accept the micro sign (U+00B5), Greek mu (U+03BC) and plain "u".
    return String(unit).replace(/[\u00b5\u03bc]/g, "u");
  }

  /** CKD-EPI 2021 creatinine eGFR (mL/min/1.73 m²); scr in mg/dL, sex "female" or "male". */
  function ckdEpi2021(scrMgDl, age, sex) {
    requireNumber("scrMgDl", scrMgDl);
    requireNumber("age", age);
    if (scrMgDl <= 0) throw new RangeError("scrMgDl must be positive");
    if (sex !== "female" && sex !== "male") throw new RangeError("sex must be female or male");
    var female = sex === "female";
    var kappa = female ? 0.7 : 0.9;
    var alpha = female ? -0.241 : -0.302;
    var ratio = scrMgDl / kappa;
    var egfr = 142 * Math.pow(Math.min(ratio, 1), alpha) * Math.pow(Math.max(ratio, 1), -1.2) *
      Math.pow(0.9938, age);
    return female ? egfr * 1.012 : egfr;
  }

  function creatinineToMgDl(value, unit) {
    requireNumber("value", value);
    var u = normaliseUnit(unit);
    if (u === "mg/dL") return value;
    if (u === "umol/L") return value / UMOL_PER_MG_DL;
    throw new RangeError("unknown creatinine unit " + unit);
  }

  function creatinineToUmolL(mgdl) { requireNumber("mgdl", mgdl); return mgdl * UMOL_PER_MG_DL; }
  function bunToUrea(mgdl) { requireNumber("mgdl", mgdl); return mgdl * UREA_MMOL_PER_BUN_MG_DL; }
  function ureaToBun(mmol) { requireNumber("mmol", mmol); return mmol / UREA_MMOL_PER_BUN_MG_DL; }

  function acrToMgG(value, unit) {
    requireNumber("value", value);
    if (unit === "mg/g") return value;
    if (unit === "mg/mmol") return value * MG_G_PER_MG_MMOL;
    throw new RangeError("unknown albumin-to-creatinine unit " + unit);
  }

  var cachedNode = null;
  var cachedData = null;
  /** The KDIGO data of the page (#kdigo-data), parsed once per page. */
  function kdigoData() {
    var node = document.getElementById("kdigo-data");
    if (!node) throw new Error("#kdigo-data is missing from the page");
    if (node !== cachedNode) {
      cachedData = JSON.parse(node.textContent);
      cachedNode = node;
    }
    return cachedData;
  }

  /** GFR category code ("G1" … "G5"); pass the rounded eGFR that the reader sees. */
  function gCategory(egfr) {
    requireNumber("egfr", egfr);
    var cats = kdigoData().g;
    for (var i = 0; i < cats.length; i++) {
      if (egfr >= cats[i].min) return cats[i].code;
    }
    return cats[cats.length - 1].code;
  }

  /** Albuminuria category code ("A1" … "A3"); unit "mg/g" (default) or "mg/mmol". */
  function aCategory(acr, unit) {
    requireNumber("acr", acr);
    var field = (unit || "mg/g") === "mg/mmol" ? "maxMgMmol" : "maxMgG";
    var cats = kdigoData().a;
    for (var i = 0; i < cats.length; i++) {
      var max = cats[i][field];
      if (max === null || acr < max || (cats[i].maxInclusive && acr === max)) return cats[i].code;
    }
    return cats[cats.length - 1].code;
  }

  /** Risk level of a heat-map cell: {key, label, background, text, meaning, nextStep, colour}. */
  function riskFor(g, a) {
    var data = kdigoData();
    var row = data.grid[g];
    var index = data.a.map(function (c) { return c.code; }).indexOf(a);
    if (!row || index < 0) throw new RangeError("unknown category " + g + "/" + a);
    var level = data.riskLevels[row[index]];
    var result = { key: row[index] };
    for (var k in level) result[k] = level[k];
    return result;
  }

  function findCategory(list, code) {
    return list.filter(function (c) { return c.code === code; })[0];
  }

  /** Reader's text to a number: full-width digits allowed; null when it is not a number. */
  function parseNumber(text) {
    var s = String(text).trim()
      .replace(/[\uff10-\uff19]/g, function (d) { return String.fromCharCode(d.charCodeAt(0) - 0xfee0); })
      .replace(/[\uff0e]/g, ".").replace(/[\uff0b]/g, "+").replace(/[\uff0d\u2212]/g, "-");
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
    return parseFloat(s);
  }

  /* ---------- page wiring ---------- */

  function message(key, values) {
    var node = document.querySelector('#egfr-messages [data-key="' + key + '"]');
    var text = node ? node.textContent.trim() : key;
    for (var name in values || {}) text = text.split("{" + name + "}").join(String(values[name]));
    return text;
  }

  function setError(input, text) {
    var box = document.getElementById(input.id + "-error") ||
      document.getElementById(input.getAttribute("data-error-id"));
    var targets = input.type === "radio" ?
      document.querySelectorAll('input[name="' + input.name + '"]') : [input];
    Array.prototype.forEach.call(targets, function (el) {
      var ids = (el.getAttribute("aria-describedby") || "").split(/\s+/)
        .filter(function (id) { return id && id !== box.id; });
      if (text) {
        el.setAttribute("aria-invalid", "true");
        ids.push(box.id);
      } else {
        el.removeAttribute("aria-invalid");
      }
      if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
      else el.removeAttribute("aria-describedby");
    });
    box.textContent = text || "";
    box.hidden = !text;
  }

  /** Check one field: {value} when valid, {error} with the reader's message otherwise. */
  function check(text, limitKey, unitLabel, optional) {
    if (String(text).trim() === "") return optional ? { value: null } : { error: message("required") };
    var value = parseNumber(text);
    if (value === null) return { error: message("not-number") };
    var lim = LIMITS[limitKey];
    if (value < lim[0] || value > lim[1]) {
      return { error: message("out-of-range", { min: lim[0], max: lim[1], unit: unitLabel }) };
    }
    return { value: value };
  }

  function checkAge(text) {
    var value = parseNumber(text);
    // Under 18 is a real age, not a typo: explain why the equation does not apply.
    if (value !== null && value >= 0 && value < LIMITS.age[0]) return { error: message("age-adult-only") };
    return check(text, "age", message("unit-years"));
  }

  function unitLabel(select) { return select.options[select.selectedIndex].text; }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function addRow(list, label, content) {
    list.appendChild(el("dt", null, label));
    var dd = el("dd");
    if (typeof content === "string") dd.textContent = content; else dd.appendChild(content);
    list.appendChild(dd);
  }

  function showResult(out, r) {
    var data = kdigoData();
    var g = findCategory(data.g, r.g);
    out.textContent = "";
    out.appendChild(el("p", "egfr-result__title", message("result-title")));
    var list = el("dl", "egfr-result__list");
    addRow(list, message("egfr-label"), r.egfr + " " + data.gfrUnit);
    addRow(list, message("g-label"), g.code + " " + g.label + " (" + g.range + ")");
    if (r.a) {
      var a = findCategory(data.a, r.a);
      addRow(list, message("a-label"), a.code + " " + a.label);
      var risk = riskFor(r.g, r.a);
      var badge = el("span", "egfr-risk egfr-risk--" + risk.key, risk.label);
      badge.style.backgroundColor = risk.background;
      badge.style.color = risk.text;
      addRow(list, message("risk-label"), badge);
      addRow(list, message("meaning-label"), risk.meaning);
      addRow(list, message("next-step-label"), risk.nextStep);
    }
    out.appendChild(list);
    if (!r.a) out.appendChild(el("p", "egfr-result__note", message("no-uacr")));
    if (r.g === "G1" || r.g === "G2") out.appendChild(el("p", "egfr-result__note", message("g12-note")));
    out.appendChild(el("p", "egfr-result__note egfr-result__estimate", message("estimate-note")));
  }

  function wireForm(form) {
    var f = form.elements;
    var out = document.getElementById("egfr-result");
    function validate() {
      var sex = form.querySelector('input[name="sex"]:checked');
      var results = [
        [f["scr"], check(f["scr"].value, "scr:" + normaliseUnit(f["scr-unit"].value), unitLabel(f["scr-unit"]))],
        [f["age"], checkAge(f["age"].value)],
        [form.querySelector('input[name="sex"]'), sex ? { value: sex.value } : { error: message("sex-required") }],
        [f["uacr"], check(f["uacr"].value, "uacr:" + f["uacr-unit"].value, unitLabel(f["uacr-unit"]), true)]
      ];
      results.forEach(function (pair) { setError(pair[0], pair[1].error); });
      return results;
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var results = validate();
      var bad = results.filter(function (pair) { return pair[1].error; });
      if (bad.length) {
        out.textContent = "";
        out.appendChild(el("p", "egfr-result__error", message("fix-fields")));
        bad[0][0].focus();
        return;
      }
      var scr = creatinineToMgDl(results[0][1].value, f["scr-unit"].value);
      var egfr = Math.round(ckdEpi2021(scr, results[1][1].value, results[2][1].value));
      var uacr = results[3][1].value;
      showResult(out, {
        egfr: egfr,
        g: gCategory(egfr),
        a: uacr === null ? null : aCategory(uacr, f["uacr-unit"].value)
      });
    });
    // Once a field was marked wrong, re-check it as the reader corrects it.
    form.addEventListener("input", function (event) {
      if (event.target.getAttribute("aria-invalid") === "true") validate();
    });
    form.addEventListener("change", function (event) {
      if (event.target.name === "sex" || event.target.tagName === "SELECT") {
        if (form.querySelector('[aria-invalid="true"]')) validate();
      }
    });
  }

  // Converter pairs: [input id, other input id, limit key, unit, convert to other, decimals].
  var PAIRS = [
    ["conv-scr-mgdl", "conv-scr-umol", "scr:mg/dL", "mg/dL", creatinineToUmolL, 0],
    ["conv-scr-umol", "conv-scr-mgdl", "scr:umol/L", "µmol/L", function (v) { return creatinineToMgDl(v, "umol/L"); }, 2],
    ["conv-bun", "conv-urea", "bun:mg/dL", "mg/dL", bunToUrea, 1],
    ["conv-urea", "conv-bun", "urea:mmol/L", "mmol/L", ureaToBun, 1]
  ];

  function wireConverter() {
    PAIRS.forEach(function (p) {
      var input = document.getElementById(p[0]);
      var other = document.getElementById(p[1]);
      if (!input || !other) return;
      input.addEventListener("input", function () {
        setError(other, null);
        if (input.value.trim() === "") { setError(input, null); other.value = ""; return; }
        var r = check(input.value, p[2], p[3]);
        setError(input, r.error);
        other.value = r.error ? "" : p[4](r.value).toFixed(p[5]);
      });
    });
  }

  /** Preselect the creatinine unit the page names in #egfr-defaults (the unit its readers' lab
   *  reports use: mainland µmol/L); without it the form's own selected option stays. */
  function applyDefaults(form) {
    var defaults = document.getElementById("egfr-defaults");
    var unit = defaults && defaults.getAttribute("data-scr-unit");
    var select = form.elements["scr-unit"];
    if (!unit || !select) return;
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === unit) select.selectedIndex = i;
    }
  }

  function init() {
    var form = document.getElementById("egfr-form");
    if (!form || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "true");
    applyDefaults(form);
    wireForm(form);
    wireConverter();
  }

  window.ShenZhiEgfr = {
    ckdEpi2021: ckdEpi2021,
    creatinineToMgDl: creatinineToMgDl,
    creatinineToUmolL: creatinineToUmolL,
    bunToUrea: bunToUrea,
    ureaToBun: ureaToBun,
    acrToMgG: acrToMgG,
    gCategory: gCategory,
    aCategory: aCategory,
    riskFor: riskFor,
    parseNumber: parseNumber,
    limits: LIMITS
  };

  // Material's instant navigation replaces pages without DOMContentLoaded; document$ covers both.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
