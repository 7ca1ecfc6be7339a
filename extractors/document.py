"""One repaired document -> the export-contract dict, each list item with provenance."""
from __future__ import annotations

import re

from extractors import nlp
from extractors.dates import find_date_loose, find_dates, find_time
from extractors.participants import Person, is_org, merge_people, parse_person, people_in_sentence, split_title
from extractors.structure import Block, Section, canon, data, match_heading, sections_of, tidy_value, to_blocks
from extractors.tables import (commitments_from_rows, keyed_rows, programme_rows, schedule_from_rows, stats_dimension,
                               stats_from_rows)
from extractors.text_tables import (MAX_CELL_WORDS, SPEAKER_LABEL, SPEAKER_LINE, commitments_from_records,
                                    commitments_from_text, commitments_numbered_last, opens_with_time,
                                    programme_from_text, schedule_from_text, stats_from_text)
from pipeline.models import Extraction, Line, Provenance, TextDocument

LIST_FIELDS = ("participants", "absent_organizations", "agenda_items", "commitments", "decisions",
               "proposals", "schedule", "participant_stats")


def _in(sections: list[Section], key: str) -> list[Section]:
    return [s for s in sections if s.key and (s.key == key or s.key.startswith(key + ":"))]


def _people_one_cell_per_line(block: Block, by_no: dict[int, Line]) -> list[Person]:
    """A table of participants written one cell per line (pdftotext's text of a table): the
    lines of the block, each person's name line with the lines after it up to the next name
    (its role and body, in whatever order), read as one entry."""
    lines = [by_no[n].text.strip() for n in range(block.line_start, block.line_end + 1)
             if n in by_no and by_no[n].text.strip()]
    starts = [i for i, t in enumerate(lines) if nlp.honorific(t, within=0)]
    if len(starts) < 2:
        return []
    people = []
    for k, i in enumerate(starts):
        cells = [t.strip(" ،,؛;") for t in lines[i:starts[k + 1] if k + 1 < len(starts) else len(lines)]]
        p = parse_person("، ".join(c for c in cells if c.strip(" —–-")))
        if p:
            people.append(p)
    return people


def _table_lines(doc: TextDocument, sections: list[Section], keys: tuple[str, ...]) -> list:
    """The lines of a table written one cell per line, from its section's heading to the
    first running paragraph or heading of another section (a cell may look like a heading:
    «الورشة الأولى: …»); a programme row written on one line, its time first, is no running
    paragraph however long (pdfplumber's text)."""
    if not sections or sections[0].heading is None:
        return []
    out = []
    for ln in doc.lines:
        if ln.line_no <= sections[0].heading.line_end:
            continue
        text = ln.text.strip()
        if not text:
            continue
        h = match_heading(text)
        if len(text.split()) > MAX_CELL_WORDS and not opens_with_time(text) or h and h[0] not in keys:
            break
        out.append(ln)
    return out


def _items(sections: list[Section], key: str) -> list[Block]:
    """List items and paragraphs of the sections ``key`` (sub-sections included)."""
    out = []
    for s in _in(sections, key):
        if s.heading is not None and s.heading.inline and s.key == key:
            out.append(Block(s.heading.inline, "item", s.heading.page, s.heading.line_start, s.heading.line_end))
        out.extend(b for b in s.blocks if b.kind in ("item", "para") and len(canon(b.text)) > 1)
    # a list written with bullets or numbers: running paragraphs around it are not items
    # (a closing "حرر بالرباط في …" or "واختتم الاجتماع …" after the agreed points)
    if any(b.kind == "item" for b in out):
        out = [b for b in out if b.kind == "item"]
    return out


_DOC_WORDS = {k: [canon(w) for w in v] for k, v in data("lexicon.json")["doc_type_words"].items()}
_TITLE_START = re.compile(r"^(" + "|".join(canon(w) for w in data("lexicon.json")["title_starts"]) + r")\b")
_REMOTE_PLACE = re.compile("|".join(re.escape(canon(w)) for w in data("lexicon.json")["remote_place_words"]))


