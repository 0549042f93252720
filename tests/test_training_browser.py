"""Trainer kit in the browser, from file:// with no network: the quiz answers at once in the page's
language, the checklist is fillable and forgets everything, workshop mode moves with the keys a
presentation clicker sends and Escape ends it."""

from __future__ import annotations

from wic.words import section


def module_url(site, lang: str, key: str = "pesticides", hash: str = "") -> str:
    return (site / ("" if lang == "lo" else "en") / "training" / f"{key}.html").as_uri() + hash


def storage(page) -> dict:
    """Everything in the page's storage (the site's own visit token included)."""
    return page.evaluate("({local: {...localStorage}, session: {...sessionStorage}})")


def test_the_quiz_gives_feedback_with_the_explanation_in_lao_from_file(built_site, page):
    w = section("training", "lo")
    page.goto(module_url(built_site, "lo"))
    before = storage(page)
    questions = page.locator(".wic-quiz__q")
    first = questions.nth(0)
    why = first.locator(".wic-quiz__why")
    assert not why.is_visible()
    # Question 1: the right answer is A; tap B (wrong).
    first.locator(".wic-quiz__option").nth(1).click()
    feedback = first.locator(".wic-quiz__feedback")
    assert feedback.inner_text().startswith(w["quiz_wrong"])
    assert f'{w["quiz_answer_is"]} A' in feedback.inner_text()
    assert why.is_visible() and "ຜິວໜັງ" in why.inner_text()
    assert "is-correct" in first.locator(".wic-quiz__option").nth(0).get_attribute("class")
    # The first answer counts: the options are now disabled, and a tap on them changes nothing.
    assert first.locator(".wic-quiz__option").nth(0).is_disabled()
    first.locator(".wic-quiz__option").nth(0).dispatch_event("click")
    assert feedback.inner_text().startswith(w["quiz_wrong"])
    # Question 2: tap the right answer (B).
    second = questions.nth(1)
    second.locator(".wic-quiz__option").nth(1).click()
    assert second.locator(".wic-quiz__feedback").inner_text() == w["quiz_right"]
    assert second.locator(".wic-quiz__why").is_visible()
    # Answer the rest with the right answers: the score appears, in Lao.
    n = questions.count()
    for i in range(2, n):
        questions.nth(i).locator('.wic-quiz__option[data-right="true"]').click()
    score = page.locator(".wic-quiz__score").inner_text()
    assert score == w["quiz_score"].format(right=n - 1, total=n)
    assert page.locator("[data-wic-quiz-again]").is_visible()
    page.locator("[data-wic-quiz-again]").click()
    assert page.locator(".wic-quiz__q.is-answered").count() == 0
    assert storage(page) == before and before["local"] == {}
    assert page.console_errors == [] and page.external_requests == []


def test_the_english_quiz_speaks_english(built_site, page):
    w = section("training", "en")
    page.goto(module_url(built_site, "en", "heat-sun"))
    q = page.locator(".wic-quiz__q").nth(0)
    q.locator('.wic-quiz__option[data-right="true"]').click()
    assert q.locator(".wic-quiz__feedback").inner_text() == w["quiz_right"]
    assert "Thirst" in q.locator(".wic-quiz__why").inner_text()


def test_the_quiz_prints_as_an_answer_sheet(built_site, page):
    page.goto(module_url(built_site, "en"))
    page.emulate_media(media="print")
    whys = page.locator(".wic-quiz__why")
    assert whys.count() == page.locator(".wic-quiz__q").count()
    assert all(whys.nth(i).is_visible() for i in range(whys.count()))
    assert page.locator(".wic-quiz__print-answer").first.inner_text().startswith("The right answer is")


def test_the_checklist_fills_in_on_screen_and_keeps_nothing(built_site, page):
    w = section("training", "lo")
    page.goto(module_url(built_site, "lo"))
    before = storage(page)
    point = page.locator(".wic-checkpoint").nth(0)
    point.locator("label", has_text=w["priority"]).click()
    remarks = point.locator("textarea")
    remarks.fill("ເຮັດຕູ້ມີກະແຈ")
    remarks.press("End")
    assert point.get_attribute("data-choice") == "priority"
    assert point.locator('input[value="priority"]').is_checked()
    assert storage(page) == before and before["local"] == {}
    page.locator("[data-wic-checklist-clear]").click()
    assert remarks.input_value() == "" and point.get_attribute("data-choice") is None
    assert page.locator(".wic-checklist__status").inner_text() == w["cleared"]
    # Filled again, then the page is opened again: nothing comes back.
    point.locator('input[value="done"]').check()
    remarks.fill("ແລ້ວ")
    page.reload()
    assert page.locator(".wic-checkpoint").nth(0).locator("textarea").input_value() == ""
    assert page.locator(".wic-checklist input:checked").count() == 0


def test_printing_the_checklist_shows_the_choices_and_hides_the_buttons(built_site, page):
    page.goto(module_url(built_site, "en"))
    page.locator(".wic-checkpoint").nth(1).locator('input[value="done"]').check()
    page.emulate_media(media="print")
    assert page.locator(".wic-checklist__items").is_visible()
    assert page.locator(".wic-checkpoint").nth(1).locator('input[value="done"]').is_checked()
    assert not page.locator(".wic-checklist__buttons").is_visible()


def test_workshop_mode_moves_with_arrows_and_clicker_keys_and_escape_ends_it(built_site, page):
    page.goto(module_url(built_site, "lo"))
    url = page.url
    slides = page.locator(".wic-slides")
    assert not slides.is_visible()
    page.locator("[data-wic-workshop-start]").click()
    assert slides.is_visible()
    total = page.locator(".wic-slide").count()
    assert total == 7                   # title, the module's 4 messages, discussion, where to get help
    current = lambda: int(slides.get_attribute("data-slide"))  # noqa: E731
    assert current() == 1 and page.locator(".wic-slide.is-current .wic-slide__picto").is_visible()
    box = page.locator(".wic-slide.is-current").bounding_box()
    assert box["width"] >= 1300 and box["height"] >= 600            # fills the screen
    for key, expected in [("ArrowRight", 2), ("PageDown", 3), ("ArrowDown", 4), ("ArrowLeft", 3), ("PageUp", 2),
                          ("End", total), ("ArrowRight", total), ("Home", 1), ("ArrowLeft", 1)]:
        page.keyboard.press(key)
        assert current() == expected, key
        assert page.locator(".wic-slide:visible").count() == 1
    assert page.locator(".wic-slides__count").inner_text() == f"1 / {total}"
    # A Material shortcut ("n" = next page) must not leave the slides.
    page.keyboard.press("n")
    assert page.url == url and current() == 2
    page.keyboard.press("Escape")
    assert not slides.is_visible()
    # The Escape that ended the slides does not count towards the kiosk's "Esc twice = quick exit".
    page.keyboard.press("Escape")
    assert page.url == url
    assert page.console_errors == [] and page.external_requests == []


def test_a_workshop_link_opens_the_slides_directly(built_site, page):
    page.goto(module_url(built_site, "en", "machines", "#workshop"))
    assert page.locator(".wic-slides").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator(".wic-slides").is_visible()
