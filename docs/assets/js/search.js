/* ShenZhi search: Pagefind's per-language index, downloaded only when the reader searches.
   A query typed in the other script, or with the other region's words (肌酐 on the Taiwan
   site), is normalised with a table generated from the glossary, and both forms are searched. */
(function () {
  "use strict";
  var box = document.querySelector("[data-shenzhi-search]");
  if (!box) return;
  var dialog = box.querySelector("dialog");
  var input = box.querySelector("input");
  var list = box.querySelector(".shenzhi-search__results");
  var status = box.querySelector(".shenzhi-search__status");
  var root = new URL(box.dataset.root, location.href);
  var lang = box.dataset.lang;
  var engine = null;
  var table = null;
  var pending = 0;

  function load() {
    if (!engine) {
      engine = import(new URL("search/" + lang + "/pagefind.js", root).href).then(function (pagefind) {
        return pagefind.options({ baseUrl: root.pathname }).then(function () { return pagefind; });
      });
      table = fetch(new URL("search/normalize." + lang + ".json", root))
        .then(function (r) { return r.ok ? r.json() : { phrases: {}, chars: {} }; })
        .catch(function () { return { phrases: {}, chars: {} }; });
    }
    return Promise.all([engine, table]);
  }

  /* Longest-first phrase replacement, then character by character. */
  function normalise(query, t) {
    var out = "";
    var i = 0;
    while (i < query.length) {
      var hit = null;
      for (var n = Math.min(t.longest || 8, query.length - i); n >= 2 && !hit; n--) {
        var piece = query.substr(i, n);
        if (Object.prototype.hasOwnProperty.call(t.phrases, piece)) hit = piece;
      }
      if (hit) { out += t.phrases[hit]; i += hit.length; continue; }
      var ch = query.charAt(i);
      out += Object.prototype.hasOwnProperty.call(t.chars, ch) ? t.chars[ch] : ch;
      i += 1;
    }
    return out;
  }

  function say(template, count) {
    status.textContent = template.replace("#", String(count));
  }

  function show(results) {
    list.textContent = "";
    if (!results.length) { say(status.dataset.none, 0); return; }
    say(results.length === 1 ? status.dataset.one : status.dataset.other, results.length);
    results.forEach(function (data) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = data.url;
      link.textContent = (data.meta && data.meta.title) || data.url;
      var excerpt = document.createElement("p");
      excerpt.innerHTML = data.excerpt; /* Pagefind escapes page text; only <mark> is added */
      item.appendChild(link);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
  }

  function search(query) {
    var ticket = ++pending;
    if (!query.trim()) { list.textContent = ""; status.textContent = ""; return; }
    status.textContent = status.dataset.loading;
    load().then(function (loaded) {
      var pagefind = loaded[0];
      var queries = [query];
      var other = normalise(query, loaded[1]);
      if (other !== query) queries.push(other);
      return Promise.all(queries.map(function (q) { return pagefind.search(q); }))
        .then(function (answers) {
          var seen = {};
          var hits = [];
          answers.forEach(function (answer) {
            answer.results.forEach(function (r) {
              if (!seen[r.id]) { seen[r.id] = true; hits.push(r); }
            });
          });
          return Promise.all(hits.slice(0, 10).map(function (r) { return r.data(); }));
        });
    }).then(function (results) {
      if (ticket === pending) show(results);
    });
  }

  function open() {
    if (typeof dialog.showModal === "function") dialog.showModal(); else dialog.setAttribute("open", "");
    input.focus();
    load();
  }

  box.querySelector(".shenzhi-search__open").addEventListener("click", open);
  box.querySelector(".shenzhi-search__close").addEventListener("click", function () { dialog.close(); });
  input.addEventListener("input", function () { search(input.value); });
  /* In a search field the first Escape only clears the text; close the dialog at once. */
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); dialog.close(); }
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((event.target || {}).tagName || "");
    if (event.key === "/" && !typing && !dialog.open) { event.preventDefault(); open(); }
  });
})();
