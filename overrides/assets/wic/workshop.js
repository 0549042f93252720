/* Workshop mode: a module's key points as full-screen slides for a projector or a laptop turned to
   the group. Next: Right/Down arrow, Page Down, Space, Enter (presentation clickers send Page
   Up/Page Down). Previous: Left/Up arrow, Page Up, Backspace. Home/End: first/last. Escape ends.
   Loaded before kiosk.js so that the Escape that ends the slides does not count towards the
   kiosk's "Esc twice = quick exit"; while the slides are open, keys go to the slides only. */
(function (w, d) {
  "use strict";

  var NEXT = ["ArrowRight", "ArrowDown", "PageDown", " ", "Spacebar", "Enter", "n"];
  var PREV = ["ArrowLeft", "ArrowUp", "PageUp", "Backspace", "p"];
  var open = null;      // { box, slides, i, words, back }

  function words(el) {
    try { return JSON.parse(el.getAttribute("data-words") || "{}"); } catch (e) { return {}; }
  }

  function show(i) {
    var n = open.slides.length;
    open.i = Math.max(0, Math.min(n - 1, i));
    open.slides.forEach(function (s, k) { s.classList.toggle("is-current", k === open.i); s.hidden = k !== open.i; });
    open.box.querySelector(".wic-slides__count").textContent =
      String(open.words.count || "{n} / {total}").replace("{n}", open.i + 1).replace("{total}", n);
    open.box.setAttribute("data-slide", String(open.i + 1));
  }

  // The slides come as markup in a <script type="text/html">: they repeat the page's key points,
  // which search and screen readers should meet once, on the page itself.
  function slidesOf(root) {
    var box = root.querySelector(".wic-slides");
    if (box) return box;
    var src = root.querySelector("script[data-wic-slides]");
    var holder = d.createElement("div");
    holder.innerHTML = src ? src.textContent : "";
    box = holder.querySelector(".wic-slides");
    if (box) root.appendChild(box);
    return box;
  }

  function start(root) {
    var box = slidesOf(root);
    if (!box) return;
    open = { box: box, slides: Array.prototype.slice.call(box.querySelectorAll(".wic-slide")), i: 0,
             words: words(root), back: d.activeElement };
    box.hidden = false;
    d.documentElement.classList.add("wic-workshop-on");
    show(0);
    box.focus();
    if (box.requestFullscreen && !d.fullscreenElement) {
      box.requestFullscreen().catch(function () { /* not allowed here: the overlay still fills the window */ });
    }
  }

  function stop() {
    if (!open) return;
    var o = open;
    open = null;
    o.box.hidden = true;
    d.documentElement.classList.remove("wic-workshop-on");
    if (d.fullscreenElement && d.exitFullscreen) d.exitFullscreen().catch(function () {});
    if (w.location.hash === "#workshop" && w.history.replaceState) {
      w.history.replaceState(null, "", w.location.pathname + w.location.search);
    }
    if (o.back && o.back.focus) o.back.focus();
  }

  w.addEventListener("keydown", function (e) {
    if (!open) return;
    if (e.key === "Escape" || e.key === "Esc") {
      e.preventDefault();
      e.stopImmediatePropagation();
      stop();
      return;
    }
    var t = e.target;
    if (t && t.tagName === "BUTTON" && (e.key === " " || e.key === "Enter")) return;   // press the button itself
    var step = NEXT.indexOf(e.key) >= 0 ? 1 : PREV.indexOf(e.key) >= 0 ? -1 : 0;
    if (e.key === "Home") { show(0); } else if (e.key === "End") { show(open.slides.length - 1); }
    else if (step) { show(open.i + step); } else { return; }
    e.preventDefault();
    // Keep the page's own shortcuts (search, Material's next/previous page) out of the slides.
    e.stopPropagation();
  }, true);

  // Leaving full screen with the browser's own Esc (which pages do not see) also ends the slides.
  d.addEventListener("fullscreenchange", function () { if (open && !d.fullscreenElement) stop(); });

  d.addEventListener("click", function (e) {
    var btn = e.target.closest && e.target.closest("[data-wic-workshop-start], [data-wic-slide]");
    if (!btn) {
      if (open && e.target.closest && e.target.closest(".wic-slide")) show(open.i + 1);   // tap a slide: next
      return;
    }
    if (btn.hasAttribute("data-wic-workshop-start")) { start(btn.closest("[data-wic-workshop]")); return; }
    if (!open) return;
    var what = btn.getAttribute("data-wic-slide");
    if (what === "next") show(open.i + 1); else if (what === "prev") show(open.i - 1); else stop();
  });

  // training/<module>.html#workshop (the trainers' page and START-HERE link there) opens the slides.
  var root = d.querySelector("[data-wic-workshop]");
  if (root && w.location.hash === "#workshop") start(root);
})(window, document);
