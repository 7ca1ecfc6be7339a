"""The repair steps composed in one visible order.

PDF line (glyphs in visual order):
    1. logical_order  (bidi over glyph units, so ligatures stay whole)
    2. clean_chars    (controls, cid junk, presentation forms, tatweel, kashida Latin, NFC, spaces)
    3. fix_brackets   (mirrored pairs restored by balance), or, where the producer draws
       mirrored glyphs into its text layer (told over the document), mirror_drawn_brackets
       (every bracket of a right-to-left run, pairs and halves of pairs a line break cut alike)
Text (already extracted), by what the document shows:
    explicit bidi embeddings (pdftotext): reverse_word_embeddings (-raw), resolve_embeddings,
        columns.rtl_columns (-layout), clean_chars, unswap_document (two-letter glyphs read backwards), order_ranges, fix_brackets
    letters laid out backwards (pdfplumber's text): reorder_visual_text, clean_chars,
        unswap_document, order_ranges, fix_brackets (mirror_drawn_brackets, as for the PDF)
    left-to-right stretches displaced, marks lost (pdftotext's text without them): clean_chars,
        resolve_displaced, join_spaced_pieces (nothing reordered), fix_brackets
    otherwise: clean_chars (a tatweel that opens a word kept: the end of a word a kashida split),
        runs.repair_text_lines (visual-run detection and reordering), fix_brackets
"""
from __future__ import annotations

import re
from operator import itemgetter

from rapidfuzz.distance import Levenshtein

from normalizers.bidi import (displaced_stretches, has_embeddings, has_rtl, latin_line_as_drawn, logical_order,
                             order_ranges, resolve_displaced, resolve_embeddings, reverse_word_embeddings)
from normalizers.chars import (clean_chars, clean_chars_keeping_continuations, drop_cid_glyphs, drop_controls,
                              drop_tatweel, fix_brackets, fold_presentation_char, fold_presentation_forms,
                              map_symbol_bullets, mirror_drawn_brackets, shows_mirrored_brackets)
from normalizers.columns import rtl_columns
from normalizers.offsets import offset_map
from normalizers.pieces import join_spaced_pieces, unswap_document
from normalizers.rows import display_row, drop_page_furniture, join_page_broken_rows, number_tables
from normalizers.runs import looks_visual, repair_text_lines, space_brackets, visual_line_closes
from pipeline.models import Glyph, Line, RawDocument, RawLine, TextDocument

_PCT_BEFORE = re.compile(r"(?<![\w%\u066a])([%\u066a])\s?(\d+(?:[.,\u066b]\d+)?)(?![\d%\u066a])")


def normalize_percent(text: str) -> str:
    """``%90`` (percent sign laid out before the number) -> ``90%``; the same for ``٪٩٠``."""
    return _PCT_BEFORE.sub(r"\2\1", text)


def reorder_glyph_line(glyphs: list[Glyph], rtl: bool | None = None) -> str:
    """Logical text of one visual glyph row.

    ``rtl`` is the paragraph direction; by default a row is right to left when it holds
    Arabic. In an Arabic document a row of digits or Latin alone (a wrapped ``90%)``, a
    ``(visioconférence)`` set on its own baseline) still sits in a right-to-left paragraph.
    """
    return reorder_glyphs_mapped(glyphs, rtl)[0]


def reorder_glyphs_mapped(glyphs: list[Glyph], rtl: bool | None = None) -> tuple[str, list[int]]:
    """Logical text of a glyph row and, for each of its characters, its index in the raw
    (visual) text of the row: the exact offset map of the reordering."""
    texts = [g.text for g in glyphs]
    units = [map_symbol_bullets(drop_controls(t)) for t in texts]
    if rtl is None:
        rtl = has_rtl("".join(units))
    order = logical_order(units, rtl=True) if rtl else range(len(units))
    if all(len(t) == 1 for t in texts):  # one character per glyph: the offset is the glyph's index
        kept = [k for k in order if units[k]]
        return "".join(units[k] for k in kept), kept
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t)
    chars: list[str] = []
    src: list[int] = []
    for k in order:
        for j, ch in enumerate(units[k]):
            chars.append(ch)
            src.append(starts[k] + min(j, len(texts[k]) - 1))
    return "".join(chars), src


