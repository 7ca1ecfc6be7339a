"""Small pure character steps. Each takes a string and returns a string.

Data tables (mirror pairs, control characters, digits) are JSON in ``data/``,
loaded once.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from normalizers.bidi import left_to_right_pairs


@lru_cache(maxsize=None)
def load_table(name: str) -> dict:
    """A JSON data table of this package, parsed once."""
    return json.loads(resources.files("normalizers").joinpath("data", name).read_text(encoding="utf-8"))


_CONTROLS = re.compile("[" + "".join(load_table("bidi_controls.json")["chars"]) + "]")
_CID = re.compile(r"\(cid:\d+\)")
_PRESENTATION = re.compile("[\ufb00-\ufb06\ufb50-\ufdff\ufe70-\ufefe]+")  # Latin ligatures (ﬁ) too
_TATWEEL = re.compile("\u0640+")
_DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# Arabic letters (incl. presentation forms) on both sides of a short Latin run with no
# space: justification kashida glyphs mapped to Latin letters (e.g. "هaaذا", "الاجتمaاع").
_AR = "\u0621-\u064a\u066e-\u06d3\u06d5\ufb50-\ufdff\ufe70-\ufefe"
_KASHIDA_LATIN = re.compile(f"(?<=[{_AR}])[A-Za-z\u00c0-\u024f^]{{1,3}}(?=[{_AR}])")
_DIGITS = load_table("digits.json")
_TO_WESTERN = str.maketrans({**dict(zip(_DIGITS["arabic_indic"] + _DIGITS["extended_arabic_indic"], _DIGITS["western"] * 2)),
                             **_DIGITS["signs"]})
MIRROR_PAIRS: dict[str, str] = load_table("mirror_pairs.json")
_MIRROR_TRANS = str.maketrans(MIRROR_PAIRS)
_OPEN, _CLOSE = "([{«", ")]}»"


CONTROL_CHARS = frozenset(load_table("bidi_controls.json")["chars"])


def drop_controls(text: str) -> str:
    """Remove bidi embedding/override/isolate marks, BOM, NUL and soft hyphens."""
    if len(text) == 1:  # one glyph's text: the hot case of PDF rows
        return "" if text in CONTROL_CHARS else text
    return _CONTROLS.sub("", text)


_BULLET_MAP: dict[str, str] = load_table("symbol_bullets.json")["map"]
_BULLETS = str.maketrans(_BULLET_MAP)


def map_symbol_bullets(text: str) -> str:
    """Word's list bullets from the Symbol and Wingdings fonts (private-use ``\uf0b7`` in the
    text layer) to ``•``: the bullet they show, a neutral for the bidi algorithm."""
    if len(text) == 1:  # one glyph's text: the hot case of PDF rows
        return _BULLET_MAP.get(text, text)
    return text.translate(_BULLETS)


def drop_cid_glyphs(text: str) -> str:
    """Remove ``(cid:N)`` placeholders pdfminer emits for unmapped (kashida, ligature) glyphs."""
    return _CID.sub("", text)


def fold_presentation_forms(text: str) -> str:
    """Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFE) and Latin ligatures (U+FB00-U+FB06:
    Chromium's «ﬁ» in «Chafaﬁya») to base letters (NFKC, only there).

    Must run after visual->logical reordering: ﻻ folds to "لا" in logical order only
    when the ligature was still one character while the line was reversed.
    """
    return _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


@lru_cache(maxsize=8192)
def fold_presentation_char(ch: str) -> str:
    """One character folded as ``fold_presentation_forms`` folds it (for per-character maps)."""
    return fold_presentation_forms(ch)


def drop_tatweel(text: str) -> str:
    """Remove tatweel (kashida, U+0640) stretching."""
    return _TATWEEL.sub("", text)


def drop_kashida_latin(text: str) -> str:
    """Remove 1-3 Latin letters or carets glued between Arabic letters (justification glyph junk:
    Noto Naskh kashida comes out as Latin letters, KacstOne's as ``^``, an Amiri ligature from
    LibreOffice as ``á``)."""
    return _KASHIDA_LATIN.sub("", text)


def drop_diacritics(text: str) -> str:
    """Remove harakat, tanwin, shadda, sukun and dagger alef."""
    return _DIACRITICS.sub("", text)


def collapse_spaces(text: str) -> str:
    """Collapse runs of horizontal white space to one space and trim."""
    return _WS.sub(" ", text).strip()


def to_nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def western_digits(text: str) -> str:
    """Arabic-Indic and extended Arabic-Indic digits to 0-9, and the Arabic percent, decimal
    and thousands signs (٪ ٫ ٬) to % . , (for parsing numbers: «(٤٨٪)» is 48%)."""
    return text.translate(_TO_WESTERN)


def mirror_brackets(text: str) -> str:
    """Swap every paired bracket with its mirror image."""
    return text.translate(_MIRROR_TRANS)


def _imbalance(text: str) -> int:
    depth = bad = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            if depth == 0:
                bad += 1
            else:
                depth -= 1
    return bad + depth


def fix_brackets(text: str) -> str:
    """Mirror the brackets of a line when that balances it: ``)OGP(`` -> ``(OGP)``."""
    if not any(ch in _CLOSE for ch in text):
        return text
    mirrored = mirror_brackets(text)
    return mirrored if _imbalance(mirrored) < _imbalance(text) else text


def unpaired_brackets(text: str) -> list[int]:
    """Positions of the brackets of ``text`` that have no partner in it."""
    stack: list[int] = []
    lone: list[int] = []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE:
            if stack and _OPEN.index(text[stack[-1]]) == _CLOSE.index(ch):
                stack.pop()
            else:
                lone.append(i)
    return sorted(lone + stack)


def _strong(text: str, i: int, step: int) -> str:
    """Bidi direction of the first strong character from ``i`` on (digits count as
    right-to-left beside neutrals, as in rules N1-N2), or "" at the line's edge (the edge of a
    right-to-left paragraph counts as right to left)."""
    i += step
    while 0 <= i < len(text):
        t = unicodedata.bidirectional(text[i])
        if t in ("R", "AL", "EN", "AN"):
            return "R"
        if t == "L":
            return "L"
        i += step
    return ""


def mirror_drawn_brackets(text: str) -> str:
    """Every bracket of a logical right-to-left line mirrored back, where the text layer gives
    each as the glyph drawn (Chromium, ReportLab; see ``shows_mirrored_brackets``): the bidi
    algorithm sets a bracket to the right-to-left paragraph's direction (rules N0-N2), so it
    was drawn mirrored, unless it left the bracket in a left-to-right run, drawn as typed (Latin
    text on both sides of it, or a pair holding Latin text after Latin text: «Partnership (OGP)
    سنة»). The pairs, the halves of a pair a line break cut («(Plateforme» … «co-création)») and
    the lone ones alike, so a line with both (``1( تحيين )انظر الملحق(؛ 2(``) reads «1) تحيين
    (انظر الملحق)؛ 2)», which balancing the line as a whole cannot tell."""
    at = [i for i, ch in enumerate(text) if ch in _OPEN or ch in _CLOSE]
    if not at:
        return text
    typed = {k for pair in left_to_right_pairs(text) for k in pair}
    chars = list(text)
    for i in at:
        if i not in typed and not (_strong(text, i, -1) == "L" and _strong(text, i, 1) == "L"):
            chars[i] = MIRROR_PAIRS.get(chars[i], chars[i])
    return "".join(chars)


def shows_mirrored_brackets(visual_lines: list[str]) -> bool:
    """Whether a PDF's text layer gives right-to-left brackets as the mirrored glyphs drawn
    (Chromium, ReportLab: «(OGP)» stands as ``(…)`` in the visual line) rather than as the
    characters typed (LibreOffice: ``)…(``), by the right-to-left lines whose brackets
    balance one way only, and by the pairs a line break cut (``)`` on one line, ``(`` on the
    next, where drawn)."""
    drawn = typed = 0
    cut = ""  # the brackets left without a partner on their line, line after line
    for line in visual_lines:
        line = _CID.sub("", line)
        if not any(ch in _OPEN or ch in _CLOSE for ch in line):
            continue
        if any(unicodedata.bidirectional(c) in ("R", "AL") for c in line):
            as_is, mirrored = _imbalance(line), _imbalance(mirror_brackets(line))
            drawn += as_is == 0 < mirrored
            typed += mirrored == 0 < as_is
        cut += "".join(line[i] for i in unpaired_brackets(line))
    # pairs a line break cut: drawn, the first half is ")" and the second "("
    as_is, mirrored = _imbalance(cut), _imbalance(mirror_brackets(cut))
    drawn += max(as_is - mirrored, 0) // 2
    typed += max(mirrored - as_is, 0) // 2
    return drawn > typed


CHAR_STEPS = (
    drop_controls,
    map_symbol_bullets,
    drop_cid_glyphs,
    fold_presentation_forms,
    drop_tatweel,
    drop_kashida_latin,
    to_nfc,
    collapse_spaces,
)
"""The character steps, in order, applied to every line once it is in logical order."""


_CONTINUATION = re.compile(f"(?:(?<=\\s)|^)\u0640+(?=[{_AR}])(?!\u0640)")


def clean_chars_keeping_continuations(text: str) -> str:
    """``clean_chars`` with the spacing kept, but a tatweel that opens a word stays (one):
    a kashida-justified line drawn in pieces splits a word at its stretch, and the piece after
    it (``ــر`` of «أكثر») is the end of a word, to be put back on the piece it continues. No
    written word starts with a tatweel. The repair drops it once the pieces are read."""
    return "\u0640".join(clean_chars(part, collapse=False) for part in _CONTINUATION.split(text))


def clean_chars(text: str, collapse: bool = True) -> str:
    """Apply CHAR_STEPS in order; with ``collapse=False`` the spacing is kept as it is (two
    spaces between words of extracted text mark a seam between runs)."""
    for step in CHAR_STEPS:
        if collapse or step is not collapse_spaces:
            text = step(text)
    return text
