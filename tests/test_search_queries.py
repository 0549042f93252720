"""Search as a farmer uses it: real queries typed into the real search box, in headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from wic.text.laoseg import spans
from wic.search.eval import TOP, load_queries, mrr, recall, run_queries

HERE = Path(__file__).parent
QUERIES = load_queries(HERE / "search_queries.yml")
QUESTIONS = load_queries(HERE / "search_questions.yml")
SETS = {"queries": QUERIES, "questions": QUESTIONS}
COMBINING = tuple(chr(c) for c in [0x0EB1, *range(0x0EB4, 0x0EBD), *range(0x0EC8, 0x0ECE)])


@pytest.fixture(params=["file", "served"])
def site_base(request, built_site):
    return built_site.as_uri() + "/" if request.param == "file" else request.getfixturevalue("served_site")


def test_query_sets_are_big_enough():
    assert len(QUERIES["lo"]) >= 40 and len(QUERIES["en"]) >= 15
    assert len(QUESTIONS["lo"]) >= 60 and len(QUESTIONS["en"]) >= 20


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_recall_at_5(page, site_base, lang):
    """Both query sets, typed one after the other into the same page's search box."""
    prefix = "" if lang == "lo" else "en/"
    page.goto(site_base + prefix + "index.html")
    failures = []
    for name, queries in SETS.items():
        results = run_queries(page, "", queries[lang], reload=False)
        score, misses = recall(results, prefix)
        print(f"{name} {lang}: recall@{TOP} {score:.3f}, MRR {mrr(results, prefix):.3f}")
        if score < 0.95:
            failures.append(f"{name}: recall@{TOP} for {lang} is {score:.2f}; misses:\n" + "\n".join(misses))
        # Lao site shows Lao results only, English site English only.
        for r in results:
            for h in r["all"]:
                assert ("/en/" in h) == (lang == "en"), h
    assert not failures, "\n".join(failures)
    assert not page.console_errors, page.console_errors
    assert not page.external_requests, page.external_requests


def test_title_match_ranks_above_a_mention(page, built_site):
    results = run_queries(page, built_site.as_uri() + "/index.html", [{"q": "ລະເບີດບໍ່ທັນແຕກ", "expect": "farm-safety/uxo.html"}])
    hrefs = results[0]["hrefs"]
    assert hrefs and hrefs[0].split("#")[0].endswith("/farm-safety/uxo.html"), hrefs


def _search(page, url: str, query: str) -> None:
    """Type a query into the search box of the page at url and wait for its results."""
    run_queries(page, url, [{"q": query, "expect": ""}])


def _marks_are_whole_clusters(page) -> list[str]:
    """Every highlight starts on a letter and stops before the next letter (no mark cut off)."""
    pieces = page.eval_on_selector_all(".wic-result mark", """els => els.map(e => {
        const after = e.nextSibling && e.nextSibling.textContent ? e.nextSibling.textContent[0] : '';
        return [e.textContent, after]; })""")
    for text, after in pieces:
        assert text and not text.startswith(COMBINING), text
        assert not after.startswith(COMBINING), (text, after)
    return [t for t, _ in pieces]


def test_snippets_highlight_the_match_without_stray_marks(page, built_site):
    _search(page, built_site.as_uri() + "/index.html", "ສະຫມັກໃຈ")
    marks = _marks_are_whole_clusters(page)
    assert "ສະໝັກໃຈ" in marks, marks
    text = page.inner_text("[data-wic-search-results]")
    assert not any(ch in text for ch in "\u200b\u200c\u200d\ufeff|")
    # No snippet starts with a vowel sign or tone mark cut off from its consonant.
    snippets = page.eval_on_selector_all(".wic-result__snippet", "els => els.map(e => e.textContent)")
    for s in snippets:
        s = s.lstrip("… ")
        assert s and not s.startswith(COMBINING), s