def doc_type(blocks: list[Block], sections: list[Section]) -> str:
    """minutes, consultation_report, guide or other: from the words of the document's head,
    then from the sections it has."""
    head = " ".join(canon(b.text) for b in blocks[:25])
    words = set(head.split())
    has = lambda kind: any(k in w for w in words for k in _DOC_WORDS[kind])  # noqa: E731  ("المحضر" too)
    if has("minutes"):
        return "minutes"
    if has("report") and has("consultation"):
        return "consultation_report"
    keys = {s.key for s in sections}
    if keys & {"date", "participants", "agenda", "decisions"} and not ({"proposals", "programme"} & keys):
        return "minutes"
    if {"proposals", "programme"} & keys:
        return "consultation_report"
    if has("guide"):
        return "guide"
    return "other"


def title_of(doc: TextDocument) -> str | None:
    lines = doc.lines[:30]
    for i, ln in enumerate(lines):
        c = canon(ln.text)
        if _TITLE_START.match(c) and len(c.split()) >= 3:
            t = ln.text
            nxt = lines[i + 1].text if i + 1 < len(lines) else ""
            if nxt and (re.fullmatch(r"[\d٠-٩\-–/ ]+", nxt.strip()) or t.rstrip().endswith("-")):
                t = t.rstrip() + nxt.strip() if t.rstrip().endswith("-") else f"{t} {nxt}"
            return tidy_value(t.replace("**", "").lstrip("# "))
    return None


_PLACE = re.compile(r"(?:^|\s)ب?(مقر|قاعة|فندق|دار|مركز|المركب|فضاء|رحاب|مدرج|المقر)\s+(.+?)(?=،\s*(?:وذلك|على|يوم)|\s+(?:وذلك|يوم|على الساعة)\s|[.؛]|$)")


def meeting_of(sections: list[Section], blocks: list[Block], dtype: str, programme: list[dict]) -> dict:
    date_text = " ".join((s.heading.inline if s.heading else "") + " " + " ".join(b.text for b in s.blocks[:2])
                         for s in _in(sections, "date"))
    place_text = " ".join((s.heading.inline if s.heading else "") or " ".join(b.text for b in s.blocks[:1])
                          for s in _in(sections, "place"))
    date = None
    hits = find_dates(date_text) if date_text.strip() else []
    if hits:
        date = hits[0].value
    elif date_text.strip() and find_date_loose(date_text):
        date = find_date_loose(date_text)
    else:
        early = [h for b in blocks[:40] if b.kind != "row" for h in find_dates(b.text)]
        wk = [h for h in early if h.weekday]
        anywhere = [h for b in blocks if b.kind != "row" for h in find_dates(b.text) if h.weekday]
        pick = wk or anywhere or early
        date = pick[0].value if pick else None
    start = find_time(date_text) if date_text.strip() else None
    if start is None and programme:
        start = min(programme[0]["times"])
    if start is None and dtype in ("minutes", "consultation_report"):
        for b in blocks[:40]:
            if find_dates(b.text) and "الساعه" in canon(b.text):
                start = find_time(b.text)
                break
    place = None
    if place_text.strip():
        place = tidy_value(re.sub(r"^\s*ب(?=مقر|قاعة)", "", place_text))
    else:
        for text in [date_text] + [b.text for b in blocks[:40] if b.kind in ("para", "item")]:
            m = _PLACE.search(text or "")
            if m:
                place = tidy_value(m.group(1) + " " + m.group(2))
                break
    remote = None
    if dtype in ("minutes", "consultation_report"):
        fmt = " ".join((s.heading.inline if s.heading else "") for s in _in(sections, "format"))
        where = canon(place or "") + " " + canon(fmt if "حضوري" not in canon(fmt) else "")
        remote = bool(_REMOTE_PLACE.search(where))
    return {"date": date, "start_time": start, "place": place, "remote": remote}


