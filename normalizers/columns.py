"""Right-to-left text laid out in columns by spaces (``pdftotext -layout``): table rows and list
items stand as segments set apart by wide gaps, in the page's left-to-right order.

A block of lines between blank lines whose segments fall into two or more columns is one table
row: each column's segments, top to bottom, make a cell, and the cells are written right to
left as a markdown row on the block's first line (the block's other lines are left empty, so
the text stays line for line). A line of two segments whose right one is a list marker is the
item «marker text».
"""
from __future__ import annotations

import re

_SEGMENT = re.compile(r"\S+(?: {1,2}\S+)*")  # words apart by one or two spaces: three or more part segments
_MARKER = re.compile(r"^(?:[•\-–*]|\d{1,2}[.)]|\(\d{1,2}\))$")
_ARABIC = re.compile("[\u0621-\u064a]")


def segments(line: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _SEGMENT.finditer(line)]


def _columns(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping segment spans merged into columns, left to right."""
    cols: list[list[int]] = []
    for s, e in sorted(spans):
        if cols and s <= cols[-1][1]:
            cols[-1][1] = max(cols[-1][1], e)
        else:
            cols.append([s, e])
    return [(s, e) for s, e in cols]


def rtl_columns(lines: list[str]) -> list[str]:
    """Lines with their column layout resolved (see the module's docstring); lines of one
    segment are returned as they are."""
    out = list(lines)
    block: list[int] = []
    for i in range(len(lines) + 1):
        if i < len(lines) and lines[i].strip():
            block.append(i)
            continue
        if block:
            _resolve_block(lines, block, out)
        block = []
    return out


def _resolve_block(lines: list[str], block: list[int], out: list[str]) -> None:
    segs = {i: segments(lines[i]) for i in block}
    for i in block:  # list items: «text   •» -> «• text»
        if len(segs[i]) == 2 and _MARKER.match(segs[i][1][2]) and _ARABIC.search(segs[i][0][2]):
            out[i] = f"{segs[i][1][2]} {segs[i][0][2]}"
            segs[i] = []
    width = max(len(lines[i].rstrip()) for i in block)
    # a running-text line (one segment across half the width) or a label standing alone
    # («جدول الأعمال:») ends a table: tables are the runs of other lines with a line of two
    # segments or more in them
    run: list[int] = []
    for i in block + [None]:
        alone = i is not None and len(segs[i]) == 1
        if i is not None and segs[i] and not (alone and (segs[i][0][1] - segs[i][0][0] >= width / 2 or
                                                         segs[i][0][2].rstrip().endswith(":"))):
            run.append(i)
            continue
        if any(len(segs[k]) >= 2 for k in run):
            _resolve_table(run, segs, out)
        run = []


def _resolve_table(run: list[int], segs: dict[int, list[tuple[int, int, str]]], out: list[str]) -> None:
    """Rows of a table region: a row starts at a line with about as many segments as the
    fullest line (its other lines carry the cells' continuations)."""
    cols = _columns([(s, e) for i in run for s, e, _ in segs[i]])
    if len(cols) < 2:
        return
    most = max(len(segs[i]) for i in run)
    rows: list[list[int]] = []
    for i in run:
        if not rows or len(segs[i]) >= max(2, most - 1):
            rows.append([i])
        else:
            rows[-1].append(i)
    for row in rows:
        cells: list[list[str]] = [[] for _ in cols]
        for i in row:
            for s, e, text in segs[i]:
                k = next(n for n, (cs, ce) in enumerate(cols) if cs <= s < ce)
                cells[k].append(text)
        out[row[0]] = "| " + " | ".join(" ".join(c) for c in reversed(cells)) + " |"
        for i in row[1:]:
            out[i] = ""
