"""Repair of already-extracted text whose runs came out in visual order.

Text extracted by other tools from right-to-left PDFs often has each line's runs
(stretches the producer drew in one go) in reverse order: ``2020فبراير  12الأربعاء``
for ``الأربعاء 12 فبراير 2020``. Inside a run the order is logical; the runs
themselves are reversed, and run boundaries do not always fall on spaces.

The method is general, not keyed to lines: a line is cut into atoms (Arabic
words, numbers, Latin phrases, punctuation; glued words split where the pieces
are known words); every segmentation of the atoms into contiguous runs is a
candidate reading (runs in reverse order), the identity included; a word bigram
model learned from the clean Arabic text shipped in ``data/clean_ar.txt`` scores
each candidate, and dynamic programming finds the best one in O(n^3).
Clean logical text scores best as it is and passes through unchanged.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from normalizers.chars import drop_diacritics, drop_tatweel

_AR_LETTER = "\u0621-\u063a\u0641-\u064a\u064b-\u065f\u0670-\u06d3\u06d5"
_ATOM = re.compile(
    rf"(?P<ar>[{_AR_LETTER}]+)"
    r"|(?P<num>[0-9\u0660-\u0669]+(?:(?:[.,]|، ?)[0-9\u0660-\u0669]+)*)"
    r"|(?P<lat>[A-Za-z\u00c0-\u024f]+(?:[ '\-][A-Za-z\u00c0-\u024f]+)*)"
    r"|(?P<p>\S)"
)
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
# punctuation that attaches to the word before it / after it
_CLOSING = set("،.:؛!?)]}»%,;؟")
_OPENING = set("([{«")


@dataclass(frozen=True)
class Atom:
    text: str
    kind: str  # ar | num | lat | p
    space_before: bool
    wide_before: bool = False  # two or more spaces before it in the raw line


def lm_key(atom: Atom) -> str:
    if atom.kind == "num":
        return "<num>"
    if atom.kind == "lat":
        return "<lat>"
    if atom.kind == "ar":
        return drop_diacritics(drop_tatweel(atom.text)).translate(_FOLD)
    return atom.text


def atoms_of(line: str) -> list[Atom]:
    out = []
    prev_end = 0
    for m in _ATOM.finditer(line):
        gap = line[prev_end:m.start()]
        out.append(Atom(m.group(), m.lastgroup or "p", bool(gap), len(gap) >= 2 and prev_end > 0))
        prev_end = m.end()
    return out


_DEF = ("وال", "بال", "فال", "كال", "لل", "ال")


def word_class(key: str, function_words: frozenset[str]) -> str:
    """A coarse morphological class: function words stand for themselves, other words
    by definiteness prefix and ending (teh marbuta, plural endings). Class bigrams
    generalise word order (noun before its adjective, preposition before its object)
    from little clean text."""
    if key in function_words or not key or not ("\u0621" <= key[0] <= "\u064a"):
        return key
    pre = next((p for p in _DEF if key.startswith(p) and len(key) > len(p) + 1), "")
    pre = "DEF" if pre else ("W" if key.startswith("و") and len(key) > 3 else "")
    suf = "F" if key.endswith("ه") else "PL" if key.endswith(("ات", "ين", "ون")) else "Y" if key.endswith("ي") else ""
    return f"{pre}|{suf}"


class BigramModel:
    """Word bigram model (interpolated absolute discounting) plus a class bigram model
    over ``word_class``, combined log-linearly."""

    def __init__(self, lines: list[str], discount: float = 0.75, class_weight: float = 1.0) -> None:
        self.uni: Counter[str] = Counter()
        self.bi: Counter[tuple[str, str]] = Counter()
        self.follow: Counter[str] = Counter()  # distinct successors per history
        seqs = []
        for line in lines:
            toks = ["<s>"] + [lm_key(a) for a in atoms_of(line)] + ["</s>"]
            seqs.append(toks)
            self.uni.update(toks)
            for a, b in zip(toks, toks[1:]):
                if (a, b) not in self.bi:
                    self.follow[a] += 1
                self.bi[(a, b)] += 1
        self.total = sum(self.uni.values())
        self.d = discount
        self.vocab = len(self.uni) + 1
        self.function_words = frozenset(w for w, c in self.uni.most_common(60) if len(w) <= 4)
        self.cuni: Counter[str] = Counter()
        self.cbi: Counter[tuple[str, str]] = Counter()
        for toks in seqs:
            cl = [self.cls(t) for t in toks]
            self.cuni.update(cl)
            self.cbi.update(zip(cl, cl[1:]))
        self.nclasses = len(self.cuni) + 1
        self.class_weight = class_weight

    def cls(self, w: str) -> str:
        return word_class(w, self.function_words)

    def class_logp(self, a: str, b: str) -> float:
        ca, cb = self.cls(a), self.cls(b)
        return math.log((self.cbi.get((ca, cb), 0) + 0.5) / (self.cuni.get(ca, 0) + 0.5 * self.nclasses))

    def p_uni(self, w: str) -> float:
        return (self.uni.get(w, 0) + 0.1) / (self.total + 0.1 * self.vocab * 50)

    def word_logp(self, a: str, b: str) -> float:
        ca = self.uni.get(a, 0)
        pu = self.p_uni(b)
        if ca == 0:
            return math.log(pu)
        cab = self.bi.get((a, b), 0)
        lam = self.d * self.follow.get(a, 0) / ca
        return math.log(max(cab - self.d, 0) / ca + lam * pu)

    def logp(self, a: str, b: str) -> float:
        return self.word_logp(a, b) + self.class_weight * self.class_logp(a, b)

    def known(self, w: str, min_count: int = 1) -> bool:
        return self.uni.get(w, 0) >= min_count


@lru_cache(maxsize=1)
def model() -> BigramModel:
    text = resources.files("normalizers").joinpath("data", "clean_ar.txt").read_text(encoding="utf-8")
    return BigramModel([drop_tatweel(l) for l in text.splitlines() if l.strip()])


_CLITICS = ("و", "ب", "ل", "ف", "ك")
# two-letter words that may stand as one piece of a glued pair ("إنجازتم" = "تم إنجاز"),
# and prefix clusters that never stand alone ("بالجمعيات" is not "بال" + "جمعيات")
_GLUE = json.loads(resources.files("normalizers").joinpath("data", "particles.json").read_text(encoding="utf-8"))
_PARTICLES = frozenset(_GLUE["short_words"])
_PREFIXES = frozenset(_GLUE["prefix_clusters"])


class Vocabulary:
    """Words known from the clean text and from the document itself (its other lines)."""

    def __init__(self, lm: BigramModel, doc_counts: Counter[str] | None = None) -> None:
        self.lm = lm
        self.doc = doc_counts or Counter()

    def count(self, key: str) -> int:
        return self.lm.uni.get(key, 0) + self.doc.get(key, 0)

    def known(self, key: str) -> bool:
        """Known from the clean text, itself or without its clitic prefix."""
        if len(key) < 2:
            return False
        if self.lm.uni.get(key, 0) >= 1:
            return True
        stem = key[1:] if key[0] in _CLITICS else key
        stem = stem[2:] if stem.startswith("ال") else stem
        return stem != key and len(stem) >= 3 and self.lm.uni.get(stem, 0) >= 1

    def seen(self, key: str) -> bool:
        """Seen at least twice in the document (a fragment of broken text rarely is)."""
        return self.doc.get(key, 0) >= 2


def doc_vocabulary(lines: list[str]) -> Counter[str]:
    """Counts of the Arabic words of a document's lines (glued words count once, their
    pieces usually stand alone elsewhere in the document)."""
    c: Counter[str] = Counter()
    for line in lines:
        c.update(lm_key(a) for a in atoms_of(line) if a.kind == "ar")
    return c


def _rotation(a: Atom, vocab: Vocabulary) -> Atom | None:
    """A word whose two pieces the extraction swapped: ``وزاريةال`` is ``الوزارية``,
    ``كتوبرأ`` is ``أكتوبر`` (the pieces were separate runs, laid out right to left)."""
    best = None
    t = a.text
    own = lm_key(a)
    if vocab.seen(own):
        return None  # the word stands so elsewhere in the document: it is written right
    # two pieces swapped, or three pieces laid out in reverse (``اتلتزامبالا`` = بالا|لتزام|ات)
    candidates = [t[i:] + t[:i] for i in range(1, len(t))]
    if len(t) <= 16:
        candidates += [t[j:] + t[i:j] + t[:i] for i in range(1, len(t) - 1) for j in range(i + 1, len(t))]
    for word in candidates:
        k = lm_key(Atom(word, "ar", True))
        if k != own and (vocab.lm.known(k, 1) or vocab.seen(k)):
            c = vocab.count(k)
            if best is None or c > best[0]:
                best = (c, word)
    return Atom(best[1], "ar", a.space_before, a.wide_before) if best else None


def join_split_words(atoms: list[Atom], vocab: Vocabulary) -> list[Atom]:
    """Two neighbouring unknown pieces that are one word laid out backwards:
    ``تحة المنف`` is المنفتحة, ``ط االنق`` is النقاط."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if (b is not None and a.kind == b.kind == "ar" and len(a.text) + len(b.text) <= 16
                and not any(vocab.lm.known(lm_key(x), 1) or vocab.seen(lm_key(x)) for x in (a, b))):
            joined = _rotation(Atom(a.text + b.text, "ar", a.space_before, a.wide_before), vocab)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def transfer_fragments(atoms: list[Atom], vocab: Vocabulary) -> list[Atom]:
    """Give a letter or two cut off one word back to the word it was cut from: in
    ``ئيسة … بالالتزامر`` the ``ر`` of رئيسة sits glued to بالالتزام; in ``رأس … الاجتماعت``
    the ``ت`` of ترأس sits glued to الاجتماع. Done when both repaired words are known."""
    out = list(atoms)
    # a lone fragment of one or two letters joins the unknown piece it completes ("ر" + "ئيسة")
    for i, a in enumerate(out):
        if a.kind != "ar" or len(a.text) > 2 or a.text in _PARTICLES or vocab.known(lm_key(a)):
            continue
        for j, b in enumerate(out):
            if j == i or b.kind != "ar" or vocab.known(lm_key(b)):
                continue
            for word in (a.text + b.text, b.text + a.text):
                if vocab.known(lm_key(Atom(word, "ar", True))):
                    out[j] = Atom(word, "ar", b.space_before, b.wide_before)
                    out[i] = Atom("", "gone", False)
                    break
            if out[i].kind == "gone":
                break
    out = [a for a in out if a.kind != "gone"]
    for i, a in enumerate(out):
        if a.kind != "ar" or vocab.known(lm_key(a)) or len(a.text) < 4:
            continue
        for k in (1, 2):  # a word's first letters cut off and glued before another: "ةضرورة … موازا"
            frag, rest = a.text[:k], a.text[k:]
            if not vocab.known(lm_key(Atom(rest, "ar", True))):
                continue
            for j, b in enumerate(out):
                if j != i and b.kind == "ar" and not vocab.known(lm_key(b)) and \
                        vocab.known(lm_key(Atom(b.text + frag, "ar", True))):
                    out[i] = Atom(rest, "ar", a.space_before, a.wide_before)
                    out[j] = Atom(b.text + frag, "ar", b.space_before, b.wide_before)
                    break
            else:
                continue
            break
    for i, a in enumerate(out):
        if a.kind != "ar" or vocab.known(lm_key(a)) or len(a.text) < 4:
            continue
        for k in (1, 2):
            head, frag = a.text[:-k], a.text[-k:]
            if not vocab.known(lm_key(Atom(head, "ar", True))):
                continue
            for j, b in enumerate(out):
                if j == i or b.kind != "ar":
                    continue
                if vocab.known(lm_key(Atom(frag + b.text, "ar", True))) and not (
                        vocab.known(lm_key(b)) and len(b.text) > 3):
                    out[i] = Atom(head, "ar", a.space_before, a.wide_before)
                    out[j] = Atom(frag + b.text, "ar", b.space_before, b.wide_before)
                    break
            else:
                continue
            break
    return out


