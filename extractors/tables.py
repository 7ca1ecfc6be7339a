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


_RUNNING_PCT = re.compile(r"(?:تنفيذ|إنجاز|انجاز)\s+الالتزام\s+بنسبة\s+(\d{1,3})\s*%")


_PCT_PHRASE = {canon("تنفيذ"), canon("الالتزام"), canon("بنسبة")}


def _pct_phrase(text: str) -> float | None:
    """NN when the text is the cell phrase "تنفيذ الالتزام بنسبة NN%", its words in any order
    (linearized tables of visual-order extractions scramble them)."""
    t = western_digits(text)
    m = _RUNNING_PCT.search(t)
    if m:
        return float(m.group(1))
    words = set(canon(t).split())
    nums = re.findall(r"(?<![\d.])(\d{1,3})(?![\d.])", t)
    if _PCT_PHRASE <= words and "%" in t and len(nums) == 1 and len(words) <= 6:
        v = float(nums[0])
        return v if v <= 100 else None
    return None


def commitments_from_text(lines: list) -> list[dict]:
    """Linearized commitment tables: one "تنفيذ الالتزام بنسبة NN%" per row, in order."""
    from pipeline.models import Provenance

    out = []
    for ln in lines:
        v = _pct_phrase(ln.text)
        if v is not None:
            out.append({"number": None, "title": None, "completion_pct": v, "platform_updated": None,
                        "activities": [], "notes": [], "_prov": Provenance(ln.page, ln.line_no, ln.line_no)})
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


_MONTHS = {canon(m) for m in _LEX["months"]}
_PERIOD_LINKS = {canon(w) for w in ("من", "إلى", "الى", "حتى", "-", "–", "—", "/")}
_HEADER_ROLE_WORDS = {role: sorted(_HEADER_CANON[role], key=len, reverse=True) for role in ("step", "period")}
MAX_PENDING_LINES = 3  # a step cell wrapped over more lines than this is no schedule row
MAX_CELL_WORDS = 14    # a longer line is running text: the table has ended


def _is_schedule_header(text: str) -> bool:
    """A short line without digits naming a step column and a period column, in either order
    («المراحل الجدول الزمني», «الفترة | المرحلة»)."""
    c = canon(text.replace("|", " "))
    if re.search(r"\d", western_digits(text)) or not c or len(c.split()) > 6:
        return False
    return all(any(re.search(rf"(?:^|\s){re.escape(w)}(?:\s|$)", c) for w in words)
               for words in _HEADER_ROLE_WORDS.values())


_PERIOD_LEADS = {canon(w) for w in ("الأسبوع", "الأسبوعين", "النصف", "الفصل", "الثلث", "الربع", "بداية", "نهاية",
                                    "منتصف", "أواخر", "أوائل", "مطلع", "خلال", "شهر", "شهري", "قبل", "ابتداء")}
_ORDINALS = {canon(w) for w in ("الأول", "الأولى", "الثاني", "الثانية", "الثالث", "الثالثة", "الرابع", "الأخير",
                                "الأخيرة")}


def _period_kinds(toks: list[str]) -> list[str | None]:
    """The period kind of each word; an ordinal counts only after a word such as الأسبوع
    («الأسبوع الأول من نونبر»), never alone («الاجتماع الثالث»)."""
    kinds = [_period_token(t) for t in toks]
    for i, t in enumerate(toks):
        if kinds[i] is None and canon(t) in _ORDINALS and i and kinds[i - 1] == "lead":
            kinds[i] = "link"
    return kinds


def _period_token(tok: str) -> str | None:
    """"month", "year", "day", "lead" or "link" for a word of a period, else None."""
    c = canon(tok)
    if c in _MONTHS:
        return "month"
    if c in _PERIOD_LEADS:
        return "lead"
    if re.fullmatch(r"(?:19|20)\d\d", tok):
        return "year"
    if re.fullmatch(r"\d{1,2}", tok) and 1 <= int(tok) <= 31:
        return "day"
    return "link" if c in _PERIOD_LINKS else None


