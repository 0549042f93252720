"""What the counts must never reveal, in one place.

Staff at a centre know who sat at the kiosk on a given day. A count of 1 or 2 for the page on
violence would point at a person, so reports show small counts on these topics as "<5".
"""

from __future__ import annotations

# Paths inside the site (without the en/ prefix and without the file ending) of the pages and
# posters about violence and harassment. A poster's PDFs are named "<poster>-<layout>-<size>.pdf",
# so "posters/sexual-harassment" covers every printout of that poster. Add new pages here.
SENSITIVE = (
    "women/violence",
    "women/sexual-harassment",
    "women/if-it-happens",
    "posters/sexual-harassment",
)

# Reports group the sensitive pages apart from their folder, so that a folder's total minus its
# other pages does not give away a small sensitive count.
SENSITIVE_SECTION = "violence-harassment"

# Counts from 1 to SMALL - 1 on sensitive pages are reported as "<SMALL".
SMALL = 5


def is_sensitive(page: str) -> bool:
    path = page[3:] if page.startswith("en/") else page
    stem = path.rsplit(".", 1)[0]
    return any(stem == s or stem.startswith(s + "-") for s in SENSITIVE)


def shown(n: int, sensitive: bool) -> str:
    """A count as a report may print it."""
    return f"<{SMALL}" if sensitive and 0 < n < SMALL else str(n)
