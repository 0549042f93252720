/* WIC search: Lao-aware, offline, one index per language, ranked.

   Lao is written without spaces between words and farmers type questions, so pages and
   queries are both split into Lao syllables (laoseg.js, after laofold.js) and English words
   (with a light stemmer). A query is matched term by term, with OR, and ranked like BM25:
   single syllables or words and pairs of neighbouring ones, a title above a heading above the
   body, the whole phrase as a bonus by its rarity, a page whose title has a word few titles have
   above the rest, and (English) pages that have every word of the question first, words that
   are on most pages aside. Question words ("ແນວໃດ", "how") are dropped, glossary synonyms and
   everyday words ("ລ່ວງເວລາ", "OT", "13 year old") are added, the last syllable is matched as a
   prefix while the user types, and an unknown syllable or word is matched loosely (tone marks,
   one wrong letter). A typed phone number answers with its contact first.
   The index is a script, loaded on first use, so search works from file:// as well as from a
   server; it also carries the panel's words, the question words, the synonyms and the contacts
   shown when nothing matches. */
(function () {
  "use strict";
  var F = window.WicFold, S = window.WicSeg;
  var cfgEl = document.getElementById("wic-config");
  var form = document.querySelector("[data-wic-search]");
  if (!F || !S || !cfgEl || !form) return;
  var cfg = JSON.parse(cfgEl.textContent);
  var input = form.querySelector("[data-wic-search-input]");
  var panel = form.querySelector("[data-wic-search-results]");
  var clear = form.querySelector("[data-wic-search-clear]");
  var LAO = /^[\u0e80-\u0eff]/;
  var PARTIAL = /^[\u0ec0-\u0ec4]?[\u0e81-\u0eae\u0edc\u0edd]\u0ebc?[\u0eb1\u0ebb]?[\u0ec8-\u0ecb]?$/;
  var MAX_QUERY = 300;          // characters of a pasted text that are searched
  var MAX_TERMS = 40;           // query terms kept (the rarest), so a long paste stays quick
  var MAX_RESULTS = 6;          // enough to choose from on a phone; fewer to lay out on a slow one
  var BOOST = [4, 2, 1];        // title, heading, body
  var K1 = 3, B = 0.75;         // K1: a word a page says often, in its title and headings, keeps counting
  var PHRASE = 0.8;             // the whole phrase, per field boost and its rarity (idf)
  var OVERLAP = 0.75;           // how much of an English pair is already counted by its rarer word
  var TITLE = 1.5;              // the page's title has a question word few titles have: by that rarity
  var ix = null, loading = false, active = -1, lastQuery = null;

  function base() { return cfg.base.replace(/\/$/, ""); }

  var waiting = [];
  function load(then) {
    if (ix) return then();
    var raw = window.__wicIndex && window.__wicIndex[cfg.lang];
    if (raw) { ix = prepare(raw); return then(); }
    // Everyone who asked while the index script was loading is answered once it has loaded.
    waiting.push(then);
    if (loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = base() + "/search/wic-index-" + cfg.lang + ".js";
    s.onload = function () {
      loading = false;
      ix = prepare(window.__wicIndex[cfg.lang]);
      waiting.splice(0).forEach(function (fn) { fn(); });
    };
    s.onerror = function () { loading = false; waiting = []; };
    document.head.appendChild(s);
  }

  /* --- terms ----------------------------------------------------------------------------- */
  // Irregular forms the suffix rules cannot reach.
  var IRREGULAR = { bitten: "bite", bit: "bite", paid: "pay", got: "get", took: "take", taken: "take", fell: "fall",
    fallen: "fall", cut: "cut", hurt: "hurt", sold: "sell", children: "child", women: "woman", men: "man", feet: "foot",
    teeth: "tooth", ate: "eat", eaten: "eat", stung: "sting", broke: "break", broken: "break", kept: "keep" };
  function stem(w) {
    if (IRREGULAR.hasOwnProperty(w)) w = IRREGULAR[w];
    if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
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
  function key(term) { return LAO.test(term) ? term : stem(term); }
  // Loose form of a Lao syllable for typos: no tone marks, short and long vowels alike.
  function skeleton(t) {
    return t.replace(/[\u0ec8-\u0ecc]/g, "").replace(/\u0eb5/g, "\u0eb4").replace(/\u0eb7/g, "\u0eb6").replace(/\u0eb9/g, "\u0eb8");
  }

  /* The page text comes split already: terms are separated by spaces, punctuation or the
     index's mark (see scripts/wic/search_index.py); a grouped number is one term. */
  var SEP = "., \u00a0\u202f\t\n";
  var CORPUS = new RegExp("[0-9]+(?:[" + SEP + "][0-9]{3}(?![0-9]))+|(?:[\u0e80-\u0eff]|[\\p{L}\\p{N}]|[\u0300-\u036f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])+", "gu");
  var DIGIT_SEP = new RegExp("[" + SEP + "]", "g");
  function view(f) {
    if (f.text === undefined) { var t = tokenize(f.marked, f.mark); f.text = t.text; f.starts = t.starts; f.ends = t.ends; }
    return f;
  }
  function tokenize(marked, mark) {
    var starts = [], ends = [], terms = [], m;
    // Display text = marked text without marks; offsets are into the display text.
    var parts = marked.split(mark), text = parts.join("");
    var offs = [], acc = 0;
    for (var i = 0; i < parts.length; i++) { offs.push(acc); acc += parts[i].length; }
    for (var p = 0; p < parts.length; p++) {
      CORPUS.lastIndex = 0;
      while ((m = CORPUS.exec(parts[p]))) {
        var w = m[0];
        starts.push(offs[p] + m.index); ends.push(offs[p] + m.index + w.length);
        terms.push(LAO.test(w) ? w : w.replace(DIGIT_SEP, "").toLowerCase());
      }
    }
    return { text: text, starts: starts, ends: ends, terms: terms };
  }

  /* The index gives each text with the numbers of its terms (see search_index.py): here they
     become the search's own term numbers (English words share one with their stem), and the
     list of places each term stands. Where a term sits in the text is worked out only for the
     texts that are shown (view). */
  function prepare(raw) {
    var mark = raw.mark, width = raw.width, digits = raw.digits, radix = digits.length;
    var code = new Int16Array(128);
    for (var c = 0; c < radix; c++) code[digits.charCodeAt(c)] = c;
    var vocab = new Map(), words = [], own = new Int32Array(raw.w.length);
    raw.w.forEach(function (t, i) {
      var k = key(t), id = vocab.get(k);
      if (id === undefined) { id = words.length; vocab.set(k, id); words.push(k); }
      own[i] = id;
    });
    var post = words.map(function () { return []; }), df = new Int32Array(words.length), lastDoc = new Int32Array(words.length).fill(-1);
    var fields = [], docs = [];
    function addField(text, enc, kind, d, sec) {
      var n = enc.length / width, ids = new Int32Array(n), j = 0;
      var fi = fields.length;
      for (var i = 0; i < n; i++) {
        var v = 0;
        for (var k = 0; k < width; k++) v = v * radix + code[enc.charCodeAt(j++)];
        var id = own[v];
        ids[i] = id;
        post[id].push(fi, i);
        if (lastDoc[id] !== d) { lastDoc[id] = d; df[id]++; }
      }
      fields.push({ marked: text, mark: mark, ids: ids, kind: kind, doc: d, sec: sec });
      return fi;
    }
    raw.docs.forEach(function (rd, d) {
      var doc = { i: d, url: rd.u, sections: [] };
      docs.push(doc);
      doc.title = addField(rd.t[0], rd.t[1], 0, d, -1);
      rd.s.forEach(function (s, si) {
        var h = addField(s[0], s[1], 1, d, si), b = addField(s[3], s[4], 2, d, si);
        doc.sections.push({ h: h, b: b, anchor: s[2] });
      });
    });
    // BM25 length normalisation per field, against the average field of its kind: a word in a
    // short section counts more than the same word in a long table (the glossary, the directory).
    var sum = [0, 0, 0], cnt = [0, 0, 0];
    fields.forEach(function (f) { sum[f.kind] += f.ids.length; cnt[f.kind]++; });
    fields.forEach(function (f) {
      var avg = sum[f.kind] / Math.max(1, cnt[f.kind]);
      f.weight = BOOST[f.kind] / (1 - B + B * Math.max(1, f.ids.length) / Math.max(1, avg));
    });
    var skel = new Map();
    words.forEach(function (w, id) {
      if (!LAO.test(w)) return;
      var k = skeleton(w);
      if (!skel.has(k)) skel.set(k, []);
      skel.get(k).push(id);
    });
    function keyed(seqs) { return (seqs || []).map(function (seq) { return seq.map(key); }); }
    var stop = keyed(raw.stop), stopOne = new Set(), syn = (raw.syn || []).map(keyed), synTerms = new Set();
    syn.forEach(function (g) { g.forEach(function (form) { form.forEach(function (t) { synTerms.add(t); }); }); });
    stop.forEach(function (seq) { if (seq.length === 1) stopOne.add(seq[0]); });
    var ages = raw.ages && raw.ages.before ? { under: raw.ages.under, group: raw.ages.group,
      before: keyed(raw.ages.before), after: keyed(raw.ages.after) } : null;
    (raw.tel || []).forEach(function (c) { c.d = c.p.map(phoneKey); });
    return {
      vocab: vocab, words: words, post: post, df: df, fields: fields, docs: docs, skel: skel,
      ui: raw.ui || {}, help: raw.help || [], tel: raw.tel || [],
      stop: stop, stopOne: stopOne, syn: syn, synTerms: synTerms, ages: ages
    };
  }

  /* --- the query --------------------------------------------------------------------------- */
  function idf(df) { var n = ix.docs.length; return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }
  function startsAt(toks, seq, i) {
    if (i + seq.length > toks.length) return false;
    for (var j = 0; j < seq.length; j++) if (toks[i + j] !== seq[j]) return false;
    return true;
  }
  function startsAWord(t) {
    for (var i = 0; i < ix.words.length; i++) if (ix.words[i].length > t.length && ix.words[i].lastIndexOf(t, 0) === 0) return true;
    return false;
  }
  function editOne(a, b) {
    // true when a and b differ by one inserted, deleted or replaced letter
    if (Math.abs(a.length - b.length) > 1 || a === b) return false;
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { i++; j++; continue; }
      if (++edits > 1) return false;
      if (a.length > b.length) i++; else if (b.length > a.length) j++; else { i++; j++; }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }

  /* Terms to look up: {ids: [id] or [id, id] (a neighbouring pair), w: weight, c: [concepts]}.
     A concept is one meaningful word of the query; pages that have all of them rank first. */
  function analyse(query) {
    var folded = F.fold(query.length > MAX_QUERY ? query.slice(0, MAX_QUERY) : query);
    var sp = S.spans(folded);
    var toks = sp.map(function (s) { return key(s[2]); });
    var typing = sp.length > 0 && sp[sp.length - 1][1] === folded.length && query.length <= MAX_QUERY;
    var lastTok = toks[toks.length - 1];
    if (typing && LAO.test(lastTok) && (!ix.vocab.has(lastTok) || PARTIAL.test(lastTok)) && !startsAWord(lastTok) &&
        !ix.synTerms.has(lastTok)) {
      // While typing, one syllable may swallow the start of the next (ງູກ for ງູ + ກັດ): split it
      // where a known syllable ends. A syllable of an everyday word (ກາກ of ໜ້າກາກ) is whole.
      for (var k = lastTok.length - 1; k > 0; k--) {
        if (ix.vocab.has(lastTok.slice(0, k)) && startsAWord(lastTok.slice(k))) {
          toks.splice(toks.length - 1, 1, lastTok.slice(0, k), lastTok.slice(k));
          break;
        }
      }
    }
    var stop = toks.map(function () { return false; });
    for (var i = 0; i < toks.length; i++) {
      var best = 0;
      ix.stop.forEach(function (seq) { if (seq.length > best && startsAt(toks, seq, i)) best = seq.length; });
      for (var j = 0; j < best; j++) stop[i + j] = true;
      if (best) i += best - 1;
    }
    if (stop.every(Boolean)) stop = stop.map(function () { return false; });
    var concept = [], concepts = 0, own = [];
    toks.forEach(function (t, i) { concept.push(stop[i] ? -1 : concepts++); if (!stop[i]) own.push(ix.vocab.get(t)); });
    var terms = [], seen = new Map();
    function add(ids, w, c) {
      var k = ids.join(",");
      var t = seen.get(k);
      if (t) { t.w = Math.max(t.w, w); c.forEach(function (x) { if (t.c.indexOf(x) < 0) t.c.push(x); }); return; }
      t = { ids: ids, w: w, c: c.slice() };
      seen.set(k, t); terms.push(t);
    }
    function addSeq(seq, w, c) {
      var ids = seq.map(function (s) { return ix.vocab.get(s); });
      // A longer synonym counts by its pairs of neighbouring syllables or words only: its single
      // syllables (ການ, ເຮັດ) are on every page.
      if (ids.length === 1 && ids[0] !== undefined) add(ids, w, c);
      for (var k = 0; k + 1 < ids.length; k++) if (ids[k] !== undefined && ids[k + 1] !== undefined) add([ids[k], ids[k + 1]], w, c);
    }
    // Synonyms and everyday words: a group is used when one of its forms is in the query.
    var synonym = toks.map(function () { return false; });
    function useGroup(group, g, at, w) {   // at: the query's positions that hold form g
      var cs = [];
      at.forEach(function (j) { if (concept[j] >= 0) { cs.push(concept[j]); synonym[j] = true; } });
      if (!cs.length) return false;
      group.forEach(function (form, h) { if (h !== g) addSeq(form, w, cs); });
      return true;
    }
    ix.syn.forEach(function (group) {
      for (var g = 0; g < group.length; g++) {
        // A word the pages never use (ລ່ວງເວລາ, OT) is searched as fully as its synonyms.
        var w = group[g].every(function (t) { return ix.vocab.has(t); }) ? 0.6 : 1;
        for (var i = 0; i < toks.length; i++) {
          if (!startsAt(toks, group[g], i)) continue;
          var at = [];
          for (var j = i; j < i + group[g].length; j++) at.push(j);
          if (useGroup(group, g, at, w)) return;
        }
        // An English form of several words also counts when its words are in the question in
        // another order or with other words between ("no money for the hospital" has
        // "hospital money").
        var words = group[g].filter(function (t) { return !ix.stopOne.has(t); });
        if (words.length > 1 && !words.some(function (t) { return LAO.test(t); })) {
          var pos = words.map(function (t) {
            for (var k = 0; k < toks.length; k++) if (toks[k] === t && concept[k] >= 0) return k;
            return -1;
          });
          if (pos.indexOf(-1) < 0 && useGroup(group, g, pos, w)) return;
        }
      }
    });
    // "my 13 year old", "aged 15", "ອາຍຸ 13 ປີ": a number under the age of a grown-up, with a
    // word for age, means a child; it is searched as the words for a child.
    if (ix.ages) {
      toks.forEach(function (t, i) {
        if (!/^[0-9]{1,2}$/.test(t) || +t < 1 || +t >= ix.ages.under) return;
        var at = [];
        ix.ages.before.forEach(function (seq) {
          if (!at.length && i >= seq.length && startsAt(toks, seq, i - seq.length)) for (var j = i - seq.length; j <= i; j++) at.push(j);
        });
        ix.ages.after.forEach(function (seq) {
          if (!at.length && startsAt(toks, seq, i + 1)) for (var j = i; j <= i + seq.length; j++) at.push(j);
        });
        if (at.length) useGroup(ix.syn[ix.ages.group], -1, at, 1);
      });
    }
    toks.forEach(function (t, i) {
      var id = ix.vocab.get(t), c = concept[i];
      // A half-typed last syllable (ບ, ບັ, ເຮັ) is only the start of a word.
      if (typing && i === toks.length - 1 && PARTIAL.test(t)) id = undefined;
      if (!stop[i]) {
        var last = typing && i === toks.length - 1;
        if (id !== undefined) add([id], 1, [c]);
        // An English word also counts in its longer forms the stemmer leaves apart ("pick" in
        // "pickers", "machine" in "machinery"), lightly, so that a page saying it that way has
        // every word of the question.
        if (!LAO.test(t) && t.length >= 4) {
          for (var v = 0; v < ix.words.length; v++) {
            var wv = ix.words[v];
            if (wv.length > t.length && wv.length <= t.length + 3 && wv.lastIndexOf(t, 0) === 0 && !LAO.test(wv)) add([v], 0.4, [c]);
          }
        }
        // While typing, the last syllable or word may be the start of a longer one; those count
        // towards "has every word" only when what was typed is not a word of its own.
        var started = last ? prefix(t, id === undefined && !synonym[i] ? [c] : []) : 0;
        if (id === undefined && !synonym[i] && !(started && PARTIAL.test(t))) loose(t, c, i > 0 ? ix.vocab.get(toks[i - 1]) : undefined);
      }
      var next = ix.vocab.get(toks[i + 1]);
      // A pair with a question word counts only where it is a word of its own (ເຄື່ອງຈັກ); an
      // English word is a word of its own already ("for social" says no more than "social").
      var withStop = stop[i] || stop[i + 1];
      if (i + 1 < toks.length && id !== undefined && next !== undefined && !(stop[i] && stop[i + 1]) &&
          !(withStop && !LAO.test(t) && !LAO.test(toks[i + 1]))) {
        var both = [concept[i], concept[i + 1]].filter(function (x) { return x >= 0; });
        add([id, next], withStop ? 0.5 : 1.2, both);
        // A pair that is on no page may hold a typing slip in a real syllable (ຂັ້ນຕຳ for ຂັ້ນຕ່ຳ).
        if (!stop[i] && !stop[i + 1] && LAO.test(toks[i + 1]) && !occurrences([id, next]).length) {
          (ix.skel.get(skeleton(toks[i + 1])) || []).forEach(function (alt) {
            if (alt !== next && occurrences([id, alt]).length) add([id, alt], 1, both);
          });
        }
      }
    });
    function loose(t, c, prev) {
      if (LAO.test(t)) {
        (ix.skel.get(skeleton(t)) || []).forEach(function (id) {
          add([id], 0.6, [c]);
          if (prev !== undefined) add([prev, id], 0.8, [c]);
        });
      } else if (t.length >= 4) {
        ix.words.forEach(function (w, id) { if (editOne(t, w)) add([id], 0.6, [c]); });
      }
    }
    function prefix(t, c) {   // c: the concepts it may count for
      if (!LAO.test(t) && t.length < 3) return 0;
      var last = toks.length - 1, prev = last > 0 ? ix.vocab.get(toks[last - 1]) : undefined;
      if (prev !== undefined) {
        // What follows the previous syllable on the pages and starts like the last one:
        // ກຳມະບ -> ກຳມະ + ບານ.
        var follow = new Map(), p = ix.post[prev];
        for (var i = 0; i < p.length; i += 2) {
          var f = ix.fields[p[i]], next = f.ids[p[i + 1] + 1];
          if (next !== undefined && ix.words[next].length > t.length && ix.words[next].lastIndexOf(t, 0) === 0) {
            follow.set(next, (follow.get(next) || 0) + 1);
          }
        }
        Array.from(follow.keys()).sort(function (a, b) { return follow.get(b) - follow.get(a); }).slice(0, 10)
          .forEach(function (id) { add([prev, id], 1, c.length ? c : [concept[last - 1]].filter(function (x) { return x >= 0; })); });
        if (follow.size) return follow.size;
      }
      var found = [];
      ix.words.forEach(function (w, id) { if (w.length > t.length && w.lastIndexOf(t, 0) === 0) found.push(id); });
      found.sort(function (a, b) { return ix.df[b] - ix.df[a]; });
      found.slice(0, 20).forEach(function (id) { add([id], 0.7, c); });
      return found.length;
    }
    // Keep the rarest terms of a long paste.
    if (terms.length > MAX_TERMS) {
      terms.forEach(function (t) { t.rank = t.ids.length === 1 ? ix.df[t.ids[0]] : ix.df[t.ids[0]] / 2; });
      terms.sort(function (a, b) { return a.rank - b.rank; });
      terms = terms.slice(0, MAX_TERMS);
    }
    var run = [];   // the longest stretch of meaningful words, for the phrase bonus
    for (var a = 0, cur = []; a <= toks.length; a++) {
      var id2 = a < toks.length && !stop[a] ? ix.vocab.get(toks[a]) : undefined;
      if (id2 !== undefined) cur.push(id2);
      else { if (cur.length > run.length) run = cur; cur = []; }
    }
    return { terms: terms, concepts: concepts, own: own, run: run, latin: toks.length > 0 && toks.every(function (t) { return !LAO.test(t); }) };
  }

  /* (field, position) of each place a term occurs; a pair must stand side by side. */
  function occurrences(ids) {
    var p = ix.post[ids[0]];
    if (ids.length === 1) return p;
    var out = [];
    for (var i = 0; i < p.length; i += 2) {
      var f = ix.fields[p[i]];
      if (p[i + 1] + 1 < f.ids.length && f.ids[p[i + 1] + 1] === ids[1]) out.push(p[i], p[i + 1]);
    }
    return out;
  }

  function search(query) {
    var q = analyse(query), nd = ix.docs.length;
    // Plain arrays indexed by page and by text: a common syllable stands thousands of times.
    var score = new Float64Array(nd), tf = new Float64Array(nd), fieldScore = new Float64Array(ix.fields.length);
    var covered = [], touched = [], inTitle = [];
    q.terms.forEach(function (t) {
      var occ = occurrences(t.ids);
      if (!occ.length) return;
      var here = [], i;
      for (i = 0; i < occ.length; i += 2) {
        var f = ix.fields[occ[i]];
        if (tf[f.doc] === 0) here.push(f.doc);
        tf[f.doc] += f.weight;
      }
      var w = t.w * idf(here.length);
      if (t.ids.length > 1) {
        // Two English words side by side count for what they add to the rarer of the two: "social
        // security" is hardly rarer than "security", so it is not counted twice over.
        if (!LAO.test(ix.words[t.ids[0]]) && !LAO.test(ix.words[t.ids[1]])) {
          w -= t.w * OVERLAP * Math.max(idf(ix.df[t.ids[0]]), idf(ix.df[t.ids[1]]));
          if (w <= 0) return;
        }
        w *= 1.5;
      }
      // The section a result opens at is the one where the rare words of the query stand.
      var titled = [];
      for (i = 0; i < occ.length; i += 2) {
        var fo = ix.fields[occ[i]];
        fieldScore[occ[i]] += fo.weight * w;
        if (fo.kind === 0) titled.push(fo.doc);
      }
      // A page whose title has a word of the question that few titles have is the page about
      // it: "How to register" for "register for social security", "National Health Insurance"
      // for "hospital money". Its best such word counts again, by its rarity among the titles.
      var tw = t.w * idf(titled.length);
      titled.forEach(function (d) { inTitle[d] = Math.max(inTitle[d] || 0, tw); });
      here.forEach(function (d) {
        var x = tf[d];
        tf[d] = 0;
        score[d] += w * x * (K1 + 1) / (x + K1);
        if (!covered[d]) { covered[d] = []; touched.push(d); }
        t.c.forEach(function (c) { if (covered[d].indexOf(c) < 0) covered[d].push(c); });
      });
    });
    var bonus = phrases(q.run);
    // English: pages with every word of the question come first, but a word that is on most
    // pages ("coffee", "social", "help") does not decide which pages those are.
    var needed = [];
    for (var c = 0; c < q.concepts; c++) if (q.own[c] === undefined || ix.df[q.own[c]] <= nd / 2) needed.push(c);
    if (!needed.length) for (c = 0; c < q.concepts; c++) needed.push(c);
    var results = touched.map(function (d) {
      var doc = ix.docs[d], s = score[d];
      var cover = q.concepts ? covered[d].length / q.concepts : 1;
      var all = needed.every(function (c) { return covered[d].indexOf(c) >= 0; });
      // Lao: the more of the question's words a page has, the higher it goes.
      if (!q.latin) s *= 0.25 + 0.75 * cover * cover;
      s += bonus[d] || 0;
      s += TITLE * (inTitle[d] || 0);
      var best = null, bestScore = 0;
      doc.sections.forEach(function (sec) {
        var v = fieldScore[sec.h] + fieldScore[sec.b];
        if (v > bestScore) { bestScore = v; best = sec; }
      });
      return { doc: doc, score: s, all: q.latin && all, best: best, covered: covered[d], q: q };
    });
    var top = 0;
    results.forEach(function (r) { top = Math.max(top, r.score); });
    results = results.filter(function (r) { return r.all || r.score >= top * 0.15; });
    results.sort(function (a, b) {
      return (b.all - a.all) || b.score - a.score || ix.fields[a.doc.title].marked.length - ix.fields[b.doc.title].marked.length;
    });
    return results.slice(0, MAX_RESULTS);
  }
  /* Pages where the question's longest run of meaningful words stands whole: a bonus by field
     and by how rare the phrase is ("social security" is on half the pages, "minimum wage" on a few). */
  function phrases(run) {
    var bonus = [], docs = [], n = 0;
    if (run.length < 2) return bonus;
    var p = ix.post[run[0]];
    for (var i = 0; i < p.length; i += 2) {
      var f = ix.fields[p[i]], k = 1;
      while (k < run.length && f.ids[p[i + 1] + k] === run[k]) k++;
      if (k === run.length) {
        if (docs[f.doc] === undefined) { docs[f.doc] = 0; n++; }
        docs[f.doc] = Math.max(docs[f.doc], BOOST[f.kind]);
      }
    }
    var w = idf(n);
    // English: what the phrase adds to its rarest word (as for pairs, see search()).
    if (run.every(function (id) { return !LAO.test(ix.words[id]); })) {
      w -= OVERLAP * Math.max.apply(null, run.map(function (id) { return idf(ix.df[id]); }));
    }
    if (w <= 0) return bonus;
    docs.forEach(function (b, d) { bonus[d] = b * PHRASE * w; });
    return bonus;
  }
  /* [position, length, weight, pages with it] of each query term in one text (only texts shown). */
  function marksIn(fi, q) {
    var ids = ix.fields[fi].ids, out = [];
    q.terms.forEach(function (t) {
      for (var p = 0; p < ids.length; p++) {
        if (ids[p] === t.ids[0] && (t.ids.length === 1 || ids[p + 1] === t.ids[1])) out.push(p, t.ids.length, t.w, ix.df[t.ids[0]]);
      }
    });
    return out;
  }

  /* --- display --------------------------------------------------------------------------- */
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }
  /* Character ranges to mark in a field: whole terms only (never part of a Lao cluster);
     pairs of neighbouring terms when there are any, single terms otherwise. */
  function ranges(fi, q) {
    var m = marksIn(fi, q);
    if (!m.length) return [];
    var f = view(ix.fields[fi]), pairs = [], singles = [];
    for (var i = 0; i < m.length; i += 4) (m[i + 1] > 1 ? pairs : singles).push([m[i], m[i + 1], m[i + 2], m[i + 3]]);
    // Single syllables that are on most pages (ເຮັດ, ການ) are not worth a highlight.
    var use = pairs.length ? pairs : singles.filter(function (s) { return s[2] >= 0.6 && s[3] <= ix.docs.length / 3; });
    var out = [];
    use.forEach(function (s) { if (s[0] + s[1] <= f.starts.length) out.push([f.starts[s[0]], f.ends[s[0] + s[1] - 1]]); });
    out.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    out.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
    });
    return merged;
  }
  function highlight(text, rs, from, to) {
    var out = "", pos = from;
    rs.forEach(function (r) {
      if (r[0] < pos || r[1] > to) return;
      out += esc(text.slice(pos, r[0])) + "<mark>" + esc(text.slice(r[0], r[1])) + "</mark>";
      pos = r[1];
    });
    return out + esc(text.slice(pos, to));
  }
  var NO_START = /[\u0eb0-\u0ebc\u0ec8-\u0ecd]/;
  function snippet(fi, q) {
    var f = view(ix.fields[fi]), text = f.text, n = text.length, width = 160, rs = ranges(fi, q);
    if (!rs.length) return esc(text.slice(0, width)) + (n > width ? "…" : "");
    var at = rs[0][0];
    var from = Math.max(0, at - 50), to = Math.min(n, from + width);
    // Cut only at spaces so no Lao cluster is broken in half.
    if (from > 0) { var sp = text.indexOf(" ", from); from = sp >= 0 && sp < at ? sp + 1 : from; }
    if (to < n) { var sp2 = text.lastIndexOf(" ", to); to = sp2 > at ? sp2 : to; }
    while (from > 0 && NO_START.test(text.charAt(from))) from--;
    while (to < n && NO_START.test(text.charAt(to))) to++;
    return (from > 0 ? "… " : "") + highlight(text, rs, from, to) + (to < n ? " …" : "");
  }
  function word(k) { return ix.ui[k] || ""; }

  /* A typed phone number answers with its contact first ("1508", "໑໕໐໘", "021 225023"): the
     row opens the help page at the section that lists it, where the number is a call link. */
  function phoneKey(p) { return String(p).replace(/[^0-9]/g, "").replace(/^856/, "").replace(/^0+/, ""); }
  function typedNumbers(query) {
    return (F.fold(query.slice(0, MAX_QUERY)).match(/[0-9][0-9 ().\-]*[0-9]|[0-9]/g) || [])
      .map(phoneKey).filter(function (d) { return d.length >= 3; });
  }
  function sameNumber(typed, d) { return typed === d || (typed.length >= 6 && d.slice(-typed.length) === typed); }
  function phoneAnswers(query) {
    var typed = typedNumbers(query);
    if (!typed.length) return [];
    return ix.tel.filter(function (c) {
      return c.d.some(function (d) { return typed.some(function (t) { return sameNumber(t, d); }); });
    });
  }
  function answerRow(c, query) {
    var typed = typedNumbers(query);
    var phones = c.p.map(function (p, i) {
      var hit = typed.some(function (t) { return sameNumber(t, c.d[i]); });
      return hit ? "<mark>" + esc(p) + "</mark>" : esc(p);
    }).join(", ");
    return '<li class="wic-result wic-result--answer" data-wic-search-answer><a href="' + esc(base() + "/" + c.u) + '">' +
      '<span class="wic-result__title">' + esc(c.n) + '</span><span class="wic-result__section">' + esc(word("call")) + " " + phones +
      '</span><span class="wic-result__snippet">' + esc(c.h) + "</span></a></li>";
  }

  function render(query) {
    var answers = phoneAnswers(query);
    // The answer already opens the help page: it is not listed a second time.
    var answered = answers.map(function (c) { return c.u.split("#")[0]; });
    var results = search(query).filter(function (r) { return answered.indexOf(r.doc.url) < 0; })
      .slice(0, Math.max(0, MAX_RESULTS - answers.length));
    active = -1;
    if (!results.length && !answers.length) return renderNothing(query);
    var found = answers.length + results.length;
    var count = found === 1 ? word("one") : word("other").replace("#", found);
    var html = '<div class="wic-search__meta" data-wic-search-count>' + esc(count) + "</div>";
    html += '<ol class="wic-search__list" data-wic-search-hits>';
    answers.forEach(function (c) { html += answerRow(c, query); });
    results.forEach(function (r) {
      var title = view(ix.fields[r.doc.title]);
      var url = base() + "/" + r.doc.url + (r.best && r.best.anchor ? "#" + r.best.anchor : "");
      var head = r.best ? view(ix.fields[r.best.h]) : null;
      var sect = head && head.text && head.text !== title.text
        ? '<span class="wic-result__section">' + highlight(head.text, ranges(r.best.h, r.q), 0, head.text.length) + "</span>" : "";
      html += '<li class="wic-result"><a href="' + esc(url) + '">' +
        '<span class="wic-result__title">' + highlight(title.text, ranges(r.doc.title, r.q), 0, title.text.length) + "</span>" + sect +
        '<span class="wic-result__snippet">' + (r.best ? snippet(r.best.b, r.q) : "") + "</span></a></li>";
    });
    show(html + "</ol>", query, found);
  }
  /* Nothing matches: the main topics and the people who can help, never an empty box. */
  function renderNothing(query) {
    var html = '<div class="wic-search__meta" data-wic-search-count>' + esc(word("none")) + "</div>";
    var topics = '<div class="wic-search__meta">' + esc(word("topics")) + '</div><ol class="wic-search__list" data-wic-search-topics>';
    var helpUrl = base() + "/" + (cfg.lang === "lo" ? "" : cfg.lang + "/") + "help.html";
    ix.docs.forEach(function (d) {
      var path = d.url.indexOf(cfg.lang + "/") === 0 ? d.url.slice(cfg.lang.length + 1) : d.url;
      if (path === "help.html") helpUrl = base() + "/" + d.url;
      if (!/^[^/]+\/index\.html$/.test(path) && path !== "help.html") return;
      topics += '<li class="wic-result"><a href="' + esc(base() + "/" + d.url) + '"><span class="wic-result__title">' +
        esc(view(ix.fields[d.title]).text) + "</span></a></li>";
    });
    // The people who can help come first: on a phone they are on the first screen. Each opens
    // the help page, where the numbers are call links.
    html += '<div class="wic-search__meta">' + esc(word("ask")) + '</div><ul class="wic-search__list" data-wic-search-help>';
    ix.help.forEach(function (c) {
      var phones = c.p.map(function (p) { return word("call") + " " + p; }).join(", ");
      html += '<li class="wic-result"><a href="' + esc(helpUrl) + '"><span class="wic-result__title">' + esc(c.n) +
        '</span><span class="wic-result__snippet">' + esc(c.h) + (phones ? " " + esc(phones) : "") + "</span></a></li>";
    });
    show(html + "</ul>" + topics + "</ol>", query, 0);
  }
  function show(html, query, found) {
    panel.innerHTML = html;
    panel.setAttribute("data-wic-query", query);
    open(true);
    // Other scripts may listen (stats.js counts searches): detail {q: the query, results: pages found}.
    document.dispatchEvent(new CustomEvent("wic:search", { detail: { q: query, results: found } }));
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
    if (!q) { panel.innerHTML = ""; panel.removeAttribute("data-wic-query"); open(false); return; }
    if (!ix) { panel.innerHTML = '<div class="wic-search__meta" aria-busy="true">…</div>'; open(true); }
    load(function () { if (input.value.trim() === q) render(q); });
  }
  function move(step) {
    var items = panel.querySelectorAll(".wic-result a");
    if (!items.length) return;
    if (active >= 0) items[active].parentNode.classList.remove("wic-result--active");
    active = (active + step + items.length) % items.length;
    items[active].parentNode.classList.add("wic-result--active");
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
  window.WicSearch = {
    search: function (q, cb) { load(function () { cb(search(q)); }); },
    reset: function () { input.value = ""; update(); },
    // The terms the browser finds in a text of the index (tests compare them with the build's).
    terms: function (marked, mark) { return tokenize(marked, mark || "|").terms; },
    // What a query is searched for (terms and pairs, with weights): for tests and for authors.
    explain: function (q, cb) {
      load(function () {
        cb(analyse(q).terms.map(function (t) { return [t.ids.map(function (id) { return ix.words[id]; }).join("+"), t.w]; }));
      });
    }
  };
})();