def split_period(text: str) -> tuple[str, str | None]:
    """(step, period) of a linearized schedule row: the period is the longest stretch of
    month names, years, days and links (من، إلى، -، /) at the start or the end of the line
    that names a month or a year. A year that repair left before its months goes after them,
    where Arabic dates write it («2023 ابريل – ماي» is «ابريل – ماي 2023»)."""
    toks = western_digits(text).replace("–", " – ").replace("—", " — ").split()
    kinds = _period_kinds(toks)
    head = next((i for i, k in enumerate(kinds) if k is None), len(toks))
    tail = next((i for i in range(len(toks) - 1, -1, -1) if kinds[i] is None), -1) + 1
    spans = [(0, head), (tail, len(toks))]
    spans = [(a, b) for a, b in spans if b > a and {"month", "year"} & set(kinds[a:b])]
    if not spans:
        return text.strip(), None
    a, b = max(spans, key=lambda s: s[1] - s[0])
    while a < b and kinds[a] == "link" and toks[a] not in ("من",):  # a dash or slash closing the step
        a += 1
    while b > a and kinds[b - 1] == "link":
        b -= 1
    period = toks[a:b]
    months = [i for i, t in enumerate(period) if _period_token(t) == "month"]
    years = [t for t in period if _period_token(t) == "year"]
    if months and years and any(_period_token(t) == "year" for t in period[:months[-1]]):
        period = [t for t in period if _period_token(t) != "year"] + years
    step = " ".join(toks[:a] + toks[b:]).strip(" /-–—|")
    return step, " ".join(period) or None


def schedule_from_text(lines: list) -> list[dict]:
    """Schedules of text documents, whose tables arrive one row per line with no cell marks:
    after a header line naming a step and a period column, each line holding a period is a
    row; a step whose cell wrapped before its period (lines with no period, then the period
    alone) is one row. The table ends at a line that is none of these."""
    from pipeline.models import Provenance

    out: list[dict] = []
    in_table = False
    pending: list = []
    recent: list[str] = []  # the last short lines: a header written one cell per line
    for ln in lines:
        text = " ".join(ln.text.replace("|", " ").split())
        if not text:
            continue
        recent = (recent + [text])[-2:]
        if _is_schedule_header(text) or len(recent) == 2 and all(len(r.split()) <= 3 for r in recent) \
                and _is_schedule_header(" ".join(recent)):
            in_table, pending, recent = True, [], []
            continue
        if not in_table:
            continue
        step, period = split_period(_BULLETS.sub(" ", text))
        if period is None:
            if text.endswith(":") or len(text.split()) > MAX_CELL_WORDS or len(pending) >= MAX_PENDING_LINES:
                in_table, pending = False, []
            else:
                pending.append(ln)
            continue
        if pending:
            first = pending[0]
            out.append({"step": tidy_value(" ".join(p.text for p in pending) + (" " + step if step else "")),
                        "period": tidy_value(period), "_prov": Provenance(first.page, first.line_no, ln.line_no)})
            pending = []
        elif step:
            out.append({"step": tidy_value(step), "period": tidy_value(period),
                        "_prov": Provenance(ln.page, ln.line_no, ln.line_no)})
    return out or _schedule_by_columns(lines)


def _header_role(text: str) -> str | None:
    c = canon(text)
    return next((role for role in ("step", "period") if c in _HEADER_CANON[role]), None)


def _schedule_by_columns(lines: list) -> list[dict]:
    """A schedule written column after column (pdftotext's text of some tables): its step
    header, the steps one per line, its period header, the periods one per line; the n-th
    period goes with the n-th step."""
    from pipeline.models import Provenance

    out: list[dict] = []
    cols: dict[str, list] = {}
    role = None
    texts = [(ln, " ".join(ln.text.split())) for ln in lines if ln.text.strip()]

    def flush() -> None:
        for st, pe in zip(cols.get("step", []), cols.get("period", [])):
            out.append({"step": tidy_value(st.text), "period": tidy_value(split_period(pe.text)[1] or ""),
                        "_prov": Provenance(st.page, st.line_no, pe.line_no)})
        cols.clear()

    for ln, text in texts:
        r = _header_role(text)
        if r:
            if r in cols:
                flush()
            role = r
            cols[r] = []
            continue
        if role is None:
            continue
        step, period = split_period(text)
        if role == "step" and period is None and len(text.split()) <= MAX_CELL_WORDS and not text.endswith(":"):
            cols["step"].append(ln)
        elif role == "period" and period and not step:
            cols["period"].append(ln)
        else:
            if "step" in cols and "period" in cols:
                flush()
            cols.clear()
            role = None
    if "step" in cols and "period" in cols:
        flush()
    return out


