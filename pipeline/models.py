"""The plain data that crosses stage boundaries, defined once.

read:     bytes + path        -> RawDocument (pages of raw lines, with char boxes for PDFs)
repair:   RawDocument         -> TextDocument (logical lines, each mapped back to its raw line)
extract:  TextDocument        -> Extraction (contract dict + provenance per item)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Glyph(NamedTuple):
    """One character object of a PDF page, as pdfplumber reports it (a named tuple: pages
    have thousands, made and read in the hot loop)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str


@dataclass
class RawLine:
    """A line as the reader found it: text in storage order, with glyphs for PDFs."""

    text: str
    glyphs: list[Glyph] = field(default_factory=list)
    table: int | None = None  # index of the PDF table this line's cells come from
    cells: list[str] | None = None  # raw cell texts, visual order; sub-lines joined by "\n"
    cell_glyphs: list[list[list[Glyph]]] | None = None  # per cell, per sub-line, glyphs left to right
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom


@dataclass
class RawPage:
    number: int  # 1-based
    lines: list[RawLine]
    has_text_layer: bool = True
    width: float = 0.0
    height: float = 0.0


@dataclass
class RawDocument:
    path: str
    stem: str
    sha256: str
    kind: str  # pdf | text | markdown
    encoding: str | None
    pages: list[RawPage]
    producer: str | None = None

    @property
    def page_count(self) -> int:
        return len(self.pages)


@dataclass
class Line:
    """A repaired line of logical text with its provenance."""

    text: str
    page: int
    line_no: int  # 1-based, over the whole document (raw line numbering)
    raw: str
    cells: list[str] | None = None  # table cells in reading order (right to left)
    table: int | None = None
    offsets: list[int] | None = None  # offsets[i] = index in ``raw`` of repaired char i (-1 = inserted)
    reordered: bool = False  # text repair moved runs of this line (already-extracted text)
    closes: bool | None = None  # visual-order text: the raw line ends its sentence or item (None: read the text)
    bbox: tuple[float, float, float, float] | None = None  # PDF: x0, top, x1, bottom of the line or row
    char_boxes: list[tuple[float, float, float, float]] | None = None  # PDF text lines: box of each raw char
    # PDF table rows, per cell in reading order: (its first line is all bold, its last line has bold)
    cell_bold: list[tuple[bool, bool]] | None = None


@dataclass
class TextDocument:
    stem: str
    lines: list[Line]
    ocr_pages: list[int] = field(default_factory=list)  # pages with no usable text layer

    @property
    def text(self) -> str:
        return "\n".join(l.text for l in self.lines)


@dataclass
class Provenance:
    """Where an extracted item stands: page, raw line span, character span in the repaired
    lines (``char_start`` in line ``line_start``, ``char_end`` in line ``line_end``), the same
    span in the raw lines through the offset map, and how sure extraction is (0-1)."""

    page: int
    line_start: int
    line_end: int
    char_start: int | None = None
    char_end: int | None = None
    raw_start: int | None = None
    raw_end: int | None = None
    confidence: float | None = None
    bbox: tuple[float, float, float, float] | None = None  # PDF points on the page: x0, top, x1, bottom


@dataclass
class Extraction:
    """The export-contract dict of one document and a provenance per list item."""

    data: dict[str, Any]
    provenance: dict[str, list[Provenance]] = field(default_factory=dict)
