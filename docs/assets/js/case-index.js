/*
 * ShenZhi case-report index: filtering and sorting for table.case-index
 * (rendered by scripts/case_reports/index.py from the `<!-- shenzhi: case-index -->` directive).
 *
 * Progressive enhancement: the table is complete without this script; the filter form is
 * rendered `hidden` and shown here. Every text a reader sees comes from the page (labels and
 * the status template in data-template), so the build converts it for each script; this file
 * holds no Chinese. Loaded on every page: it does nothing where there is no table.case-index.
 */
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.getAttribute("data-sort-value") || cell.textContent.trim();
  }

  function compare(a, b, lang) {
    var x = Number(a), y = Number(b);
    if (a !== "" && b !== "" && !isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b, lang || undefined, { numeric: true });
  }

  function setUpSorting(table) {
    var headers = table.querySelectorAll("thead th");
    var lang = document.documentElement.getAttribute("lang");
    Array.prototype.forEach.call(headers, function (th) {
      var button = th.querySelector("button[data-sort]");
      if (!button) return;
      button.addEventListener("click", function () {
        // Cycle: not sorted / descending -> ascending; ascending -> descending.
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) {
          other.setAttribute("aria-sort", "none");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var index = th.cellIndex;
        rows.sort(function (r1, r2) {
          var order = compare(cellValue(r1, index), cellValue(r2, index), lang);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function setUpFiltering(block, table) {
    var form = block.querySelector("form.case-filters");
    if (!form) return;
    var selects = form.querySelectorAll("select[data-filter]");
    var status = block.querySelector(".case-filter-status");
    var rows = table.tBodies[0] ? table.tBodies[0].rows : [];

    function apply() {
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var match = Array.prototype.every.call(selects, function (select) {
          var wanted = select.value;
          return !wanted || row.getAttribute("data-" + select.getAttribute("data-filter")) === wanted;
        });
        row.hidden = !match;
        if (match) shown += 1;
      });
      if (status && status.getAttribute("data-template")) {
        status.textContent = status.getAttribute("data-template")
          .replace("{shown}", String(shown))
          .replace("{total}", String(rows.length));
      }
    }

    Array.prototype.forEach.call(selects, function (select) {
      select.addEventListener("change", apply);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
  }

  function init() {
    var tables = document.querySelectorAll("table.case-index");
    Array.prototype.forEach.call(tables, function (table) {
      if (table.getAttribute("data-enhanced") === "true") return; // already set up
      table.setAttribute("data-enhanced", "true");
      var block = table.closest(".case-index-block") || document;
      setUpSorting(table);
      setUpFiltering(block, table);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  // If Material's instant navigation is ever switched on, pages arrive without a reload.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  }
})();
