/* Printing: the toolbar's "Print" button prints the page as a handout (see print.css), and every
   link in the page text is given the address it leads to, which print.css writes after it on
   paper. The button is hidden on the home page, which is a menu, not a handout. */
(function (w, d) {
  "use strict";

  var LOOPBACK = /^(127(?:\.\d{1,3}){3}|localhost|\[::1\]|::1|0\.0\.0\.0)$/i;

  function config() {
    try { return JSON.parse((d.getElementById("wic-config") || {}).textContent || "{}"); } catch (e) { return {}; }
  }

  function siteRoot(cfg) {
    try { return new URL((cfg.base || ".") + "/", d.baseURI).href; } catch (e) { return null; }
  }

  // What a reader of the printed page can type or look for: the full address when the site is
  // served (e.g. from the centre's computer), the page's path inside the site when opened as a file.
  function describe(a, root) {
    var href = a.getAttribute("href") || "";
    if (!href || href.charAt(0) === "#" || /^(tel|javascript|data|blob):/i.test(href)) return null;
    if (a.classList.contains("headerlink") || a.closest(".wic-tiles, .wic-posters, .md-nav")) return null;
    if (!a.textContent.trim()) return null;                 // image links: nothing to annotate
    var url;
    try { url = new URL(href, w.location.href); } catch (e) { return null; }
    var text = a.textContent.replace(/\s+/g, "");
    if (/^mailto:/i.test(url.href)) return url.href.slice(7) === a.textContent.trim() ? null : url.href.slice(7);
    var full = url.href.replace(/#.*$/, "");
    if (full === w.location.href.replace(/#.*$/, "")) return null;   // a link within this page
    var shown = full;
    // A file on this disk, or a page served by this very computer (wic serve on 127.0.0.1): a loopback
    // address means nothing to a reader of the paper, so it gets the page's path inside the site.
    var local = url.protocol === "file:" || LOOPBACK.test(url.hostname);
    if (local && root && full.indexOf(root) === 0) shown = full.slice(root.length) || "index.html";
    else if (local) return null;
    if (shown.replace(/^https?:\/\//, "") === text.replace(/^https?:\/\//, "")) return null;
    return shown;
  }

  function annotateLinks(root) {
    var links = d.querySelectorAll(".md-content a[href]");
    for (var i = 0; i < links.length; i++) {
      var where = describe(links[i], root);
      if (where) links[i].setAttribute("data-wic-href", where);
    }
  }

  function isHome(root) {
    if (!root) return false;
    var here = w.location.href.replace(/[?#].*$/, "");
    return [root, root + "index.html", root + "en/", root + "en/index.html"].indexOf(here) !== -1;
  }

  function openDetails() {
    var all = d.querySelectorAll("details:not([open])");
    for (var i = 0; i < all.length; i++) {
      all[i].setAttribute("open", "");
      all[i].setAttribute("data-wic-print-opened", "");
    }
  }

  function closeDetails() {
    var all = d.querySelectorAll("details[data-wic-print-opened]");
    for (var i = 0; i < all.length; i++) {
      all[i].removeAttribute("open");
      all[i].removeAttribute("data-wic-print-opened");
    }
  }

  function init() {
    var root = siteRoot(config());
    annotateLinks(root);
    var buttons = d.querySelectorAll("[data-wic-print]");
    var home = isHome(root);
    for (var i = 0; i < buttons.length; i++) {
      if (home) { buttons[i].hidden = true; buttons[i].style.display = "none"; continue; }
      buttons[i].addEventListener("click", function () { w.print(); });
    }
    w.addEventListener("beforeprint", openDetails);
    w.addEventListener("afterprint", closeDetails);
  }

  if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", init); else init();
})(window, document);