def test_a_question_finds_words_that_stand_apart_and_marks_them_whole(page, built_site):
    _search(page, built_site.as_uri() + "/index.html", "ໂດນງູກັດຕ້ອງເຮັດແນວໃດ")
    titles = page.eval_on_selector_all("[data-wic-search-hits] .wic-result__title", "els => els.map(e => e.textContent)")
    assert any("ປະຖົມພະຍາບານ" in t or "ງູ" in t for t in titles[:2]), titles
    marks = _marks_are_whole_clusters(page)
    assert any("ງູກັດ" in m for m in marks), marks
    # The question words are not searched for.
    terms = [t for t, _ in page.evaluate("q => new Promise(r => WicSearch.explain(q, r))", "ໂດນງູກັດຕ້ອງເຮັດແນວໃດ")]
    assert "ງູ+ກັດ" in terms and "ແນວ" not in terms and "ໃດ" not in terms, terms


def test_everyday_words_and_english_synonyms(page, built_site):
    """ລ່ວງເວລາ is on no page (the pages say ເຮັດວຽກເພີ່ມໂມງ); OT means overtime, pay means wage."""
    lo = run_queries(page, built_site.as_uri() + "/index.html", [{"q": "ລ່ວງເວລາ"}])
    assert lo[0]["hrefs"][0].split("#")[0].endswith("/work-rights/working-hours.html"), lo[0]["hrefs"]
    en = run_queries(page, built_site.as_uri() + "/en/index.html", [{"q": "OT"}, {"q": "pay"}])
    assert any(h.split("#")[0].endswith("/en/work-rights/working-hours.html") for h in en[0]["hrefs"][:3]), en[0]["hrefs"]
    assert any(h.split("#")[0].endswith("/en/work-rights/wages.html") for h in en[1]["hrefs"][:3]), en[1]["hrefs"]


def _hits(page) -> list[tuple[str, str]]:
    return page.eval_on_selector_all("[data-wic-search-hits] .wic-result a",
                                     "els => els.map(a => [a.querySelector('.wic-result__title').textContent, a.href])")


@pytest.mark.parametrize("lang,query,contact,anchor", [
    ("en", "1508", "nssf_hotline", "#social-security"),
    ("lo", "ໂທ ໑໕໐໘", "nssf_hotline", None),
    ("en", "021 225023", "uxo_lao", "#unexploded-ordnance-uxo"),
])
def test_a_typed_phone_number_answers_with_its_contact(page, built_site, project, lang, query, contact, anchor):
    """The number's contact comes first and opens the help page at its section; the help page
    is not listed a second time. Pages that mention the number follow."""
    from wic.content import load_content

    person = load_content(project / "content-src").contacts[contact]
    prefix = "" if lang == "lo" else "en/"
    _search(page, built_site.as_uri() + "/" + prefix + "index.html", query)
    hits = _hits(page)
    assert hits and hits[0][0] == person.name[lang], hits
    help_url = built_site.as_uri() + "/" + prefix + "help.html"
    assert hits[0][1].startswith(help_url + "#"), hits[0]
    if anchor:
        assert hits[0][1] == help_url + anchor, hits[0]
    assert not any(h.split("#")[0] == help_url for _, h in hits[1:]), hits
    marked = page.locator("[data-wic-search-answer] mark").first.inner_text()
    assert re.sub(r"\D", "", marked) == re.sub(r"\D", "", person.phone[0]), marked
    assert not page.console_errors, page.console_errors


def test_an_amount_or_half_a_number_is_not_a_phone_number(page, built_site):
    page.goto(built_site.as_uri() + "/index.html")
    for query in ("2.500.000 ກີບ", "150"):
        run_queries(page, "", [{"q": query}], reload=False)
        assert page.locator("[data-wic-search-answer]").count() == 0, query


def test_the_page_titled_with_the_rare_word_beats_pages_titled_with_a_common_phrase(page, built_site):
    """"social security" is in many titles and on most pages; "register" is the title of one."""
    results = run_queries(page, built_site.as_uri() + "/en/index.html", [{"q": "where do I register for social security"}])
    assert results[0]["hrefs"][0].split("#")[0].endswith("/en/social-security/register.html"), results[0]["hrefs"]