_BARE_PCT = re.compile(r"^\s*(?:(\d{1,3}(?:[.,]\d+)?)\s*%|%\s*(\d{1,3}(?:[.,]\d+)?))\s*$")
_BARE_NUMBER = re.compile(r"^\s*(\d{1,2})\s*$")
_NUMBER_LEAD = re.compile(r"^\s*(\d{1,2})\s+(?![%\d])(\S.*)$")
_INLINE_PCT = re.compile(r"(?<![\d(])\d{1,3}(?:[.,]\d+)?\s?%(?!\))")
_HEADER_PHRASES = sorted({w for words in _HEADER_CANON.values() for w in words}, key=len, reverse=True)


def _header_words_only(text: str) -> set[str] | None:
    """The column roles of a line made of header cells side by side («رقم الالتزام نسبة
    الإنجاز ملاحظات»), or None when anything else stands on it."""
    c, roles = f" {canon(text)} ", set()
    for role, words in sorted(((r, w) for r, ws in _HEADER_CANON.items() for w in ws), key=lambda x: -len(x[1])):
        if f" {words} " in c:
            c = c.replace(f" {words} ", " ")
            roles.add(role)
    return roles if roles and not c.strip() else None


def _header_piece(text: str) -> bool:
    """A header cell, or a wrapped line of one («تحيين منصة» / «التتبع»)."""
    c = canon(text)
    if not c:
        return False
    return any(c == w or (" " in w and (w.startswith(c + " ") or w.endswith(" " + c))) for w in _HEADER_PHRASES)


def commitments_from_records(lines: list) -> list[dict]:
    """Commitment tables of text documents written one cell per line (pdftotext's text of a
    PDF table): each commitment opens with «الالتزام N: …» or, once a header naming a number
    column was seen, with its bare number; its title runs to the line that is nothing but its
    percentage; then come its platform cell (نعم / لا), its activities (each closing with
    «(NN%)», wrapped lines joined) and its notes (what is left). Header cells repeated after
    a page break are skipped; a running paragraph, a heading or a dash ends the table."""
    from pipeline.models import Provenance

    out: list[dict] = []
    numbered = False  # a header cell «رقم» seen: bare numbers open records
    cur: dict | None = None
    stage = "title"  # title -> rest (after the percentage)
    buf: list[str] = []

    def close() -> None:
        nonlocal cur, buf
        if cur is not None:
            if stage == "title" and cur["completion_pct"] is None:
                pass  # no percentage: not a commitment row
            else:
                if buf:
                    cur["notes"].append(tidy_value(" ".join(buf)))
                out.append(cur)
        cur, buf = None, []

    for ln in lines:
        text = " ".join(western_digits(ln.text).replace("|", " ").split())
        if not text:
            continue
        if _header_piece(text):
            numbered = numbered or canon(text) in _HEADER_CANON["number"]
            continue
        roles = _header_words_only(text)
        if roles and len(roles) >= 2:
            numbered = numbered or "number" in roles
            continue
        m = _COMMIT_TITLE.match(text)
        n = (_BARE_NUMBER.match(text) or _NUMBER_LEAD.match(text)) if numbered else None
        inline = _INLINE_PCT.search(m.group(2) if m else n.group(2)) if (m or n) and (m or n).lastindex == 2 else None
        if n and n.lastindex == 2 and inline is None:
            n = None  # a line that merely opens with a number
        if m or n:
            close()
            cur = {"number": int((m or n).group(1)), "title": m.group(2) if m else "", "completion_pct": None,
                   "platform_updated": None, "activities": [], "notes": [],
                   "_prov": Provenance(ln.page, ln.line_no, ln.line_no)}
            stage = "title"
            if inline:  # a row on one line, its cells side by side (pdfplumber's text)
                body = (m or n).group(2)
                cur["title"] = tidy_value(body[:inline.start()]) or None
                cur["completion_pct"] = parse_pct(inline.group())
                rest = body[inline.end():].split()
                if rest and _platform(rest[0]) is not None:
                    cur["platform_updated"] = _platform(rest.pop(0))
                if rest:
                    cur["notes"].append(tidy_value(" ".join(rest)))
                stage = "inline"
            continue
        if cur is None:
            continue
        if text in _EMPTY or text.endswith(":") or len(text.split()) > MAX_CELL_WORDS:
            close()
            continue
        cur["_prov"] = Provenance(cur["_prov"].page, cur["_prov"].line_start, ln.line_no)
        if stage == "inline":
            continue  # the row's other visual lines mix its cells: kept as they are in the text
        pct = _BARE_PCT.match(text)
        if stage == "title":
            if pct:
                cur["completion_pct"] = parse_pct(text)
                cur["title"] = tidy_value(cur["title"]) or None
                stage = "rest"
            else:
                cur["title"] = f"{cur['title']} {text}".strip()
            continue
        if _platform(text) is not None and not buf and not cur["activities"] and cur["platform_updated"] is None:
            cur["platform_updated"] = _platform(text)
            continue
        bullet = _BULLETS.match(text)
        if bullet:  # a bullet opens an activity: what is pending before it is a note
            if buf:
                cur["notes"].append(tidy_value(" ".join(buf)))
                buf = []
            text = text[bullet.end():].strip()
            if not text:
                continue
        buf.append(text)
        if _ENDS_WITH_PCT.search(text):
            cur["activities"].append(_activity(" ".join(buf)))
            buf = []
    close()
    return out


