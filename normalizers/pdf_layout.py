"""PDF glyphs -> visual lines and table rows, from geometry alone.

Lines are clusters of glyphs whose vertical extents overlap (digits and Latin set
in a fallback font sit slightly off the Arabic baseline and must stay on their
line). Glyphs inside a detected table are grouped by cell instead, so a row's
cells never merge with the neighbouring row. Output text is in *visual* order
(left to right on the page); ``normalizers.repair`` turns it into logical order.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.models import Glyph, RawLine

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom


def cluster_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Group glyphs into lines by vertical overlap; lines top to bottom, glyphs left to right."""
    if not glyphs:
        return []
    # glyphs of one font on one line share their vertical extent: cluster those groups (the
    # glyphs of a group, sorted by centre, would come one after another and join one line)
    groups: dict[tuple[float, float], list[Glyph]] = {}
    for g in glyphs:
        groups.setdefault((g.top, g.bottom), []).append(g)
    for grp in groups.values():
        grp.sort(key=lambda g: g.x0)
    order = sorted(groups.items(), key=lambda kv: ((kv[0][0] + kv[0][1]) / 2, kv[1][0].x0))
    lines: list[list[Glyph]] = []
    bounds: list[list[float]] = []
    for (gt, gb), grp in order:
        h = gb - gt if gb - gt > 0.1 else 0.1
        best, best_ov = -1, 0.0
        # only the last few lines can overlap vertically with a glyph sorted by centre
        for k in range(len(lines) - 1, max(0, len(lines) - 3) - 1, -1):
            t, b = bounds[k]
            lh = b - t if b - t > 0.1 else 0.1
            ov = ((b if b < gb else gb) - (t if t > gt else gt)) / (h if h < lh else lh)
            if ov > best_ov:
                best, best_ov = k, ov
        if best >= 0 and best_ov >= 0.5:
            lines[best].extend(grp)
            core = bounds[best]
            # the line's extent follows its main (largest) glyphs, not off-baseline ones
            if h >= (core[1] - core[0]) * 0.8:
                core[0] = min(core[0], gt)
                core[1] = max(core[1], gb)
        else:
            lines.append(list(grp))
            bounds.append([gt, gb])
    out = []
    for ln in lines:
        # a zero-width glyph at (or just inside) the left edge of another is its part drawn
        # first (the «ا» of a lam-alef ligature, a mark over a letter), whichever order the
        # stream gives them; otherwise the stream's order stands (a stable sort)
        ln.sort(key=lambda g: round(g.x0 - (0.3 if g.x1 - g.x0 < 0.05 else 0.0), 1))
        out.append(ln)
    out.sort(key=lambda ln: min(g.top for g in ln))
    return out


def _drawn_over(space: Glyph, near: list[Glyph]) -> bool:
    """A space glyph lying within the box of a letter beside it: no gap between words but
    part of a ligature's text (LibreOffice writes bold lam-alef «لا» as ل, ا and a space over
    the one glyph: «ا اللتزام» for «الالتزام»)."""
    return space.x1 - space.x0 > 0.5 and any(
        q.text.strip() and q.x0 - 0.5 <= space.x0 and space.x1 <= q.x1 + 0.5 for q in near)


def _with_spaces(glyphs: list[Glyph]) -> list[Glyph]:
    """Insert a space glyph where the horizontal gap is word-sized and no space exists; drop
    one drawn over a letter (``_drawn_over``)."""
    out: list[Glyph] = []
    right = float("-inf")  # the right edge of the line so far (a zero-width mark ends no word)
    for i, g in enumerate(glyphs):
        if g.text == " " and _drawn_over(g, glyphs[max(i - 2, 0):i] + glyphs[i + 1:i + 3]):
            continue
        if out:
            p = out[-1]
            gap = g.x0 - max(right, p.x1)
            if gap > 0.18 * max(p.size, g.size) and p.text != " " and g.text != " ":
                out.append(Glyph(" ", max(right, p.x1), g.x0, p.top, p.bottom, p.size, p.font))
        right = max(right, g.x1)
        if g.text == " " and out and out[-1].text == " ":
            continue
        out.append(g)
    return out


