/* Split text into search terms: Lao syllables and, for other scripts, words.
   Mirrors scripts/wic/laoseg.py rule for rule (syllable rules of Phissamay et al. as written
   down by LaoNLP, Apache-2.0, plus a fallback that never drops a letter);
   tests/laoseg_cases.json runs both. Needs laofold.js. */
(function (root) {
  "use strict";
  var C = "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮໜໝ";
  var LEAD = "ເແໂໄໃ";
  var T = "[\u0ec8-\u0ecb]?", FINAL = "[ກງຍດນມຢບວ]", F = FINAL + "?";
  var X = "(?:[ຈສຊພຟລ]\u0ecc)?";
  var ONSET = "ຫ?[" + C + "][\u0ebcຣວລ]?";
  var NUM = "[໐-໙]+";
  function alt(parts) { return "(?:" + parts.join("|") + ")"; }
  var E = "ເ" + ONSET + alt([T + F + X, "[ິີ]" + T + F + X, "[ຶື]" + T + "ອ" + F + X, "າ?ະ",
    "\u0ebb" + T + "າ", "\u0eb1" + T + FINAL + X, "\u0eb1?" + T + "ຽ"]);
  var AE = "ແ" + ONSET + alt([T + "[ວອຽ]?" + F + X, "ະ", "\u0eb1" + T + FINAL + X]);
  var O = "ໂ" + ONSET + alt([T + F + X, "ະ", "\u0eb1" + T + "[ຍດນມຢບ]?"]);
  var AI = "ໄ" + ONSET + T + "ວ?" + X;
  var AY = "ໃ" + ONSET + T + "ວ?";
  var PLAIN = [
    ONSET + "[\u0eb8\u0eb9]" + T + F + X,
    ONSET + "[\u0eb4-\u0eb7]" + T + F + X,
    ONSET + "\u0ecd" + T + "າ?" + X,
    ONSET + "\u0ebb" + T + "(?:" + FINAL + X + "|ວະ)",
    ONSET + "\u0eb1" + T + "ວ?" + FINAL + X,
    ONSET + T + "[ວອຽ]" + FINAL + X,
    ONSET + T + "ະ",
    ONSET + T + "າ" + F + X,
    ONSET + T + "\u0eb3" + X
  ];
  var SYL = "(?:" + alt([E, AE, O, AI, AY].concat(PLAIN)) + "[ຯໆ]?|" + NUM + ")";
  // ... or before a last syllable that is still being typed (ກຳມະບ is ກຳມະ + ບ).
  var NEXT = alt(["[" + LEAD + "ຫ]", "$"].concat(PLAIN, [NUM, ONSET + "[\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd]*$"]));
  // Sticky (y) so each match starts exactly where the previous syllable ended.
  var SYLLABLE = new RegExp(SYL + "(?=" + NEXT + ")", "y");
  var CLUSTER = new RegExp("[" + LEAD + "]?[\u0e81-\u0eae\u0edc-\u0edf][\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd]*|[^]", "y");
  var MARKS = "\u0300-\u036f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e";
  var SEP = "., \u00a0\u202f\t\n";
  var TERM = new RegExp("[0-9]+(?:[" + SEP + "][0-9]{3}(?![0-9]))+|[\u0e80-\u0eff]+|(?:(?![\u0e80-\u0eff])[\\p{L}\\p{N}]|[" + MARKS + "])+", "gu");
  var DIGIT_SEP = new RegExp("[" + SEP + "]", "g");
  var LAO = /^[\u0e80-\u0eff]/;

  /* [start, end] of each syllable of a run of Lao characters; together they cover the run. */
  function laoSyllables(run) {
    var out = [], i = 0, n = run.length, m;
    while (i < n) {
      SYLLABLE.lastIndex = i;
      m = SYLLABLE.exec(run);
      if (!m || !m[0].length) { CLUSTER.lastIndex = i; m = CLUSTER.exec(run); }
      out.push([i, i + m[0].length]);
      i += m[0].length;
    }
    return out;
  }

  /* [start, end, term] of each term of already folded text, in order. */
  function spans(folded) {
    var out = [], m;
    TERM.lastIndex = 0;
    while ((m = TERM.exec(folded))) {
      var word = m[0], at = m.index;
      if (LAO.test(word)) {
        laoSyllables(word).forEach(function (s) { out.push([at + s[0], at + s[1], word.slice(s[0], s[1])]); });
      } else {
        out.push([at, at + word.length, word.replace(DIGIT_SEP, "").toLowerCase()]);
      }
    }
    return out;
  }

  function syllables(text) { return spans(root.WicFold.fold(text)).map(function (s) { return s[2]; }); }

  root.WicSeg = { syllables: syllables, spans: spans, laoSyllables: laoSyllables };
})(typeof window !== "undefined" ? window : this);
