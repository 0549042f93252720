/* The kiosk's poster viewer (kiosk builds only; overrides/main.html loads it).

   On the kiosk a PDF must never open in the browser's own PDF viewer: there the idle reset, the
   countdown and Quick exit do not exist and Escape does nothing, so a visitor who only has the
   touch screen is stuck, and the next visitor sees what the last one opened. So:
   - the gallery page (posters.html) shows a poster inside the page: the poster's picture (the
     thumbnail the poster step renders), its title, "back to the posters", the other language and
     Quick exit, over the page, whose idle reset and Escape-twice keep working (kiosk.js);
   - its address is the gallery's own with #wic-view=<poster>-<language>, so Back closes it;
   - any link to a PDF, on any page, leads there instead of opening the file.
   The gallery's words come from the page's JSON config (scripts/wic/words/<lang>.yml). */
(function () {
  "use strict";
  var w = window, d = document;
  if (w.__wicStale) return;
  var cfg = {};
  try { cfg = JSON.parse(d.getElementById("wic-config").textContent); } catch (e) { return; }
  if (!cfg.kiosk) return;
  var words = (cfg.words && cfg.words.viewer) || {};
  var layouts = (cfg.words && cfg.words.layout) || {};
  var root = new URL((cfg.base || ".") + "/", d.baseURI).href;
  var gallery = root + (cfg.lang === "lo" ? "" : cfg.lang + "/") + "posters.html";
  var VIEW = /^#wic-view=([a-z0-9-]+)-(lo|en)$/;
  var PDF = /\/posters\/([a-z0-9-]+?)-(lo|en|bi)-(a4|a3)\.pdf$/;
  var overlay = null, opener = null;

  function here(u) { return u.split("#")[0].split("?")[0]; }
  var onGallery = here(location.href) === gallery;

  function el(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function close() {
    if (!overlay) return;
    overlay.remove();
    overlay = null;
    d.documentElement.classList.remove("wic-viewing");
    if (opener && d.contains(opener)) opener.focus({ preventScroll: true });
  }

  function leave() {
    // Back to the gallery: undo our own history entry when there is one, else just drop the hash.
    if (history.state && history.state.wicViewer) history.back();
    else { history.replaceState(history.state, "", here(location.href)); close(); }
  }

  function open(key, lang) {
    close();
    var card = d.getElementById("poster-" + key);
    var title = card ? card.querySelector(".wic-poster__title").textContent.trim() : key;
    var src = root + "posters/" + key + "-" + lang + ".png";
    overlay = el("div", "wic-viewer");
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-labelledby", "wic-viewer-title");
    overlay.setAttribute("data-wic-viewer", key + "-" + lang);

    var bar = el("div", "wic-viewer__bar");
    var back = el("button", "wic-btn wic-viewer__back");
    back.type = "button";
    back.setAttribute("data-wic-viewer-back", "");
    back.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11h12Z"/></svg>';
    back.appendChild(el("span", "", words.back));
    back.addEventListener("click", leave);
    bar.appendChild(back);
    ["lo", "en"].forEach(function (l) {
      var b = el("a", "wic-btn wic-viewer__lang", layouts[l] || l);
      b.href = "#wic-view=" + key + "-" + l;
      b.lang = l;
      b.setAttribute("aria-current", String(l === lang));
      // The other language is the same place, not a step further: Back still returns to the gallery.
      b.addEventListener("click", function (e) { e.preventDefault(); show(key, l, false); });
      bar.appendChild(b);
    });
    var exit = el("a", "wic-btn wic-exit wic-viewer__exit");
    exit.href = cfg.home;
    exit.setAttribute("data-wic-exit", "");  // kiosk.js does the quick exit
    exit.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M19 3H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2m-3.6 13.8L12 13.4l-3.4 3.4-1.4-1.4 3.4-3.4-3.4-3.4 1.4-1.4 3.4 3.4 3.4-3.4 1.4 1.4-3.4 3.4 3.4 3.4-1.4 1.4Z"/></svg>';
    // The same words as the toolbar's Quick exit.
    var quick = d.querySelector(".wic-bar .wic-exit");
    exit.appendChild(el("span", "", quick ? quick.textContent.trim() : ""));
    if (quick && quick.getAttribute("aria-label")) exit.setAttribute("aria-label", quick.getAttribute("aria-label"));
    bar.appendChild(exit);
    overlay.appendChild(bar);

    var h = el("h2", "wic-viewer__title", title);
    h.id = "wic-viewer-title";
    overlay.appendChild(h);
    var frame = el("div", "wic-viewer__frame");
    var img = el("img", "wic-viewer__img");
    img.alt = (words.title ? words.title + ": " : "") + title;
    img.src = src;
    img.addEventListener("error", function () {
      frame.textContent = "";
      frame.appendChild(el("p", "wic-viewer__missing", words.missing));
    });
    frame.appendChild(img);
    overlay.appendChild(frame);
    d.body.appendChild(overlay);
    d.documentElement.classList.add("wic-viewing");
    back.focus({ preventScroll: true });
  }

  function show(key, lang, push) {
    var hash = "#wic-view=" + key + "-" + lang;
    var state = { wicViewer: true, wicVisit: (history.state || {}).wicVisit };
    if (push) history.pushState(state, "", hash); else history.replaceState(state, "", hash);
    open(key, lang);
  }

  function fromHash() {
    var m = VIEW.exec(location.hash);
    if (m) open(m[1], m[2]); else close();
  }

  // Every PDF link, anywhere: to the viewer, never to the file.
  d.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[href]");
    if (!a) return;
    var view = a.getAttribute("data-wic-view");
    var pdf = PDF.exec(here(a.href));
    if (!view && !pdf && !/\.pdf$/i.test(here(a.href))) return;
    e.preventDefault();
    e.stopPropagation();
    var key = view ? view.replace(/-(lo|en)$/, "") : pdf ? pdf[1] : "";
    var lang = view ? view.slice(-2) : pdf && pdf[2] !== "bi" ? pdf[2] : (cfg.lang === "en" ? "en" : "lo");
    if (!key) return;
    opener = a;
    if (onGallery) show(key, lang, true);
    else location.href = gallery + "#wic-view=" + key + "-" + lang;
  }, true);

  w.addEventListener("popstate", fromHash);
  w.addEventListener("hashchange", fromHash);
  w.addEventListener("keydown", function (e) {
    // One Escape closes the poster; kiosk.js still counts it, so twice is still the quick exit.
    if ((e.key === "Escape" || e.key === "Esc") && overlay && !e.repeat) leave();
  });
  if (onGallery) fromHash();
})();