def carry_offsets(before: str, after: str, src: list[int]) -> list[int]:
    """Offsets of ``after`` from those of ``before`` across the character steps (folding,
    dropping, mirroring), by a Levenshtein alignment (rapidfuzz): kept and substituted
    characters keep their source, inserted ones (ﻻ folded to لا) take the one before."""
    if before == after:
        return list(src)
    # fold presentation forms first, so the alignment sees the same letters on both sides
    expanded, exp_src = [], []
    for ch, o in zip(before, src):
        for c in fold_presentation_char(ch):
            expanded.append(c)
            exp_src.append(o)
    before, src = "".join(expanded), exp_src
    out = [-1] * len(after)
    for op in Levenshtein.opcodes(before, after):
        if op.tag in ("equal", "replace"):
            for k in range(op.dest_end - op.dest_start):
                out[op.dest_start + k] = src[op.src_start + k]
        elif op.tag == "insert" and src:
            for k in range(op.dest_start, op.dest_end):
                out[k] = src[max(op.src_start - 1, 0)]
    return out


def _bold(glyph: Glyph) -> bool:
    return "bold" in glyph.font.lower()


def _cell_lines(glyph_lines: list[list[Glyph]], rtl: bool | None) -> list[str]:
    """The lines of a table cell in logical order. A line set wholly in bold under a line
    with bold in it carries on one bold phrase that a narrow column wrapped (a speaker's name
    above the regular lines of their title: «تسيير: السيدة بشرى» / «الكتبي» is one line)."""
    out: list[str] = []
    had_bold = False
    for gl in glyph_lines:
        text = clean_chars(reorder_glyph_line(gl, rtl))
        if not text:
            continue
        marks = [_bold(g) for g in gl if g.text.strip()]
        if had_bold and all(marks):
            out[-1] += " " + text
        else:
            out.append(text)
        had_bold = any(marks)
    return out


def cell_bold_edges(raw: RawLine, rtl: bool | None = None) -> list[tuple[bool, bool]]:
    """Per cell of a table row, in reading order: is its first line all bold, has its last
    line bold in it (so a row the page break cut can carry a bold phrase over, see
    ``join_page_broken_rows``)."""
    edges = []
    for glyph_lines in raw.cell_glyphs or []:
        marks = [[_bold(g) for g in gl if g.text.strip()] for gl in glyph_lines]
        marks = [m for m in marks if m]
        edges.append((bool(marks) and all(marks[0]), bool(marks) and any(marks[-1])))
    return edges[::-1] if (has_rtl(raw.text) if rtl is None else rtl) else edges


def _bracket_step(drawn: bool):
    """Brackets restored: every one of a right-to-left run where the text layer gives each as the
    glyph drawn (``chars.mirror_drawn_brackets``), else mirrored pairs by balance."""
    return mirror_drawn_brackets if drawn else fix_brackets


def repair_pdf_line(raw: RawLine, rtl: bool | None = None, drawn: bool = False) -> tuple[str, list[str] | None]:
    """Logical text of one PDF line or table row (cells right to left when ``rtl``); ``drawn``:
    see ``_bracket_step``."""
    brackets = _bracket_step(drawn)
    if raw.cells is not None:
        cells = []
        glyph_cells = raw.cell_glyphs or [[] for _ in raw.cells]
        for cell, glyph_lines in zip(raw.cells, glyph_cells):
            if glyph_lines:
                sub = _cell_lines(glyph_lines, rtl)
            else:
                sub = [clean_chars(reorder_visual_text(s)) for s in cell.split("\n")]
            cells.append(order_ranges(normalize_percent(brackets("\n".join(s for s in sub if s)))))
        if has_rtl(raw.text) if rtl is None else rtl:
            cells = cells[::-1]
        return display_row(cells), cells
    return order_ranges(brackets(normalize_percent(clean_chars(reorder_glyph_line(raw.glyphs, rtl))))), None


def repair_pdf_text_line(raw: RawLine, rtl: bool | None = None, drawn: bool = False) -> tuple[str, list[int]]:
    """A running-text PDF line in logical order, with its exact offset map to the raw line
    (``drawn``: see ``repair_pdf_line``)."""
    logical, src = reorder_glyphs_mapped(raw.glyphs, rtl)
    text = order_ranges(_bracket_step(drawn)(normalize_percent(clean_chars(logical))))
    return text, carry_offsets(logical, text, src)


_LONE_PCT_LINE = re.compile(r"^[\s—–-]*%[\s%—–-]*$")
# a number that may take a percent sign: not a label's («الالتزام 5:», «رقم 3», «3.») nor a year's
_PCT_CANDIDATE = re.compile(r"(?<![\d.,:/%])(?<!الالتزام )(?<!بالالتزام )(?<!رقم )(\d{1,3}(?:[.,]\d+)?)(?![\d:%/.)]|\s*[:%])")