def split_glued(atoms: list[Atom], vocab: Vocabulary) -> list[Atom]:
    """Split unknown Arabic atoms that are two known words written together."""
    out: list[Atom] = []
    for a in atoms:
        key = lm_key(a)
        if a.kind != "ar" or len(a.text) < 4 or vocab.lm.known(key, 1):
            out.append(a)
            continue
        rotated = _rotation(a, vocab)
        if rotated is not None:
            out.append(rotated)
            continue
        if len(a.text) < 5:
            out.append(a)
            continue
        best, best_score = None, 0.0
        for i in range(2, len(a.text) - 1):
            short = [piece for piece in (a.text[:i], a.text[i:]) if len(piece) < 3]
            if any(piece not in _PARTICLES for piece in short) or a.text[:i] in _PREFIXES:
                continue
            left, right = Atom(a.text[:i], "ar", a.space_before, a.wide_before), Atom(a.text[i:], "ar", False)
            kl, kr = lm_key(left), lm_key(right)
            both = vocab.known(kl) and vocab.known(kr)
            if both or (vocab.known(kl) and vocab.seen(kr)) or (vocab.seen(kl) and vocab.known(kr)):
                s = math.log(1 + vocab.count(kl)) + math.log(1 + vocab.count(kr)) + 0.1 * min(len(kl), len(kr))
                if s > best_score:
                    best, best_score = (left, right), s
        out.extend(best if best else (a,))
    return out