def test_an_age_under_18_means_a_child(page, built_site):
    """Nobody writes "13 year old" on the young workers page; it says "children" and "young workers"."""
    en = run_queries(page, built_site.as_uri() + "/en/index.html", [{"q": "can my 13 year old pick coffee"}, {"q": "aged 15"}])
    lo = run_queries(page, built_site.as_uri() + "/index.html", [{"q": "ລູກອາຍຸ13ປີໄປເກັບກາເຟໄດ້ບໍ"}])
    for r in en + lo:
        assert r["hrefs"][0].split("#")[0].endswith("/work-rights/young-workers.html"), (r["item"], r["hrefs"])
    grown = run_queries(page, built_site.as_uri() + "/en/index.html", [{"q": "aged 45"}])
    assert not any("young-workers" in h for h in grown[0]["hrefs"][:1]), grown[0]["hrefs"]


def test_everyday_words_in_another_order_find_the_term(page, built_site):
    """"no money for the hospital" holds the everyday words "hospital money" of health insurance."""
    results = run_queries(page, built_site.as_uri() + "/en/index.html", [{"q": "no money for the hospital"}])
    assert any(h.split("#")[0].endswith("/en/social-security/health-insurance.html") for h in results[0]["hrefs"][:3]), results[0]["hrefs"]


def test_english_stemming_finds_the_base_word(page, built_site):
    _search(page, built_site.as_uri() + "/en/index.html", "sprayed")
    titles = page.eval_on_selector_all(".wic-result__title", "els => els.map(e => e.textContent)")
    assert any("spray" in t.lower() for t in titles), titles


def test_english_pages_with_every_word_come_first(page, built_site):
    results = run_queries(page, built_site.as_uri() + "/en/index.html", [{"q": "what do I do if a snake bites me"}])
    first = results[0]["hrefs"][0].split("#")[0]
    assert first.endswith(("/en/farm-safety/first-aid.html", "/en/farm-safety/snakes-insects.html")), results[0]["hrefs"]


def test_last_syllable_is_matched_while_typing(page, built_site):
    # ກຳມະບ is ກຳມະບານ (trade union) half typed.
    results = run_queries(page, built_site.as_uri() + "/index.html", [{"q": "ກຳມະບ"}])
    assert any(h.split("#")[0].endswith("/work-rights/trade-unions.html") for h in results[0]["hrefs"]), results[0]["hrefs"]


@pytest.mark.parametrize("lang,none,topic,contact", [
    ("lo", "ບໍ່ພົບ", "ສິດແຮງງານ", "ສູນຂໍ້ມູນຂ່າວສານຜູ້ອອກແຮງງານ"),
    ("en", "No page", "Work rights", "Worker Information Centre"),
])
def test_nothing_found_shows_topics_and_help_in_the_page_language(page, built_site, lang, none, topic, contact):
    prefix = "" if lang == "lo" else "en/"
    for query in ("zzqxv", "???", "ฟฟฟฟ"):
        _search(page, built_site.as_uri() + "/" + prefix + "index.html", query)
        panel = page.locator("[data-wic-search-results]")
        assert panel.is_visible()
        text = panel.inner_text()
        assert none in text and contact in text, text
        topics = page.eval_on_selector_all("[data-wic-search-topics] a", "els => els.map(a => [a.textContent, a.href])")
        assert any(topic == t for t, _ in topics), topics
        assert all(("/en/" in h) == (lang == "en") for _, h in topics), topics
        assert page.locator("[data-wic-search-hits]").count() == 0
        other = "Nothing" if lang == "lo" else "ບໍ່ພົບ"
        assert other not in text
    assert not page.console_errors, page.console_errors