def attach_lone_percent_lines(lines: list[str]) -> list[str]:
    """Percent signs that a text extractor set on a line of their own, above the numbers
    they follow (pdfplumber's text, where the sign is drawn in a font that sits higher than
    the digits): a line of nothing but k signs gives them to the first k numbers of the line
    under it that may take one, and is left empty (the text stays line for line)."""
    out = list(lines)
    for i in range(len(out) - 1):
        if not _LONE_PCT_LINE.match(out[i]):
            continue
        k = out[i].count("%")
        nxt = out[i + 1]
        spots = [m for m in _PCT_CANDIDATE.finditer(nxt)][:k]
        if len(spots) < k:
            continue
        for m in reversed(spots):
            nxt = nxt[:m.end()] + "%" + nxt[m.end():]
        out[i], out[i + 1] = " ".join(out[i].replace("%", " ").split()), nxt  # an empty cell's dash stays
    return out


_LONE_BRACKETS_LINE = re.compile(r"^\s*\(\s*\)(?:\s*\(\s*\))*\s*$")
_BRACKETED_ENDING = re.compile(r"(?<=[\u0621-\u064a]) (ة|ات|ين|ون|ت)(?=\s|$)")  # inclusive endings


def attach_lone_bracket_lines(lines: list[str]) -> list[str]:
    """Bracket pairs set on a line of their own above the word endings they enclose (the
    same cause: «( )» over «فاعل ة» is «فاعل(ة)»): k pairs enclose the first k endings of
    one or two letters standing apart after a word on the line under them."""
    out = list(lines)
    for i in range(len(out) - 1):
        if not _LONE_BRACKETS_LINE.match(out[i]):
            continue
        k = out[i].count("(")
        spots = list(_BRACKETED_ENDING.finditer(out[i + 1]))[:k]
        if len(spots) < k:
            continue
        nxt = out[i + 1]
        for m in reversed(spots):
            nxt = nxt[:m.start()] + f"({m.group(1)})" + nxt[m.end():]
        out[i], out[i + 1] = "", nxt
    return out


def reorder_visual_text(text: str) -> str:
    """Logical order of a visual string, treating each character as a unit.

    ``(cid:N)`` placeholders are dropped first so they do not break runs.
    """
    text = drop_cid_glyphs(drop_controls(text))
    units = list(text)
    logical = "".join(units[i] for i in logical_order(units, rtl=True))
    if not has_rtl(text) and not latin_line_as_drawn(logical, text):  # see ``latin_line_as_drawn``
        return text  # a line of Latin text or numbers alone stays as drawn unless it reads as typed only reversed
    return logical


def repair_text(lines: list[str]) -> tuple[list[str], list[str]]:
    """Already-extracted text lines repaired, line for line, and the same lines only cleaned
    (character steps, no reordering), to tell which lines repair moved."""
    drawn = False
    if has_embeddings(lines):  # explicit embeddings: logical order, their stretches put right
        spaced = [clean_chars(normalize_percent(l), collapse=False)
                  for l in rtl_columns([drop_controls(resolve_embeddings(reverse_word_embeddings(l))) for l in lines])]
        repaired = [order_ranges(l) for l in unswap_document(join_spaced_pieces([" ".join(l.split()) for l in spaced]))]
    elif reads_backwards(lines):  # every line in visual order, letter by letter
        spaced = attach_lone_bracket_lines(attach_lone_percent_lines(
            [clean_chars(normalize_percent(reorder_visual_text(l)), collapse=False) for l in lines]))
        repaired = [order_ranges(l) for l in unswap_document(join_spaced_pieces([" ".join(l.split()) for l in spaced]))]
        drawn = shows_mirrored_brackets(lines)
    else:
        # a word a kashida split keeps the tatweel that opens its second piece until it is read
        marked = [clean_chars_keeping_continuations(l) for l in lines]
        spaced = [drop_tatweel(l) for l in marked]
        if displaced_stretches(spaced) and not looks_visual(spaced):
            # logical order whose left-to-right stretches lost their marks (pdftotext's text without
            # them): nothing is reordered; the stretches are put back, and the words its
            # justification spread apart («جمعي ة الأف ق») joined where they stand
            repaired = join_spaced_pieces([" ".join(normalize_percent(resolve_displaced(l)).split()) for l in spaced])
        else:
            repaired = [drop_tatweel(l) for l in repair_text_lines(marked)]
    # mirrored pairs put back; in a PDF's text that gives every bracket as drawn, each one of a
    # right-to-left line (a line of numbers or Latin text alone is read as drawn, see ``reorder_visual_text``)
    mended = [_bracket_step(drawn and has_rtl(l))(l) for l in repaired]
    mended = [space_brackets(m) if m != l else m for m, l in zip(mended, repaired)]
    return mended, [" ".join(l.split()) for l in spaced]


