"""Tables that arrive as lines of text: commitments, schedules, participant statistics and
programmes of text documents, whose tables an extractor wrote one cell per line (pdftotext),
one row per line (pdfplumber's text), column after column, or as running phrases
(«تنفيذ الالتزام بنسبة 65%» in the archive's linearized tables). The row-based readers of
``tables`` run first; these read what they find nothing in.
"""
from __future__ import annotations

import re

from extractors.dates import all_clock_times
from extractors.participants import is_role
from extractors.structure import canon, tidy_value
from extractors.tables import (_BULLETS, _COMMIT_TITLE, _EMPTY, _ENDS_WITH_PCT, _HEADER_CANON, _INLINE_PCT, _LEX,
                               _NOT_SPECIFIED, _TOTALS, _activity, _int, _platform, parse_pct)
from normalizers.chars import load_table, western_digits
from normalizers.runs import ends_in_cell_percentage
from pipeline.models import Line, Provenance

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
    """Linearized commitment tables: one "تنفيذ الالتزام بنسبة NN%" per row, in order; the
    platform column's «نعم» / «لا», where the table has one, is the cell just before it (the
    last word before the phrase on its line, or the line before, alone)."""
    out = []
    prev = None
    for ln in lines:
        v = _pct_phrase(ln.text)
        if v is not None:
            m = _RUNNING_PCT.search(western_digits(ln.text))
            before = western_digits(ln.text)[:m.start()].split() if m else []
            platform = _platform(before[-1]) if before else _platform(prev) if prev is not None else None
            out.append({"number": None, "title": None, "completion_pct": v, "platform_updated": platform,
                        "activities": [], "notes": [], "_prov": Provenance(ln.page, ln.line_no, ln.line_no)})
        if ln.text.strip():
            prev = ln.text
    return out


_MONTHS = {canon(m) for m in load_table("calendar.json")["months"]}
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


_SPLIT_PCT = re.compile(r"(?<![\d(])(\d{1,3})\s*%\s*\)|\)\s*(\d{1,3})\s*%")  # «90%)», «)30%»
_BARE_PCT = re.compile(r"^\s*(?:(\d{1,3}(?:[.,]\d+)?)\s*%|%\s*(\d{1,3}(?:[.,]\d+)?))\s*$")
_BARE_NUMBER = re.compile(r"^\s*(\d{1,2})\s*$")
_NUMBER_LEAD = re.compile(r"^\s*(\d{1,2})\s+(?![%\d])(\S.*)$")
_HEADER_PHRASES = sorted({w for words in _HEADER_CANON.values() for w in words}, key=len, reverse=True)


_HEADER_WORDS_LONGEST_FIRST = sorted(((r, w) for r, ws in _HEADER_CANON.items() for w in ws), key=lambda x: -len(x[1]))


def _header_roles_in(text: str) -> tuple[set[str], str]:
    """The column roles a line's header words name, and what is left of it."""
    c, roles = f" {canon(text)} ", set()
    for role, words in _HEADER_WORDS_LONGEST_FIRST:
        if f" {words} " in c:
            c = c.replace(f" {words} ", " ")
            roles.add(role)
    return roles, c.strip()