_SPEAKER_PREFIX = re.compile(rf"^(?:(?:من\s+)?{SPEAKER_LABEL}\s*:?\s*)")


def _speaker(lines: list[str]) -> list[Person]:
    """People of a speaker text: a name line, then wrapped lines of role and organisation
    (a prefix such as «تسيير:» may stand on a line of its own above the name)."""
    while len(lines) > 1 and not _SPEAKER_PREFIX.sub("", lines[0]).strip():
        lines = lines[1:]
    first = _SPEAKER_PREFIX.sub("", lines[0])
    # the name's line goes on to the title where it already holds the title's first words and
    # the next line is no body's name («السيد عبد الإله بوشنتوف المدير العام» / «للمصالح، مجلس
    # جهة الشرق»: a cell wrapped where its width ran out); else the lines are name, then title
    found = nlp.honorific(first)
    titled = found is not None and len(split_title(first[found[2]:].strip())) > 1
    glue = " " if titled and len(lines) > 1 and not is_org(lines[1]) else "، "
    text = first + (glue + " ".join(lines[1:]) if len(lines) > 1 else "")
    out = []
    for chunk in re.split(r"\s+و(?=(?:السيدة|السيد)\s)", text):
        p = parse_person(chunk)
        if p:
            out.append(p)
    return out


# a label naming the meeting's chair, and the function it gives them (masculine, feminine)
_CHAIR_LABELS = {canon("رئاسة"): ("رئيس الاجتماع", "رئيسة الاجتماع"), canon("تسيير"): ("مسير الاجتماع", "مسيرة الاجتماع")}
_ENDS = tuple(".؛!؟?")


def _chair(section: Section) -> list[Person]:
    """The people a chair section names: its sentence may wrap onto the next line («رئاسة
    الاجتماع: ترأس الاجتماع السيد …، الكاتب العام للوزارة … المكلفة» / «بإصلاح الإدارة …»).
    Under a label («رئاسة الاجتماع:», «تسيير الاجتماع:») their role says so: «الكاتب العام،
    رئيس الاجتماع»."""
    inline = section.heading.inline if section.heading else ""
    first = section.blocks[0] if section.blocks else None
    if inline.strip() and first is not None and first.kind == "para" and not inline.rstrip().endswith(_ENDS):
        people = people_in_sentence(f"{inline} {first.text}")
    else:
        people = people_in_sentence(inline) + (people_in_sentence(first.text) if first is not None else [])
    label = canon(section.heading.text).split()[:1] if section.heading and inline.strip() else []
    function = _CHAIR_LABELS.get(label[0]) if label else None
    for p in people if function else []:
        role = function[1] if (p.honorific or "").endswith("ة") else function[0]
        p.role = f"{p.role}، {role}" if p.role else role
    return people


def _programme_entries(programme: list[dict]) -> tuple[list[tuple[str, Provenance]], list[Person]]:
    agenda, people = [], []
    for row in programme:
        for cell in row.get("speakers", []):
            subs = [s.strip() for s in cell.split("\n") if s.strip()]
            if subs:
                people.extend(_speaker(subs))
        for cell in row["cells"]:
            subs = [s.strip() for s in cell.split("\n") if s.strip()]
            title_parts: list[str] = []
            speaker_parts: list[str] = []
            for s in subs:
                if speaker_parts or SPEAKER_LINE.match(s):
                    speaker_parts.append(s)
                else:
                    title_parts.append(s)
            if title_parts:
                agenda.append((tidy_value(" ".join(title_parts)), row["_prov"]))
            if speaker_parts:
                people.extend(_speaker(speaker_parts))
    return agenda, people


def _participant_rows(rows: list[Block]) -> list[Person]:
    out = []
    for r, cell, _ in keyed_rows(rows, lambda h: "name" in h):
        get = lambda k, c=cell: c(k).replace("\n", " ")  # noqa: E731
        p = parse_person(get("name"), require_honorific=False)
        if p is None:
            continue
        org = tidy_value(get("org"))
        p.organization = org if org and org not in ("—", "-") else None
        p.role = tidy_value(get("role")) or p.role
        out.append(p)
    return out