_COUNT_HEADS = {canon(w) for w in ("عدد المشاركين", "عدد المشاركات والمشاركين", "العدد", "عدد", "النسبة")}
MAX_CATEGORY_WORDS = 8


def _only_dimension_words(c: str, dims: set[str]) -> bool:
    """A header cell naming the dimension («الفئة العمرية», «العمالة / الإقليم»)."""
    for d in sorted(dims, key=len, reverse=True):
        c = re.sub(rf"(?:^|\s){re.escape(d)}(?=\s|$)", " ", c)
    return not re.sub(r"[\s/،,-]+|\bو\b", "", c)


def stats_from_text(sections: list[tuple[str, list]]) -> list[dict]:
    """Participant statistics of text documents whose tables come one cell per line: each
    count pairs with the oldest category still waiting for one, which reads a table laid out
    down (category, count, category, count) and across (categories, then their counts) alike.
    Categories belong to the oldest table announced that has not reached its total row, so
    cells an extractor wrote after the next table's heading stay in their own table.
    ``sections``: the dimension of each statistics section, in document order, with its lines."""
    from pipeline.models import Provenance

    dims = {canon(w) for words in _LEX["stat_dimensions"].values() for w in words}
    out: list[dict] = []
    waiting: list[tuple[str, str, object]] = []  # (dimension, category, line)
    tables: list[str] = []  # dimensions announced whose total row has not come yet
    for dimension, lines in sections:
        tables.append(dimension)
        for ln in lines:
            text = " ".join(western_digits(ln.text).replace("|", " ").split())
            c = canon(text)
            if not c or c in _COUNT_HEADS or _only_dimension_words(c, dims | _COUNT_HEADS) or _header_piece(text):
                continue
            for cell in _stat_cells(text, dims):
                if isinstance(cell, int):
                    if waiting:
                        dim, cat, first = waiting.pop(0)
                        if canon(cat) not in _TOTALS:
                            out.append({"dimension": dim, "category": tidy_value(cat), "count": cell,
                                        "_prov": Provenance(first.page, first.line_no, ln.line_no)})
                    continue
                if len(cell.split()) > MAX_CATEGORY_WORDS or re.search(r"\d{3,}", cell):
                    waiting = []  # running text: no table here
                    continue
                waiting.append((tables[0] if tables else dimension, cell, ln))
                if canon(cell) in _TOTALS and tables:
                    tables.pop(0)  # the total row closes its table
    return out


