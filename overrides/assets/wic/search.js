/* WIC search: Lao-aware, offline, one index per language.

   Lao is written without spaces between words, and segmenters disagree on where words end,
   so Lao queries are matched as folded character sequences (see laofold.js) anywhere in the
   text, never cutting through a letter's vowel or tone marks. English queries are matched
   word by word with a light stemmer ("spraying" finds "spray"). The index is a script, loaded
   on first use, so search works from file:// as well as from a server. */
(function () {
  "use strict";
  var F = window.WicFold;
  var cfgEl = document.getElementById("wic-config");
  var form = document.querySelector("[data-wic-search]");
  if (!F || !cfgEl || !form) return;
  var cfg = JSON.parse(cfgEl.textContent);
  var input = form.querySelector("[data-wic-search-input]");
  var panel = form.querySelector("[data-wic-search-results]");
  var clear = form.querySelector("[data-wic-search-clear]");
  var LAO = /[\u0e80-\u0eff]/;
  var LATIN = /[a-z]/i;
  // A match may not start on a mark or a following vowel, nor end just before one.
  var NO_START = /[\u0eb0-\u0ebc\u0ec8-\u0ecd]/;
  var NO_AFTER = /[\u0eb0-\u0ebc\u0ec8-\u0ecd]/;
  var NO_END = /[\u0ec0-\u0ec4]/;
  var T = cfg.lang === "lo" ? {
    one: "ພົບ 1 ໜ້າ", other: "ພົບ # ໜ້າ", none: "ບໍ່ພົບ. ລອງພິມຄຳອື່ນ ຫຼື ຄຳທີ່ສັ້ນກວ່ານີ້.",
    loading: "ກຳລັງກຽມການຊອກຫາ…", hint: "ພິມຢ່າງໜ້ອຍ 2 ຕົວອັກສອນ"
  } : {
    one: "1 page found", other: "# pages found", none: "Nothing found. Try another or a shorter word.",
    loading: "Preparing search…", hint: "Type at least 2 letters"
  };
  var docs = null, loading = false, active = -1, lastQuery = null;

  function base() { return cfg.base.replace(/\/$/, ""); }

  var waiting = [];
  function load(then) {
    if (docs) return then();
    var idx = window.__wicIndex && window.__wicIndex[cfg.lang];
    if (idx) { prepare(idx); return then(); }
    // Everyone who asked while the index script was loading is answered once it has loaded.
    waiting.push(then);
    if (loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = base() + "/search/wic-index-" + cfg.lang + ".js";
    s.onload = function () {
      loading = false;
      prepare(window.__wicIndex[cfg.lang]);
      waiting.splice(0).forEach(function (fn) { fn(); });
    };
    s.onerror = function () { loading = false; waiting = []; };
    document.head.appendChild(s);
  }

  /* --- English words ------------------------------------------------------------------ */
  function stem(w) {
    if (w.length <= 3) return w;
    var rules = [["ational", "ate"], ["iveness", "ive"], ["fulness", "ful"], ["ization", "ize"],
      ["ations", "ate"], ["ation", "ate"], ["ments", ""], ["ment", ""], ["ities", "ity"], ["ings", ""], ["ing", ""],
      ["ies", "y"], ["ied", "y"], ["ness", ""], ["edly", ""], ["ed", ""], ["ers", "er"], ["es", "e"], ["ly", ""], ["s", ""]];
    for (var i = 0; i < rules.length; i++) {
      var suf = rules[i][0];
      if (w.length - suf.length >= 3 && w.slice(-suf.length) === suf) {
        w = w.slice(0, -suf.length) + rules[i][1];
        break;
      }
    }
    // "sprayed"->"spray", "stopped"->"stop", "lifting"->"lift", "wages"->"wage"
    if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
    return w.replace(/e$/, "");
  }
  function words(key) {
    var out = [], re = /[a-z0-9]+/g, m;
    while ((m = re.exec(key))) out.push({ w: m[0], s: stem(m[0]), i: m.index, n: m[0].length });
    return out;
  }

  function field(text) {
    var sq = F.squeezeWithMap(text);
    return { text: text, key: sq.key, map: sq.map, words: null };
  }
  function prepare(idx) {
    docs = idx.docs.map(function (d) {
      return {
        url: d.u, title: field(d.t),
        sections: d.s.map(function (s) { return { heading: field(s[0]), anchor: s[1], body: field(s[2]) }; })
      };
    });
  }

  /* --- matching ------------------------------------------------------------------------ */
  function laoHits(f, q) {
    var hits = [], from = 0, k = f.key;
    while (hits.length < 50) {
      var at = k.indexOf(q, from);
      if (at < 0) break;
      from = at + 1;
      var end = at + q.length;
      if (NO_START.test(k.charAt(at)) || NO_AFTER.test(k.charAt(end)) || NO_END.test(k.charAt(end - 1))) continue;
      hits.push([at, end]);
    }
    return hits;
  }
  function wordHits(f, terms) {
    if (!f.words) f.words = words(f.key);
    var hits = [], matched = 0;
    terms.forEach(function (t, ti) {
      var found = false;
      f.words.forEach(function (w) {
        var prefix = ti === terms.length - 1 && t.w.length >= 3 && w.w.indexOf(t.w) === 0;
        if (w.s === t.s || w.w === t.w || prefix) { hits.push([w.i, w.i + w.n]); found = true; }
      });
      if (found) matched++;
    });
    return matched === terms.length ? hits : [];
  }
  function makeMatcher(query) {
    if (LATIN.test(query) && !LAO.test(query)) {
      var terms = words(F.matchKey(query)).map(function (w) { return { w: w.w, s: w.s }; });
      if (!terms.length) return null;
      return function (f) { return wordHits(f, terms); };
    }
    var q = F.matchKey(query).replace(/\s+/g, " ").trim();
    if (q.length < 1) return null;
    var parts = q.split(" ");
    return function (f) {
      var all = [];
      for (var i = 0; i < parts.length; i++) {
        var h = laoHits(f, parts[i]);
        if (!h.length) return [];
        all = all.concat(h);
      }
      return all;
    };
  }

  function search(query) {
    var match = makeMatcher(query);
    if (!match) return [];
    var results = [];
    docs.forEach(function (d) {
      // A page about the word (title) beats a page with a heading about it, which beats pages
      // that only mention it; how often it is mentioned only breaks ties, so long pages do not win.
      var titleHits = match(d.title), best = null, mentions = 0, sections = 0;
      d.sections.forEach(function (s) {
        var hh = match(s.heading), bh = match(s.body);
        var sScore = (hh.length ? 30 : 0) + (bh.length ? 10 + Math.min(bh.length, 5) : 0);
        if (sScore > 0) {
          sections++;
          mentions += hh.length + bh.length;
          if (!best || sScore > best.score) best = { s: s, score: sScore, hh: hh, bh: bh };
        }
      });
      if (!titleHits.length && !best) return;
      var score = (titleHits.length ? 100 : 0) + (best ? best.score : 0) + Math.min(sections, 5) * 2 + Math.min(mentions, 20) / 4;
      results.push({ doc: d, score: score, best: best, titleHits: titleHits });
    });
    results.sort(function (a, b) { return b.score - a.score || a.doc.title.text.length - b.doc.title.text.length; });
    return results;
  }

  /* --- display ------------------------------------------------------------------------- */
  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }
  function highlight(f, hits, from, to) {
    var ranges = hits.map(function (h) { return [f.map[h[0]], f.map[h[1] - 1] + 1]; })
      .filter(function (r) { return r[0] >= from && r[1] <= to; })
      .sort(function (a, b) { return a[0] - b[0]; });
    var out = "", pos = from;
    ranges.forEach(function (r) {
      if (r[0] < pos) return;
      out += esc(f.text.slice(pos, r[0])) + "<mark>" + esc(f.text.slice(r[0], r[1])) + "</mark>";
      pos = r[1];
    });
    return out + esc(f.text.slice(pos, to));
  }
  function snippet(f, hits) {
    var text = f.text, n = text.length, width = 160;
    if (!hits.length) return esc(text.slice(0, width)) + (n > width ? "…" : "");
    var at = f.map[hits[0][0]];
    var from = Math.max(0, at - 50), to = Math.min(n, from + width);
    // Cut only at spaces so no Lao cluster is broken in half.
    if (from > 0) { var sp = text.indexOf(" ", from); from = sp >= 0 && sp < at ? sp + 1 : from; }
    if (to < n) { var sp2 = text.lastIndexOf(" ", to); to = sp2 > at ? sp2 : to; }
    while (from > 0 && NO_START.test(text.charAt(from))) from--;
    while (to < n && NO_AFTER.test(text.charAt(to))) to++;
    return (from > 0 ? "… " : "") + highlight(f, hits, from, to) + (to < n ? " …" : "");
  }
  function render(query) {
    var results = search(query);
    active = -1;
    var count = results.length === 1 ? T.one : T.other.replace("#", results.length);
    var html = '<div class="wic-search__meta" data-wic-search-count>' + (results.length ? count : T.none) + "</div>";
    html += '<ol class="wic-search__list">';
    results.slice(0, 20).forEach(function (r) {
      var url = base() + "/" + r.doc.url + (r.best && r.best.s.anchor ? "#" + r.best.s.anchor : "");
      var sect = r.best && r.best.s.heading.text && r.best.s.heading.text !== r.doc.title.text
        ? '<span class="wic-result__section">' + highlight(r.best.s.heading, r.best.hh, 0, r.best.s.heading.text.length) + "</span>" : "";
      html += '<li class="wic-result"><a href="' + esc(url) + '">' +
        '<span class="wic-result__title">' + highlight(r.doc.title, r.titleHits, 0, r.doc.title.text.length) + "</span>" + sect +
        '<span class="wic-result__snippet">' + (r.best ? snippet(r.best.s.body, r.best.bh) : "") + "</span></a></li>";
    });
    panel.innerHTML = html + "</ol>";
    panel.setAttribute("data-wic-query", query);
    open(true);
    // Other scripts may listen (stats.js counts searches): detail {q: the query, results: pages found}.
    document.dispatchEvent(new CustomEvent("wic:search", { detail: { q: query, results: results.length } }));
  }
  function open(on) {
    panel.hidden = !on;
    input.setAttribute("aria-expanded", on ? "true" : "false");
  }
  function update() {
    var q = input.value.trim();
    clear.hidden = !input.value;
    if (q === lastQuery) return;
    lastQuery = q;
    if (!q) { panel.innerHTML = ""; open(false); return; }
    if (!docs) { panel.innerHTML = '<div class="wic-search__meta">' + T.loading + "</div>"; open(true); }
    load(function () { if (input.value.trim() === q) render(q); });
  }
  function move(step) {
    var items = panel.querySelectorAll(".wic-result");
    if (!items.length) return;
    if (active >= 0) items[active].classList.remove("wic-result--active");
    active = (active + step + items.length) % items.length;
    items[active].classList.add("wic-result--active");
    items[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("input", update);
  input.addEventListener("focus", function () { load(function () {}); if (input.value.trim()) update(); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
    else if (e.key === "Enter") {
      var items = panel.querySelectorAll(".wic-result a");
      var target = items[active >= 0 ? active : 0];
      if (target) { e.preventDefault(); window.location.href = target.href; }
    } else if (e.key === "Escape") {
      if (input.value) { input.value = ""; update(); } else { input.blur(); }
    }
  });
  clear.addEventListener("click", function () { input.value = ""; update(); input.focus(); });
  document.addEventListener("click", function (e) { if (!form.contains(e.target)) open(false); });
  document.addEventListener("keydown", function (e) {
    var t = e.target, typing = t && (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName));
    if (!typing && (e.key === "/" || e.key === "s" || e.key === "S") && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault(); input.focus(); input.select();
    }
  });
  window.WicSearch = { search: function (q, cb) { load(function () { cb(search(q)); }); }, reset: function () { input.value = ""; update(); } };
})();