_AR_WORD = re.compile("[\u0621-\u064a\ufb50-\ufdff\ufe70-\ufefc]{3,}")
COMMON_ZIPF = 3.0


def reads_backwards(lines: list[str]) -> bool:
    """Whether the text's Arabic words are written letter by letter backwards (a visual-order
    extraction such as pdfplumber's text, ``ةيبرغملا ةكلمملا``): far more of its words are
    common words of the language read backwards than as written."""
    from normalizers.lm import lexicon, text_key

    lex = lexicon()
    ahead = back = 0
    for line in lines:
        for word in _AR_WORD.findall(drop_cid_glyphs(line)):
            fwd = lex.get(text_key(fold_presentation_forms(word)), 0.0) >= COMMON_ZIPF
            rev = lex.get(text_key(fold_presentation_forms(word[::-1])), 0.0) >= COMMON_ZIPF
            ahead += fwd and not rev
            back += rev and not fwd
    return back >= 5 and back > 3 * ahead


def normalize_text(text: str) -> str:
    """Repair text line for line: output line n is input line n repaired."""
    return "\n".join(repair_text(text.split("\n"))[0])


_BOX = itemgetter(1, 3, 2, 4)  # a Glyph's (x0, top, x1, bottom)


def char_boxes(raw: RawLine) -> list[tuple[float, float, float, float]] | None:
    """The page box of every character of a PDF line's raw text (a ligature glyph's box
    for each of its letters), so raw offsets lead back to positions on the page."""
    if not raw.glyphs:
        return None
    if all(len(g.text) == 1 for g in raw.glyphs):
        boxes = list(map(_BOX, raw.glyphs))
    else:
        boxes = [_BOX(g) for g in raw.glyphs for _ in g.text]
    return boxes if len(boxes) == len(raw.text) else None


def span_box(line: Line, raw_start: int | None, raw_end: int | None) -> tuple[float, float, float, float] | None:
    """Page box covering raw characters [raw_start, raw_end) of a line (its whole box otherwise)."""
    if line.char_boxes and raw_start is not None and raw_end is not None and raw_end > raw_start:
        got = line.char_boxes[raw_start:raw_end]
        return (min(b[0] for b in got), min(b[1] for b in got), max(b[2] for b in got), max(b[3] for b in got))
    return line.bbox


def repair_document(doc: RawDocument) -> TextDocument:
    """RawDocument -> TextDocument of logical lines, each with its page and raw line number."""
    lines: list[Line] = []
    ocr: list[int] = []
    n = 0
    if doc.kind == "pdf":
        rtl = any(has_rtl(raw.text) for page in doc.pages for raw in page.lines)
        # told from the visual lines as drawn: a table row's cells line by line (a row's own text
        # runs its cells together, their brackets out of any order)
        drawn = rtl and shows_mirrored_brackets([text for page in doc.pages for raw in page.lines for text in
                                                 ([raw.text] if raw.cells is None else
                                                  [t for cell in raw.cells for t in cell.split("\n")])])
        for page in doc.pages:
            if not page.has_text_layer:
                ocr.append(page.number)
            for raw in page.lines:
                n += 1
                if raw.cells is None:
                    text, offsets = repair_pdf_text_line(raw, rtl, drawn)
                    cells = None
                else:  # a table row: cells right to left, offsets found word by word
                    text, cells = repair_pdf_line(raw, rtl, drawn)
                    offsets = offset_map(text, raw.text)
                if text.strip(" |"):
                    lines.append(Line(text=text, page=page.number, line_no=n, raw=raw.text,
                                      cells=cells, table=raw.table, offsets=offsets,
                                      bbox=raw.bbox, char_boxes=None if cells is not None else char_boxes(raw),
                                      cell_bold=cell_bold_edges(raw, rtl) if cells is not None else None))
        lines = join_page_broken_rows(number_tables(drop_page_furniture(lines)))
    else:
        raw_lines = [rl.text for p in doc.pages for rl in p.lines]

        fixed, cleaned = repair_text(raw_lines)
        visual = looks_visual(cleaned)
        for i, (raw, text, plain) in enumerate(zip(raw_lines, fixed, cleaned), 1):
            if text.strip():
                lines.append(Line(text=text, page=1, line_no=i, raw=raw, offsets=offset_map(text, raw),
                                  reordered=text.split() != plain.split(),
                                  closes=visual_line_closes(plain) if visual else None))
    return TextDocument(stem=doc.stem, lines=lines, ocr_pages=ocr)