_AGREED = re.compile(r"(?:تم|وتم)\s+(?:الاتفاق|التوافق)\s+على\s*:?\s*(?!ما يلي)(.+?)(?:[.؛]\s|[.؛]?$)")


def agreed_in_text(blocks: list[Block]) -> list[tuple[str, Provenance]]:
    """Decisions stated in running text ("… تم الاتفاق على تخصيص الورشة …"), for documents
    without a decisions section."""
    out = []
    for b in blocks:
        if b.kind in ("para", "item"):
            for m in _AGREED.finditer(b.text):
                if len(m.group(1).split()) >= 3:
                    out.append((tidy_value(m.group(1)), b.provenance))
    return out


def extract(doc: TextDocument) -> Extraction:
    """The contract dict of a repaired document, with provenance per list item."""
    blocks = to_blocks(doc)
    sections = sections_of(blocks)
    dtype = doc_type(blocks, sections)
    rows = [b for b in blocks if b.kind == "row"]
    prov: dict[str, list[Provenance]] = {k: [] for k in LIST_FIELDS}

    prog_rows = [b for s in _in(sections, "programme") for b in s.blocks if b.kind == "row"]
    programme = programme_rows(prog_rows) if dtype == "consultation_report" or prog_rows else []
    if not programme:  # a programme table written one cell per line
        programme = programme_from_text(_table_lines(doc, _in(sections, "programme"), ("programme", "workshop")))
    prog_agenda, prog_people = _programme_entries(programme)

    # participants
    people: list[Person] = []
    chair = []
    for s in _in(sections, "chair"):
        chair.extend(_chair(s))
    by_no = {ln.line_no: ln for ln in doc.lines}
    for b in _items(sections, "participants"):
        p = parse_person(b.text) if b.kind == "item" else None
        found = [p] if p else _people_one_cell_per_line(b, by_no) or people_in_sentence(b.text)
        people.extend(found)
        prov["participants"].extend(b.provenance for _ in found)
    people = chair + people + _participant_rows(rows) + prog_people
    people = merge_people(people)
    if any(p.remote for p in people):
        for p in people:
            p.remote = bool(p.remote)
    if dtype == "guide":
        people = []

    agenda_blocks = [b for b in _items(sections, "agenda")]
    agenda = [(tidy_value(b.text), b.provenance) for b in agenda_blocks if not b.text.rstrip().endswith(":")]
    if prog_agenda and (dtype == "consultation_report" or not agenda):
        agenda = prog_agenda

    commitments = commitments_from_rows(rows)
    if not commitments:
        commitments = commitments_from_records(doc.lines)
    if not commitments:
        commitments = commitments_numbered_last(doc.lines)
    if not commitments:
        commitments = commitments_from_text(doc.lines)

    stats = []
    stat_sections = [(stats_dimension(s.heading.text if s.heading else ""), s) for s in _in(sections, "stats")]
    for dim, s in stat_sections:
        if dim:
            stats.extend(stats_from_rows(dim, [b for b in s.blocks if b.kind == "row"]))
    if not stats:  # tables written one cell per line
        stats = stats_from_text([(dim, [by_no[n] for b in s.blocks for n in range(b.line_start, b.line_end + 1)
                                        if n in by_no]) for dim, s in stat_sections if dim])

    def texts(key: str) -> list[tuple[str, Provenance]]:
        return [(tidy_value(b.text), b.provenance) for b in _items(sections, key)]

    decisions = texts("decisions") or agreed_in_text(blocks)
    proposals = texts("proposals") if dtype == "consultation_report" else []
    absent = texts("absent")
    schedule = schedule_from_rows(rows)
    if not schedule:
        schedule = schedule_from_text(doc.lines)

    data = {
        "doc": doc.stem,
        "doc_type": dtype,
        "title": title_of(doc),
        "meeting": meeting_of(sections, blocks, dtype, programme) if dtype != "guide" else
        {"date": None, "start_time": None, "place": None, "remote": None},
        "participants": [p.as_dict() for p in people],
        "absent_organizations": [t for t, _ in absent],
        "agenda_items": [t for t, _ in agenda],
        "commitments": [{k: v for k, v in c.items() if not k.startswith("_")} for c in commitments],
        "decisions": [t for t, _ in decisions],
        "proposals": [t for t, _ in proposals],
        "schedule": [{k: v for k, v in s.items() if not k.startswith("_")} for s in schedule],
        "participant_stats": [{k: v for k, v in s.items() if not k.startswith("_")} for s in stats],
    }
    if dtype == "guide":
        for k in LIST_FIELDS:
            data[k] = []
    prov["absent_organizations"] = [p for _, p in absent]
    prov["agenda_items"] = [p for _, p in agenda]
    prov["commitments"] = [c["_prov"] for c in commitments]
    prov["decisions"] = [p for _, p in decisions]
    prov["proposals"] = [p for _, p in proposals]
    prov["schedule"] = [s["_prov"] for s in schedule]
    prov["participant_stats"] = [s["_prov"] for s in stats]
    # participants: provenance of the first mention found for each merged person
    plines = {canon(p.name): None for p in people}
    for b in blocks:
        for name in plines:
            if plines[name] is None and name and name in canon(b.text):
                plines[name] = b.provenance
    prov["participants"] = [plines[canon(p.name)] or Provenance(1, 0, 0) for p in people]
    locate_spans(doc, data, prov)
    return Extraction(data=data, provenance=prov)


