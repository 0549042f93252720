/* Action checklist on training module pages: fillable on screen (No action / Priority / Done and
   remarks), printable on A4, and forgotten with the page. Nothing goes to storage; the form is
   emptied when the page is shown again from the browser's back/forward cache, so the next visitor
   never sees the last group's answers. */
(function (w, d) {
  "use strict";

  function words(el) {
    try { return JSON.parse(el.getAttribute("data-words") || "{}"); } catch (e) { return {}; }
  }

  function clear(form) {
    form.reset();
    form.querySelectorAll(".wic-checkpoint").forEach(function (c) { c.removeAttribute("data-choice"); });
  }

  d.querySelectorAll("[data-wic-checklist]").forEach(function (form) {
    var status = form.querySelector(".wic-checklist__status");
    clear(form);
    form.addEventListener("change", function (e) {
      if (e.target.type === "radio") e.target.closest(".wic-checkpoint").setAttribute("data-choice", e.target.value);
      status.textContent = "";
    });
    form.addEventListener("click", function (e) {
      if (e.target.closest("[data-wic-checklist-clear]")) {
        clear(form);
        status.textContent = words(form).cleared || "";
      } else if (e.target.closest("[data-wic-checklist-print]")) {
        // Print only this checklist: the rest of the page is hidden while printing.
        d.documentElement.classList.add("wic-print-checklist");
        form.classList.add("is-printing");
        w.print();
      }
    });
  });

  w.addEventListener("afterprint", function () {
    d.documentElement.classList.remove("wic-print-checklist");
    d.querySelectorAll("[data-wic-checklist].is-printing").forEach(function (f) { f.classList.remove("is-printing"); });
  });
  // Coming back to the page (Back button) shows it from memory with the old answers: wipe them.
  w.addEventListener("pageshow", function (e) {
    if (e.persisted) d.querySelectorAll("[data-wic-checklist]").forEach(clear);
  });
})(window, document);
