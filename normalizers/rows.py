"""Pages and table rows over a whole PDF document: running headers and footers dropped, tables
numbered across pages, a header repeated after a page break dropped, and a row the break cut in
two joined (``repair.repair_document`` runs these after each page's lines are in logical order)."""
from __future__ import annotations

import re
from dataclasses import replace

from normalizers.lm import atoms_of, lm_key, model, pair_gain
from normalizers.offsets import offset_map
from pipeline.models import Line


def _row_key(cells: list[str]) -> str:
    return " | ".join(" ".join(c.split()) for c in cells)


def cells_run_on(before: list[str], after: list[str]) -> bool:
    """Do the cells of ``after`` carry on the text of the cells of ``before``, the two halves of
    one table row a page break cut? Yes when no cell of the first half ends its sentence and the
    words across the break read on: by the word model, the first word of each cell is likelier
    after the last word of the cell above than on its own («جدول أعمال | الاجتماع:»)."""
    gains = []
    for a, b in zip(before, after):
        if not a.strip() or not b.strip():
            continue
        last, first = atoms_of(a)[-1], atoms_of(b)[0]
        if last.kind == "p" and last.text in ".،:؛;!؟?" or first.text in "•-":
            return False  # the first half ends a sentence, or the second opens an item
        if last.kind == first.kind == "ar":  # a number or a mark says nothing of the words' order
            lm = model()
            gains.append(pair_gain(lm, lm_key(last), lm_key(first)))
    return bool(gains) and min(gains) > 0


def number_tables(lines: list[Line]) -> list[Line]:
    """Tables numbered over the whole document (the layout numbers them per page); a table
    that opens a page right after a row of the same shape closing the page before goes on
    with that table, so the rows of a table the break split keep its header (its columns'
    roles), repeated or not."""
    out: list[Line] = []
    ids: dict[tuple[int, int], int] = {}
    prev: Line | None = None
    for ln in lines:
        if ln.cells is not None and ln.table is not None:
            key = (ln.page, ln.table)
            if key not in ids:
                goes_on = (prev is not None and prev.cells is not None and prev.page == ln.page - 1
                           and len(prev.cells) == len(ln.cells))
                ids[key] = prev.table if goes_on and prev.table is not None else len(set(ids.values()))
            ln = replace(ln, table=ids[key])
        out.append(ln)
        if not is_page_number(ln):
            prev = ln
    return out


_DIGITS = re.compile(r"[0-9\u0660-\u0669]+")


def drop_page_furniture(lines: list[Line]) -> list[Line]:
    """The document without its running headers and footers: a line among the first two or
    the last two of its page whose text, numbers aside, stands there on at least half the
    pages (two at least): a printed title and date, an address and page number («… 2/4»);
    and a line there that is only a page number. Table rows are never furniture (a repeated
    header row is ``join_page_broken_rows``'s)."""
    pages: dict[int, list[Line]] = {}
    for ln in lines:
        pages.setdefault(ln.page, []).append(ln)
    edges = {id(ln) for page in pages.values() for ln in page[:2] + page[-2:] if ln.cells is None}
    seen: dict[str, set[int]] = {}
    for ln in lines:
        if id(ln) in edges:
            seen.setdefault(_DIGITS.sub("#", " ".join(ln.text.split())), set()).add(ln.page)
    least = max(2, (len(pages) + 1) // 2)
    return [ln for ln in lines if id(ln) not in edges or not (
        is_page_number(ln) or len(seen[_DIGITS.sub("#", " ".join(ln.text.split()))]) >= least)]


_PAGE_NUMBER = re.compile(r"\W*[0-9\u0660-\u0669]{1,4}(?:\s*/\s*[0-9\u0660-\u0669]{1,4})?\W*")


def is_page_number(line: Line) -> bool:
    """A line that is only a page number («3», «- 3 -», «3/12»): page furniture between the
    two halves of a table a page break split."""
    return line.cells is None and bool(_PAGE_NUMBER.fullmatch(line.text.strip()))


def join_page_broken_rows(lines: list[Line]) -> list[Line]:
    """Drop a table header repeated after a page break, and join a row the break cut in two.

    The first row of a table with no figures is its header; the same row met again is a
    repetition. The part of a row carried over to the next page has an empty first cell
    (no time, no number), or cells that carry on the text of the row above them
    (``cells_run_on``): its cells are appended to the row it continues.
    """
    out: list[Line] = []
    headers: set[str] = set()
    last_row: Line | None = None
    after_repeat = False
    prev: Line | None = None
    for ln in lines:
        starts_table = prev is None or prev.cells is None or prev.table != ln.table or prev.page != ln.page
        # the first row of a page right after a row of the same shape ending the page before
        broken = (prev is not None and prev is last_row and prev.page == ln.page - 1 and ln.cells is not None
                  and len(ln.cells) == len(prev.cells or []))
        if is_page_number(ln):
            out.append(ln)
            continue
        prev = ln
        if ln.cells is None:
            after_repeat = False
            out.append(ln)
            continue
        key = _row_key(ln.cells)
        if key in headers:
            after_repeat = True
            continue
        if starts_table and not any(ch.isdigit() for ch in key):
            headers.add(key)
        if last_row is not None and (
                after_repeat and len(ln.cells) == len(last_row.cells or []) and
                (not ln.cells[0].strip() or cells_run_on(last_row.cells or [], ln.cells)) or
                broken and cells_run_on(last_row.cells or [], ln.cells)):
            plain = [(False, False)] * len(ln.cells)
            # a bold phrase the break cut (a speaker's name) goes on on the same line
            seams = [" " if above[1] and below[0] else "\n"
                     for above, below in zip(last_row.cell_bold or plain, ln.cell_bold or plain)]
            last_row.cells = [f"{a}{seam}{c}".strip() for a, seam, c in zip(last_row.cells, seams, ln.cells)]
            last_row.text = display_row(last_row.cells)
            last_row.raw = f"{last_row.raw}\n{ln.raw}"
            last_row.offsets = offset_map(last_row.text, last_row.raw)
            last_row.bbox = None  # the row now spans two pages
            after_repeat = False
            continue
        after_repeat = False
        last_row = ln
        out.append(ln)
    return out


_OPEN_SPACE = re.compile(r"([(\[«])\s+")
_SPACE_CLOSE = re.compile(r"\s+([)\]»])")


def display_row(cells: list[str]) -> str:
    """One line for a table row: cells joined by " | ", a cell's wrapped sub-lines by spaces."""
    return " | ".join(_SPACE_CLOSE.sub(r"\1", _OPEN_SPACE.sub(r"\1", c.replace("\n", " "))) for c in cells)