# Cost of a run boundary before raw atom i. Boundaries where the raw text shows a
# seam (two words glued, a script change, a double space, punctuation) are cheap;
# a boundary at an ordinary single space between two words needs real evidence.
SEAM_PENALTY = 0.0
SPACE_PENALTY = 4.0
EDGE_WEIGHT = 0.5  # lines are wrapped paragraphs: their edges are weak evidence


FORCED = float("-inf")
_WORDISH = ("ar", "num", "lat")


def is_forced_seam(prev: Atom, cur: Atom) -> bool:
    """A place where the raw line must change run: two words written together (``إنجازتم``,
    ``2020فبراير``), a word glued after a comma or colon (``المعنية،وأدوار``), a slash between
    words, or two or more spaces."""
    if cur.wide_before:
        return True
    if cur.space_before:
        return False
    if prev.kind in _WORDISH and cur.kind in _WORDISH:
        return True
    if prev.kind == "p" and prev.text in "،,:؛." and cur.kind in _WORDISH:
        return True
    return "/" in (prev.text, cur.text) and "num" not in (prev.kind, cur.kind)


def boundary_cost(prev: Atom, cur: Atom) -> float:
    """Cost of a run boundary between two raw atoms; ``FORCED`` where there must be one."""
    if is_forced_seam(prev, cur):
        return FORCED
    if prev.kind != cur.kind or "p" in (prev.kind, cur.kind):
        return SEAM_PENALTY
    return SPACE_PENALTY


