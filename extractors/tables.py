"""Table rows -> commitments, participant statistics, schedules, programme rows.

Columns are found from the header row's words (رقم، الالتزام، نسبة الإنجاز، الأنشطة،
ملاحظات، تحيين منصة التتبع، المرحلة، الفترة …) and, failing that, from what the cells
hold (a bare number, a percentage, نعم/لا), never from a fixed position: PDF tables
arrive right to left, markdown tables in whatever order their author chose.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

from extractors.dates import all_clock_times
from extractors.structure import Block, canon, data, tidy_value
from normalizers.chars import western_digits

_LEX = data("lexicon.json")
_PCT = re.compile(r"(?:(\d{1,3}(?:[.,]\d+)?)\s*%|%\s*(\d{1,3}(?:[.,]\d+)?))")
_BULLETS = re.compile(r"\s*(?:^|\s)[•●▪◦·\uf0b7]\s*")
_NOT_SPECIFIED = [canon(w) for w in _LEX["not_specified"]]
_TOTALS = {canon(w) for w in _LEX["total_words"]}
_EMPTY = {"", "—", "-", "–", "/", "…"}

HEADER_WORDS = {k: v for k, v in data("table_headers.json").items() if k != "comment"}
_HEADER_CANON = {k: [canon(w) for w in v] for k, v in HEADER_WORDS.items()}


def header_roles(cells: list[str]) -> dict[str, int] | None:
    """Column role -> index when ``cells`` is a header row (no digits, known words)."""
    if any(re.search(r"\d", western_digits(c)) for c in cells):
        return None
    roles: dict[str, int] = {}
    for i, c in enumerate(cells):
        cc = canon(c)
        if not cc:
            continue
        best = None
        for role, words in _HEADER_CANON.items():
            for w in words:
                if cc == w or cc.startswith(w + " "):
                    if best is None or len(w) > best[1]:
                        best = (role, len(w))
        if best and best[0] not in roles:
            roles[best[0]] = i
    return roles if len(roles) >= 2 else None


Getter = Callable[[str], str]


def keyed_rows(rows: list[Block], needs: Callable[[dict[str, int]], bool]) -> Iterator[tuple[Block, Getter, dict[str, int]]]:
    """Data rows of tables whose header row has the roles ``needs`` asks for, with a getter
    of a cell by role ("" when the table has no such column)."""
    roles: dict[int | None, dict[str, int]] = {}
    for r in rows:
        h = header_roles(r.cells or [])
        if h:
            roles[r.table] = h
            continue
        role = roles.get(r.table)
        if role is None or not r.cells or not needs(role):
            continue
        cells = r.cells

        def get(k: str, cells: list[str] = cells, role: dict[str, int] = role) -> str:
            return cells[role[k]] if k in role and role[k] < len(cells) else ""

        yield r, get, role


def parse_pct(text: str) -> float | None:
    m = _PCT.search(western_digits(text))
    if not m:
        return None
    v = float((m.group(1) or m.group(2)).replace(",", "."))
    return v if 0 <= v <= 100 else None


_ENDS_WITH_PCT = re.compile(r"(\(\s*\d{1,3}\s*%\s*\))")


def _bullets(text: str, by_pct: bool = False) -> list[str]:
    """Items of a cell: split at bullets; sub-lines are wrapped text, not items.

    With ``by_pct``, a cell drawn without bullet glyphs (HTML lists printed by Chromium)
    is split after each ``(NN%)``, which closes every activity of the genre.
    """
    flat = text.replace("\n", " ")
    if by_pct and not _BULLETS.search(flat) and len(_ENDS_WITH_PCT.findall(western_digits(flat))) >= 2:
        flat = _ENDS_WITH_PCT.sub(r"\1 • ", western_digits(flat))
    parts = [tidy_value(p) for p in _BULLETS.split(flat)]
    return [p for p in parts if p and p not in _EMPTY]


def _activity(text: str) -> dict:
    pct = None
    m = re.search(r"\(\s*(?:\d{1,3}\s*%|%\s*\d{1,3})\s*\)|\(\s*\(?\s*%?\s*\d{1,3}\s*%?\s*\)?\s*$", western_digits(text))
    if m:
        pct = parse_pct(m.group())
        text = text[: m.start()] + text[m.end():]
    text = re.sub(r"\s*\([^()]*\)\s*$", "", text)  # bracketed remark: "(في طور إعادة الصياغة)"
    text = re.sub(r"\s*\([^()]*$", "", text)
    return {"title": tidy_value(text.strip(" ()")), "completion_pct": pct}


def _platform(text: str) -> bool | None:
    c = canon(text)
    if c in ("نعم", "محينه"):
        return True
    if c in ("لا", "غير محينه"):
        return False
    return None


_COMMIT_TITLE = re.compile(r"^\s*الالتزام\s*(?:رقم\s*)?(\d{1,3})\s*[:：\-–]\s*(.+)$")
_INLINE_PCT = re.compile(r"(?<![\d(])\d{1,3}(?:[.,]\d+)?\s?%(?!\))")


def commitments_from_rows(rows: list[Block]) -> list[dict]:
    """Commitment progress rows of the document's tables (continuation rows merged)."""
    out: list[dict] = []
    for r, raw_get, role in keyed_rows(rows, lambda h: "pct" in h or "title" in h):
        get = lambda k, g=raw_get: western_digits(g(k))  # noqa: E731
        number = None
        title = get("title").replace("\n", " ").strip()
        m = _COMMIT_TITLE.match(title)
        if m:
            number, title = int(m.group(1)), m.group(2)
        num_cell = get("number").strip()
        if number is None and re.fullmatch(r"\d{1,3}", num_cell):
            number = int(num_cell)
        pct_cell = get("pct")
        pct = parse_pct(pct_cell)
        if number is None:  # two columns the text layout ran together: «91% الالتزام 1: …»
            for cell in (title, pct_cell):
                lead = _INLINE_PCT.match(cell.strip()) if cell else None
                rest = cell.strip()[lead.end():].strip() if lead else cell
                m = _COMMIT_TITLE.match(rest or "")
                if m:
                    number, title = int(m.group(1)), m.group(2)
                    pct = pct if pct is not None else (parse_pct(lead.group()) if lead else None)
                    break
        acts = [_activity(a) for a in _bullets(get("activities"), by_pct=True)] if "activities" in role else []
        notes = _bullets(get("notes")) if "notes" in role else []
        platform = _platform(get("platform")) if "platform" in role else None
        if number is None and not title.strip() and pct is None:
            if out and (acts or notes):  # continuation of the row above (page break)
                out[-1]["activities"].extend(acts)
                out[-1]["notes"].extend(notes)
            continue
        if pct is None and not any(w in canon(pct_cell) for w in _NOT_SPECIFIED) and number is None:
            continue
        out.append({"number": number, "title": tidy_value(title) or None, "completion_pct": pct,
                    "platform_updated": platform, "activities": acts, "notes": notes,
                    "_prov": r.provenance})
    return out


