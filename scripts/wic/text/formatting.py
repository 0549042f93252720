"""Render numbers, units and dates in one place, per language.

Conventions (one per language, applied only here):
- English: 2,500,000 kip; dates "1 October 2024".
- Lao: 2.500.000 ກີບ (dot thousands separator, as in Lao official print); Arabic digits by
  default because most Lao print uses them; dates with the Lao month name, never month/day
  numbers that readers could misread.
"""

from __future__ import annotations

import datetime as dt

LANGS = ("lo", "en")

LAO_MONTHS = ["ມັງກອນ", "ກຸມພາ", "ມີນາ", "ເມສາ", "ພຶດສະພາ", "ມິຖຸນາ",
              "ກໍລະກົດ", "ສິງຫາ", "ກັນຍາ", "ຕຸລາ", "ພະຈິກ", "ທັນວາ"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]

_LAO_DIGITS = str.maketrans("0123456789", "໐໑໒໓໔໕໖໗໘໙")

# unit -> (Lao word, English singular, English plural); None means the number stands alone.
UNITS: dict[str, tuple[str, str, str] | None] = {
    "kip": ("ກີບ", "kip", "kip"),
    "baht": ("ບາດ", "baht", "baht"),
    "usd": ("ໂດລາ", "US dollar", "US dollars"),
    "percent": None,
    "days": ("ວັນ", "day", "days"),
    "hours": ("ຊົ່ວໂມງ", "hour", "hours"),
    "minutes": ("ນາທີ", "minute", "minutes"),
    "weeks": ("ອາທິດ", "week", "weeks"),
    "months": ("ເດືອນ", "month", "months"),
    "years": ("ປີ", "year", "years"),
    "people": ("ຄົນ", "person", "people"),
    "households": ("ຄອບຄົວ", "household", "households"),
    "tonnes": ("ໂຕນ", "tonne", "tonnes"),
    "count": None,
    "phone": None,
    "date": None,
    "text": None,
}
NUMERIC_UNITS = {u for u in UNITS if u not in ("phone", "date", "text")}


def group_digits(number: float | int, lang: str) -> str:
    if isinstance(number, float) and not number.is_integer():
        text = f"{number:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{int(number):,}"
    if lang == "lo":
        # swap separators: thousands become dots, decimals become commas
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def lao_digits(text: str) -> str:
    return text.translate(_LAO_DIGITS)


def format_date(value: dt.date, lang: str) -> str:
    if lang == "lo":
        return f"{value.day} {LAO_MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"


def format_value(value, unit: str, lang: str, use_lao_digits: bool = False) -> str:
    """The text a reader sees for a fact value, e.g. '2.500.000 ກີບ' or '105 days'."""
    if unit == "text":
        text = value[lang]
    elif unit == "date":
        text = format_date(value, lang)
    elif unit == "phone":
        text = str(value)
    elif unit == "percent":
        text = f"{group_digits(value, lang)}%"
    else:
        number = group_digits(value, lang)
        words = UNITS[unit]
        if words is None:
            text = number
        elif lang == "lo":
            text = f"{number} {words[0]}"
        else:
            text = f"{number} {words[1] if value == 1 else words[2]}"
    if lang == "lo" and use_lao_digits and unit != "phone":
        text = lao_digits(text)
    return text