def best_reading(atoms: list[Atom], lm: BigramModel) -> list[list[int]]:
    """Groups (raw atom index spans) in output order for the best-scoring reading."""
    n = len(atoms)
    keys = [lm_key(a) for a in atoms]
    adj = [lm.logp(keys[i], keys[i + 1]) for i in range(n - 1)]
    pre = [0.0]
    for v in adj:
        pre.append(pre[-1] + v)

    neg = -1e18
    f = [[neg] * n for _ in range(n)]  # f[s][e]: best for a[0..e], last group a[s..e]
    back: dict[tuple[int, int], int] = {}
    cost = [0.0] + [boundary_cost(atoms[i - 1], atoms[i]) for i in range(1, n)]
    # a group may not run across a forced seam: seam_before[e] = last forced seam <= e
    last_seam = [0] * n
    for i in range(1, n):
        last_seam[i] = i if cost[i] == FORCED else last_seam[i - 1]
    cost = [0.0 if c == FORCED else c for c in cost]

    def internal(s: int, e: int) -> float:
        return pre[e] - pre[s] if last_seam[e] <= s else neg

    for e in range(n):
        f[0][e] = internal(0, e) + EDGE_WEIGHT * lm.logp(keys[e], "</s>")
    for e in range(n - 1):
        for s in range(e + 1):
            base = f[s][e]
            if base <= neg:
                continue
            for e2 in range(e + 1, n):
                v = base + internal(e + 1, e2) + lm.logp(keys[e2], keys[s]) - cost[e + 1]
                if v > f[e + 1][e2]:
                    f[e + 1][e2] = v
                    back[(e + 1, e2)] = s
    best_s = max(range(n), key=lambda s: f[s][n - 1] + EDGE_WEIGHT * lm.logp("<s>", keys[s]))
    groups = []
    s, e = best_s, n - 1
    while True:
        groups.append(list(range(s, e + 1)))
        if s == 0:
            break
        s, e = back[(s, e)], s - 1
    return groups  # last raw group first = output order


