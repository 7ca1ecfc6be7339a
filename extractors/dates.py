"""Dates and times of the genre: Moroccan, Middle-Eastern and Egyptian month names,
Arabic-Indic digits, weekdays, written times (الثالثة بعد الزوال، العاشرة والنصف صباحا),
09h30 / ١٠:٣٠, numeric dates (20/06/2023)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extractors.structure import canon, data
from normalizers.chars import load_table, western_digits


@dataclass
class DateHit:
    value: str  # ISO
    start: int
    end: int
    weekday: bool


def _month_pattern() -> tuple[re.Pattern, dict[str, int]]:
    months = load_table("calendar.json")["months"]
    table = {canon(k): v for k, v in months.items()}
    alts = sorted(table, key=len, reverse=True)
    # an event over several days ("يومي 09 و10 ماي 2023", "من 12 إلى 14 يونيو 2022") starts on the first
    return re.compile(r"(?<!\d)(\d{1,2})\s*(?:(?:و|-|–|إلي|الي|إلى)\s*\d{1,2}\s*)?(?:من\s+(?:شهر\s+)?)?("
                      + "|".join(map(re.escape, alts)) + r")\s*،?\s*(\d{4})"), table


_MONTHS_RE, _MONTHS = _month_pattern()
_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?![\d/])")
_NUMERIC_YMD = re.compile(r"(?<![\d/])(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?![\d/])")
WEEKDAY_REACH = 3  # words before a date's day where its weekday may stand
_WEEKDAYS = [canon(w) for w in load_table("calendar.json")["weekdays"]]


def find_dates(text: str) -> list[DateHit]:
    """All full dates (day month year) in ``text``, in order."""
    c = canon(western_digits(text))
    hits = []
    for m in _MONTHS_RE.finditer(c):
        d, mo, y = int(m.group(1)), _MONTHS[m.group(2)], int(m.group(3))
        try:
            iso = date(y, mo, d).isoformat()
        except ValueError:
            continue
        # the weekday stands just before the day, or a word or two before it where repair left
        # a label between them («الثلاثاء التاريخ 06 شتنبر 2022»)
        before = c[:m.start()].split()[-WEEKDAY_REACH:]
        hits.append(DateHit(iso, m.start(), m.end(), any(t.endswith(w) for t in before for w in _WEEKDAYS)))
    numeric = [(m, int(m.group(1)), int(m.group(2)), int(m.group(3))) for m in _NUMERIC.finditer(western_digits(text))]
    numeric += [(m, int(m.group(3)), int(m.group(2)), int(m.group(1))) for m in _NUMERIC_YMD.finditer(western_digits(text))]
    for m, d, mo, y in numeric:
        try:
            iso = date(y, mo, d).isoformat()
        except ValueError:
            continue
        hits.append(DateHit(iso, m.start(), m.end(), False))
    return sorted(hits, key=lambda h: h.start)


def find_date_loose(text: str) -> str | None:
    """A date whose day, month name and year stand near each other in any order.

    For date lines damaged by visual-order extraction (``فبراير 12 الأربعاء 2020``).
    """
    toks = canon(western_digits(text)).split()
    for i, t in enumerate(toks):
        two = " ".join(toks[i:i + 2])
        mo = _MONTHS.get(two) or _MONTHS.get(t)
        if not mo:
            continue
        lo = max(0, i - 7)
        near = list(enumerate(toks[lo: i + 8], lo))
        years = sorted((abs(j - i), int(x)) for j, x in near if re.fullmatch(r"(19|20)\d\d", x))
        days = sorted((abs(j - i), int(x)) for j, x in near if re.fullmatch(r"\d{1,2}", x) and 1 <= int(x) <= 31)
        if years and days:
            try:
                return date(years[0][1], mo, days[0][1]).isoformat()
            except ValueError:
                continue
    return None


_LEX = data("lexicon.json")
_HOURS = sorted(((canon(k), v) for k, v in _LEX["hour_words"].items()), key=lambda p: -len(p[0]))
_MINUTES = [(canon(k), v) for k, v in _LEX["minute_words"].items()]
_PM = [canon(w) for w in _LEX["pm_words"]]
_AM = [canon(w) for w in _LEX["am_words"]]
_CLOCK = re.compile(r"(?<!\d)([01]?\d|2[0-3])\s*(?:[:hH]|س)\s*([0-5]\d)(?!\d)")


def find_time(text: str) -> str | None:
    """The first time of day in ``text`` as HH:MM (24 h), digits or words."""
    w = western_digits(text)
    c = canon(w)
    m = re.search(r"(?:الساعه|ساعه)\s+(" + "|".join(re.escape(h) for h, _ in _HOURS) + r")((?:\s+\S+){0,3})", c)
    clock = _CLOCK.search(w)
    if m:  # a written time ("الساعة الثالثة بعد الزوال") wins over digits nearby
        hour = dict(_HOURS)[m.group(1)]
        tail = m.group(2)
        minute = 0
        for k, v in _MINUTES:
            if k in tail:
                minute = v
        if minute < 0:
            hour, minute = hour - 1, 60 + minute
        if any(p in tail for p in _PM) and hour < 12:
            hour += 12
        if not any(p in tail for p in _PM + _AM) and 1 <= hour <= 6:
            hour += 12  # "الساعة الثالثة" with no period in office hours is afternoon
        return f"{hour:02d}:{minute:02d}"
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        tail = c[c.find(clock.group(2)) if clock.group(2) in c else 0:][:30]
        if any(p in tail for p in _PM) and hour < 12:
            hour += 12
        return f"{hour:02d}:{minute:02d}"
    return None


def all_clock_times(text: str) -> list[str]:
    return [f"{int(a):02d}:{b}" for a, b in _CLOCK.findall(western_digits(text))]
