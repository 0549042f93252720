/* Quiz on training module pages: tap an answer and see at once whether it is right, with the
   explanation. Words come from the quiz's data-words (rendered in the page's language). Nothing is
   stored anywhere: reloading the page, or the kiosk's reset, starts the quiz afresh. Works from
   file:// (no requests). Printed, the quiz is an answer sheet (see training.css). */
(function (d) {
  "use strict";

  function words(el) {
    try { return JSON.parse(el.getAttribute("data-words") || "{}"); } catch (e) { return {}; }
  }

  function fill(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  function setup(quiz) {
    var w = words(quiz);
    var questions = quiz.querySelectorAll(".wic-quiz__q");
    var score = quiz.querySelector(".wic-quiz__score");
    var again = quiz.querySelector("[data-wic-quiz-again]");
    quiz.classList.add("is-live");

    function answered() { return quiz.querySelectorAll(".wic-quiz__q.is-answered"); }

    function showScore() {
      var done = answered();
      if (done.length < questions.length) { score.textContent = ""; return; }
      var right = quiz.querySelectorAll(".wic-quiz__q.is-right").length;
      score.textContent = fill(w.score, { right: right, total: questions.length });
      again.hidden = false;
    }

    function choose(q, button) {
      if (q.classList.contains("is-answered")) return;
      var right = button.getAttribute("data-right") === "true";
      var correct = q.querySelector('[data-right="true"]');
      q.classList.add("is-answered", right ? "is-right" : "is-wrong");
      button.classList.add("is-chosen");
      correct.classList.add("is-correct");
      q.querySelectorAll(".wic-quiz__option").forEach(function (b) {
        b.setAttribute("aria-disabled", "true");
        b.setAttribute("aria-pressed", String(b === button));
      });
      var feedback = q.querySelector(".wic-quiz__feedback");
      var letter = correct.querySelector(".wic-quiz__letter");
      feedback.textContent = right ? w.right : w.wrong + " " + w.answer_is + " " + (letter ? letter.textContent : "") + ".";
      showScore();
    }

    quiz.addEventListener("click", function (e) {
      var button = e.target.closest && e.target.closest(".wic-quiz__option");
      if (button && quiz.contains(button)) { choose(button.closest(".wic-quiz__q"), button); return; }
      if (e.target.closest && e.target.closest("[data-wic-quiz-again]")) {
        questions.forEach(function (q) {
          q.classList.remove("is-answered", "is-right", "is-wrong");
          q.querySelector(".wic-quiz__feedback").textContent = "";
          q.querySelectorAll(".wic-quiz__option").forEach(function (b) {
            b.classList.remove("is-chosen", "is-correct");
            b.removeAttribute("aria-disabled");
            b.removeAttribute("aria-pressed");
          });
        });
        score.textContent = "";
        again.hidden = true;
        var first = quiz.querySelector(".wic-quiz__option");
        if (first) first.focus();
      }
    });
  }

  d.querySelectorAll("[data-wic-quiz]").forEach(setup);
})(document);