def _join(prev: Atom | None, cur: Atom, glued_in_raw: bool) -> str:
    if prev is None:
        return ""
    if cur.text in _CLOSING or prev.text in _OPENING:
        return ""
    if cur.text in "-/" and prev.kind == "num":
        return ""
    if prev.text in "-/" and cur.kind == "num" and not glued_in_raw:
        return ""
    if glued_in_raw:
        return " " if (prev.kind != cur.kind and "p" not in (prev.kind, cur.kind)) else ""
    return " "


def render(atoms: list[Atom], groups: list[list[int]]) -> str:
    out: list[str] = []
    prev: Atom | None = None
    for g in groups:
        for j, idx in enumerate(g):
            a = atoms[idx]
            glued = j > 0 and not a.space_before
            out.append(_join(prev, a, glued) + a.text)
            prev = a
    return tidy("".join(out))


_SPACE_BEFORE_OPEN = re.compile(rf"(?<=[{_AR_LETTER}A-Za-z0-9])\(")
_SPACED_DASH = re.compile(rf"(?<=[{_AR_LETTER}]) ?- ?(?=[{_AR_LETTER}])")
_RANGE = re.compile(r"\b(\d{2,4}) ?- ?(\d{2,4})\b")


_LONE_WAW = re.compile(rf"(?:(?<=\s)|^)و (?=[{_AR_LETTER}])")


def tidy(text: str) -> str:
    """Typographic spacing of logical text: ``كلمة (X)``, ``أ - ب``, ``2018-2020``, the
    conjunction و joined to its word."""
    text = _LONE_WAW.sub("و", text)
    text = _SPACE_BEFORE_OPEN.sub(" (", text)
    text = _SPACED_DASH.sub(" - ", text)
    text = _RANGE.sub(lambda m: f"{min(m[1], m[2], key=int)}-{max(m[1], m[2], key=int)}"
                      if len(m[1]) == len(m[2]) else m.group(), text)
    return " ".join(text.split())


_TRAIL = "،.:؛;,!؟?"
_LEAD = "-–•*"
_NUM_LIST = re.compile(r"(?<![\d،,])(\d+)((?:[،,]\d+)+)(?![\d])")


