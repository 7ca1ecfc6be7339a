"""Visual -> logical order for one line of positioned glyphs.

PDF producers of this genre store right-to-left lines in visual order: glyph
objects sorted left to right on the page. We run the Unicode bidirectional
algorithm of python-bidi over one representative character per glyph (so a
multi-character glyph such as a lam-alef ligature "لا" is moved as one unit and
never reversed inside) and read the glyphs back in the order the algorithm's
L2 rule gives. For visual input with a right-to-left paragraph level this is
the inverse of display: Arabic runs are reversed, digit and Latin runs keep
their left-to-right order.

One step is taken by hand: the algorithm run over visual text looks for the
letter before a number on the wrong side (rule W2 searches backwards, and the
logically preceding letter of a right-to-left line stands after the number in
visual order), so a dash between two numbers is given the class it has on the
page (see ``_apart``): a neutral after an Arabic letter («2020-2018» on the page
for 2018-2020), part of the number otherwise. A slash or colon joins two
numbers of either kind (rule W4): 3/2024 and 09:30 are laid out as typed.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bidi import algorithm as uba

_RANGE_SEP = {"-", "–", "—"}
_NEUTRAL_STANDIN = "\u2010"  # HYPHEN, bidi class ON
_HYPHENS = frozenset("-\u2010")
_RTL_OR_NEUTRAL = {"AL", "R", "WS", "ON", "S"}


_EXPLICIT = frozenset(("", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"))


@lru_cache(maxsize=8192)
def bidi_class(ch: str) -> str:
    return unicodedata.bidirectional(ch)


def _representative(units: list[str], i: int) -> str:
    """One character standing for glyph i in the bidi run."""
    u = units[i]
    ch = u[0] if u else " "
    if ch in _RANGE_SEP and 0 < i < len(units) - 1:
        prev, nxt = units[i - 1][-1:], units[i + 1][:1]
        if prev.isdigit() and nxt.isdigit():
            return _NEUTRAL_STANDIN if _apart(units, i) else "0"
    if ch in _HYPHENS and i and units[i - 1][-1:].isalpha() and bidi_class(units[i - 1][-1]) == "L" and \
            (i + 1 == len(units) or not units[i + 1][:1].isalnum()):
        # a Latin word's hyphen at the break of a line (co-|création): the paragraph goes on
        # with the word's other half, so the producer's algorithm kept it in the Latin run
        return "a"
    if len(u) > 1:  # ligature or "(cid:N)": classify by its first strong character
        for c in u:
            if bidi_class(c) in ("AL", "R", "L"):
                return c
    return ch


def _apart(units: list[str], i: int) -> bool:
    """Whether the dash at ``i``, between two digits, parts two numbers on the page: with the
    display algorithm, European digits after an Arabic letter are Arabic numbers (rule W2),
    which a dash does not join (W4), so «للفترة 2018-2020» is laid out ``2020-2018``; digits
    after a Latin letter or at the paragraph's start (a table cell, a line opened by a date:
    ``15-03-2024``) are European numbers, which it joins into one run, laid out as typed.
    Arabic-Indic digits are Arabic numbers wherever they stand. The letter the digits follow
    stands to their right on the page: in visual order, after them."""
    if not (units[i - 1][-1:].isascii() and units[i + 1][:1].isascii()):
        return True
    for u in units[i + 1:]:
        for c in u:
            cls = bidi_class(c)
            if cls in ("AL", "R"):
                return True
            if cls == "L":
                return False
    return False


def is_rtl_text(text: str) -> bool:
    """True when the first strong character of ``text`` is right-to-left."""
    for c in text:
        t = unicodedata.bidirectional(c)
        if t in ("AL", "R"):
            return True
        if t == "L":
            return False
    return False


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("AL", "R") for c in text)


_PAIRS = {")": "(", "]": "[", "}": "{"}


def left_to_right_pairs(chars: list[str] | str) -> list[tuple[int, int]]:
    """The bracket pairs (positions) that rule N0 sets left to right in a right-to-left
    paragraph where rules N1-N2 would not: a pair holding left-to-right text right after
    left-to-right text (``Open Government Partnership (OGP) سنة``, ``OECD (2019)``: a number
    after a Latin word is left to right too, W7). Such a pair stands as typed, inside its
    left-to-right run, in visual and in logical order alike."""
    out = []
    stack: list[tuple[str, int]] = []
    for j, c in enumerate(chars):
        if c in "([{":
            stack.append((c, j))
        elif c in _PAIRS and stack and stack[-1][0] == _PAIRS[c]:
            _, i = stack.pop()
            if _strong_before(chars, i) == "L" and any(
                    bidi_class(x) == "L" or bidi_class(x) == "EN" and _strong_before(chars, k) == "L"
                    for k, x in enumerate(chars[i + 1:j], i + 1)):
                out.append((i, j))
    return out


def _left_to_right_pairs(rep: list[str]) -> None:
    """Rule N0 (bracket pairs), which python-bidi's algorithm module lacks, where it differs from
    rules N1-N2 here (``left_to_right_pairs``): the closing bracket stays in the Latin run
    instead of going with the Arabic after it; the pair's representatives are made
    left-to-right letters."""
    for i, j in left_to_right_pairs(rep):
        rep[i] = rep[j] = "a"


def _strong_before(rep: list[str] | str, i: int) -> str | None:
    """"L" or "R": the first strong letter before ``i`` (None: the row's start)."""
    for c in reversed(rep[:i]):
        cls = bidi_class(c)
        if cls == "L":
            return "L"
        if cls in ("R", "AL"):
            return "R"
    return None


def logical_order(units: list[str], rtl: bool = True) -> list[int]:
    """Indices of ``units`` (glyph texts in visual order) in logical reading order."""
    if not units:
        return []
    storage = uba.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    rep_chars = []
    only_rtl = rtl
    for i, u in enumerate(units):
        c = u if len(u) == 1 and u not in _RANGE_SEP else _representative(units, i)
        cls = bidi_class(c)
        if cls in _EXPLICIT:  # unassigned code points have no class; embeddings would nest levels
            c, cls = _NEUTRAL_STANDIN, "ON"
        if only_rtl and cls not in _RTL_OR_NEUTRAL:
            only_rtl = False
        rep_chars.append(c)
    if only_rtl:
        # only right-to-left letters and neutrals: every level is 1, the algorithm reverses
        # the row (rules N1, N2, L2); do that directly, it is most lines of the genre
        return list(range(len(units) - 1, -1, -1))
    _left_to_right_pairs(rep_chars)
    rep = "".join(rep_chars)
    uba.get_embedding_levels(rep, storage)
    for i, ch in enumerate(storage["chars"]):
        ch["gi"] = i
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    return [ch["gi"] for ch in storage["chars"]]


_WS_RUN = re.compile(r"\s+")
_MISPLACED = re.compile(r"^[.,:;!?)\]]|[(\[]$|\s[)\]]\w|\w[(\[]\s")


def misplaced_marks(text: str) -> int:
    """How many marks of a line stand where typing never puts them: a closing mark or bracket
    at its start, an opening bracket at its end, a closing bracket between a space and a
    word, an opening one between a word and a space."""
    return len(_MISPLACED.findall(text.strip()))


def latin_line_as_drawn(drawn: str, inverse: str) -> bool:
    """A line of Latin text or numbers alone, in a right-to-left document: the producer laid it
    out in a right-to-left paragraph (Chromium, LibreOffice: ``.Plan d'action … suivi`` for
    «Plan d'action … suivi.») or, choosing the direction from its first letter, a left-to-right
    one (python-bidi's ``get_display``, ReportLab's recipe: ``Open Government Partnership
    (OGP)`` as typed). The two readings differ only in where its edge marks go: it was drawn
    left to right where it reads as typed only so. A line of numbers alone (a wrapped cell's
    ``(90%``) is no such line: it belongs to the right-to-left paragraph it was cut from."""
    return any(bidi_class(c) == "L" for c in drawn) and \
        misplaced_marks(drawn) < misplaced_marks(inverse)


def reorder_visual(text: str) -> str:
    """Logical order of a visual-order line given as a plain string (one unit per character)."""
    units = list(text)
    rtl = has_rtl(text)
    if not rtl:
        return text
    return "".join(units[i] for i in logical_order(units, rtl=True))


# Text extracted with explicit embeddings (pdftotext): the text is in logical order, each
# left-to-right stretch wrapped in LRE … PDF, but the stretch's units are written as they
# stand on the page, left to right, so the neutrals that belong to the right-to-left text
# around it come out on the wrong side («الاجتماع⟨ :⟩الأربعاء», «⟨ ،9⟩وزارة», «⟨%78⟩»).
EMBEDDINGS = frozenset("\u202a\u202b\u202c\u202d\u202e")
_LTR_STRETCH = re.compile("\u202a([^\u202a-\u202e]*)\u202c")
_LATIN_WORDS = r"[A-Za-z\u00c0-\u024f][\w.@/:'\-]*(?: [A-Za-z0-9\u00c0-\u024f][\w.@/:'\-]*)*"  # an address too
# a number, a time, a date: a slash or colon joins two numbers of either kind (rule W4); a
# dash only European digits that follow no Arabic letter (see ``_apart``): 15-03-2024 in a cell
# (Arabic numbers take the Arabic decimal and thousands separators, themselves of that class: ١٢٬٥٠٠، ٣٫٥)
_LTR_UNIT = re.compile(rf"{_LATIN_WORDS}|[0-9\u0660-\u0669]+(?:[.,:/\u066b\u066c][0-9\u0660-\u0669]+)*|.", re.S)
_LTR_UNIT_EUROPEAN = re.compile(rf"{_LATIN_WORDS}|[0-9]+(?:[.,:/\-][0-9]+)*|"
                                rf"[0-9\u0660-\u0669]+(?:[.,:/\u066b\u066c][0-9\u0660-\u0669]+)*|.", re.S)


def _units_reversed(m: re.Match) -> str:
    """The units of a left-to-right stretch drawn on the page, in logical order: a right-to-left
    paragraph lays the stretch's runs out from the right, so they read from the last; but the
    neutrals between two left-to-right units take their direction (rule N1: «Plan d'action
    2018-2020 : rapport», a number after a Latin word being left to right too, W7) and stay
    between them, so only what stands at the stretch's edges, or between two numbers after an
    Arabic letter, moves."""
    before = _strong_before(m.string, m.start())
    units = [(u.group(), u.start()) for u in
             (_LTR_UNIT if before == "R" else _LTR_UNIT_EUROPEAN).finditer(m.group(1))]
    k = 1  # a number and Latin letters written together (2ème, 1er) are one run: no neutral parts them
    while k < len(units):
        (a, start), (b, _) = units[k - 1], units[k]
        if a[-1:].isalnum() and b[:1].isalnum() and a[-1:].isdigit() != b[:1].isdigit():
            units[k - 1:k + 1] = [(a + b, start)]
        else:
            k += 1
    # a bracket pair holding Latin text after Latin text is left to right too (rule N0)
    lead = {"L": "a", "R": "\u0627"}.get(before or "", "")
    paired = {k - len(lead) for pair in left_to_right_pairs(lead + m.group(1)) for k in pair}
    strong = []  # per unit: left to right (a Latin word, a number after one, such a bracket)
    latin = before == "L"
    for u, start in units:
        if u[:1].isalpha() and u[:1].isascii() or "\u00c0" <= u[:1] <= "\u024f":
            latin = True
            strong.append(True)
        else:
            strong.append(bool(u[:1].isdigit() and latin) or start in paired)
    runs: list[str] = []
    k = 0
    while k < len(units):
        j = k + 1
        while strong[k]:  # a left-to-right unit takes the neutrals after it up to the next one
            e = j
            while e < len(units) and not strong[e] and not units[e][0][:1].isdigit():
                e += 1
            if e == len(units) or not strong[e]:
                break
            j = e + 1
        runs.append("".join(u for u, _ in units[k:j]))
        k = j
    return "".join(reversed(runs))


_OPENERS = "\u202a\u202b\u202d\u202e"  # LRE RLE LRO RLO
_POP = "\u202c"


def _top_level(line: str) -> list[tuple[bool, str]]:
    """The line cut into its top-level embeddings (True, with their marks) and the text
    between them (False)."""
    out: list[tuple[bool, str]] = []
    depth, cur = 0, ""
    for ch in line:
        if ch in _OPENERS:
            if depth == 0 and cur:
                out.append((False, cur))
                cur = ""
            depth += 1
            cur += ch
        elif ch == _POP and depth:
            depth -= 1
            cur += ch
            if depth == 0:
                out.append((True, cur))
                cur = ""
        else:
            cur += ch
    if cur:
        out.append((depth > 0, cur))
    return out


def reverse_word_embeddings(line: str) -> str:
    """A line written as right-to-left embeddings side by side in visual order (``pdftotext
    -raw``: ``⟨المغربية⟩ ⟨المملكة⟩``, a word's pieces as embeddings of their own) in logical
    order: the line's left-to-right paragraph lays them out from the left, so they read from
    the last. Lines with one embedding (pdftotext's default) or whose embeddings stand apart
    by wide gaps (columns of ``-layout``) are left as they are."""
    parts = _top_level(line.strip())
    rtl = sum(emb and part.startswith("\u202b") for emb, part in parts)
    if rtl < 2 or any(not emb and "   " in part for emb, part in parts):
        return line
    tokens: list[str] = []
    for emb, part in parts:
        tokens += [part] if emb else [t for t in re.split(r"(\s+)", part) if t]
    return "".join(reversed(tokens))


def resolve_embeddings(line: str) -> str:
    """Put the units of each embedded left-to-right stretch in logical order: a number, a
    time, a run of Latin words stay whole, the neutrals around them move to the other side
    (``⟨ :⟩`` -> ``: ``, ``⟨%78⟩`` -> ``78%``, ``⟨09:30 - 09:00⟩`` -> ``09:00 - 09:30``)."""
    return _LTR_STRETCH.sub(_units_reversed, _BRACKET_BEFORE_STRETCH.sub(_closing_into_stretch, line))


# pdftotext sets the closing bracket of a pair in a left-to-right stretch («Partnership (OGP)»,
# left to right by rule N0) before the stretch, as if of the right-to-left text («مبادرة )⟨ Open … (OGP⟩سنة»)
_BRACKET_BEFORE_STRETCH = re.compile("\\)(\\s*)\u202a([^\u202a-\u202e]*)\u202c")


def _closing_into_stretch(m: re.Match) -> str:
    """The bracket put back at the end of the stretch it closes (where the stretch opens one)."""
    body = m.group(2)
    if body.count("(") <= body.count(")"):
        return m.group()
    return f"{m.group(1)}\u202a{body})\u202c"


# The same extraction with its marks dropped: a stretch is then what stands between two
# Arabic words when it opens with a space and ends glued to the next word («الأربعاء  22يونيو»).
_AR = "\u0621-\u064a\ufb50-\ufdff\ufe70-\ufefc"  # letters (not the Arabic comma or semicolon)
_DISPLACED = re.compile(rf"(?<=[{_AR}])(\s+(?:[^{_AR}]*[^{_AR}\s])?[0-9\u0660-\u0669:.،؛,])(?=[{_AR}])")
_DIGIT_AFTER_LETTER = re.compile(rf"(?<=[{_AR}])(?=[0-9\u0660-\u0669])")


def displaced_stretches(lines: list[str], least: int = 3) -> bool:
    """Whether the text shows left-to-right stretches that lost their marks: on ``least``
    lines a number opening with two spaces (the stretch's and the one before it) and glued
    to the next word (``الأربعاء  22يونيو``), and on ``least`` lines a mark opening with a space
    and glued to the next word (``الاجتماع :الأربعاء``). Typed text has ``2020م`` and
    ``الإدارة ،وزارة``, not the two spaces before a number glued to the word after it."""
    digit = mark = 0
    for line in lines:
        found = [m.group(1) for m in _DISPLACED.finditer(line)]
        digit += any(re.match(r"\s{2}", f) and re.search(r"[0-9\u0660-\u0669]", f) for f in found)
        mark += any(re.fullmatch(r"\s*[:.،؛,]", f) for f in found)
    return digit >= least and mark >= least


def has_embeddings(lines: list[str]) -> bool:
    """Whether the text carries explicit bidi embeddings (and so is in logical order): on at
    least a third of its lines that have any right-to-left letter."""
    rtl = [l for l in lines if has_rtl(l)]
    return bool(rtl) and sum(any(ch in EMBEDDINGS for ch in l) for l in rtl) * 3 >= len(rtl)


def resolve_displaced(line: str) -> str:
    """``resolve_embeddings`` for text whose marks were dropped: each displaced stretch's units
    put back in order (``الأربعاء  22يونيو`` -> ``الأربعاء 22 يونيو``)."""
    out = _DISPLACED.sub(_units_reversed, line)
    return _DIGIT_AFTER_LETTER.sub(" ", out) if out != line else line


# A range is written from its low end: 2018-2020, 09:00 - 09:30. Laid out as two runs it can
# come out either way round whatever the producer did, so its ends are put in that order.
_NUM_RANGE = re.compile(r"(?<![\d:.\-–/])(\d{1,2}:\d{2}|\d{2,4})( ?[-–] ?)(\d{1,2}:\d{2}|\d{2,4})"
                        r"(?![\d:.]|\s?[-–/]\s?\d)")  # not part of a date such as 12-10-2020


def _range_key(end: str) -> tuple[int, ...]:
    return tuple(int(x) for x in end.split(":"))


def order_ranges(text: str) -> str:
    """Numeric ranges (years, times) low end first, their separator as written."""
    def fix(m: re.Match) -> str:
        a, sep, b = m.groups()
        if (":" in a) != (":" in b) or (":" not in a and len(a) != len(b)):
            return m.group()
        return f"{b}{sep}{a}" if _range_key(a) > _range_key(b) else m.group()
    return _NUM_RANGE.sub(fix, text)