# how sure each kind of item is, before any text-repair doubt (see locate_spans)
BASE_CONFIDENCE = {"participants": 0.9, "absent_organizations": 0.9, "agenda_items": 0.9, "commitments": 0.95,
                   "decisions": 0.9, "proposals": 0.9, "schedule": 0.95, "participant_stats": 0.95}
REORDERED_FACTOR = 0.7  # the item's lines came out of visual-order repair


def _item_text(field: str, item) -> str:
    if isinstance(item, str):
        return item
    return item.get("name") or item.get("title") or item.get("step") or item.get("category") or ""


def locate_spans(doc: TextDocument, data: dict, prov: dict[str, list[Provenance]]) -> None:
    """Fill character spans (repaired and raw) and a confidence into every item's provenance."""
    by_no = {l.line_no: l for l in doc.lines}
    from normalizers.offsets import raw_span
    from normalizers.repair import span_box

    for field in LIST_FIELDS:
        for item, p in zip(data.get(field) or [], prov.get(field) or []):
            if p is None:
                continue
            first, last = by_no.get(p.line_start), by_no.get(p.line_end)
            text = _item_text(field, item)
            conf = BASE_CONFIDENCE[field]
            if first is None or last is None:
                p.confidence = round(conf * 0.5, 2)
                continue
            head, tail = text[:12], text[-12:]
            cs = first.text.find(head) if head else -1
            ce = last.text.rfind(tail) if tail else -1
            p.char_start = cs if cs >= 0 else 0
            p.char_end = ce + len(tail) if ce >= 0 else len(last.text)
            if first is last:
                p.raw_start, p.raw_end = raw_span(first.offsets, p.char_start, p.char_end)
                p.bbox = span_box(first, p.raw_start, p.raw_end)
            else:
                head_span = raw_span(first.offsets, p.char_start, len(first.text))
                tail_span = raw_span(last.offsets, 0, p.char_end)
                p.raw_start, p.raw_end = head_span[0], tail_span[1]
                boxes = [b for b in (span_box(first, *head_span), span_box(last, *tail_span))
                         if b] if first.page == last.page else []
                p.bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                          max(b[3] for b in boxes)) if boxes else None
            if any(by_no[n].reordered for n in range(p.line_start, p.line_end + 1) if n in by_no):
                conf *= REORDERED_FACTOR
            if cs < 0:
                conf *= 0.9
            p.confidence = round(conf, 2)