def _stat_cells(text: str, dims: set[str]) -> list[str | int]:
    """The cells of a statistics line: one cell, or a row set out on one line (pdfplumber's
    text): «أقل من 25 سنة 9» (category, count), «الجنس نساء رجال المجموع» (the dimension,
    then one-word categories), «عدد المشاركين 35 29 64» (counts)."""
    toks = text.split()
    head = max((j for j in range(1, min(3, len(toks) - 1) + 1)
                if canon(" ".join(toks[:j])) in dims | _COUNT_HEADS), default=0)
    rest = toks[head:]
    if all(_int(t) is not None for t in rest) and (head or len(rest) >= 2):
        return [_int(t) for t in rest]
    if head:
        return list(rest)
    if len(toks) >= 2 and _int(toks[-1]) is not None and any(_int(t) is None for t in toks[:-1]):
        return [" ".join(toks[:-1]), _int(toks[-1])]
    n = _int(text)
    return [n if n is not None else text]


def _is_role(text: str) -> bool:
    from extractors.participants import is_role

    return is_role(text)


_TIME_LEAD = re.compile(r"^\s*\d{1,2}[:h.]\d{2}(?:\s*(?:-|–|—|إلى)\s*\d{1,2}[:h.]\d{2})?\s*")
_SPEAKER_IN_LINE = re.compile(r"(?:(?:تأطير|تسيير|تنشيط|تقديم)\s*:\s*)?(?:السيدة|السيد|الأستاذة?|الدكتورة?)\s")
_SPEAKER_LINE = re.compile(r"^(?:(?:من\s+)?(?:تأطير|تسيير|تنشيط|تقديم)\s*:?\s*)?(?:السيدة|السيد|الأستاذة?|الدكتورة?)\s")


def programme_from_text(lines: list) -> list[dict]:
    """Programme rows of text documents whose table comes one cell per line: a line that is
    a time or a time range opens a row, the lines after it are its item, and a line opening
    with a person (السيد، تأطير: السيدة …) starts a speaker whose role and body are the lines
    after it. After a repeated header cell, lines that name no one belong to no known row
    (pdftotext writes a page's wrapped second lines after all first lines) and are left out."""
    from pipeline.models import Provenance

    out: list[dict] = []
    mode = "none"
    for ln in lines:
        text = " ".join(western_digits(ln.text).split())
        if not text:
            continue
        if _header_piece(text) or _header_words_only(text):
            mode = "none"
            continue
        times = all_clock_times(text)
        lead = _TIME_LEAD.match(text)
        if times and lead:  # a time opens the row; its cells may follow on the line (pdfplumber's text)
            out.append({"times": times if lead.end() == len(text) else all_clock_times(lead.group()),
                        "cells": [""], "speakers": [], "_prov": Provenance(ln.page, ln.line_no, ln.line_no)})
            mode = "item"
            text = text[lead.end():].strip()
            if not text:
                continue
            who = _SPEAKER_IN_LINE.search(text)
            if who and who.start() > 0:
                out[-1]["cells"][0] = text[:who.start()].strip()
                text = text[who.start():]
            elif not who:
                out[-1]["cells"][0] = text
                continue
        if _SPEAKER_LINE.match(text):
            if not out:
                out.append({"times": [], "cells": [""], "speakers": [],
                            "_prov": Provenance(ln.page, ln.line_no, ln.line_no)})
            out[-1]["speakers"].append(text)
            mode = "speaker"
        elif mode == "item" and out:
            out[-1]["cells"][0] = f"{out[-1]['cells'][0]}\n{text}".strip("\n")
        elif mode == "speaker" and out:
            # the item's next line and the speaker's role side by side: «… الخطة الثالثة رئيسة مصلحة …»
            words = text.split()
            cut = next((i for i in range(1, len(words)) if _is_role(" ".join(words[i:]))), None)
            if cut is not None and out[-1]["cells"][0] and not _is_role(text):
                out[-1]["cells"][0] += "\n" + " ".join(words[:cut])
                text = " ".join(words[cut:])
            out[-1]["speakers"][-1] += f"\n{text}"
        else:
            continue
        out[-1]["_prov"] = Provenance(out[-1]["_prov"].page, out[-1]["_prov"].line_start, ln.line_no)
    for r in out:
        r["cells"] = [c for c in r["cells"] if c]
    return [r for r in out if r["cells"] or r["speakers"]]