def stats_dimension(heading: str) -> str | None:
    c = canon(heading)
    for dim, words in _LEX["stat_dimensions"].items():
        if any(canon(w) in c for w in words):
            return dim
    return None


def _int(text: str) -> int | None:
    t = western_digits(text).strip()
    return int(t) if re.fullmatch(r"\d{1,6}", t) else None


def stats_from_rows(dimension: str, rows: list[Block]) -> list[dict]:
    """(category, count) per row, or a horizontal header/count pair; totals left out."""
    out = []
    rows = [r for r in rows if r.cells]
    data_rows = [r for r in rows if any(_int(c) is not None for c in r.cells)]
    vertical = [r for r in data_rows if sum(_int(c) is not None for c in r.cells) == 1]
    if vertical and len(vertical) == len(data_rows) and (len(vertical) > 1 or len(vertical[0].cells) == 2):
        for r in vertical:
            cat = next((c for c in r.cells if _int(c) is None and c.strip()), None)
            cnt = next(_int(c) for c in r.cells if _int(c) is not None)
            if cat and canon(cat) not in _TOTALS:
                out.append({"dimension": dimension, "category": tidy_value(cat), "count": cnt, "_prov": r.provenance})
        return out
    for i in range(len(rows) - 1):
        head, vals = rows[i].cells, rows[i + 1].cells
        if len(head) == len(vals) and sum(_int(v) is not None for v in vals) >= 2 and all(_int(h) is None for h in head):
            for h, v in zip(head, vals):
                if _int(v) is not None and canon(h) not in _TOTALS and h.strip():
                    out.append({"dimension": dimension, "category": tidy_value(h), "count": _int(v),
                                "_prov": rows[i + 1].provenance})
            break
    return out


def schedule_from_rows(rows: list[Block]) -> list[dict]:
    out = []
    for r, get, _ in keyed_rows(rows, lambda h: "step" in h and "period" in h):
        step, period = get("step"), get("period")
        if step.strip():
            out.append({"step": tidy_value(step.replace("\n", " ")), "period": tidy_value(period.replace("\n", " ")) or None,
                        "_prov": r.provenance})
    return out


def programme_rows(rows: list[Block]) -> list[dict]:
    """Rows of a programme table: times, item cells (one per parallel session) and speaker cells.

    With a header (التوقيت | الفقرة | المتدخل) the columns say which is which; without one,
    every non-time cell is an item whose speaker, if any, follows its title inside the cell.
    """
    out = []
    roles: dict[int | None, dict[str, int]] = {}
    for r in rows:
        cells = r.cells or []
        h = header_roles(cells)
        if h:
            roles[r.table] = h
            continue
        times = [t for c in cells for t in all_clock_times(c)]
        if not times:
            continue
        role = roles.get(r.table) or {}
        if "item" in role and role["item"] < len(cells):
            items = [cells[role["item"]]] if cells[role["item"]].strip() else []
            sp = role.get("speaker")
            speakers = [cells[sp]] if sp is not None and sp < len(cells) and cells[sp].strip() else []
        else:
            items = [c for c in cells if c.strip() and not all_clock_times(c)]
            speakers = []
        if items or speakers:
            out.append({"times": times, "cells": items, "speakers": speakers, "_prov": r.provenance})
    return out