def line_of(glyphs: list[Glyph], table: int | None = None) -> RawLine:
    gl = _with_spaces(glyphs)
    _, x0s, x1s, tops, bottoms, _, _ = zip(*gl)
    return RawLine(text="".join(g.text for g in gl), glyphs=gl, table=table,
                   bbox=(min(x0s), min(tops), max(x1s), max(bottoms)))


@dataclass
class TableGrid:
    bbox: BBox
    rows: list[list[BBox | None]]  # cells left to right, per row top to bottom


def layout_page(glyphs: list[Glyph], tables: list[TableGrid]) -> list[RawLine]:
    """Visual lines of one page: running text lines and one line per table row, top to bottom."""
    placed: list[tuple[float, RawLine]] = []
    # glyphs by the table(s) whose box holds their centre; the others are running text
    free: list[Glyph] = glyphs if not tables else []
    members: list[list[tuple[Glyph, tuple[float, float]]]] = [[] for _ in tables]
    if tables:
        boxes = [(t.bbox[0] - 1.0, t.bbox[1] - 1.0, t.bbox[2] + 1.0, t.bbox[3] + 1.0) for t in tables]
        for g in glyphs:
            c = cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
            hit = False
            for ti, b in enumerate(boxes):
                if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]:
                    members[ti].append((g, c))
                    hit = True
            if not hit:
                free.append(g)
    for ln in cluster_lines(free):
        if any(g.text.strip() for g in ln):
            rl = line_of(ln)
            placed.append((rl.bbox[1], rl))
    for ti, t in enumerate(tables):
        inside = members[ti]
        all_boxes = [c for row in t.rows for c in row if c is not None]
        # each glyph into the first cell that holds its centre: rows first, then their cells
        row_spans, bi = [], 0
        for row in t.rows:
            boxes = [c for c in row if c is not None]
            if boxes:
                row_spans.append((min(b[1] for b in boxes) - 0.5, max(b[3] for b in boxes) + 0.5, bi, bi + len(boxes)))
            bi += len(boxes)
        by_box: dict[int, list[Glyph]] = {}
        for g, (cx, cy) in inside:
            found = False
            for top, bottom, lo, hi in row_spans:
                if top <= cy <= bottom:
                    for k in range(lo, hi):
                        b = all_boxes[k]
                        if b[0] - 0.5 <= cx <= b[2] + 0.5 and b[1] - 0.5 <= cy <= b[3] + 0.5:
                            by_box.setdefault(k, []).append(g)
                            found = True
                            break
                if found:
                    break
        bi = 0
        for row in t.rows:
            cells: list[str] = []
            cell_glyphs: list[list[list[Glyph]]] = []
            row_glyphs: list[Glyph] = []
            boxes = [c for c in row if c is not None]
            if not boxes:
                continue
            for box in boxes:
                cg = by_box.get(bi, [])
                bi += 1
                row_glyphs.extend(cg)
                sub = [line_of(l) for l in cluster_lines(cg) if any(g.text.strip() for g in l)]
                cells.append("\n".join(s.text for s in sub))
                cell_glyphs.append([s.glyphs for s in sub])
            if not any(c.strip() for c in cells):
                continue
            top = min(b[1] for b in boxes)
            rl = RawLine(text=" | ".join(c.replace("\n", " ") for c in cells), glyphs=row_glyphs,
                         table=ti, cells=cells, cell_glyphs=cell_glyphs,
                         bbox=(min(b[0] for b in boxes), top, max(b[2] for b in boxes), max(b[3] for b in boxes)))
            placed.append((top, rl))
    placed.sort(key=lambda p: p[0])
    return [rl for _, rl in placed]
