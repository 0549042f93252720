/* The menu button for keyboards and screen readers.

   Material opens its navigation drawer with a <label> for a hidden checkbox: a mouse or a finger
   can press it, a keyboard cannot reach it and a screen reader hears no name. Here it becomes a
   button (focusable, named, Enter and Space open it) that says whether the drawer is open. */
(function (d) {
  "use strict";
  function config() {
    try { return JSON.parse((d.getElementById("wic-config") || {}).textContent || "{}"); } catch (e) { return {}; }
  }
  var words = config().words || {};
  var toggle = d.getElementById("__drawer");
  var button = d.querySelector('label.md-header__button[for="__drawer"]');
  if (!toggle || !button) return;
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  if (words.menu) button.setAttribute("aria-label", words.menu);
  function show() { button.setAttribute("aria-expanded", String(toggle.checked)); }
  show();
  toggle.addEventListener("change", show);
  button.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" && e.key !== " ") return;
    e.preventDefault();
    // Material itself answers Enter on some labels: toggle only if nothing else did.
    var before = toggle.checked;
    setTimeout(function () {
      if (toggle.checked === before) toggle.click();
      show();
      var first = toggle.checked && d.querySelector(".md-sidebar--primary a, .md-sidebar--primary label[for]");
      if (first) first.focus();
    }, 0);
  });
})(document);

/* Tables wider than the screen scroll sideways inside their box; a keyboard can only scroll a box it
   can focus. Material wraps its tables once its script has started (document$), ours are wrapped in
   the page (.wic-table-wrap). */
(function (w, d) {
  "use strict";
  function focusable() {
    d.querySelectorAll(".md-typeset__scrollwrap, .wic-table-wrap").forEach(function (box) {
      if (!box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
    });
  }
  if (w.document$ && w.document$.subscribe) w.document$.subscribe(focusable);
  if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", focusable); else focusable();
  w.addEventListener("load", focusable);
})(window, document);