def _header_words_only(text: str) -> set[str] | None:
    """The column roles of a line made of header cells side by side («رقم الالتزام نسبة
    الإنجاز ملاحظات»), or None when anything else stands on it."""
    roles, rest = _header_roles_in(text)
    return roles if roles and not rest else None


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
    «(NN%)», wrapped lines joined) and its notes (what is left). A row written on one line
    (pdfplumber's text) has its cells side by side, its activities read by ``inline_cells``.
    Header cells repeated after a page break are skipped; a running paragraph, a heading or a
    dash ends the table."""
    out: list[dict] = []
    numbered = False  # a header cell «رقم» seen: bare numbers open records
    cur: dict | None = None
    stage = "title"  # title -> rest (after the percentage), or inline (a row on one line)
    buf: list[str] = []
    activity: str | None = None  # an activity of an inline row begun, its «(NN%)» not yet seen
    bulletless = False  # the inline row's activities have no bullets
    listed = False  # a header naming an activities column seen
    bulleted = False  # the lines pending in ``buf`` opened with a bullet (an activity's)

    def close() -> None:
        nonlocal cur, buf, activity, bulleted
        if cur is not None:
            if stage == "title" and cur["completion_pct"] is None:
                pass  # no percentage: not a commitment row
            else:
                if activity:
                    cur["activities"].append(_activity(activity))
                if buf:
                    cur["notes"].append(tidy_value(" ".join(buf)))
                out.append(cur)
        cur, buf, activity, bulleted = None, [], None, False

    def inline_cells(text: str, first: bool) -> None:
        """The activities cell of a row written on one line (pdfplumber's text), and of its
        visual lines after the first, which set the other cells' next words beside it: a
        bullet opens an activity, «(NN%)» closes it, what follows on that line is the notes
        cell; before any bullet, words go to the activity still open, else to the notes on
        the row's first line and nowhere on the others (the title's or notes' next words). A
        row with no bullet under a header naming an activities column (Chromium prints HTML
        lists without glyphs) opens an activity wherever none is open. A visual line of the
        activities cell ends with at most one activity unfinished: a bullet after one begun on
        the same line is the notes cell's («• تحيين الإطار … • منصة التتبع غير»)."""
        nonlocal activity, bulletless
        head, *items = _BULLETS.split(text)
        if first:  # a row drawn without bullet glyphs under an activities header (Chromium's HTML lists)
            bulletless = listed and not items
        begun = False  # an activity opened on this line, its «(NN%)» not yet seen
        for k, seg in enumerate([head] + items):
            if k and begun:  # the notes cell's own bullets
                cur["notes"].append(tidy_value(" ".join(items[k - 1:])))
                return
            if k:  # a bullet
                if activity:
                    cur["activities"].append(_activity(activity))
                activity = ""
                begun = True
            elif activity is None and bulletless and seg.strip():
                activity = ""  # each activity closes with its «(NN%)»: what follows opens the next
            elif activity is None:
                if first and seg.strip():
                    cur["notes"].append(tidy_value(seg))
                continue
            digits = western_digits(seg)
            end = _ENDS_WITH_PCT.search(digits)
            if end is None and "(" in (activity or "") and (split := _SPLIT_PCT.search(digits)):
                # «للقانون (» … «90%)»: the bracket's line went on with the other cells' words
                title = activity[:activity.index("(")]
                cur["activities"].append(_activity(f"{title} ({split.group(1) or split.group(2)}%)"))
                activity, begun = None, False
                if seg[split.end():].strip():
                    cur["notes"].append(tidy_value(seg[split.end():]))
                continue
            if end is None:
                activity = f"{activity} {seg}".strip()
                continue
            cur["activities"].append(_activity(f"{activity} {seg[:end.end()]}"))
            activity, begun = None, False
            if seg[end.end():].strip():
                cur["notes"].append(tidy_value(seg[end.end():]))

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
            listed = listed or "activities" in roles
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
                stage = "inline"
                inline_cells(" ".join(rest), first=True)
            continue
        if cur is None:
            continue
        if text in _EMPTY or text.endswith(":") or len(text.split()) > MAX_CELL_WORDS:
            close()
            continue
        cur["_prov"] = Provenance(cur["_prov"].page, cur["_prov"].line_start, ln.line_no)
        if stage == "inline":
            inline_cells(text, first=False)
            continue
        pct = _BARE_PCT.match(text)
        if stage == "title":
            if pct or canon(text) in _NOT_SPECIFIED:  # the percentage's cell, or one that says it has none
                cur["completion_pct"] = parse_pct(text) if pct else None
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
            bulleted = True
            if not text:
                continue
        buf.append(text)
        # an activity closes with its «(NN%)», or with a remark in brackets in its place («(في طور
        # إعادة الصياغة)»): what follows is the notes cell
        if _ENDS_WITH_PCT.search(text) or bulleted and _ENDS_WITH_REMARK.search(" ".join(buf)):
            cur["activities"].append(_activity(" ".join(buf)))
            buf, bulleted = [], False
    close()
    return out


_ENDS_WITH_REMARK = re.compile(r"\([\u0621-\u064a\s]*[\u0621-\u064a]\s+[\u0621-\u064a][\u0621-\u064a\s]*\)\s*$")
MIN_NUMBERED_ROWS = 3  # rows closed by increasing numbers before a table written cell after cell is read
MIN_ROW_SHARE = 0.8  # of the numbers that closed a row's cells, how many must have made one
_TRAILING_PCT = re.compile(r"\s*(\d{1,3}(?:[.,]\d+)?)\s?%\s*$")


def _header_line(text: str) -> bool:
    """A line naming two column roles or more, in half its words or more (a header row whose
    cells the extraction ran together: «منجزة ملاحظات نسبة إنجاز الأنشطة الغير»)."""
    roles, rest = _header_roles_in(text)
    return len(roles) >= 2 and len(rest.split()) <= len(canon(text).split()) // 2


def _numbered_row(cells: list[str], number: int | None, prov: Provenance) -> dict | None:
    """One row of a table written cell after cell from the left, its number last: the notes
    (before any bullet), the activities (bulleted, each closing with its NN% when it has
    one), then the overall percentage with the title's first line, and the title's other
    lines. None when no percentage stands after the activities, or it stands alone on its
    line (a percentage cell written on a line of its own is another layout's: pdftotext's
    cell per line, where a number opens its row, «الالتزام» / «2» / «: إرساء …»)."""
    at = next((k for k in range(len(cells) - 1, -1, -1) if _INLINE_PCT.search(cells[k])), None)
    if at is None or _BARE_PCT.match(cells[at]):
        return None
    line = cells[at]
    bulleted = bool(_BULLETS.match(line))
    pct = list(_INLINE_PCT.finditer(line))[-1 if bulleted else 0]  # «• … 25% 47% title»: the activity's first
    before, after = line[:pct.start()].strip(), line[pct.end():].strip()
    body = cells[:at]
    if bulleted or _BULLETS.search(before):  # «• كل الأنشطة منجزة 100% إعداد …»: an activity, then the title
        body, title = body + [before], after
    elif before and after:  # the percentage's cell drawn between the title's two runs
        title = f"{after} {before}"
    else:
        title = before or after
    title = tidy_value(" ".join([title] + cells[at + 1:]))
    head, *items = _BULLETS.split(" ".join(body))
    activities = []
    for item in items:
        end = _TRAILING_PCT.search(item)
        text = item[:end.start()] if end else item
        if text.strip():
            activities.append({"title": tidy_value(text), "completion_pct": parse_pct(end.group()) if end else None})
    return {"number": number, "title": title or None, "completion_pct": parse_pct(pct.group()),
            "platform_updated": None, "activities": activities,
            "notes": [tidy_value(head)] if head.strip() else [], "_prov": prov}


_TITLE_START = re.compile(r"^\d{1,3}(?:[.,]\d+)?\s?%\s+\S|\d\s?%\s+\d{1,3}(?:[.,]\d+)?\s?%\s+\S")
_TRAILING_NUMBER = re.compile(r"^(.*%.*\S)\s+(\d{1,2})$")


def _row_cells(cells: list[tuple[str, Line]]) -> list[list[tuple[str, Line]]]:
    """The cells gathered before a row's number, parted where a row whose number the
    extraction lost ends: a title block (a line opening with the overall percentage, «91%
    تعزيز تفعيل …», or an activity's percentage then the row's, «… حوله 25% 47% النشر …»,
    or whose raw line ends with that percentage as a cell of its own, a wide gap before it,
    «تعزيز تفعيل الحق في الحصول  91%»; and the lines after it) followed by a bullet, which
    opens the next row's activities."""
    rows: list[list[tuple[str, Line]]] = [[]]
    in_title = False
    for cell in cells:
        text = cell[0]
        bulleted = bool(_BULLETS.match(text))
        if in_title and _BULLETS.search(text):  # «منصة التتبع غير محينة • …»: notes, then a bullet
            rows.append([])
            in_title = False
        if not in_title and (not bulleted and (_TITLE_START.match(text) or ends_in_cell_percentage(cell[1].raw))
                             or bulleted and _TITLE_START.search(text) and not _TITLE_START.match(text)):
            in_title = True
        rows[-1].append(cell)
    return rows


def commitments_numbered_last(lines: list) -> list[dict]:
    """Commitment tables of text documents written cell after cell from the left, as a
    visual extraction of a right-to-left table gives them (seed 001): each row's notes, its
    activities, its overall percentage beside the title's first line, the title's other
    lines, then the row's number alone on a line, which closes the row («1 تعزيز الشفافية
    المالية 65%», number and title on one line, and «… 78% إحداث بوابة وطنية للنزاهة 9», a
    row on one line ending with its number, close it too). A header line resets what was
    gathered; so does running text (a line of more than ``MAX_CELL_WORDS`` words) or a line
    ending with a colon. The table is read when ``MIN_NUMBERED_ROWS`` rows close with
    increasing numbers and nearly every number that closed gathered cells made a row
    (``MIN_ROW_SHARE``; where numbers open their rows, few do)."""
    out: list[dict] = []
    cells: list[tuple[str, Line]] = []
    closed = 0  # numbers that closed what was gathered: each should have made a row
    for ln in lines:
        text = " ".join(western_digits(ln.text).replace("|", " ").split())
        if not text or _header_piece(text):
            continue
        if _header_line(text) or text.endswith(":") or len(text.split()) > MAX_CELL_WORDS:
            cells = []
            continue
        last = out[-1]["number"] if out else 0
        number = None
        if m := _BARE_NUMBER.match(text):
            number = int(m.group(1))
        elif (m := _NUMBER_LEAD.match(text)) and _TRAILING_PCT.search(m.group(2)) and not _BULLETS.match(m.group(2)):
            number = int(m.group(1))
            cells.append((m.group(2), ln))
        elif (m := _TRAILING_NUMBER.match(text)) and int(m.group(2)) > last:
            number = int(m.group(2))
            cells.append((m.group(1), ln))
        if number is None:
            cells.append((text, ln))
            continue
        if number > last:
            closed += 1
            parts = _row_cells(cells)
            if number - len(parts) != last:  # rows whose numbers were lost take the ones between,
                parts = [cells]  # when exactly as many are missing; else the cells are one row's
            for part, n in zip(parts, range(number - len(parts) + 1, number + 1)):
                first = part[0][1] if part else ln
                end = ln if n == number else part[-1][1]  # the last row ends at its number
                row = _numbered_row([t for t, _ in part], n, Provenance(first.page, first.line_no, end.line_no))
                if row is not None:
                    out.append(row)
        cells = []
    # numbers that open their rows (a cell per line, the number first) close nothing readable
    return out if len(out) >= max(MIN_NUMBERED_ROWS, MIN_ROW_SHARE * closed) else []


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


_TIME_LEAD = re.compile(r"^\s*\d{1,2}[:h.]\d{2}(?:\s*(?:-|–|—|إلى)\s*\d{1,2}[:h.]\d{2})?\s*")


def opens_with_time(text: str) -> bool:
    """Does the line open with a clock time or a range of them (a programme row)?"""
    return bool(all_clock_times(text) and _TIME_LEAD.match(western_digits(text)))
SPEAKER_LABEL = r"(?:تأطير|تسيير|تنشيط|تقديم)"  # what a speaker does in a programme row
_PERSON = r"(?:السيدة|السيد|الأستاذة?|الدكتورة?)\s"
_SPEAKER_IN_LINE = re.compile(rf"(?:{SPEAKER_LABEL}\s*:\s*)?{_PERSON}")
# a line that opens a speaker's cell: a person, the label before them, or a second person («والسيدة …»)
SPEAKER_LINE = re.compile(rf"^(?:(?:من\s+)?{SPEAKER_LABEL}\s*:?\s*)?و?{_PERSON}")
# a speaker's label and the person after it inside a line: a repaired cell line a run of whose end
# stands before them («المهداوي منسق شبكة تأطير: السيد ياسين») is a speaker's, not the item's
_LABELLED_SPEAKER = re.compile(rf"(?:^|\s){SPEAKER_LABEL}\s*:\s*{_PERSON}")


def programme_from_text(lines: list) -> list[dict]:
    """Programme rows of text documents whose table comes one cell per line: a line that is
    a time or a time range opens a row, the lines after it are its item, and a line opening
    with a person (السيد، تأطير: السيدة …) starts a speaker whose role and body are the lines
    after it. After a repeated header cell, lines that name no one belong to no known row
    (pdftotext writes a page's wrapped second lines after all first lines) and are left out."""
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
        labelled = _LABELLED_SPEAKER.search(text)
        if labelled and labelled.start() > 0 and not SPEAKER_LINE.match(text):
            # the words before the label end the line, where visual order laid them out
            text = f"{text[labelled.start():].strip()} {text[:labelled.start()].strip()}"
        if SPEAKER_LINE.match(text):
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
            cut = next((i for i in range(1, len(words)) if is_role(" ".join(words[i:]))), None)
            if cut is not None and out[-1]["cells"][0] and not is_role(text):
                out[-1]["cells"][0] += "\n" + " ".join(words[:cut])
                text = " ".join(words[cut:])
            out[-1]["speakers"][-1] += f"\n{text}"
        else:
            continue
        out[-1]["_prov"] = Provenance(out[-1]["_prov"].page, out[-1]["_prov"].line_start, ln.line_no)
    for r in out:
        r["cells"] = [c for c in r["cells"] if c]
    return [r for r in out if r["cells"] or r["speakers"]]
