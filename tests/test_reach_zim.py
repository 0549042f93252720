"""`wic zim`: one Kiwix file per language that Kiwix (libzim) can open and search, in Lao too."""

from __future__ import annotations

import re

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher

from wic.kiwix.zim import DOWNLOADS, lao_index_text, strip_marks, write_zims, zim_name


@pytest.fixture(scope="module")
def zims(built_site, tmp_path_factory):
    out = tmp_path_factory.mktemp("zim")
    results = write_zims(built_site, out)
    return {r.lang: Archive(r.path) for r in results}


def _search(archive: Archive, query: str) -> list[str]:
    return list(Searcher(archive).search(Query().set_query(query)).getResults(0, 10))


def test_each_language_has_its_metadata_illustration_and_main_page(zims):
    lo, en = zims["lo"], zims["en"]
    assert lo.get_metadata("Language").decode() == "lao" and en.get_metadata("Language").decode() == "eng"
    for archive in (lo, en):
        for key in ("Name", "Title", "Description", "Creator", "Publisher", "Date"):
            assert archive.get_metadata(key).decode().strip(), key
        assert archive.get_illustration_item(48).content.tobytes().startswith(b"\x89PNG")
        assert archive.has_fulltext_index and archive.has_title_index
        assert archive.check()
    main = lo.main_entry.get_item()
    assert main.path == "index.html"
    page = bytes(main.content).decode()
    assert "<html" in page and "ຄັງຄວາມຮູ້" in page
    assert en.main_entry.get_item().path == "en/index.html"


def test_pages_and_the_assets_they_load_are_inside(zims, built_site):
    lo = zims["lo"]
    page = bytes(lo.get_entry_by_path("farm-safety/snakes-insects.html").get_item().content).decode()
    for ref in re.findall(r'(?:href|src)="(\.\./assets/[^"#?]+)"', page):
        assert lo.has_entry_by_path(ref[len("../"):]), ref
    assert lo.has_entry_by_path("search/wic-index-lo.js")
    # The other language lives in the other file; the switch to it is taken out.
    assert not lo.has_entry_by_path("en/index.html")
    assert not zims["en"].has_entry_by_path("farm-safety/snakes-insects.html")
    assert "data-wic-lang-switch" not in page
    assert lo.get_entry_by_path("farm-safety/snakes-insects.html").title.strip()


def test_kiwix_search_finds_a_lao_word_inside_an_unspaced_phrase(zims, built_site):
    page = (built_site / "farm-safety" / "snakes-insects.html").read_text(encoding="utf-8")
    # On the page ງູກັດ stands glued to the words around it (e.g. ເມື່ອງູກັດ), never alone.
    assert re.search(r"[\u0e80-\u0eff]ງູກັດ", page)
    assert "farm-safety/snakes-insects.html" in _search(zims["lo"], "ງູກັດ")[:3]
    # A five-syllable term, typed with all its vowel and tone marks.
    assert "social-security/health-insurance.html" in _search(zims["lo"], "ປະກັນສຸຂະພາບ")
    # Spellings Kiwix does not fold: ຫມ typed for ໝ, ໍາ for ຳ.
    assert "social-security/voluntary-scheme.html" in _search(zims["lo"], "ສະຫມັກໃຈ")
    assert "work-rights/trade-unions.html" in _search(zims["lo"], "ກໍາມະບານ")


def test_kiwix_search_finds_an_english_word(zims):
    assert "en/farm-safety/buying-pesticides.html" in _search(zims["en"], "pesticide")[:3]


def test_lao_index_text_is_syllables_and_joined_runs_without_marks():
    words = lao_index_text("ເມື່ອງູກັດ ໂຮງໝໍ WIC").split()
    assert strip_marks("ງູກັດ") in words and strip_marks("ເມື່ອງູກັດ") in words
    assert strip_marks("ໂຮງໝໍ") in words and "wic" in words
    # Runs are joined only inside a phrase, never across a space.
    assert strip_marks("ກັດໂຮງ") not in words
    assert all("\u0ec8" not in w and "\u0eb1" not in w for w in words)


def test_take_away_pages_link_to_the_files_wic_zim_writes(built_site):
    for page, prefix in (("take-away.html", ""), ("en/take-away.html", "../")):
        text = (built_site / page).read_text(encoding="utf-8")
        for lang in ("lo", "en"):
            assert f'href="{prefix}{DOWNLOADS}/{zim_name(lang)}"' in text, (page, lang)
