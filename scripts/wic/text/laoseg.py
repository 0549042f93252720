"""Split text into search terms: Lao syllables and, for other scripts, words.

Lao is written without spaces between words, and word dictionaries disagree on where words
end; syllables are unambiguous enough to index and to match in queries. The syllable rules are
those of Phissamay et al., "Syllabification of Lao Script for Line Breaking", as written down as
a regular expression by LaoNLP (Wannaphong Phatthiyaphaibun, Apache-2.0); they are restated here
and in overrides/assets/wic/laoseg.js so that neither the build nor the browser needs LaoNLP.
Those rules skip letters they cannot place (loanwords such as ແອັສໄພຣິນ, ລັອກ, ຊັອດ); here a
letter the rules cannot place becomes a syllable of its own (with its leading vowel and its
marks), so no letter is ever lost. tests/laoseg_cases.json drives both implementations.

Text is folded first (laofold), Latin is lower-cased, digit groups are joined (2.500.000 ->
2500000), spaces and punctuation separate terms and are not terms themselves.
"""

from __future__ import annotations

import re

from .laofold import fold

_C = "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮໜໝ"   # consonants
_LEAD = "ເແໂໄໃ"                              # vowels written before their consonant
_TONE = "[\u0ec8-\u0ecb]"
_FINAL = "[ກງຍດນມຢບວ]"
_FOREIGN_FINAL = "(?:[ຈສຊພຟລ]\u0ecc)?"      # a loanword's final letter with the cancellation mark
_ONSET = f"ຫ?[{_C}][\u0ebcຣວລ]?"             # (ຫ) consonant (semivowel)
_NUM = "[໐-໙]+"


def _alt(*parts: str) -> str:
    return "(?:" + "|".join(parts) + ")"


_T, _F, _X = f"{_TONE}?", f"{_FINAL}?", _FOREIGN_FINAL
# Syllables opened by a leading vowel.
_E = "ເ" + _ONSET + _alt(_T + _F + _X, f"[ິີ]{_T}{_F}{_X}", f"[ຶື]{_T}ອ{_F}{_X}", "າ?ະ",
                         f"\u0ebb{_T}າ", f"\u0eb1{_T}{_FINAL}{_X}", f"\u0eb1?{_T}ຽ")
_AE = "ແ" + _ONSET + _alt(f"{_T}[ວອຽ]?{_F}{_X}", "ະ", f"\u0eb1{_T}{_FINAL}{_X}")
_O = "ໂ" + _ONSET + _alt(_T + _F + _X, "ະ", f"\u0eb1{_T}[ຍດນມຢບ]?")
_AI = "ໄ" + _ONSET + f"{_T}ວ?{_X}"
_AY = "ໃ" + _ONSET + f"{_T}ວ?"
# Syllables that start with their consonant (these may also follow another syllable directly).
_PLAIN = [
    _ONSET + f"[\u0eb8\u0eb9]{_T}{_F}{_X}",
    _ONSET + f"[\u0eb4-\u0eb7]{_T}{_F}{_X}",
    _ONSET + f"\u0ecd{_T}າ?{_X}",
    _ONSET + f"\u0ebb{_T}(?:{_FINAL}{_X}|ວະ)",
    _ONSET + f"\u0eb1{_T}ວ?{_FINAL}{_X}",
    _ONSET + f"{_T}[ວອຽ]{_FINAL}{_X}",
    _ONSET + f"{_T}ະ",
    _ONSET + f"{_T}າ{_F}{_X}",
    _ONSET + f"{_T}\u0eb3{_X}",
]
_SYLLABLE = f"(?:{_alt(_E, _AE, _O, _AI, _AY, *_PLAIN)}[ຯໆ]?|{_NUM})"
# A syllable ends where the next one can start, where the Lao run ends, or before a last syllable
# that is still being typed (ກຳມະບ is ກຳມະ + ບ, not ກຳ + ມ + ະ + ບ).
_NEXT = _alt(f"[{_LEAD}ຫ]", "$", *_PLAIN, _NUM, _ONSET + "[\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd]*$")
SYLLABLE = re.compile(f"{_SYLLABLE}(?={_NEXT})")
# Fallback: one letter with its leading vowel and its marks (or any single character of the run).
CLUSTER = re.compile(f"[{_LEAD}]?[\u0e81-\u0eae\u0edc-\u0edf][\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd]*|.", re.S)

# Terms: a joined digit group, a run of Lao, or a run of other letters and digits.
# Other scripts' combining marks (Latin accents, Thai vowels and tones) stay inside their word.
_MARKS = "\u0300-\u036f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_SEP = "., \u00a0\u202f\t\n"
TERM = re.compile(rf"[0-9]+(?:[{_SEP}][0-9]{{3}}(?![0-9]))+|[\u0e80-\u0eff]+|(?:[^\W_\u0e80-\u0eff]|[{_MARKS}])+")
_DIGIT_SEP = re.compile(f"[{_SEP}]")
_LAO_RUN = re.compile(r"[\u0e80-\u0eff]")


def lao_syllables(run: str) -> list[tuple[int, int]]:
    """(start, end) of each syllable of a run of Lao characters; together they cover the run."""
    spans, i, n = [], 0, len(run)
    while i < n:
        m = SYLLABLE.match(run, i)
        if not m or m.end() == i:
            m = CLUSTER.match(run, i)
        spans.append((i, m.end()))
        i = m.end()
    return spans


def spans(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, term) of each term of already folded text, in order."""
    out = []
    for m in TERM.finditer(folded):
        word = m.group(0)
        if _LAO_RUN.match(word):
            out.extend((m.start() + a, m.start() + b, word[a:b]) for a, b in lao_syllables(word))
        else:
            out.append((m.start(), m.end(), _DIGIT_SEP.sub("", word).lower()))
    return out


def syllables(text: str) -> list[str]:
    """Folded search terms of any text: Lao syllables and other words, in order, no letter dropped."""
    return [t for _, _, t in spans(fold(text))]
