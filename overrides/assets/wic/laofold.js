/* Fold Lao spelling variants for search. Mirrors scripts/wic/laofold.py rule for rule;
   tests/laofold_cases.json runs both. */
(function (root) {
  "use strict";
  var ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;
  var TONES = "\u0ec8\u0ec9\u0eca\u0ecb";
  var RANK = { "\u0ebc": 0, "\u0ecc": 3 };
  "\u0eb1\u0eb4\u0eb5\u0eb6\u0eb7\u0ebb\u0eb8\u0eb9\u0ecd".split("").forEach(function (c) { RANK[c] = 1; });
  TONES.split("").forEach(function (c) { RANK[c] = 2; });
  var MARKS = new RegExp("[" + Object.keys(RANK).join("") + "]{2,}", "g");
  var PAIRS = [["\u0ec0\u0ec0", "\u0ec1"], ["\u0eab\u0e99", "\u0edc"], ["\u0eab\u0ea1", "\u0edd"], ["\u0eab\u0ea5", "\u0eab\u0ebc"]];
  var NIKHAHIT_AA = new RegExp("\u0ecd([" + TONES + "]?)\u0eb2", "g");
  var LAO = /[\u0e80-\u0eff]/;

  function fold(text) {
    text = String(text).replace(ZERO_WIDTH, "");
    PAIRS.forEach(function (p) { text = text.split(p[0]).join(p[1]); });
    text = text.replace(MARKS, function (run) {
      // stable sort by rank (Array.prototype.sort is stable in current engines)
      return run.split("").map(function (c, i) { return [RANK[c], i, c]; })
        .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
        .map(function (x) { return x[2]; }).join("");
    });
    text = text.replace(NIKHAHIT_AA, function (_, tone) { return tone + "\u0eb3"; });
    return text.replace(/[\u0ed0-\u0ed9]/g, function (d) { return String.fromCharCode(d.charCodeAt(0) - 0x0ed0 + 48); });
  }

  function isSpace(c) { return /\s/.test(c); }
  function isDigit(c) { return c >= "0" && c <= "9"; }

  /* Key for matching plus, for each key character, its index in the text, so that a match
     can be highlighted in the original. Drops spaces inside Lao phrases and digit-group
     separators (2.500.000 = 2,500,000 = 2500000). */
  function squeezeWithMap(text) {
    var key = [], map = [], n = text.length;
    for (var i = 0; i < n; i++) {
      var c = text.charAt(i);
      if (isSpace(c) && key.length) {
        var prev = text.charAt(i - 1), j = i;
        while (j < n && isSpace(text.charAt(j))) j++;
        var next = text.charAt(j);
        if (j < n && ((LAO.test(prev) && (LAO.test(next) || isDigit(next))) || (isDigit(prev) && LAO.test(next)))) {
          i = j - 1; continue;
        }
      }
      if ((c === "." || c === "," || isSpace(c)) && i > 0 && isDigit(text.charAt(i - 1)) &&
          /^\d{3}(?!\d)/.test(text.substr(i + 1, 4))) continue;
      key.push(c.toLowerCase()); map.push(i);
    }
    return { key: key.join(""), map: map };
  }

  function matchKey(text) { return squeezeWithMap(fold(text)).key; }

  root.WicFold = { fold: fold, matchKey: matchKey, squeezeWithMap: squeezeWithMap };
})(typeof window !== "undefined" ? window : this);
