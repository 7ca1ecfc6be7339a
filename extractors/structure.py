"""Repaired lines -> blocks (headings, list items, paragraphs, table rows) -> sections.

Works the same on PDF text, plain-text extractions and markdown: markdown marks
(``#``, ``|`` tables, ``<br>``, ``**``) are read here, once.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from pipeline.models import Provenance, TextDocument

_DIAC = re.compile("[\u064b-\u065f\u0670\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_PUNCT = re.compile(r"[\u060c\u061b\u061f.,;:!?()\[\]{}\"'«»\-–—_/\\|•○●·*#%]")


def canon(text: str | None) -> str:
    """Lenient matching form: NFKC, no tatweel/diacritics, folded alef/ya/teh marbuta, no punctuation."""
    if not text:
        return ""
    t = _DIAC.sub("", unicodedata.normalize("NFKC", text)).translate(_FOLD)
    return " ".join(_PUNCT.sub(" ", t).split()).lower()


@lru_cache(maxsize=None)
def data(name: str) -> dict:
    return json.loads(resources.files("extractors").joinpath("data", name).read_text(encoding="utf-8"))


BULLET = re.compile(r"^\s*(?:[•●○▪◦·\-–*]|\uf0b7|\uf0a7)\s*")
NUMBERED = re.compile(r"^\s*(\d{1,2}|[٠-٩]{1,2})\s*[.)\-]\s+(?=\S)")
_TERMINAL = tuple("؛.:!؟?")
_MD_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass
class Block:
    text: str
    kind: str  # heading | item | para | row
    page: int
    line_start: int
    line_end: int
    cells: list[str] | None = None
    number: int | None = None  # list numbering as written
    section: str | None = None  # heading blocks: the section key they open
    inline: str = ""  # heading blocks: text after the colon
    table: int | None = None

    @property
    def provenance(self) -> Provenance:
        return Provenance(self.page, self.line_start, self.line_end)


@dataclass
class Section:
    key: str | None
    heading: Block | None
    blocks: list[Block] = field(default_factory=list)


@lru_cache(maxsize=1)
def _heading_index() -> list[tuple[str, str]]:
    pairs = []
    for key, names in data("sections.json").items():
        if key in ("comment", "closing"):
            continue
        pairs.extend((canon(n), key) for n in names)
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def _heading_keys() -> dict[str, str]:
    return dict(_heading_index())


@lru_cache(maxsize=1)
def _anagram_index() -> dict[str, str]:
    return {"".join(sorted(name.replace(" ", ""))): key for name, key in _heading_index()}


_HEADER_LABELS = frozenset({"date", "place", "chair", "format"})
LABEL_REACH = 2  # words a repair may leave before a label (see ``_displaced_label``)
_OPEN_ENDED = {"stats", "workshop"}  # "توزيع المشاركين حسب الجنس", "الورشة الأولى: …"


def match_heading(text: str) -> tuple[str, str] | None:
    """(section key, inline text after the heading) when ``text`` opens a known section.

    A whole-line heading also matches when its letters are those of a known heading
    in another order: visual-order damage moves words and word pieces around
    (``المتداولةط االنق`` for ``النقاط المتداولة``) but never changes the letters.
    """
    body = re.sub(r"^\s*(?:[IVX]+|\d+|[أ-ي])\s*[.)\-–]\s*", "", text.replace("*", "")).strip()
    c = canon(body)
    if not c:
        return None
    if len(c.split()) <= 7:
        key = _anagram_index().get("".join(sorted(c.replace(" ", ""))))
        if key:
            return key, ""
    for name, key in _heading_index():
        if c == name or c.startswith(name + " "):
            rest = ""
            if c != name:
                # inline content only after a colon; otherwise a long line is running text
                m = re.match(r"^[^:：]{0,80}[:：]\s*(.*)$", body)
                if not m:
                    # without a colon only headings that name a topic after them continue
                    if key not in _OPEN_ENDED or len(c.split()) > len(name.split()) + 5:
                        return None
                else:
                    rest = m.group(1).strip()
                    if len(canon(body[: len(body) - len(m.group(1))]).split()) > len(name.split()) + 3:
                        return None
            return key, rest
    return _displaced_label(body)


def _displaced_label(body: str) -> tuple[str, str] | None:
    """A meeting's header label with its colon standing a word or two into the line (``المرئية
    مكان الاجتماع: اجتماع عن بعد …``): a repair left the value's last words before it, where
    visual order lays the end of a line out. The inline text is the value with those words put
    back at its end. Only the header's labels: a list's heading after a few words («ومن أبرز
    التوصيات:») is running text."""
    parts = body.split()
    for k in range(1, LABEL_REACH + 1):
        label, colon, value = " ".join(parts[k:]).partition(":")
        if not colon or any(":" in p or not canon(p) for p in parts[:k]):
            continue
        key = _heading_keys().get(canon(label))
        if key in _HEADER_LABELS:
            return key, f"{value.strip()} {' '.join(parts[:k])}".strip()
    return None


def _md_cells(text: str) -> list[str]:
    inner = text.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [re.sub(r"\s*<br\s*/?>\s*", "\n", c).replace("**", "").strip() for c in inner.split("|")]


def _closes(ln, text: str) -> bool:
    """Does this line end its item or paragraph? In visual-order text the raw line says so
    (repair may have moved a comma from the middle to the end); otherwise its last mark."""
    if ln.closes is not None:
        return ln.closes
    return text.rstrip().endswith(_TERMINAL + ("،",))


RUNS_ON_MARGIN = 1.0  # nats by which an item's first word must read likelier after the open item
_AR_WORD = re.compile("[\u0621-\u064a]+")


def runs_on(item: str, text: str) -> bool:
    """Does the bullet item ``text`` go on the open ``item``? A converter sometimes makes a
    bullet of an item's wrapped line (seed 002: «- قصد خلق الفتنة» after «… عبر مواقع التواصل
    الاجتماعي»): its first word reads far likelier after the item's last word than at the start
    of an item, by the word model of ``normalizers.lm`` (which learned how items start)."""
    from normalizers.lm import model, text_key

    before, words = _AR_WORD.findall(item), _AR_WORD.findall(text)
    if not before or not words:
        return False
    lm, first = model(), text_key(words[0])
    return lm.logp(text_key(before[-1]), first) - lm.logp("<s>", first) >= RUNS_ON_MARGIN


def _marker_only(text: str) -> bool:
    """A line that is nothing but a list marker: a bullet, or an item number with its dot
    or bracket («1.», «2)»), not a bare number (a table cell)."""
    if len(text) > 4:
        return False
    m = NUMBERED.match(text + " x")
    if m and m.end() == len(text) + 1 and not text.isdigit():
        return True
    b = BULLET.match(text)
    return b is not None and b.end() >= len(text) and text not in ("-", "–")


def to_blocks(doc: TextDocument) -> list[Block]:
    """Blocks of a document; wrapped lines are joined to the item or paragraph they continue."""
    blocks: list[Block] = []
    open_block: Block | None = None
    open_closed = True
    marker = ""  # a list marker standing alone on its line (pdftotext's text): it opens the next line
    for ln in doc.lines:
        text = ln.text.replace("**", "").strip()
        if not text:
            open_block = None
            continue
        if ln.cells is None and _marker_only(text):
            marker = text
            open_block = None
            continue
        if marker:
            text, marker = f"{marker} {text}", ""
            if (NUMBERED.match(text) or BULLET.match(text)) is None:
                text = text.split(" ", 1)[1]
        if ln.cells is not None:
            blocks.append(Block(" | ".join(ln.cells), "row", ln.page, ln.line_no, ln.line_no,
                                cells=list(ln.cells), table=ln.table))
            open_block = None
            continue
        # a table row: markdown (| a | b |) or cells joined by " | " (a | b)
        if text.startswith("|") and text.count("|") >= 2 or " | " in text or text.endswith(" |"):
            if _MD_SEP.match(text):
                continue
            cells = _md_cells(text)
            prev = blocks[-1] if blocks else None
            if prev is not None and prev.kind == "item" and len(cells) == 2 and not cells[0].strip() \
                    and cells[1].strip() and prev is open_block:
                prev.text = f"{prev.text} {cells[1].strip()}"  # the item's wrapped line
                prev.line_end = ln.line_no
                continue
            if prev is not None and prev.kind == "row" and prev.cells and len(prev.cells) == len(cells) \
                    and not cells[0].strip() and any(c.strip() for c in cells) and prev.line_end >= ln.line_no - 2:
                # a row whose first cell is empty continues the row above: its cells' wrapped lines
                prev.cells = [f"{a}\n{b}".strip("\n") if b.strip() else a for a, b in zip(prev.cells, cells)]
                prev.text = " | ".join(c.replace("\n", " ") for c in prev.cells)
                prev.line_end = ln.line_no
                continue
            if len(cells) == 2 and _marker_only(cells[0].strip()) and cells[1].strip():
                # a list laid out as two columns (pdftotext -layout): the marker, the item
                blk = Block(cells[1], "item", ln.page, ln.line_no, ln.line_no)
                blocks.append(blk)
                open_block, open_closed = blk, _closes(ln, cells[1])
                continue
            blocks.append(Block(" | ".join(c.replace("\n", " ") for c in cells), "row", ln.page,
                                ln.line_no, ln.line_no, cells=cells))
            open_block = None
            continue
        md_heading = text.startswith("#")
        if md_heading:
            text = text.lstrip("#").strip()
        h = match_heading(text)
        if h or md_heading or (text.endswith(":") and len(text.split()) <= 14 and not BULLET.match(text)):
            key, inline = h if h else (None, "")
            blocks.append(Block(text, "heading", ln.page, ln.line_no, ln.line_no, section=key, inline=inline))
            open_block = None
            continue
        number = None
        m = NUMBERED.match(text)
        kind = "para"
        if m:
            number = int(m.group(1).translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
            text = text[m.end():]
            kind = "item"
        else:
            b = BULLET.match(text)
            if b and b.end() > 0 and (text[0] != "-" or len(text) > 2):
                text = text[b.end():]
                kind = "item"
                if open_block is not None and open_block.kind == "item" and not open_closed \
                        and runs_on(open_block.text, text):
                    kind = "para"  # the open item's wrapped line, made a bullet of
        if kind == "para" and open_block is not None and not open_closed:
            open_block.text = f"{open_block.text} {text}"
            open_block.line_end = ln.line_no
            open_closed = _closes(ln, open_block.text)
            continue
        blk = Block(text, kind, ln.page, ln.line_no, ln.line_no, number=number)
        blocks.append(blk)
        open_block = blk
        open_closed = _closes(ln, text)
    for b in blocks:
        b.text = tidy_value(b.text) if b.kind != "row" else b.text
    return blocks


@lru_cache(maxsize=1)
def _closings() -> tuple[str, ...]:
    return tuple(canon(c) for c in data("sections.json")["closing"])


def is_closing(text: str) -> bool:
    """A closing formula of minutes ("حرر بالرباط في …", "واختتم الاجتماع على الساعة …")."""
    c = canon(text)
    return any(c == k or c.startswith(k + " ") or (k.endswith(" ب") and c.startswith(k)) for k in _closings())


def sections_of(blocks: list[Block]) -> list[Section]:
    """Split blocks at headings; blocks before the first heading form a section with key None.

    A closing formula ends whatever section it stands in.
    """
    out = [Section(None, None)]
    for b in blocks:
        if b.kind == "para" and is_closing(b.text):
            out.append(Section("closing", None, [b]))
            continue
        if b.kind == "heading":
            # an unknown sub-heading inside a list section keeps the section open
            if b.section is None and out[-1].key in ("discussion", None, "other"):
                out[-1].blocks.append(b)
                continue
            if b.section is None and out[-1].key is not None:
                out.append(Section(out[-1].key + ":sub" if not out[-1].key.endswith(":sub") else out[-1].key, b))
                continue
            out.append(Section(b.section, b))
        else:
            out[-1].blocks.append(b)
    return out


_TRAILING = re.compile(r"[\s،؛.,;]+$")


def tidy_value(text: str) -> str:
    """A text value as the contract wants it: collapsed spaces, no trailing ، ؛ ."""
    text = " ".join(text.replace("\u0640", "").split())
    return _TRAILING.sub("", text)
