/* Anonymous usage counts for the centres' reports (README "Usage counts"; server side in
   scripts/wic/stats/).

   Counts are sent only when the site comes from a server (http/https); opened from disk
   (file://) nothing is counted and nothing is sent. Each count is one small POST to
   /_wic/count saying what happened on which page in which language:
   - a page view (not the kiosk's home page shown after an idle reset or at start: nobody chose
     it; the page only asks whether counts are kept, to show the notice);
   - a search: how many pages it found, and only when it found nothing, the folded text typed
     (search.js announces each search it shows: document event "wic:search", detail {q, results};
     a search is counted once the visitor has stopped typing for a moment, or leaves the page);
   - a click on a PDF link (poster or handout download);
   - a printed page;
   - window.wicCount(kind, key) for other scripts, e.g. a quiz: wicCount("quiz-right", "q3").
   Nothing else: no time (the server files counts under the day), no visitor id, nothing read
   from or written to the browser's storage, so the kiosk's reset has nothing to forget.
   The page's short notice that counts are kept is shown once the server says it keeps them;
   with `wic serve --no-stats` the server answers 204 and this page stops sending. */
(function (w, d) {
  "use strict";
  var on = /^https?:$/.test(w.location.protocol) && !w.__wicStale;
  w.wicCount = function () {};  // callers need not check whether counting is on
  if (!on) return;
  var ENDPOINT = "/_wic/count", SETTLE_MS = 2000;
  var cfg = {};
  try { cfg = JSON.parse(d.getElementById("wic-config").textContent); } catch (e) { /* defaults below */ }
  var lang = cfg.lang === "en" ? "en" : "lo";
  var root;
  try { root = new URL((cfg.base || ".") + "/", w.location.href); } catch (e) { return; }

  // A URL's path inside the site, as the server knows its files: "en/women/index.html".
  function sitePath(url) {
    if (url.origin !== root.origin || url.pathname.indexOf(root.pathname) !== 0) return null;
    var p = url.pathname.slice(root.pathname.length);
    if (p === "" || p.slice(-1) === "/") p += "index.html";
    try { return decodeURIComponent(p); } catch (e) { return null; }
  }
  var page = sitePath(new URL(w.location.href));
  if (!page) return;

  function send(data) {
    if (!on) return;
    data.page = data.page || page;
    try {
      w.fetch(ENDPOINT, {
        method: "POST", body: JSON.stringify(data), headers: { "Content-Type": "application/json" },
        keepalive: true, credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer"
      }).then(function (r) {
        if (r.status === 204) { on = false; return; }  // the server keeps no counts
        if (r.status === 200) {
          var note = d.querySelector("[data-wic-stats-notice]");
          if (note) note.hidden = false;
        }
      }, function () { /* server gone: the count is lost, the page works on */ });
    } catch (e) { /* no fetch: nothing counted */ }
  }

  w.wicCount = function (kind, key) { send({ kind: String(kind), key: String(key) }); };

  var automatic = cfg.kiosk && page === "index.html" && /;clean(;|$)/.test(w.name || "");
  send({ kind: automatic ? "hello" : "view" });

  /* Searches: search.js shows results after every key press; only the search the visitor
     settled on counts. */
  var pending = null, timer = null, lastSent = null;
  function flushSearch() {
    if (timer) { w.clearTimeout(timer); timer = null; }
    var s = pending;
    pending = null;
    if (!s || s.q === lastSent) return;
    lastSent = s.q;
    var data = { kind: "search", results: s.results };
    if (!s.results) data.q = w.WicFold ? w.WicFold.matchKey(s.q) : s.q;
    send(data);
  }
  d.addEventListener("wic:search", function (e) {
    var det = e.detail || {};
    if (typeof det.q !== "string" || !det.q.trim() || typeof det.results !== "number") return;
    pending = { q: det.q.trim(), results: det.results };
    if (timer) w.clearTimeout(timer);
    timer = w.setTimeout(flushSearch, SETTLE_MS);
  });
  w.addEventListener("pagehide", flushSearch);

  /* Downloads: a click (or middle click) on a link to a PDF of this site. */
  function onLink(e) {
    var a = e.target && e.target.closest ? e.target.closest("a[href]") : null;
    if (!a) return;
    var url;
    try { url = new URL(a.getAttribute("href"), w.location.href); } catch (err) { return; }
    var path = sitePath(url);
    if (path && /\.pdf$/i.test(path)) send({ kind: "download", page: path, lang: lang });
  }
  d.addEventListener("click", onLink, true);
  d.addEventListener("auxclick", onLink, true);

  /* Handouts: the page printed (toolbar button or the browser's own print). */
  w.addEventListener("beforeprint", function () { send({ kind: "print" }); });
})(window, document);
