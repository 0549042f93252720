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
    toggle.click();
    show();
    if (toggle.checked) {
      var first = d.querySelector(".md-sidebar--primary a, .md-sidebar--primary label[for]");
      if (first) setTimeout(function () { first.focus(); }, 50);
    }
  });
})(document);
