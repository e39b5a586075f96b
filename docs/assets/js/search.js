/* ShenZhi search: Pagefind's per-language index, downloaded only when the reader searches.
   Pagefind does not cut Chinese here: the build cut every page into search words
   (scripts/search/segment.py) and this script cuts the query the same way, so both sides hold
   the same words. A query typed in the other script or with the other region's words
   (肌酐 on the Taiwan site) is rewritten with a table generated from the glossary, and a lay word
   (洗腎) also searches its glossary synonyms (透析). window.shenzhiSearch.find is the function the
   search box calls; the browser tests call it too. */
(function () {
  "use strict";
  /* Kept equal to HAN, SPACE and WORDLIKE in scripts/search/segment.py. */
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
  var SPACE = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/u;
  var WORDLIKE = /[\p{L}\p{N}]/u;
  /* Kept equal to AFTER_CJK_PUNCTUATION in segment.py: this punctuation ends a word. */
  var SPLIT_AFTER = /[、。〉》」』】〕〗〙〛！），．：；？］｝]/u;
  var NOT_WORDLIKE = /[^\p{L}\p{N}]/gu;
  var HAN_STOP = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}])\.$/u;
  /* Characters written without a space between them when an excerpt is put back together. */
  var CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3134f}]/u;

  function kind(char) {
    if (SPACE.test(char)) return "space";
    return HAN.test(char) ? "han" : "other";
  }

  function wordlike(chars, kinds, start) {
    for (var end = start; end < chars.length && kinds[end] === "other"; end++) {
      if (WORDLIKE.test(chars[end])) return true;
    }
    return false;
  }

  /* Whether a letter or digit is in chars[from..to] (inclusive). */
  function wordlikeIn(chars, from, to) {
    for (var k = from; k <= to; k++) if (WORDLIKE.test(chars[k])) return true;
    return false;
  }

  /* Whether the piece of an "other" run starting at `start` (up to and including the next
     word-ending punctuation) holds a letter or digit. */
  function wordlikePiece(chars, kinds, start) {
    for (var end = start; end < chars.length && kinds[end] === "other"; end++) {
      if (WORDLIKE.test(chars[end])) return true;
      if (SPLIT_AFTER.test(chars[end])) return false;
    }
    return false;
  }

  /* `text` with its search words separated by spaces (segment.encode, joined). */
  function encoded(text) {
    var chars = Array.from(text);
    var kinds = chars.map(kind);
    var out = chars.slice();
    var start = 0;
    for (var i = 0; i < chars.length; i++) {
      var here = kinds[i];
      var after = i + 1 < chars.length ? kinds[i + 1] : "space";
      if (here === "other" && (i === 0 || kinds[i - 1] !== "other")) start = i;
      if (here === "han" && after === "han") {
        out[i] = chars[i] + chars[i + 1] + " ";
      } else if (here === "han" && after === "other" && wordlike(chars, kinds, i + 1)) {
        out[i] += " ";
      } else if (here === "other" && after === "other" && SPLIT_AFTER.test(chars[i]) &&
                 wordlikeIn(chars, start, i) && wordlikePiece(chars, kinds, i + 1)) {
        out[i] += " ";  /* TGF-β、I型: I is a word of its own */
      } else if (here === "other" && after === "han") {
        var loose = (start === 0 || kinds[start - 1] === "space") && !wordlike(chars, kinds, start);
        if (!loose) out[i] += " ";
      }
    }
    return out.join("");
  }

  function isBigram(word) {
    var chars = Array.from(word);
    return chars.length >= 2 && HAN.test(chars[0]) && HAN.test(chars[1]);
  }

  /* The index words of one space-free part of a query, as Pagefind keeps them (letters and
     digits, lower case). `open`: the part's last word may continue in the page (a Han run's
     last character, a Latin word being typed), so it is matched as a prefix, not exactly. */
  function partWords(part) {
    var raw = encoded(part).split(/\s+/).filter(Boolean);
    var words = [];
    raw.forEach(function (word, i) {
      var clean = word.replace(NOT_WORDLIKE, "").toLowerCase();
      if (!clean) return;
      var last = i === raw.length - 1;
      var hanEnd = !isBigram(word) && HAN.test(Array.from(word)[0]);
      /* A run of two or more Han characters ends with a one-character word that the page may
         not have there (肌酸酐 → 肌酸 酸酐 酐, the page 肌酸 酸酐 酐數 …): its bigrams suffice. */
      if (last && hanEnd && i > 0 && isBigram(raw[i - 1])) return;
      words.push({ word: clean, open: last && !isBigram(word) });
    });
    return words;
  }

  /* What to ask Pagefind for one form of the query: all its words (ranked, each matched as a
     prefix), and per space-separated part its closed words as an exact phrase. Exact, because
     Pagefind answers a word it lacks with its longest indexed prefix (中药 on the Taiwan site
     would find every 中). A part whose open last word follows other words (P值: P, then a word
     beginning with 值) is also checked against the page text: `check` holds its letters. */
  function plan(query) {
    var terms = [];
    var phrases = [];
    var check = [];
    query.split(SPACE).filter(Boolean).forEach(function (part) {
      var words = partWords(part);
      words.forEach(function (w) { terms.push(w.word); });
      var closed = words.filter(function (w) { return !w.open; });
      if (closed.length) phrases.push(closed.map(function (w) { return w.word; }));
      if (closed.length && closed.length < words.length) check.push(letters(part));
    });
    return { terms: terms, phrases: phrases, check: check };
  }

  function letters(text) { return text.replace(NOT_WORDLIKE, "").toLowerCase(); }

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

  /* The query as typed, rewritten into this site's words, and what the glossary says to search
     with it: the concept's forms on this site (洗腎 → 透析). */
  function variants(query, t) {
    var out = [];
    function add(q) { if (q && out.indexOf(q) < 0) out.push(q); }
    var typed = query.trim();
    add(normalise(typed, t));
    add(typed);
    /* Only the typed form's: one step, so that 血基質 (heme) → 血红素 does not go on to the
       concepts 血红素 also names (血紅素 is hemoglobin in Taiwan). */
    ((t.synonyms || {})[typed] || []).forEach(add);
    return out;
  }

  var box = document.querySelector("[data-shenzhi-search]");
  if (!box) return;
  var dialog = box.querySelector("dialog");
  var input = box.querySelector("input");
  var list = box.querySelector(".shenzhi-search__results");
  var status = box.querySelector(".shenzhi-search__status");
  var none = box.querySelector(".shenzhi-search__none");
  var root = new URL(box.dataset.root, location.href);
  var glossary = new URL(none.querySelector("a").getAttribute("href"), location.href).pathname;
  var lang = box.dataset.lang;
  var engine = null;
  var table = null;
  var pending = 0;
  var SHOWN = 20;
  var EXCERPT_WORDS = 60;
  var FOREIGN_WEIGHT = 0.5; /* score of pages found only by a query typed in the other words */
  var EMPTY = { phrases: {}, chars: {}, synonyms: {} };

  function load() {
    if (!engine) {
      engine = import(new URL("search/" + lang + "/pagefind.js", root).href).then(function (pagefind) {
        return pagefind.options({ baseUrl: root.pathname }).then(function () { return pagefind; });
      });
      table = fetch(new URL("search/normalize." + lang + ".json", root))
        .then(function (r) { return r.ok ? r.json() : EMPTY; })
        .catch(function () { return EMPTY; });
    }
    return Promise.all([engine, table]);
  }

  /* Pages matching one form of the query: the ranked all-words search, kept to the pages where
     each part's closed words appear as a phrase (and, for a part with an open last word after
     others, where the page's text holds the part's letters in a row). */
  function findForm(pagefind, query) {
    var p = plan(query);
    if (!p.terms.length) return Promise.resolve([]);
    /* Each word's index chunk is loaded on its own first: Pagefind 1.4 looks a query's words up
       in its chunk list by strict bounds and falls back to a looser lookup only when no word
       matched, so in a large index a word of a longer query can go unloaded, and then a phrase
       finds nothing and the all-words search ignores that word (肌酸酐: 0 of 1,016 pages). */
    var loaded = Promise.all(p.terms.map(function (word) { return pagefind.preload(word); }));
    return loaded.then(function () {
      var exact = p.phrases.map(function (words) { return pagefind.search('"' + words.join(" ") + '"'); });
      return Promise.all([pagefind.search(p.terms.join(" "))].concat(exact));
    }).then(function (answers) {
      var ranked = answers[0].results;
      answers.slice(1).forEach(function (answer) {
        var ids = {};
        answer.results.forEach(function (r) { ids[r.id] = true; });
        ranked = ranked.filter(function (r) { return ids[r.id]; });
      });
      if (!p.check.length) return ranked;
      return Promise.all(ranked.map(function (r) { return r.data(); })).then(function (pages) {
        return ranked.filter(function (r, i) {
          var text = letters(decoded(pages[i].content || ""));
          return p.check.every(function (part) { return text.indexOf(part) >= 0; });
        });
      });
    });
  }

  /* Page text put back together from the index's words: a bigram stands for its first
     character (only letters are compared, so spacing does not matter). */
  function decoded(content) {
    return content.split(/[\r\n\s]+/).map(function (word) {
      return isBigram(word) ? Array.from(word)[0] : word + " ";
    }).join("");
  }

  /* Every page found for `query`, best first: Pagefind results ({id, score, data()}). */
  function find(query) {
    if (!query.trim()) return Promise.resolve([]);
    return load().then(function (loaded) {
      var pagefind = loaded[0];
      var forms = variants(query, loaded[1]);
      /* The query in this site's own words ranks first: 肾小球 typed on the Taiwan site wants
         the pages about 腎絲球 before those quoting the mainland word. */
      var literal = forms.indexOf(query.trim());
      var foreign = normalise(query.trim(), loaded[1]) !== query.trim();
      return Promise.all(forms.map(function (q, i) {
        return findForm(pagefind, q).then(function (results) {
          var weight = foreign && i === literal ? FOREIGN_WEIGHT : 1;
          return results.map(function (r) { return { result: r, score: r.score * weight }; });
        });
      }));
    }).then(function (answers) {
      var best = {};
      answers.forEach(function (results) {
        results.forEach(function (hit) {
          if (!best[hit.result.id] || best[hit.result.id].score < hit.score) best[hit.result.id] = hit;
        });
      });
      var ranked = Object.keys(best).map(function (id) { return best[id]; })
        .sort(function (a, b) { return b.score - a.score; })
        .map(function (hit) { return hit.result; });
      /* The glossary lists every word once and the synonyms of each (a synonym found there
         scores high for its rarity): its pages go after the pages that use the word. Only the
         results a reader sees first are looked at (each costs a fragment download). */
      var head = ranked.slice(0, SHOWN + 1);
      return Promise.all(head.map(function (r) { return r.data(); })).then(function (pages) {
        /* The glossary is an index page and one page per category: all go after the rest. */
        var inGlossary = head.filter(function (r, i) {
          return new URL(pages[i].url, location.href).pathname.indexOf(glossary) === 0;
        });
        return ranked.filter(function (r) { return inGlossary.indexOf(r) < 0; })
          .concat(inGlossary);
      });
    });
  }

  /* The page text around the first match, put back together from the index's words (a bigram
     stands for its first character), matches marked. */
  function excerpt(data) {
    var words = (data.content || "").split(/[\r\n\s]+/).filter(Boolean);
    var marked = {};
    (data.locations || []).forEach(function (at) {
      marked[at] = true;
      if (isBigram(words[at] || "")) marked[at + 1] = true; /* its second character */
    });
    var first = (data.locations && data.locations.length) ? Math.min.apply(null, data.locations) : 0;
    var start = Math.max(0, first - 12);
    var p = document.createElement("p");
    var previous = null;
    var previousBigram = false;
    var mark = null;
    for (var i = start; i < Math.min(words.length, start + EXCERPT_WORDS); i++) {
      var bigram = isBigram(words[i]);
      /* Pagefind ends each block with "." after a letter, Han included: shown as 。 there. */
      var text = bigram ? Array.from(words[i])[0] : words[i].replace(HAN_STOP, "$1。");
      var gap = previous !== null && !previousBigram &&
        !(CJK.test(Array.from(previous).pop()) && CJK.test(Array.from(text)[0]));
      if (gap) { (mark && marked[i] ? mark : p).appendChild(document.createTextNode(" ")); }
      if (marked[i]) {
        if (!mark) { mark = document.createElement("mark"); p.appendChild(mark); }
        mark.appendChild(document.createTextNode(text));
      } else {
        mark = null;
        p.appendChild(document.createTextNode(text));
      }
      previous = text;
      previousBigram = bigram;
    }
    return p;
  }

  function say(template, count) {
    status.textContent = template.replace("#", String(count));
  }

  function show(results) {
    list.textContent = "";
    none.hidden = results.length > 0;
    if (!results.length) { say(status.dataset.none, 0); return Promise.resolve(); }
    say(results.length === 1 ? status.dataset.one : status.dataset.other, results.length);
    return Promise.all(results.slice(0, SHOWN).map(function (r) { return r.data(); })).then(function (pages) {
      pages.forEach(function (data) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = data.url;
        link.textContent = (data.meta && data.meta.title) || data.url;
        item.appendChild(link);
        item.appendChild(excerpt(data));
        list.appendChild(item);
      });
    });
  }

  function search(query) {
    var ticket = ++pending;
    if (!query.trim()) { list.textContent = ""; status.textContent = ""; none.hidden = true; return; }
    status.textContent = status.dataset.loading;
    find(query).then(function (results) {
      if (ticket === pending) return show(results);
    });
  }

  function open() {
    if (typeof dialog.showModal === "function") dialog.showModal(); else dialog.setAttribute("open", "");
    input.focus();
    load();
  }

  window.shenzhiSearch = { find: find, encoded: encoded, plan: plan };
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
