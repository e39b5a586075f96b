/* Switching script keeps the reader on the same page and section, and is remembered: a reader
   who chose 简体 and later arrives on a 繁體 page from elsewhere is taken to the same page in 简体. */
(function () {
  "use strict";
  var KEY = "shenzhi.lang";
  var here = document.documentElement.lang;

  function remember(lang) {
    try { localStorage.setItem(KEY, lang); } catch (e) { /* private mode: nothing to remember */ }
  }

  function preferred() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    remember(link.hreflang);
    location.href = link.href.split("#")[0] + location.hash;
  }, true);

  /* Arriving from another site (or typing the address) in the other script: follow the choice. */
  var wanted = preferred();
  var cameFromHere = document.referrer && new URL(document.referrer).host === location.host;
  if (wanted && wanted !== here && !cameFromHere) {
    var alternate = document.querySelector('a.md-select__link[hreflang="' + wanted + '"]');
    if (alternate) location.replace(alternate.href.split("#")[0] + location.hash);
  }
})();

/* Wide tables scroll inside their own box; keyboard users must be able to reach and scroll it. */
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset table, .kdigo-scroll")
    .forEach(function (box) {
      if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
      }
    });
});
