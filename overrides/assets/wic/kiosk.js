/* WIC kiosk behaviour: quick exit, reading aids and (kiosk builds only) the idle reset.

   One laptop serves many visitors. Some read about harassment or violence and must not leave
   that page open for the next person, nor be seen reading it.

   How "Back" is made harmless (JavaScript cannot clear the browser's history):
   - Each visit has a random token, kept in window.name (it lasts while the tab lives, across
     page loads, from file:// as well as http://, and is not storage, so the kiosk's storage is
     empty after a reset). Off the kiosk it is also kept in sessionStorage, which outlives a phone
     reloading a tab it put to sleep.
   - The small script at the top of every page (partials/wic-bar.html) stamps the page's history
     entry with the token (history.replaceState), before the page content is drawn.
   - Quick exit and the idle reset give the tab a new token and location.replace() the home page,
     so the page being read leaves no Back entry of its own.
   - Any older entry reached later with Back or Forward carries the old token: the top-of-page
     script hides the page at once and location.replace()s it with the home page. Pages restored
     from the back/forward cache are checked on "pageshow" the same way.

   Nothing here needs hover, and every control is at least 48 px (kiosk.css). */
(function () {
  "use strict";
  var w = window, d = document, h = d.documentElement;
  if (w.__wicStale) return;  // this page is already being replaced by the home page
  var cfgEl = d.getElementById("wic-config");
  var cfg = cfgEl ? JSON.parse(cfgEl.textContent) : { lang: "lo", home: "index.html", kiosk: false, idle_seconds: 180 };
  var AIDS = "wic-reading-aids";
  // Against the document's base: the 404 page `wic serve` sends for a missing page has a <base>.
  var home = new URL(cfg.home, d.baseURI).href;

  function store(name) { try { return w[name]; } catch (e) { return null; } }
  var session = store("sessionStorage"), local = store("localStorage");

  /* ---- Leaving: quick exit and idle reset --------------------------------------------------- */
  function newVisit(clean) {
    var token = Math.random().toString(36).slice(2) + Date.now().toString(36);
    w.name = "wic-visit=" + token + (clean ? ";clean" : "");
    // Off the kiosk the token is kept in sessionStorage too (see wic-bar.html); the kiosk's stays empty.
    if (!cfg.kiosk && session) { try { session.setItem("wic-visit", token); } catch (e) { /* name alone */ } }
  }

  function leave(opts) {
    var aids = null;
    try {
      if (session) { aids = opts.keepAids ? session.getItem(AIDS) : null; session.clear(); if (aids) session.setItem(AIDS, aids); }
      if (local && opts.wipeLocal) local.clear();
    } catch (e) { /* storage switched off: nothing stored either */ }
    newVisit(opts.clean);
    if (w.WicSearch) { try { w.WicSearch.reset(); } catch (e) { /* search not ready */ } }
    h.style.visibility = "hidden";  // at once, before the home page arrives
    // Chromium keeps history.state when replacing a page by the same URL (home by home): drop the old stamp.
    try { history.replaceState(null, ""); } catch (e) { /* ignore */ }
    location.replace(home);
  }

  /* Quick exit: same visitor, so the reading aids stay; on the kiosk localStorage goes too. */
  function quickExit() { leave({ keepAids: true, wipeLocal: !!cfg.kiosk, clean: false }); }
  /* Idle reset: the next visitor starts from nothing. */
  function resetVisit() { leave({ keepAids: false, wipeLocal: true, clean: true }); }

  d.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("[data-wic-exit]");
    if (!a || e.button > 0) return;
    e.preventDefault();
    quickExit();
  });

  var lastEsc = 0;
  w.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" && e.key !== "Esc") return;
    if (e.repeat) return;
    var now = Date.now();
    if (now - lastEsc < 1200) { lastEsc = 0; quickExit(); } else { lastEsc = now; }
  }, true);

  /* ---- Reading aids ------------------------------------------------------------------------- */
  function readAids() {
    try { return JSON.parse(session.getItem(AIDS) || "{}") || {}; } catch (e) { return {}; }
  }
  function saveAids(a) {
    try {
      if ((a.size || "normal") === "normal" && !a.contrast) session.removeItem(AIDS);  // defaults leave no trace
      else session.setItem(AIDS, JSON.stringify(a));
    } catch (e) { /* kept for this page only */ }
  }
  function showAids(a) {
    var size = a.size === "large" || a.size === "larger" ? a.size : "normal";
    if (size === "normal") h.removeAttribute("data-wic-size"); else h.setAttribute("data-wic-size", size);
    h.classList.toggle("wic-contrast", !!a.contrast);
    d.querySelectorAll("[data-wic-size]").forEach(function (b) {
      if (b !== h) b.setAttribute("aria-pressed", String(b.getAttribute("data-wic-size") === size));
    });
    d.querySelectorAll("[data-wic-contrast]").forEach(function (b) { b.setAttribute("aria-pressed", String(!!a.contrast)); });
  }
  var aids = readAids();
  showAids(aids);
  d.addEventListener("click", function (e) {
    var sizeBtn = e.target.closest && e.target.closest("button[data-wic-size]");
    var contrastBtn = e.target.closest && e.target.closest("button[data-wic-contrast]");
    if (sizeBtn) aids.size = sizeBtn.getAttribute("data-wic-size");
    else if (contrastBtn) aids.contrast = !aids.contrast;
    else return;
    saveAids(aids);
    showAids(aids);
  });

  /* ---- Idle reset (kiosk builds only) ------------------------------------------------------- */
  if (!cfg.kiosk) return;

  var idleSeconds = Math.max(1, Number(cfg.idle_seconds) || 180);
  var countFrom = Math.min(15, Math.max(2, Math.ceil(idleSeconds / 4)));
  function page(u) { return u.split("#")[0].split("?")[0].replace(/\/index\.html$/, "/"); }
  var onHome = page(location.href) === page(home);
  var timer = null, tick = null, overlay = null, left = 0, lastX = null, lastY = null;

  // The countdown's words come from the page's config (scripts/wic/words/<lang>.yml).
  var TEXT = (cfg.words && cfg.words.kiosk) || {};

  function isClean() { return /;clean(;|$)/.test(w.name); }
  function markUsed() { if (isClean()) w.name = w.name.replace(";clean", ""); }

  function arm() {
    clearTimeout(timer);
    timer = setTimeout(onIdle, idleSeconds * 1000);
  }

  function onIdle() {
    // A home page nobody has touched since the last reset has nothing to forget.
    if (onHome && isClean()) { arm(); return; }
    showCountdown();
  }

  function el(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function block(t, lang, main) {
    var box = el("div", main ? "wic-countdown__main" : "wic-countdown__other");
    box.lang = lang;
    var title = el("p", "wic-countdown__title", t.title);
    if (main) title.id = "wic-countdown-title";
    var line = el("p", "wic-countdown__text");
    var parts = t.line.split("#");
    line.appendChild(d.createTextNode(parts[0]));
    line.appendChild(el("b", "wic-countdown__secs", String(left)));
    line.appendChild(d.createTextNode(parts[1]));
    box.appendChild(title);
    box.appendChild(line);
    box.appendChild(el("p", "wic-countdown__text", t.hint));
    return box;
  }

  function showCountdown() {
    if (overlay) return;
    left = countFrom;
    overlay = el("div", "wic-countdown");
    overlay.setAttribute("data-wic-countdown", "");
    var box = el("div", "wic-countdown__box");
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-labelledby", "wic-countdown-title");
    box.setAttribute("aria-live", "polite");
    // Lao always comes first: the next visitor most likely reads Lao. English pages add English.
    box.appendChild(block(TEXT.lo, "lo", true));
    var num = el("div", "wic-countdown__num", String(left));
    num.setAttribute("aria-hidden", "true");
    box.firstChild.insertBefore(num, box.firstChild.childNodes[1]);
    if (cfg.lang !== "lo") box.appendChild(block(TEXT.en, "en", false));
    var stay = el("button", "wic-countdown__stay", cfg.lang === "lo" ? TEXT.lo.stay : TEXT.en.stay);
    stay.type = "button";
    box.appendChild(stay);
    overlay.appendChild(box);
    d.body.appendChild(overlay);
    stay.focus({ preventScroll: true });
    tick = setInterval(function () {
      left -= 1;
      if (left <= 0) { clearInterval(tick); resetVisit(); return; }
      num.textContent = String(left);
      overlay.querySelectorAll(".wic-countdown__secs").forEach(function (b) { b.textContent = String(left); });
    }, 1000);
  }

  function hideCountdown(which) {
    if (!which) return;
    which.remove();
    if (overlay === which) { clearInterval(tick); overlay = null; }
  }

  function activity(e) {
    if (e.type === "pointermove" || e.type === "mousemove") {
      // Browsers send moves when the page changes under a still mouse; only real moves count.
      if (e.screenX === lastX && e.screenY === lastY) return;
      var first = lastX === null;
      lastX = e.screenX; lastY = e.screenY;
      if (first && overlay) return;
    } else {
      markUsed();
    }
    if (overlay) {
      if (e.type === "keydown" && (e.key === "Escape" || e.key === "Esc")) return;  // Esc twice still exits
      clearInterval(tick);
      if (e.type === "pointerdown" || e.type === "touchstart") {
        // The touch that stops the countdown ends on the overlay, so it cannot press a link below;
        // the overlay goes when that click arrives (or soon after, if it never does).
        var o = overlay;
        o.addEventListener("click", function (ev) { ev.preventDefault(); ev.stopPropagation(); hideCountdown(o); }, true);
        setTimeout(function () { hideCountdown(o); }, 1000);
      } else {
        hideCountdown(overlay);
      }
    }
    arm();
  }

  ["pointerdown", "pointermove", "keydown", "wheel", "touchstart", "input"].forEach(function (type) {
    w.addEventListener(type, activity, { capture: true, passive: true });
  });
  w.addEventListener("scroll", function () { if (!overlay) arm(); }, { capture: true, passive: true });
  if (onHome && isClean() && w.WicSearch) w.WicSearch.reset();
  arm();
})();