def _edge_punct(atoms: list[Atom]) -> tuple[list[Atom], list[Atom], list[Atom]]:
    """Split off punctuation at both raw edges: closing marks go to the logical end,
    bullets and dashes to the logical start (a right-to-left line's edges are swapped)."""
    lead: list[Atom] = []
    trail: list[Atom] = []
    i, j = 0, len(atoms)
    while i < j and atoms[i].kind == "p" and atoms[i].text in _TRAIL + _LEAD:
        (lead if atoms[i].text in _LEAD else trail).append(atoms[i])
        i += 1
    while j > i and atoms[j - 1].kind == "p" and atoms[j - 1].text in _TRAIL + _LEAD:
        a = atoms[j - 1]
        if a.text in _TRAIL and not a.space_before and j - 1 > i and atoms[j - 2].kind != "p" \
                and j < len(atoms) and atoms[j].text in _LEAD:
            break  # "بويهي، -": the comma closes the run before it, the dash opens the line
        (lead if a.text in _LEAD else trail).insert(0, a)
        j -= 1
    return lead, atoms[i:j], trail


def _reverse_number_lists(line: str) -> str:
    """``8،2،1`` (a list laid out right to left) -> ``1، 2، 8`` when it was descending."""
    def fix(m: re.Match) -> str:
        nums = re.split("[،,]", m.group())
        sep = "، " if "،" in m.group() else ", "
        if [int(x) for x in nums] == sorted((int(x) for x in nums), reverse=True):
            nums = nums[::-1]
        return sep.join(nums)
    return _NUM_LIST.sub(fix, line)


def repair_runs(line: str, vocab: Vocabulary | None = None) -> str:
    """Best logical reading of one line (unchanged when it is already logical)."""
    if not re.search(f"[{_AR_LETTER}]", line):
        return line.strip()
    lm = model()
    vocab = vocab or Vocabulary(lm)
    atoms = split_glued(atoms_of(_reverse_number_lists(line)), vocab)
    atoms = transfer_fragments(join_split_words(atoms, vocab), vocab)
    lead, core, trail = _edge_punct(atoms)
    if not core or len(core) > 80:  # beyond any line of this genre; keep cubic DP bounded
        return tidy(line)
    body = render(core, best_reading(core, lm))
    head = " ".join(a.text for a in lead)
    tail = "".join(a.text for a in trail)
    return tidy((head + " " if head else "") + body + tail)


_AR_CLASS = f"[{_AR_LETTER}]"
_VISUAL_SIGNS = (
    re.compile(rf"^\s*[.:،؛]\s*{_AR_CLASS}"),          # closing punctuation at the start
    re.compile(rf"{_AR_CLASS}\s*[-•]\s*$"),             # bullet or dash at the end
    re.compile(rf"\d{_AR_CLASS}"),                      # number glued before a word: 2020فبراير
)


def visual_signs(line: str) -> int:
    """How many kinds of visual-order damage a line shows (brackets written )like this(
    count as one: mirroring them back would balance the line)."""
    from normalizers.repair import fix_brackets

    return sum(1 for rx in _VISUAL_SIGNS if rx.search(line)) + (fix_brackets(line) != line)


def looks_visual(lines: list[str]) -> bool:
    """Document-level verdict: do this text's lines show visual-order damage at all?

    Clean logical text (markdown exports, typed minutes) has next to none of these
    signs; broken extractions have them on many lines. A clean document is never
    reordered, so it passes through unchanged.
    """
    arabic = [l for l in lines if re.search(_AR_CLASS, l)]
    if not arabic:
        return False
    marked = sum(1 for l in arabic if visual_signs(l))
    return marked >= 3 and marked >= 0.04 * len(arabic)


def _repair_markdown_row(line: str, vocab: Vocabulary) -> str:
    cells = line.strip().strip("|").split("|")
    return "| " + " | ".join(repair_runs(c, vocab) for c in cells) + " |"


def repair_text_lines(lines: list[str]) -> list[str]:
    """Repair each line; output line n is input line n repaired.

    Nothing is reordered in a document without visual-order damage.
    """
    if not looks_visual(lines):
        return [" ".join(l.split()) for l in lines]
    vocab = Vocabulary(model(), doc_vocabulary(lines))
    out = []
    for l in lines:
        if not l.strip():
            out.append("")
        elif l.strip().startswith("|") and l.count("|") >= 2:
            out.append(_repair_markdown_row(l, vocab))
        else:
            out.append(repair_runs(l, vocab))
    return out