def test_bad_input_answers_without_errors(page, built_site):
    page.goto(built_site.as_uri() + "/index.html")
    text = (HERE.parent / "docs" / "lo" / "farm-safety" / "first-aid.md").read_text(encoding="utf-8")
    long_paste = " ".join(text.split())[:2000]
    queries = [long_paste, "...", "!!!???", "ງູກັດ snake bite", "ງູกัด", "สวัสดีครับ", "ປະກັນ\u200bສັງຄົມ", "1508 ໂທ"]
    # Each query is answered: run_queries waits for the panel to show that query's answer.
    results = run_queries(page, "", [{"q": q} for q in queries], reload=False)
    assert results[0]["hrefs"], "a pasted page finds pages"
    assert any("first-aid" in h or "snakes-insects" in h for h in results[3]["hrefs"]), results[3]["hrefs"]
    assert results[6]["hrefs"] and "social-security" in results[6]["hrefs"][0], results[6]["hrefs"]
    # Only spaces: the panel closes, nothing else happens.
    page.fill("#wic-search-input", "    ")
    page.press("#wic-search-input", "End")
    assert page.locator("[data-wic-search-results]").is_hidden()
    assert not page.console_errors, page.console_errors


def test_keyboard_arrows_enter_and_escape(page, built_site):
    page.goto(built_site.as_uri() + "/index.html")
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.id") == "wic-search-input"
    run_queries(page, "", [{"q": "ງູກັດ"}], reload=False)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    active = page.eval_on_selector(".wic-result--active a", "a => a.href")
    second = page.eval_on_selector_all("[data-wic-search-hits] .wic-result a", "els => els[1].href")
    assert active == second
    page.keyboard.press("Escape")
    assert page.input_value("#wic-search-input") == ""
    assert page.locator("[data-wic-search-results]").is_hidden()
    run_queries(page, "", [{"q": "ງູກັດ"}], reload=False)
    page.keyboard.press("ArrowDown")
    first = page.eval_on_selector(".wic-result--active a", "a => a.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == first


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_browser_finds_the_same_terms_as_the_build(page, built_site, lang):
    """The index gives each text with its terms' numbers and marks where terms touch; where the
    browser finds the terms of a text it shows must be exactly the terms the build numbered."""
    raw = (built_site / "search" / f"wic-index-{lang}.js").read_text(encoding="utf-8")
    data = json.loads(raw[raw.index("=", raw.index("]")) + 1:].rstrip().rstrip(";"))
    fields = [d["t"] for d in data["docs"]] + [f for d in data["docs"] for s in d["s"] for f in (s[0:2], s[3:5])]
    width, digits = data["width"], data["digits"]

    def decode(enc):
        out = []
        for i in range(0, len(enc), width):
            n = 0
            for ch in enc[i:i + width]:
                n = n * len(digits) + digits.index(ch)
            out.append(data["w"][n])
        return out

    page.goto(built_site.as_uri() + "/index.html")
    got = page.evaluate("texts => texts.map(t => WicSearch.terms(t, '|'))", [f[0] for f in fields])
    for (marked, enc), terms in zip(fields, got):
        plain = marked.replace("|", "")
        assert terms == decode(enc) == [t for _, _, t in spans(plain)], plain[:80]


def test_search_words_are_validated_with_file_and_line(tmp_path, project):
    from wic.content import load_content
    from wic.search.words import load_search_words

    root = tmp_path / "content-src"
    shutil.copytree(project / "content-src", root)
    words = root / "search" / "question-words.yml"
    words.write_text(words.read_text(encoding="utf-8").replace("  - ຫຍັງ ", "  - ຫยັງ ", 1), encoding="utf-8")
    glossary = root / "glossary" / "core.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("everyday: [social insurance]", "everyday: social insurance", 1),
                        encoding="utf-8")
    everyday = root / "search" / "everyday.yml"
    everyday.write_text(everyday.read_text(encoding="utf-8").replace("means: child", "means: nobody", 1)
                        .replace("groups:\n", "groups:\n  - [lonely]\n", 1), encoding="utf-8")
    content = load_content(root)
    assert any(p.path.endswith("glossary/core.yml") and "everyday" in p.what for p in content.problems), content.problems
    problems = load_search_words(content).problems
    assert any(p.path.endswith("question-words.yml") and p.line > 1 and "Thai" in p.what for p in problems), problems
    assert any(p.path.endswith("everyday.yml") and p.line > 1 and "lonely" in p.what for p in problems), problems
    assert any(p.path.endswith("everyday.yml") and p.line > 1 and "'nobody'" in p.what for p in problems), problems
