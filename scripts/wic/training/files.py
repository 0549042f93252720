"""Where the trainer kit's printed files go in the site, shared by the pages, the printer and `wic kit`."""

HANDOUTS_DIR = "handouts"
KINDS = ("handout", "checklist", "self-check")
# Planned pages on A4: the tests hold the printed PDFs to these.
PAGES = {"handout": 2, "checklist": 1, "self-check": 1}


def pdf_name(key: str, kind: str, lang: str) -> str:
    return f"{key}-{kind}-{lang}.pdf"


def site_prefix(lang: str, depth: int = 1) -> str:
    """From a page `depth` folders below its language root to the site root (English is under en/)."""
    return "../" * (depth + (0 if lang == "lo" else 1))
