"""Reading: a file's bytes and path in, a RawDocument (pages of raw lines) out.

PDF with pdfplumber, page by page, keeping page numbers and glyph positions;
``.txt`` and ``.md`` as UTF-8, or a legacy encoding (Windows-1256, ...) detected by
charset-normalizer. Anything else raises ``SkipFile``; unreadable input raises
``ReadError`` with a reason a person can act on.
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

from pipeline.models import Glyph, RawDocument, RawLine, RawPage

PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
SUPPORTED = PDF_SUFFIXES | TEXT_SUFFIXES | MARKDOWN_SUFFIXES


class ReadError(Exception):
    """The file is of a supported kind but cannot be read (corrupt, encrypted, empty...)."""


class SkipFile(Exception):
    """The file is not of a kind mahdar reads."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_text(data: bytes) -> tuple[str, str]:
    """Text and encoding name: UTF-8 (with or without BOM) first, else detected."""
    head = data[:65536]
    if head.count(b"\x00") > max(2, len(head) // 100) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("binary content (NUL bytes) in a text file")
    try:  # a few NULs among text are glyphs an extractor could not name (pdfplumber): dropped
        return data.decode("utf-8-sig").replace("\x00", ""), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1256", "iso8859_6", "cp720", "utf_16", "cp1252"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise ReadError("undecodable text: no encoding fits")
    return str(best), best.encoding


def read_text_file(path: Path, data: bytes, kind: str) -> RawDocument:
    text, enc = decode_text(data)
    if not text.strip():
        raise ReadError("empty document (no text)")
    lines = [RawLine(text=l) for l in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    page = RawPage(number=1, lines=lines)
    return RawDocument(path=str(path), stem=path.stem, sha256=sha256_of(data), kind=kind,
                       encoding=enc, pages=[page])


def page_objects(page) -> tuple[list[Glyph], dict[str, list[dict]]]:
    """The glyphs of a page and its drawn shapes (lines, rects, curves as pdfplumber dicts).

    Read from pdfplumber's own layout of the page (``page.layout``, pdfminer's objects) with
    pdfplumber's coordinates (top-down, MediaBox-adjusted), without turning every character
    into a full attribute dict as ``page.chars`` does: that conversion is most of pdfplumber's
    time and mahdar needs seven attributes of a character. Shapes, few, go through
    pdfplumber's own ``process_object``.
    """
    from pdfminer.layout import LTChar, LTContainer, LTCurve
    from pdfplumber.page import fix_fontname_bytes  # the decoding page.chars applies

    mb_x0, mb_top = page.mediabox[:2]
    height = page.height
    glyphs: list[Glyph] = []
    shapes: dict[str, list[dict]] = {"line": [], "rect": [], "curve": []}

    def walk(objs) -> None:
        for obj in objs:
            if isinstance(obj, LTChar):
                if obj.upright:
                    font = obj.fontname
                    glyphs.append(Glyph(obj.get_text(), obj.x0 + mb_x0, obj.x1 + mb_x0, height - obj.y1 + mb_top,
                                        height - obj.y0 + mb_top, obj.size or 0.0,
                                        fix_fontname_bytes(font) if isinstance(font, bytes) else font or ""))
            elif isinstance(obj, LTContainer):
                walk(obj)  # a figure or other container: its objects, in order
            elif isinstance(obj, LTCurve):  # LTLine and LTRect are curves too
                d = page.process_object(obj)
                shapes.setdefault(d["object_type"], []).append(d)

    walk(page.layout)
    return glyphs, shapes


def cut_row_edges(v: list[dict], h: list[dict]) -> list[dict]:
    """Horizontal edges closing a table where the page cuts one of its rows: Chromium draws a
    row that a page break splits without its bottom (or top) border, the cell borders running
    on to the page's edge, so the table finder would drop the row's part on that page. The
    edge is laid where the vertical ruling stops, across the borders that reach there."""
    out = []
    for end, beyond in (("bottom", max), ("top", min)):
        stop = beyond(e[end] for e in v)
        ruled = beyond(e["top"] for e in h)
        if abs(stop - ruled) <= 2:
            continue
        reach = [e["x0"] for e in v if abs(e[end] - stop) <= 1]
        if len(reach) >= 2:
            edge = dict(h[0])  # a ruling edge of the page, moved: same keys, page coordinates
            shift = stop - edge["top"]
            for key, sign in (("doctop", 1), ("y0", -1), ("y1", -1)):
                if key in edge:
                    edge[key] += sign * shift
            edge.update(x0=min(reach), x1=max(reach), width=max(reach) - min(reach), top=stop, bottom=stop, height=0)
            out.append(edge)
    return out


def _table_grids(page, shapes: dict[str, list[dict]]) -> list:
    """Ruled tables of a page, by pdfplumber's table finder over the page's ruling (the edges
    of its lines, rects and curves, in the order and with the length filter ``page.edges``
    and the "lines" strategy use)."""
    from pdfplumber.utils import filter_edges, obj_to_edges

    from normalizers.pdf_layout import TableGrid

    grids = []
    edges = [e for kind in ("line", "rect", "curve") for o in shapes.get(kind, []) for e in obj_to_edges(o)]
    if len(edges) < 4:  # no ruling, no ruled table (and no cost of looking for one)
        return grids
    v, h = filter_edges(edges, "v", min_length=1), filter_edges(edges, "h", min_length=1)
    if len(v) < 2 or len(h) < 2:
        return grids
    h = h + cut_row_edges(v, h)
    try:
        found = page.find_tables({"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                                  "explicit_vertical_lines": v, "explicit_horizontal_lines": h})
    except Exception:  # pdfplumber table finder is best-effort
        return grids
    for t in found:
        rows = [[tuple(c) if c else None for c in r.cells] for r in t.rows]
        if len(rows) >= 2 or (rows and len(rows[0]) >= 2):
            grids.append(TableGrid(bbox=tuple(t.bbox), rows=rows))
    return grids


def bullet_glyphs(shapes: dict[str, list[dict]]) -> list[Glyph]:
    """List bullets drawn as small filled discs or squares (Chromium prints HTML list
    markers as vector shapes, not text): one "•" glyph each, where the shape stands."""
    out = []
    for c in shapes.get("curve", []) + [r for r in shapes.get("rect", []) if r.get("fill")]:
        w, h = float(c["x1"]) - float(c["x0"]), float(c["bottom"]) - float(c["top"])
        if c.get("fill") and 1.5 <= w <= 8 and 1.5 <= h <= 8 and abs(w - h) <= 1.0:
            top, bottom = float(c["top"]), float(c["bottom"])
            out.append(Glyph("•", float(c["x0"]), float(c["x1"]), top - h, bottom + h, 3 * h, "bullet-shape"))
    return out


def read_pdf(path: Path, data: bytes, max_pages: int = 2000) -> RawDocument:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    from normalizers.pdf_layout import layout_page

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ReadError("not a PDF (no %PDF header): mislabelled or corrupt file")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as e:  # pdfplumber wraps pdfminer's many error types in PdfminerException
        inner = e.args[0] if e.args and isinstance(e.args[0], Exception) else e
        if isinstance(inner, PDFPasswordIncorrect) or "password" in repr(inner).lower() \
                or "encrypt" in type(inner).__name__.lower():
            raise ReadError("encrypted PDF (password required)") from e
        raise ReadError(f"corrupt PDF: {type(inner).__name__}: {inner}".strip(" :")) from e
    pages: list[RawPage] = []
    with pdf:
        try:
            n = len(pdf.pages)
        except Exception as e:
            raise ReadError(f"corrupt PDF: {type(e).__name__}: {e}") from e
        if n == 0:
            raise ReadError("empty PDF (no pages)")
        if n > max_pages:
            raise ReadError(f"PDF too large: {n} pages (limit {max_pages}, MAHDAR_MAX_PAGES)")
        producer = None
        try:
            producer = (pdf.metadata or {}).get("Producer")
            if isinstance(producer, bytes):
                producer = producer.decode("latin-1", "replace")
        except Exception:
            pass
        for i, page in enumerate(pdf.pages, 1):
            try:
                glyphs, shapes = page_objects(page)
            except Exception as e:
                raise ReadError(f"corrupt PDF page {i}: {type(e).__name__}: {e}") from e
            glyphs += bullet_glyphs(shapes)
            has_text = any(g.text.strip() for g in glyphs)
            lines = layout_page(glyphs, _table_grids(page, shapes)) if has_text else []
            pages.append(RawPage(number=i, lines=lines, has_text_layer=has_text,
                                 width=float(page.width), height=float(page.height)))
            page.flush_cache()
    return RawDocument(path=str(path), stem=path.stem, sha256=sha256_of(data), kind="pdf",
                       encoding=None, pages=pages, producer=producer)


def read_document(path: Path, data: bytes | None = None, max_bytes: int | None = None,
                  max_pages: int = 2000) -> RawDocument:
    """Read one file into a RawDocument; raises SkipFile or ReadError with the reason."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise SkipFile(f"unsupported file type '{suffix or '(none)'}'")
    if data is None:
        if max_bytes is not None and path.stat().st_size > max_bytes:
            raise ReadError(f"file too large: {path.stat().st_size} bytes (limit {max_bytes}, MAHDAR_MAX_BYTES)")
        data = path.read_bytes()
    if not data.strip():
        raise ReadError("empty file")
    if suffix in PDF_SUFFIXES:
        return read_pdf(path, data, max_pages=max_pages)
    if data.startswith(b"%PDF"):
        raise ReadError("mislabelled file: PDF content with a text extension")
    return read_text_file(path, data, "markdown" if suffix in MARKDOWN_SUFFIXES else "text")


def discover(paths: list[Path]) -> list[Path]:
    """Files under the given paths (folders are walked), sorted, hidden files left out."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(f for f in sorted(p.rglob("*")) if f.is_file() and not any(
                part.startswith(".") for part in f.relative_to(p).parts))
        elif p.exists():
            out.append(p)
        else:
            out.append(p)  # reported as an error by the caller
    return out
