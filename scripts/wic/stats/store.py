"""Counts on disk: one SQLite file holding, per day, a running total for each
(section, page, kind, language, key). Nothing else is ever written: no address, no browser
string, no visitor id, no time finer than the day.

Every count is one upsert in its own short write transaction, so any number of server threads
(or two `wic serve` processes on one file) can count at once without losing a count. WAL mode lets
`wic stats` read while the server writes. The file lives outside site/, so rebuilds and the
kiosk's reset leave it alone.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

SCHEMA = """
CREATE TABLE IF NOT EXISTS counts (
    day     TEXT NOT NULL,             -- YYYY-MM-DD, the server's local date
    section TEXT NOT NULL,             -- first folder of the page (or the page's own name)
    page    TEXT NOT NULL,             -- path inside the site, without the en/ prefix
    kind    TEXT NOT NULL,             -- view, search, search-none, download, print, quiz-right, quiz-wrong
    lang    TEXT NOT NULL,             -- lo or en
    key     TEXT NOT NULL DEFAULT '',  -- folded text of a search that found nothing; a quiz question's id
    n       INTEGER NOT NULL,
    PRIMARY KEY (day, section, page, kind, lang, key)
) WITHOUT ROWID;
"""

# Typed text and quiz ids are the only values not fixed by the site; a flood of distinct ones
# would grow the file without end, so past this many a day they are counted under OTHER.
MAX_KEYS_PER_DAY = 300
OTHER = "…"


def default_db(project: Path) -> Path:
    return project / ".wic-stats" / "stats.sqlite3"


@dataclass(frozen=True)
class Count:
    section: str
    page: str
    kind: str
    lang: str
    key: str = ""


@dataclass(frozen=True)
class Row:
    day: str
    section: str
    page: str
    kind: str
    lang: str
    key: str
    n: int


class Store:
    """`today` gives the date a count is filed under (tests pin it)."""

    def __init__(self, path: Path, today: Callable[[], dt.date] = dt.date.today,
                 max_keys_per_day: int = MAX_KEYS_PER_DAY):
        self.path = Path(path)
        self.today = today
        self.max_keys_per_day = max_keys_per_day
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = self._connect()
        try:
            con.execute("PRAGMA journal_mode=WAL")
            con.executescript(SCHEMA)
        finally:
            con.close()

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: we open our transactions ourselves (BEGIN IMMEDIATE takes the write
        # lock up front, so a busy writer waits here instead of failing half-way).
        con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        con.execute("PRAGMA busy_timeout=30000")
        return con

    def add(self, count: Count, n: int = 1) -> None:
        day = self.today().isoformat()
        con = self._connect()
        try:
            con.execute("BEGIN IMMEDIATE")
            key = count.key
            if key and not self._known_key(con, day, count.kind, key):
                distinct = con.execute("SELECT COUNT(DISTINCT key) FROM counts WHERE day = ? AND kind = ? AND key != ''",
                                       (day, count.kind)).fetchone()[0]
                if distinct >= self.max_keys_per_day:
                    key = OTHER
            con.execute(
                "INSERT INTO counts (day, section, page, kind, lang, key, n) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (day, section, page, kind, lang, key) DO UPDATE SET n = n + excluded.n",
                (day, count.section, count.page, count.kind, count.lang, key, n))
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        finally:
            con.close()

    @staticmethod
    def _known_key(con: sqlite3.Connection, day: str, kind: str, key: str) -> bool:
        return con.execute("SELECT 1 FROM counts WHERE day = ? AND kind = ? AND key = ? LIMIT 1",
                           (day, kind, key)).fetchone() is not None

    def rows(self, month: str) -> list[Row]:
        """Every row of one month ("YYYY-MM")."""
        con = self._connect()
        try:
            found = con.execute("SELECT day, section, page, kind, lang, key, n FROM counts "
                                "WHERE day >= ? AND day < ? ORDER BY day, section, page, kind, lang, key",
                                (month + "-01", month + "-32")).fetchall()
        finally:
            con.close()
        return [Row(*r) for r in found]

    def months(self) -> list[str]:
        con = self._connect()
        try:
            return [r[0] for r in con.execute("SELECT DISTINCT substr(day, 1, 7) FROM counts ORDER BY 1")]
        finally:
            con.close()
