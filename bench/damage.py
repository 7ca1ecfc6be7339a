"""Seed-style damage on the corpus gold, repaired as text the word model has never seen.

The archive's broken extractions (seeds 000 and 003) show what their producer does to a
right-to-left line: it is drawn as runs (stretches set in one go), the runs come out in
visual order (the logically last at the raw start), each run's own text stays logical,
numbers are runs of their own, a closing mark at the line's logical end goes to the raw
start, a mark after a number inside the line goes to the number's left (``ويلخص .2019``, as
the corpus PDFs' three producers draw «2019. ويلخص»), a comma that ends a run inside the line
mostly stands apart (``العام ، العمومري``), a bracket in right-to-left text comes out as its
mirrored glyph's code (``)على الساعة الثانية بعد الزوال(``, ``)فور شباب(``) while a pair around
Latin text stays as typed (``(OGP)``, ``(SIEDD)``), a percentage has its sign on the
number's left (``%80 أعضائها``, ``% 90بنسبة``: seeds 001 and 003), and the space after an Arabic run is
written against its end, so two Arabic runs often come out glued (``ومكانتاريخ``). A run
boundary may also cut a word in two. The corpus gold has a
paragraph to a line; the seeds' lines are a page's lines, so the damage is also measured on
the paragraphs wrapped at ``WRAP`` characters (``wrap_document``), each line damaged on its own.

``damage_line`` makes such lines from clean ones, at random but reproducibly, and
``damage_rows`` measures ``normalize`` on them, document by document (the document model and
the neighbouring lines at work, as on a real file), against the clean lines: exact lines and
CER, raw and repaired, and the macro F1 of what extraction reads from the repaired documents.
The shipped clean text (``normalizers/data/clean_ar.txt``) holds the corpus gold, so each
document is repaired with the word model learned without its lines (``lm.held_out_model``),
as a document never seen would be.
Table rows (``a | b``) stay markdown rows, as a structured extraction writes them, except in
one setting, which writes them as seed 001's producer does: cell by cell, each cell (and each
bulleted item in it) on narrow lines of its own (``cells_document``), damaged like the others.

    python bench/damage.py [--corpus ../shared/corpus] [--draws 5]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import textwrap
import unicodedata
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[1]
_ARABIC = re.compile("[\u0621-\u064a]")
_LTR = re.compile(r"^[0-9\u0660-\u0669A-Za-z\u00c0-\u024f][0-9\u0660-\u0669A-Za-z\u00c0-\u024f%.,:/\-]*$")
_CLOSERS = ".:،؛"
_MIRROR = str.maketrans("()", ")(")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_PERCENTAGE = re.compile("^[0-9\u0660-\u0669][0-9\u0660-\u0669.,]*[%\u066a]$")


def _pieces(line: str, rng: random.Random, word_cut: float) -> list[str]:
    """The line's tokens: a bracketed stretch is one token, marks after it or after a number
    tokens of their own (marked ``\x01``: no space before), and a word a run boundary cuts
    two tokens (the second marked ``\x00``). A mark between a number (or Latin text) and the
    Arabic after it takes the right-to-left direction (the bidi algorithm's rule N1): a colon
    or full stop inside the line is laid out apart from its number, as a comma is
    (``نشر :14الالتزام`` for «الالتزام 14: نشر»), never inside its left-to-right run."""
    toks: list[str] = []
    for t in re.findall(r"\([^()]*\)[^\s(]*|\S+", line):
        if re.match("[وبل][0-9]", t):  # a clitic against a number: two runs, no space between
            toks.append(t[0])
            t = "\x01" + t[1:]
        head = t.rstrip(_CLOSERS)
        if head != t and (head.startswith("(") or _LTR.match(head.lstrip("\x01"))):
            toks += [head] + ["\x01" + m for m in t[len(head):]]
        elif len(t) >= 4 and _ARABIC.match(t) and t.isalpha() and rng.random() < word_cut:
            k = rng.randrange(1, len(t))
            toks += [t[:k], "\x00" + t[k:]]
        else:
            toks.append(t)
    return toks


def damage_line(line: str, rng: random.Random, cut: float = 0.2, glue: float = 0.5,
                word_cut: float = 0.0, comma_apart: float = 0.75, end_typed: float = 0.0) -> str:
    """A clean logical line as the seeds' producer writes it (see the module docstring):
    a run boundary after each word with probability ``cut``, the space between two Arabic
    runs written against the first one with probability ``glue``, a word cut in two at a run
    boundary with probability ``word_cut``, a comma that ends a run inside the line written
    as a run of its own with probability ``comma_apart`` (``العام ، العمومري``,
    ``البرمجة  ،بها``, ``اللجنة ، COVID 19``: most such commas of seeds 000 and 003), and the
    mark that ends the line typed against the end of its first run, where that run is Arabic
    text, at the raw end, with probability ``end_typed`` (``للحكومة المنفتحة إحداث منتدى المجتمع
    المدني،``: a third of seed 000's such lines), else set apart at the raw start."""
    toks = _pieces(line, rng, word_cut)
    end = ""
    if toks and toks[-1].lstrip("\x01") in _CLOSERS:  # a mark of its own at the logical end
        end = toks.pop().lstrip("\x01")
    elif toks and toks[-1][-1] in _CLOSERS and len(toks[-1]) > 1:
        end, toks[-1] = toks[-1][-1], toks[-1][:-1]
    runs: list[list[str]] = []
    cur: list[str] = []
    for t in toks:
        apart = bool(_LTR.match(t.lstrip("\x01"))) or t.startswith(("(", "\x01"))  # numbers, Latin, marks
        if cur and (apart or t.startswith("\x00")):
            runs.append(cur)
            cur = []
        cur.append(t)
        if apart or rng.random() < cut:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    items: list[str] = []
    for k, run in enumerate(runs):
        text = " ".join(run).replace("\x00", "").replace("\x01", "")
        if not _LATIN.search(text):  # a bracket in right-to-left text: its mirrored glyph's code
            text = text.translate(_MIRROR)
        if _PERCENTAGE.match(text):  # a percentage: its sign drawn on the number's left (``%80``)
            text = text[-1] + text[:-1]
        nxt = runs[k + 1][0] if k + 1 < len(runs) else None
        if nxt is not None and text.endswith("،") and _ARABIC.match(run[-1].lstrip("\x00")) \
                and rng.random() < comma_apart:  # a comma ending a run mid-line: a run of its own
            items += [text[:-1], " ، " if rng.random() < 0.7 else " ،"]
        elif nxt is not None and run == ["\x01،"] and rng.random() < comma_apart:  # after a number
            items.append(" ، ")  # ``اللجنة ، COVID 19``
        elif nxt is None or nxt.startswith(("\x00", "\x01")):  # the line's end, a cut word, a mark
            items.append(text)
        elif _LTR.match(run[-1].lstrip("\x01")) or run[-1].startswith("(") or run[-1] in ("\x01.", "\x01:"):
            items += [text, " "]  # the space after a number, or after the mark against it (``.3``): alone
        elif _LTR.match(nxt) or nxt.startswith("(") or rng.random() < glue:
            items.append(text + " ")  # an Arabic run carries the space after it: «2020فبراير »
        else:
            items += [text, " "]
    raw = "".join(reversed(items))
    if end_typed and end and _ARABIC.match(toks[0]) and rng.random() < end_typed:  # (not after an item's number)
        return raw.rstrip() + end + " "
    return end + raw


def _squash(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).replace("\u0640", "").split())


def wrap_document(lines: list[str], width: int) -> list[str]:
    """A clean document as a page sets it: each paragraph or list item broken into lines of at
    most ``width`` characters at spaces (the item's bullet or number on its first line only),
    table rows and non-Arabic lines as they are."""
    out = []
    for line in lines:
        if " | " in line or not _ARABIC.search(line) or len(line) <= width:
            out.append(line)
        else:
            out += textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
    return out


def damage_document(lines: list[str], rng: random.Random, **kw) -> list[str]:
    """Every Arabic line of a clean document damaged; table rows written as markdown rows,
    a list item's bullet at its raw end (its logical start)."""
    out = []
    for line in lines:
        if " | " in line:
            out.append(f"| {line} |")
        elif not _ARABIC.search(line):
            out.append(line)
        elif line.startswith("• "):
            out.append(damage_line(line[2:], rng, **kw) + " •")
        else:
            out.append(damage_line(line, rng, **kw))
    return out


def justify_line(line: str, rng: random.Random, together: float = 0.15) -> str:
    """A clean line as seed 004's producer writes a justified line: word by word, the pieces
    in visual order and two spaces apart (``وتكريس  التشاركية  …  بين  ومن``), two Arabic words
    now and then set as one piece (with probability ``together``; in logical order inside,
    ``إعمال معايير``), brackets mirrored (``)الملاحق``), a mark after a number laid out before
    it (``.2018``) and a list item's bullet or number at the raw end."""
    head = ""
    m = re.match(r"(•|[0-9]{1,2}\.) ", line)
    if m:
        head, line = m.group(1), line[m.end():]
        head = "." + head[:-1] if head.endswith(".") else head
    pieces: list[str] = []
    for t in line.split():
        n = re.match(r"^([0-9][0-9.,%/-]*[0-9%]|[0-9])([.،:؛,]+)$", t)
        t = (n.group(2) + n.group(1) if n else t).translate(_MIRROR)
        if pieces and not re.search("[0-9\u0660-\u0669A-Za-z]", t + pieces[-1]) and rng.random() < together:
            pieces[-1] += " " + t
        else:
            pieces.append(t)
    return "  ".join(reversed(pieces)) + (f"  {head}" if head else "")


def justify_document(lines: list[str], rng: random.Random, share: float = 0.5) -> list[str]:
    """A logical document whose lines of four or more words are, each with probability
    ``share``, laid out word by word in visual order (``justify_line``); the other lines,
    table rows and non-Arabic lines as they are (seed 004)."""
    return [justify_line(line, rng) if " | " not in line and _ARABIC.search(line) and len(line.split()) >= 4
            and rng.random() < share else line for line in lines]


_JOINS_NEXT = re.compile("[\u0626\u0628\u062a-\u062e\u0633-\u063a\u0641-\u0647\u064a]")  # a letter joined to the next


def kashida_line(line: str, rng: random.Random, split: float = 0.1) -> str:
    """A clean line as seed 004's producer writes a kashida-justified line: it draws the line
    in pieces and splits some words at their stretch, after a letter that joins the next one
    (each Arabic word of four letters or more with probability ``split``); the pieces come out
    in visual order, and the second piece of a split word opens with the tatweel of its
    stretch (``ــر ومستجيبا  ــر العمومي … أكث``); the first piece, which holds the line's logical
    end, is followed by the space that ends the line, two spaces wide where the line does not end
    in a mark (as in every such line of seed 004). A line with no split word stays as it is."""
    pieces: list[list[str]] = [[]]
    for t in line.split():
        cuts = [k for k in range(2, len(t)) if _JOINS_NEXT.match(t[k - 1])] \
            if len(t) >= 4 and _ARABIC.match(t) and t.isalpha() else []
        if cuts and rng.random() < split:
            k = rng.choice(cuts)
            pieces[-1].append(t[:k])
            pieces.append(["\u0640\u0640" + t[k:]])
        else:
            pieces[-1].append(t)
    if len(pieces) == 1:
        return line
    # the line's logical end comes first, then the space that ends the line: two spaces (seed 004)
    last = " ".join(pieces[-1])
    return last + ("  " if last[-1] not in _CLOSERS + "(" else " ") + " ".join(" ".join(p) for p in reversed(pieces[:-1]) if p)


_ITEM = re.compile(r"(?:•|[0-9]{1,2}\.) ")  # a list item (seed 004 writes its markers as tabs, which the text loses)


def kashida_document(lines: list[str], rng: random.Random, split: float = 0.1, signal: bool = True) -> list[str]:
    """Every Arabic line of a document, not a table row or list item, as ``kashida_line`` writes it; without
    ``signal``, the tatweel that opens a piece is dropped, as a repair that drops every tatweel
    first reads it."""
    out = [kashida_line(line, rng, split) if " | " not in line and _ARABIC.search(line) and not _ITEM.match(line)
           else line for line in lines]
    return out if signal else [line.replace("\u0640", "") for line in out]


def cells_document(lines: list[str], width: int) -> list[str]:
    """A document whose tables come out cell by cell, as seed 001's producer writes them: each
    cell of a row in reading order, each bulleted item of a cell, on lines of its own of at most
    ``width`` characters (a column is narrow); empty cells leave no line."""
    out = []
    for line in lines:
        if " | " not in line:
            out.append(line)
            continue
        for cell in line.split("|"):
            items = [f"• {x.strip()}" for x in cell.split("•") if x.strip()] if "•" in cell else [cell.strip()]
            for item in filter(None, items):
                out += textwrap.wrap(item, width, break_long_words=False, break_on_hyphens=False)
    return out


def broken_document(clean: list[str], rng: random.Random, width: int | None, kw: dict) -> tuple[list[str], list[str]]:
    """A clean document as one setting lays it out (``clean``: its lines so laid out) and damages it."""
    if width:
        clean = wrap_document(clean, width)
    if "cells" in kw:
        clean = cells_document(clean, kw["cells"])
        kw = {k: v for k, v in kw.items() if k != "cells"}
    broken = justify_document(clean, rng, kw["justified"]) if "justified" in kw \
        else kashida_document(clean, rng, kw["kashida"], kw.get("signal", True)) if "kashida" in kw \
        else damage_document(clean, rng, **kw)
    return clean, broken


WRAP = 90  # characters of a wrapped line: the seeds' lines are 80-100 characters long
CELL_WRAP = 40  # characters of a line of a table cell
END_TYPED = 1 / 3  # of the lines whose first run is Arabic text: the closing mark typed at the raw end (seed 000)
SETTINGS = {  # name: (line width, or None for one line a paragraph; damage_line's parameters)
    "runs reversed, 20% of spaces a run boundary": (None, {"end_typed": END_TYPED}),
    "the same, 2% of words cut by a boundary": (None, {"word_cut": 0.02, "end_typed": END_TYPED}),
    "the same, 5% of words cut by a boundary": (None, {"word_cut": 0.05, "end_typed": END_TYPED}),
    f"paragraphs wrapped at {WRAP} characters, runs reversed": (WRAP, {"end_typed": END_TYPED}),
    "the same, 2% of words cut": (WRAP, {"word_cut": 0.02, "end_typed": END_TYPED}),
    "the same, 5% of words cut": (WRAP, {"word_cut": 0.05, "end_typed": END_TYPED}),
    f"paragraphs wrapped at {WRAP} characters, half the lines laid out word by word in visual order "
    "(seed 004), the rest logical": (WRAP, {"justified": 0.5}),
    f"paragraphs wrapped at {WRAP} characters, 10% of words split at a kashida, the pieces in visual order "
    "(seed 004)": (WRAP, {"kashida": 0.1}),
    "the same, the tatweel that opens a piece dropped (the repair without this signal)": (WRAP, {"kashida": 0.1,
                                                                                                "signal": False}),
    f"paragraphs wrapped at {WRAP} characters and table cells at {CELL_WRAP}, each cell on lines of its own "
    "(seed 001), runs reversed": (WRAP, {"cells": CELL_WRAP, "end_typed": END_TYPED}),
}


def damage_rows(corpus: Path, draws: int = 5) -> list[tuple[str, int, int, float, float, float | None]]:
    """Per setting: exact lines and line count, raw CER, repaired CER, extraction F1 (mean
    over the draws; None without the scorer), over ``draws`` random draws of each document."""
    sys.path.insert(0, str(ROOT))
    from bench.bench_repair import extraction_f1
    from normalizers.lm import held_out_model
    from normalizers.runs import repair_text_lines

    docs = sorted((corpus / "gold").glob("*.txt"))
    models = {doc: held_out_model(doc.read_text(encoding="utf-8").split("\n")) for doc in docs}
    rows = []
    for name, (width, kw) in SETTINGS.items():
        ok = n = 0
        raw_e = fixed_e = chars = 0
        f1s = []
        for draw in range(draws):
            rng = random.Random(draw)
            with tempfile.TemporaryDirectory() as tmp:
                texts = Path(tmp) / "text"
                texts.mkdir()
                for doc in docs:
                    clean, broken = broken_document(doc.read_text(encoding="utf-8").split("\n"), rng, width, kw)
                    fixed = repair_text_lines(broken, models[doc])
                    for c, b, f in zip(clean, broken, fixed):
                        if " | " in c or not _ARABIC.search(c):
                            continue
                        want = _squash(c.removeprefix("• "))
                        got = _squash(f.removeprefix("• "))
                        ok += want == got
                        n += 1
                        raw_e += Levenshtein.distance(want, _squash(b))
                        fixed_e += Levenshtein.distance(want, got)
                        chars += len(want)
                    # extraction reads the repaired text (repaired with the held-out model)
                    (texts / doc.name).write_text("\n".join(fixed), encoding="utf-8")
                f1 = extraction_f1(texts, corpus / "gold", Path(tmp) / "pred")
                if f1 is not None:
                    f1s.append(f1)
        rows.append((name, ok, n, raw_e / chars, fixed_e / chars, sum(f1s) / len(f1s) if f1s else None))
    return rows


def damage_markdown(rows: list[tuple[str, int, int, float, float, float | None]], draws: int) -> str:
    out = [f"| damage ({draws} draws of the 4 corpus documents) | exact lines | CER raw | CER repaired "
           "| extraction F1 |", "|---|---:|---:|---:|---:|"]
    for name, ok, n, raw, fixed, f1 in rows:
        out.append(f"| {name} | {ok}/{n} ({ok / n:.1%}) | {raw:.2%} | {fixed:.2%} | "
                   + ("—" if f1 is None else f"{f1:.3f}") + " |")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--draws", type=int, default=5)
    a = ap.parse_args()
    print(damage_markdown(damage_rows(a.corpus, a.draws), a.draws))
    return 0


if __name__ == "__main__":
    sys.exit(main())
