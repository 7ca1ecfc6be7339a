"""Words broken by visual-order extraction, put back together before runs are reordered.

Extractors cut words at run boundaries and glue pieces of neighbouring runs: ``إنجازتم``
(تم + إنجاز), ``وزاريةال`` (الوزارية), ``ئيسة … بالالتزامر`` (رئيسة … بالالتزام). Each repair
here is accepted only when the result is a word the clean text or the document knows, or
a word of the general Arabic lexicon (wordfreq's frequency list) common enough to trust.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace

from normalizers.lm import (PARTICLES, REAL_ZIPF, TITLES, Atom, BigramModel, atoms_of, lexicon, lm_key, model, spelled_zipf,
                            text_key)

_CLITICS = ("و", "ب", "ل", "ف", "ك")
# two-letter words that may stand as one piece of a glued pair ("إنجازتم" = "تم إنجاز"),
# and prefix clusters that never stand alone ("بالجمعيات" is not "بال" + "جمعيات")
_PARTICLES = frozenset(PARTICLES["short_words"])
SHORT_WORDS = frozenset(text_key(w) for w in _PARTICLES)  # the same, as model keys
_PREFIXES = frozenset(PARTICLES["prefix_clusters"])
_ENDINGS = tuple(text_key(e) for e in PARTICLES["endings"])


KNOWN_ZIPF = 2.0  # common enough (1 in 10 million) to accept as the repair of a broken word
ATTESTED_ZIPF = 3.0  # a glued word's piece, when the other piece stands alone in the document
ROTATED_ZIPF = 3.5  # a rotation needs more: some rotation of any name is a rare word
COMMON_ZIPF = 4.0  # a word of everyday use (1 in 100,000 words)
GENERAL_MIN_COUNT = 3  # written this often in the general corpus: a real word (see ``Vocabulary.attested``)
CUT_WORD_LETTERS = 5  # a word this long, cut in two, leaves pieces that tell it


class Vocabulary:
    """Words known from the clean text, from the document itself, and from the general
    lexicon (graded by frequency)."""

    def __init__(self, lm: BigramModel, doc_counts: Counter[str] | None = None,
                 doc_pairs: Counter[tuple[str, str]] | None = None) -> None:
        self.lm = lm
        self.doc = doc_counts or Counter()
        self.pairs = doc_pairs or Counter()  # neighbouring words as the document's raw lines write them
        self.lex = lexicon()

    def count(self, key: str) -> int:
        return self.lm.uni.get(key, 0) + self.doc.get(key, 0)

    def zipf(self, key: str) -> float:
        return self.lex.get(key, 0.0)

    def rank(self, key: str) -> tuple[int, float]:
        """Preference among candidate repairs: the clean text and document first, then the lexicon."""
        return self.count(key), self.zipf(key)

    def lexical(self, key: str) -> bool:
        """In the clean text."""
        return self.lm.uni.get(key, 0) >= 1

    def real(self, key: str) -> bool:
        """A word of the language as it stands (not to be taken apart): in the clean text, the
        lexicon or the general corpus, or a common word with a pronoun or dual ending
        (``خلالهما``, ``ورشتين``)."""
        return self.lexical(key) or self.zipf(key) >= REAL_ZIPF or self.inflected(key) or self.attested(key)

    def attested(self, key: str) -> bool:
        """Written at least ``GENERAL_MIN_COUNT`` times in the general corpus (``msa``): words of
        the genre that wordfreq's web list lacks (``المتدخلات``, ``التحسيسية``, ``والمتدخلين``)."""
        general = self.lm.general
        return general is not None and len(key) >= 3 and general.word(key)[0] >= GENERAL_MIN_COUNT

    def general_zipf(self, key: str) -> float:
        """The zipf of a word in the general corpus (``msa``), 0 where it is unknown there: a word
        of the genre wordfreq's web list lacks (``إكراهات``, 308 times in 33 million words)."""
        general = self.lm.general
        count = general.word(key)[0] if general is not None else 0
        return math.log10(count * 1e9 / general.total) if count else 0.0

    def inflected(self, key: str) -> bool:
        """A common word of the clean text or the lexicon with an ending it takes: a pronoun
        (ه، ها، هما، هم …) or a dual (ين، ان; a ة before it written ت: ورشتين). An ending that
        is a common word of its own (كما، هما) makes no word of a string the lexicon lacks: that
        is two words written together (``للمبادرةكما``, ``مراحلكما``)."""
        for end in _ENDINGS:
            stem = key[:-len(end)]
            if key.endswith(end) and len(stem) >= 3 and not (self.zipf(end) >= PARTICLE_WORD_ZIPF
                                                              and self.zipf(key) < REAL_ZIPF):
                for s in (stem, stem[:-1] + "ه" if stem.endswith("ت") else None):
                    if s and (self.lm.uni.get(s, 0) >= 2 or self.zipf(s) >= COMMON_ZIPF):
                        return True
        return False

    def text_zipf(self, text: str) -> float:
        """The lexicon's zipf of a word as written: a word ending in ة as spelled (the key's ه
        would make «بعضة» the common «بعضه»)."""
        spelled = spelled_zipf(text)
        return self.zipf(text_key(text)) if spelled is None else spelled

    def known(self, key: str) -> bool:
        """Known from the clean text, itself or without its clitic prefix (and article)."""
        if len(key) < 2:
            return False
        if self.lm.uni.get(key, 0) >= 1:
            return True
        # a preposition goes after a conjunction, never before one: no «ب» + «والمشاركة»
        stem = key[1:] if key[0] in _CLITICS and not (key[0] in "بلك" and key[1] in "وف") else key
        if stem != key and len(stem) >= 3 and self.lm.uni.get(stem, 0) >= 1 and \
                not (key[0] == "ل" and stem.startswith("ال")):  # (بالوثائق: الوثائق; لل, not لال)
            return True
        stem = stem[2:] if stem.startswith("ال") else stem
        return stem != key and len(stem) >= 3 and self.lm.uni.get(stem, 0) >= 1

    def accepts(self, key: str) -> bool:
        """Good enough as a repaired word: known, or common in the general lexicon."""
        return self.known(key) or self.zipf(key) >= KNOWN_ZIPF

    def improves(self, old: str, new: str) -> bool:
        """``new`` (a word given a fragment) is a repair of ``old``: old is not a real word,
        or new is at least as common (التقني -> التقنية, but not هدى -> يهدى)."""
        if not self.accepts(new):
            return False
        if self.known(old):
            return self.known(new)
        return not self.real(old) or self.known(new) or self.zipf(new) >= self.zipf(old)

    def whole_word(self, key: str) -> bool:
        """What two pieces of a cut word may make: a word the clean text knows, or a common one."""
        return self.known(key) or self.zipf(key) >= COMMON_ZIPF

    def cut_word(self, key: str) -> bool:
        """A ``whole_word`` long enough (``CUT_WORD_LETTERS``) for the pieces to tell it."""
        return len(key) >= CUT_WORD_LETTERS and self.whole_word(key)

    def written_apart(self, first: str, second: str) -> bool:
        """The general corpus writes ``first`` and ``second`` side by side, as two words, at least
        as often as it writes them as one word: «عبد العزيز» (2441 times, «عبدالعزيز» 185)."""
        general = self.lm.general
        if general is None:
            return False
        pair = general.pair(first, second)
        return pair > 0 and pair >= general.word(first + second)[0]

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


def doc_pairs(lines: list[str]) -> Counter[tuple[str, str]]:
    """Counts of the pairs of Arabic words a document's raw lines write side by side,
    a space between them."""
    c: Counter[tuple[str, str]] = Counter()
    for line in lines:
        atoms = atoms_of(line)
        c.update((lm_key(a), lm_key(b)) for a, b in zip(atoms, atoms[1:])
                 if a.kind == b.kind == "ar" and b.space_before)
    return c


def _rotation(a: Atom, vocab: Vocabulary) -> Atom | None:
    """A word whose two pieces the extraction swapped: ``وزاريةال`` is ``الوزارية``,
    ``كتوبرأ`` is ``أكتوبر`` (the pieces were separate runs, laid out right to left)."""
    best = None
    t = a.text
    own = lm_key(a)
    if vocab.seen(own) or vocab.real(own):
        return None  # a word of the language, or standing so elsewhere in the document
    # two pieces swapped, or three pieces laid out in reverse (``اتلتزامبالا`` = بالا|لتزام|ات)
    candidates = [t[i:] + t[:i] for i in range(1, len(t))]
    if len(t) <= 16:
        candidates += [t[j:] + t[i:j] + t[:i] for i in range(1, len(t) - 1) for j in range(i + 1, len(t))]
    for word in candidates:
        if _inner_final(word):  # ة or ى inside: a key folds them (``وإلىات`` is no «وآليات»)
            continue
        k = text_key(word)
        if k != own and (vocab.lexical(k) or vocab.seen(k) or vocab.zipf(k) >= ROTATED_ZIPF):
            c = vocab.rank(k)
            if best is None or c > best[0]:
                best = (c, word)
    return Atom(best[1], "ar", a.space_before, a.wide_before) if best else None


def _rotation_in_line(a: Atom, atoms: list[Atom], vocab: Vocabulary) -> Atom | None:
    """``_rotation`` of an atom of a line, unless the piece it moves to the front is rather a
    piece of another word of the line: ``الإدارةو`` … ``زارة`` is «الإدارة» and the و of
    «وزارة», not «والإدارة»; or the atom is itself such a piece."""
    rotated = _rotation(a, vocab)
    if rotated is None:
        return None
    t, r = a.text, rotated.text
    moved = next((t[i:] for i in range(1, len(t)) if r == t[i:] + t[:i]), "")
    if moved and _two_words(moved, t[:len(t) - len(moved)], vocab):
        return None
    if moved and any(b is not a and b.kind == "ar" and _completed(lm_key(b), text_key(moved + b.text), vocab)
                     for b in atoms):
        return None
    # nor where the atom as it stands is a piece of a word another piece of the line completes
    # (``8اريع`` … ``المش``: «المشاريع», not «عيار»)
    if any(b is not a and b.kind == "ar" and (_completed(lm_key(a), text_key(b.text + t), vocab) or
                                              _completed(lm_key(a), text_key(t + b.text), vocab)) for b in atoms):
        return None
    return rotated


def _two_words(first: str, second: str, vocab: Vocabulary) -> bool:
    """Two words, the first before the second, that general text writes as two more often
    than as the one word they would make (``ما`` + ``يلي``: «ما يلي», not «مايلي»; but
    «فيما», «بينما»): two runs glued, not a word's pieces swapped."""
    general = vocab.lm.general
    keys = text_key(first), text_key(second)
    if general is None or not all(k in SHORT_WORDS or vocab.real(k) for k in keys):
        return False
    return general.pair(*keys) > general.word(text_key(first + second))[0]


def _completed(piece: str, whole: str, vocab: Vocabulary) -> bool:
    """``whole`` is what a cut word's ``piece`` was: a word (at least ``CUT_WORD_LETTERS``
    long) far commoner than the piece, which the clean text does not know as it stands."""
    return vocab.cut_word(whole) and not vocab.lexical(piece) \
        and vocab.zipf(whole) >= vocab.zipf(piece) + 1.0


_WORD_END_MARKS = frozenset("،.:؛,;")
_INNER_FINAL = re.compile("[ةى](?=.)")  # letters that only end a word, inside a piece


def _inner_final(piece: str) -> bool:
    """Does a letter that only ends a word stand inside this would-be word (``ةال``)?"""
    return _INNER_FINAL.search(piece) is not None


def join_split_words(atoms: list[Atom], vocab: Vocabulary) -> list[Atom]:
    """Two neighbouring unknown pieces that are one word laid out backwards:
    ``تحة المنف`` is المنفتحة, ``ط االنق`` is النقاط. Pieces that happen to be rare words
    (``الم``, ``تبقية``) are joined too where the word they make is one the document writes
    on other lines and neither piece is; a closing mark written between the pieces follows
    the word (``تبقية،الم`` is «المتبقية،»)."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        mark = i + 2 < len(atoms) and atoms[i + 1].kind == "p" and atoms[i + 1].text in _WORD_END_MARKS and \
            not atoms[i + 1].space_before and not atoms[i + 2].space_before
        k = i + 2 if mark else i + 1
        b = atoms[k] if k < len(atoms) else None
        if b is not None and a.kind == b.kind == "ar" and len(a.text) + len(b.text) <= 16:
            broken = not any(vocab.real(lm_key(x)) or vocab.seen(lm_key(x)) for x in (a, b))
            unattested = not any(vocab.lexical(lm_key(x)) or vocab.seen(lm_key(x)) for x in (a, b))
            joined = _rotation(Atom(a.text + b.text, "ar", a.space_before, a.wide_before), vocab) \
                if broken or unattested else None
            if joined is not None and (broken or vocab.seen(lm_key(joined))):
                out += [joined] + ([replace(atoms[i + 1], space_before=False)] if mark else [])
                i = k + 1
                continue
        out.append(a)
        i += 1
    return out


def join_edge_pieces(core: list[Atom], vocab: Vocabulary) -> list[list[Atom]]:
    """The ways to read a line whose raw edges are the two pieces of one word: the line's
    last piece laid out first (``شطة إنجاز العديد من الأن`` is «… من الأنشطة», ``قب المصادقة
    على الدليل يرت`` is «يرتقب المصادقة …»). The word the clean text or the document knows
    stands at one edge or the other; the reading decides which. Otherwise the line as it is."""
    if len(core) < 3 or not core[0].kind == core[-1].kind == "ar":
        return [core]
    first, last = core[0], core[-1]
    word = last.text + first.text
    if any(vocab.lexical(lm_key(a)) or vocab.seen(lm_key(a)) for a in (first, last)):
        return [core]
    if not (vocab.lexical(text_key(word)) or vocab.seen(text_key(word))):
        return [core]
    at_start = [Atom(word, "ar", first.space_before, first.wide_before)] + core[1:-1]
    at_end = core[1:-1] + [Atom(word, "ar", last.space_before, last.wide_before)]
    return [at_end, at_start]


def article_moves(core: list[Atom], vocab: Vocabulary) -> list[tuple[int, list[Atom]]]:
    """Other ways to read a line whose article was cut off one word and written against the
    next (``بوابات الإطلاق يرتقب``: the pieces of «يرتقب إطلاق البوابات» laid out word by word,
    the ال of البوابات set before إطلاق): the article given back to the word before it, each
    word still a word of the language. The reading decides between these and the line as
    written, provided it reads the two words next to each other, the other way round
    («إطلاق البوابات»); each alternative comes with the index of the word the article left.
    A pair the document's raw lines write so more than once («رئيس المشروع») keeps its article."""
    out = []
    for i in range(1, len(core)):
        x, y = core[i - 1], core[i]
        if x.kind != "ar" or y.kind != "ar" or not y.space_before or not y.text.startswith("ال"):
            continue
        bare, given = y.text[2:], "ال" + x.text
        if x.text.startswith("ال") or len(bare) < 3 or len(x.text) < 3 or \
                vocab.pairs.get((lm_key(x), lm_key(y)), 0) >= 2:  # the document writes the pair so elsewhere
            continue
        if vocab.real(text_key(bare)) and vocab.real(text_key(given)) and vocab.known(text_key(given)):
            moved = list(core)
            moved[i - 1] = replace(x, text=given)
            moved[i] = replace(y, text=bare)
            out.append((i, moved))
    return out


MAX_ARTICLE_READINGS = 6  # words a lone article may open, most common first


def lone_article_readings(core: list[Atom], vocab: Vocabulary) -> list[list[Atom]]:
    """A line holding an article a run boundary cut off its word (``برمجة ال`` …
    ``اجتماعات``): the line once for each word of it the article can open, the article set
    on that word where it stands (``الاجتماعات``), so the word model reads each whole word in
    its place; the reading picks among them. The line as it is when it holds no lone article."""
    lone = [i for i, a in enumerate(core) if a.kind == "ar" and a.text == "ال"]
    if len(lone) != 1:
        return [core]
    k = lone[0]
    options = []
    for j, w in enumerate(core):
        if j == k or w.kind != "ar" or w.text.startswith("ال") or len(w.text) < 2:
            continue
        key = text_key("ال" + w.text)
        if vocab.whole_word(key):
            options.append((vocab.count(key), vocab.zipf(key), j))
    if not options:
        return [core]
    out = []
    for *_, j in sorted(options, reverse=True)[:MAX_ARTICLE_READINGS]:
        c = list(core)
        c[j] = replace(core[j], text="ال" + core[j].text)
        out.append(c[:k] + c[k + 1:])
    return out


def clitic_moves(core: list[Atom], vocab: Vocabulary) -> list[list[Atom]]:
    """Other ways to read a line laid out with a lone one-letter clitic at one of its edges,
    cut off a word elsewhere in the line (``ل خلاللأنشطة المتبقية``: the ل of «للأنشطة
    المتبقية خلال»). Offered where the clitic and that word make a word the document writes
    at least twice, and the clitic with its neighbour in the raw line does not; the reading
    decides between these and the line as written."""
    out: list[list[Atom]] = []
    if len(core) < 3:
        return out
    for i, nb in ((0, 1), (len(core) - 1, len(core) - 2)):
        c = core[i]
        if c.kind != "ar" or c.text not in _CLITICS or \
                (core[nb].kind == "ar" and vocab.seen(text_key(c.text + core[nb].text))):
            continue
        for j, w in enumerate(core):
            if j not in (i, nb) and w.kind == "ar" and vocab.seen(text_key(c.text + w.text)):
                moved = list(core)
                moved[j] = replace(w, text=c.text + w.text, cut_before=True)  # a piece starts here
                out.append(moved[:i] + moved[i + 1:])
    return out


GLUED_PIECE_LETTERS = 4  # a piece of a string no text knows: long enough to tell a word,
GLUED_SHORT_ZIPF = 4.0  # or a word of everyday use (دعا، كما)
GLUED_READINGS = 2  # the splits of one such string offered to the reading


def glued_word_splits(core: list[Atom], vocab: Vocabulary) -> list[list[Atom]]:
    """Another way to read a line with a rare word of the lexicon that is two common words
    written together (``عقدتم``: «عقد» + «تم», two runs glued; ``هذاالعام``), or with a
    string no text knows, written with no prefix of its own, that is two real words (see
    ``Vocabulary.real``), each of at least ``GLUED_PIECE_LETTERS`` letters or a word of
    everyday use (``ذلكاستثنائية``: «ذلك» + «استثنائية»; ``يقترحهاتخصيص``, ``دعاالتحسيسية``):
    the line with each such word split where it makes the two most common words (not a string
    the general corpus writes as one word: a name, «نورالدين»), and, for a
    string no text knows, the line with it split at its next likeliest place (``أكدتوفي``:
    «أكد» + «توفي» or «أكدت» + «وفي»). Web text's lost spaces put such strings in the
    lexicon; the reading decides between these and the line as written."""
    cuts: list[list[int]] = []  # for each atom, where it may be split, likeliest first
    for a in core:
        key = lm_key(a)
        at: list[int] = []
        if a.kind == "ar" and len(a.text) >= 5 and not vocab.lexical(key) and not vocab.seen(key) \
                and vocab.text_zipf(a.text) < RARE_ZIPF and not vocab.attested(key):
            options = [(min(_common(a.text[:i], vocab), _common(a.text[i:], vocab)), i) for i in range(2, len(a.text) - 1)]
            best, i = max(options)
            if best >= PARTICLE_WORD_ZIPF:
                at = [i]
            elif vocab.text_zipf(a.text) == 0.0 and not vocab.inflected(key) and not _has_own_prefix(a.text, vocab):
                at = [k for _, k in sorted(options, reverse=True) if a.text[:k] not in _PREFIXES and all(
                    (len(p) >= GLUED_PIECE_LETTERS or _common(p, vocab) >= GLUED_SHORT_ZIPF) and vocab.real(text_key(p))
                    for p in (a.text[:k], a.text[k:]))][:GLUED_READINGS]
        cuts.append(at)
    readings = []
    for r in range(max(map(len, cuts), default=0)):  # the r-th likeliest split of each such word
        split: list[Atom] = []
        for a, at in zip(core, cuts):
            if at:
                i = at[min(r, len(at) - 1)]
                split += [replace(a, text=a.text[:i]), Atom(a.text[i:], "ar", False)]
            else:
                split.append(a)
        readings.append(split)
    return readings


def _common(text: str, vocab: Vocabulary) -> float:
    """How common a word is in general use (a short function word counts as very common)."""
    key = text_key(text)
    return FUNCTION_ZIPF if key in SHORT_WORDS else vocab.zipf(key) if len(key) >= 3 else 0.0


def _bracketed(atoms: list[Atom], i: int) -> bool:
    """Is atom ``i`` alone between brackets: an ending written so (``إعلامي(ة)``), no fragment?"""
    return 0 < i < len(atoms) - 1 and atoms[i - 1].text in "()" and atoms[i + 1].text in "()"


def transfer_fragments(atoms: list[Atom], vocab: Vocabulary) -> list[Atom]:
    """Give a letter or two cut off one word back to the word it was cut from: in
    ``ئيسة … بالالتزامر`` the ``ر`` of رئيسة sits glued to بالالتزام; in ``رأس … الاجتماعت``
    the ``ت`` of ترأس sits glued to الاجتماع; in ``المتداولةط االنق`` the ``ط`` completes
    النقاط, whose pieces are laid out backwards. Done when both repaired words are known;
    among several pieces a fragment could complete, the best-attested result wins, then the
    nearest piece (رأس -> ترأس rather than مد -> تمد)."""
    out = list(atoms)

    def completions(b: Atom, words: tuple[str, ...], frag: str = "") -> list[str]:
        """Words the piece ``b`` becomes with the fragment: as joined, or, for a single
        letter, with its pieces rotated (a word the text itself knows)."""
        got = [w for w in words if not _inner_final(w) and vocab.improves(lm_key(b), text_key(w))]
        if not got and words and len(frag) == 1 and not vocab.real(lm_key(b)):
            rotated = _rotation(Atom(words[0], "ar", True), vocab)
            if rotated is not None and vocab.count(text_key(rotated.text)):  # the text itself knows it
                got = [rotated.text]
        return got

    def best(i: int, words_of, frag: str = "") -> tuple[int, str] | None:
        options = [(vocab.count(text_key(w)), -abs(i - j), vocab.zipf(text_key(w)), j, w)
                   for j, b in enumerate(out) if j != i and b.kind == "ar" and not _number_clitic(out, j)
                   for w in completions(b, words_of(b), frag)]
        return (max(options)[-2], max(options)[-1]) if options else None

    # a lone fragment of one or two letters joins the piece it completes ("ر" + "ئيسة"), or
    # the first piece of a glued pair ("ت" + "نظيمهاالمنفتحة" = تنظيمها + المنفتحة)
    for i, a in enumerate(out):
        if a.kind != "ar" or len(a.text) > 2 or _number_clitic(out, i) or _bracketed(out, i) or \
                (a.text in _PARTICLES or vocab.known(lm_key(a))) and \
                not a.text.endswith("إ"):  # إ opens a word (لإعداده), it never ends one
            continue
        found = best(i, lambda b: () if vocab.known(lm_key(b)) else (a.text + b.text, b.text + a.text))
        if found:
            j, word = found
            out[i] = Atom("", "gone", False)
            prefix = word.startswith(a.text) and word != out[j].text + a.text
            if j - i == (1 if prefix else -1):  # written next to each other ("و الثقافة"): as typed
                out[j] = Atom(word, "ar", out[j].space_before, out[j].wide_before, out[j].cut_before)
            else:
                _give_fragment(out, j, word, prefix)
            continue
        for j, b in enumerate(out):
            if j == i or b.kind != "ar" or vocab.real(lm_key(b)) or vocab.known(lm_key(b)) or len(b.text) < 6:
                continue
            heads = [cut for cut in range(2, len(b.text) - 2)
                     if vocab.accepts(text_key(b.text[cut:])) and len(b.text[cut:]) >= 3]
            splits = [(vocab.zipf(text_key(w)), b.text[cut:], w) for cut in heads
                      for w in (a.text + b.text[:cut], b.text[:cut] + a.text) if vocab.accepts(text_key(w))]
            if not splits:  # the head is itself two pieces laid out backwards: a word cut in
                # three (``ري … بمددراسة`` is «مدبري» + دراسة: مد، ب and ري laid out right to left)
                splits = [(vocab.zipf(text_key(w)), b.text[cut:], w) for cut in heads if cut >= 3
                          for r in range(1, cut) for w in (b.text[r:cut] + b.text[:r] + a.text,)
                          if not vocab.real(text_key(b.text[:cut] + a.text)) and vocab.accepts(text_key(w))]
            if splits:
                _, rest, word = max(splits)
                # a word whose pieces were three runs is a run of its own: seams on both sides
                three = not word.startswith(b.text[:len(word) - len(a.text)]) and not word.startswith(a.text)
                out[j] = Atom(word, "ar", b.space_before, b.wide_before, word.startswith(a.text) or three)
                out.insert(j + 1, Atom(rest, "ar", False, cut_before=three))
                out[i if i < j else i + 1] = Atom("", "gone", False)
                break
    out = _complete_glued_triples([a for a in out if a.kind != "gone"], vocab)
    for i, a in enumerate(out):
        # a short word the clean text and the document never write, a letter glued before a
        # particle (ملا … تقد: the م of تقدم), counts as broken even if the lexicon has it
        particle = a.kind == "ar" and a.text[1:] in _PARTICLES and not (vocab.lexical(lm_key(a)) or
                                                                        vocab.seen(lm_key(a)))
        if a.kind != "ar" or vocab.known(lm_key(a)) or vocab.real(lm_key(a)) and not particle or \
                len(a.text) < (3 if particle else 4):
            continue
        for k in (1, 2):  # a word's first letters cut off and glued before another: "ةضرورة … موازا"
            frag, rest = a.text[:k], a.text[k:]
            if not vocab.accepts(text_key(rest)):
                continue
            found = best(i, lambda b: () if vocab.known(lm_key(b)) else (b.text + frag,), frag)
            if found:
                j, word = found
                out[i] = Atom(rest, "ar", False, a.wide_before)  # the cut stays a seam
                _give_fragment(out, j, word, prefix=False)
                break
    for i, a in enumerate(out):
        if a.kind != "ar" or vocab.known(lm_key(a)) or vocab.real(lm_key(a)) or len(a.text) < 4:
            continue
        for k in (1, 2):  # a word's last letters cut off and glued after another: "الاجتماعت … رأس"
            head, frag = a.text[:-k], a.text[-k:]
            if not vocab.accepts(text_key(head)):
                continue
            found = best(i, lambda b: () if vocab.known(lm_key(b)) and len(b.text) > 3 else (frag + b.text,), frag)
            if found:
                j, word = found
                out[i] = Atom(head, "ar", a.space_before, a.wide_before)
                _give_fragment(out, j, word, prefix=True)
                break
    return out


def _number_clitic(atoms: list[Atom], j: int) -> bool:
    """``atoms[j]`` is a lone و written against a number (``19و``: the و of «18 و19»), no piece
    of a cut word (a ل there may be: ``2019ل`` … ``خلا``)."""
    if atoms[j].text != "و":
        return False
    before = j > 0 and atoms[j - 1].kind == "num" and not atoms[j].space_before
    after = j + 1 < len(atoms) and atoms[j + 1].kind == "num" and not atoms[j + 1].space_before
    return before or after


def _give_fragment(out: list[Atom], j: int, word: str, prefix: bool) -> None:
    """Make ``out[j]`` the whole ``word``. The fragment was cut off at the edge of another
    piece of the raw line, so the piece it completes ends there too: it starts at this word
    when the fragment opens the word (``ت`` + ``نظيمها``), it ends after it when the fragment
    closes it (``موازا`` + ``ة``)."""
    b = out[j]
    out[j] = Atom(word, "ar", b.space_before, b.wide_before, b.cut_before or prefix)
    if not prefix:
        k = next((k for k in range(j + 1, len(out)) if out[k].kind != "gone"), None)
        if k is not None:
            out[k] = replace(out[k], cut_before=True)


def _complete_glued_triples(out: list[Atom], vocab: Vocabulary) -> list[Atom]:
    """A glued atom of three pieces, some of them words cut short whose missing letters stand
    alone elsewhere in the line: ``لفائورشاوتدبير … دة … ت`` is لفائدة ورشات وتدبير."""
    frags = [i for i, a in enumerate(out) if a.kind == "ar" and len(a.text) <= 2 and a.text not in _PARTICLES
             and a.text not in _CLITICS and not vocab.known(lm_key(a))]
    if not frags:
        return out
    for j, b in enumerate(out):
        t = b.text
        if b.kind != "ar" or len(t) < 8 or vocab.real(lm_key(b)):
            continue
        best = None
        for c1 in range(2, len(t) - 4):
            for c2 in range(c1 + 2, len(t) - 2):
                words, used, score = [], [], 0.0
                for piece in (t[:c1], t[c1:c2], t[c2:]):
                    # the piece as it is, or completed by a fragment: the more common word
                    options = [(vocab.zipf(text_key(piece)), None, piece)] if len(piece) >= 3 and \
                        (vocab.known(text_key(piece)) or vocab.seen(text_key(piece))) else []  # not lexicon-only
                    options += [(vocab.zipf(text_key(w)), f, w) for f in frags if f not in used
                                for w in (piece + out[f].text, out[f].text + piece)
                                if w not in _PREFIXES and vocab.accepts(text_key(w))]
                    if not options:
                        break
                    z, f, w = max(options, key=lambda o: o[0])
                    if f is not None:
                        used.append(f)
                    words.append(w)
                    score += z
                else:
                    if used and (best is None or score > best[0]):
                        best = (score, words, used)
        if best:
            _, words, used = best
            pieces = [Atom(w, "ar", b.space_before if n == 0 else False, b.wide_before if n == 0 else False)
                      for n, w in enumerate(words)]
            rest = [a for k, a in enumerate(out) if k not in used]
            at = rest.index(b)
            return rest[:at] + pieces + rest[at + 1:]
    return out


RARE_ZIPF = 3.0      # a string the general lexicon knows, but rarely: maybe a lost space
GENERAL_RARE_ZIPF = 3.5  # the same in the general corpus, whose news text loses spaces more often (اهذا: 3.1)
PARTICLE_WORD_ZIPF = 4.8  # a common word (ضعف، يتعلق) after a particle written against it
FUNCTION_ZIPF = 5.5  # among the language's most common words (إلى، التي، قبل، هذا): function words


def _split_function_words(a: Atom, vocab: Vocabulary) -> tuple[Atom, Atom] | None:
    """A rare "word" that is two function words written together (``فيإلى``, ``التيمن``,
    ``فيقبل``: web text's lost spaces make such strings words of the general lexicon, and a
    run boundary of a visual line glues them the same way), or a particle and a common word
    in either order, a particle after its word one the clean text writes (``مايتعلق``,
    ``فيضعف``, ``قدممن``; not ``جمعيا``, a piece of «جمعيات»): the two words; of several such
    splits, the one whose rarer piece is commonest (``قدم`` + ``من``, not ``قد`` + ``ممن``).
    Words of the clean text, words of the lexicon's common use, and words the document writes
    so twice (a name: ``أوبلا``) are never split."""
    key = lm_key(a)
    if vocab.lexical(key) or vocab.zipf(key) >= RARE_ZIPF or vocab.seen(key) or vocab.inflected(key):
        return None

    def weight(k: str) -> float:  # how common a piece is, a particle as a function word
        return FUNCTION_ZIPF if k in SHORT_WORDS else vocab.zipf(k) if len(k) >= 3 else 0.0

    options = []
    for i in range(2, len(a.text) - 1):
        pieces = (text_key(a.text[:i]), text_key(a.text[i:]))
        rarer = min(map(weight, pieces))
        if all(k in _PARTICLES if len(k) < 3 else vocab.zipf(k) >= FUNCTION_ZIPF for k in pieces) or \
                (pieces[0] in SHORT_WORDS or pieces[1] in SHORT_WORDS and vocab.lexical(pieces[1])) and \
                rarer >= PARTICLE_WORD_ZIPF:
            options.append((rarer, i))
    if not options:
        return None
    i = max(options)[1]
    return Atom(a.text[:i], "ar", a.space_before, a.wide_before), Atom(a.text[i:], "ar", False)


def _split_off_alef(a: Atom, atoms: list[Atom], vocab: Vocabulary) -> tuple[Atom, Atom] | None:
    """The alef of an article a run boundary cut (``ا`` | ``لاجتماع``) glued after a word that
    cannot end in alef: a definite word (``المقبلا``: the article and the accusative ending
    never meet), or one ending in ى, ة or alef (``إلىا``, ``صباحاا``). Split off where it
    opens another word of the line (ا + لاجتماع = «الاجتماع»; see ``runs.cut_word_pairs``)."""
    t = a.text
    head = t[:-1]
    definite = head.startswith("ال") and vocab.accepts(text_key(head[2:]))
    if not t.endswith("ا") or not (definite or head.endswith(("ى", "ة", "ا"))) \
            or not (vocab.known(text_key(head)) or vocab.zipf(text_key(head)) >= COMMON_ZIPF):
        return None
    if not any(b.kind == "ar" and b.text.startswith("ل") and vocab.accepts(text_key("ا" + b.text))
               for b in atoms if b is not a):
        return None
    return Atom(head, "ar", a.space_before, a.wide_before), Atom("ا", "ar", False, cut_before=True)


_AFTER_FINAL = re.compile("(?<=[ةى])(?=.)")


def _split_after_final_letters(atoms: list[Atom], vocab: Vocabulary) -> list[Atom]:
    """A letter that only ends a word (ة، ى) ends one inside an atom the language does not
    know: ``لموضوعاتيةمخرجات`` is «لموضوعاتية» and «مخرجات» written together, ``ةحمز`` the
    ة of «حمزة» before another word's piece; but ``ةالسيد`` and ``وزاريةال`` are «السيدة»
    and «الوزارية», a word's pieces laid out backwards (see ``_rotation``)."""
    out: list[Atom] = []
    for a in atoms:
        if a.kind != "ar" or not _inner_final(a.text) or vocab.real(lm_key(a)) or \
                _rotation_in_line(a, atoms, vocab) is not None:
            out.append(a)
            continue
        parts = _AFTER_FINAL.split(a.text)
        out.append(Atom(parts[0], "ar", a.space_before, a.wide_before))
        # a word's piece glued there (الحكومةالو) is a seam for sure, a word maybe a lost space
        out.extend(Atom(p, "ar", False, cut_before=not vocab.known(text_key(p))) for p in parts[1:])
    return out


def split_glued(atoms: list[Atom], vocab: Vocabulary) -> list[Atom]:
    """Split unknown Arabic atoms that are two known words written together; also two
    function words the lexicon has as one rare string, an article's alef glued after a word,
    and, last, a piece of a cut word glued to another word."""
    atoms = _split_after_final_letters(atoms, vocab)
    out: list[Atom] = []
    for a in atoms:
        key = lm_key(a)
        pair = (_split_function_words(a, vocab) or _split_off_alef(a, atoms, vocab)) \
            if a.kind == "ar" and len(a.text) >= 4 else None
        if pair:
            out.extend(pair)
            continue
        if a.kind != "ar" or len(a.text) < 4 or vocab.real(key) or _completes_word(a, atoms, vocab):
            out.append(a)
            continue
        rotated = _rotation_in_line(a, atoms, vocab)
        if rotated is not None:
            out.append(rotated)
            continue
        if len(a.text) < 5:
            out.append(a)
            continue
        best, best_score = None, 0.0
        fallback, fallback_score = None, 0.0
        for i in range(2, len(a.text) - 1):
            short = [piece for piece in (a.text[:i], a.text[i:]) if len(piece) < 3]
            if any(piece not in _PARTICLES for piece in short) or a.text[:i] in _PREFIXES:
                continue
            left, right = Atom(a.text[:i], "ar", a.space_before, a.wide_before), Atom(a.text[i:], "ar", False)
            kl, kr = lm_key(left), lm_key(right)
            both = vocab.known(kl) and vocab.known(kr)
            # or one piece written so elsewhere in the document and the other a common word
            attested = (vocab.doc.get(kl, 0) and vocab.zipf(kr) >= ATTESTED_ZIPF) or \
                (vocab.doc.get(kr, 0) and vocab.zipf(kl) >= ATTESTED_ZIPF)
            s = math.log(1 + vocab.count(kl)) + math.log(1 + vocab.count(kr)) + 0.1 * min(len(kl), len(kr))
            if both or attested or (vocab.known(kl) and vocab.seen(kr)) or (vocab.seen(kl) and vocab.known(kr)):
                if s > best_score:
                    best, best_score = (left, right), s
            # last resort: one piece known, the other a word of everyday use (التاريخية + مرصد)
            elif min(len(kl), len(kr)) >= 4 and s > fallback_score and (
                    (vocab.known(kl) and vocab.zipf(kr) >= COMMON_ZIPF) or
                    (vocab.known(kr) and vocab.zipf(kl) >= COMMON_ZIPF)):
                fallback, fallback_score = (left, right), s
            # or a word the clean text writes and, after it, a conjunction opening a common word
            # (``عرضوطلبت``: «عرض» + «وطلبت», not «عرضو» + «طلبت»)
            elif s > fallback_score and vocab.lexical(kl) and kr[0] in "وف" and len(kr) >= 4 \
                    and vocab.zipf(kr[1:]) >= COMMON_ZIPF and vocab.zipf(kr) >= ATTESTED_ZIPF:
                fallback, fallback_score = (left, right), s
        if best is None and len(a.text) >= 7:
            best = _split_with_rotated_or_three(a, vocab) or _split_off_common_word(a, vocab) \
                or _split_off_proclitics(a, vocab)
        best = best or fallback
        out.extend(best if best else (a,))
    # last, a word glued to a piece of a cut word whose other piece the splits above set
    # free (``الشرقيةلجهة باجمعية``: با + جمعية, the با of «بالجهة»); a rare string of the
    # lexicon too, where lost spaces of web text put such glued pieces
    done: list[Atom] = []
    raw = {id(b) for b in atoms}
    names = _names(atoms)
    for a in out:
        loose = id(a) in raw and id(a) not in names and _loose(a, vocab)  # left whole above
        done.extend(loose and (_split_off_fragment(a, out, vocab) or _split_glued_triple(a, out, vocab)) or (a,))
    return _split_glued_pieces(done, vocab, raw)


def _names(atoms: list[Atom]) -> set[int]:
    """The atoms (ids) of the two words after a title (السيد، السيدة …): a person's names,
    which the lexicon knows only by chance (``السيد أنس بوزيان``: no «إنسان» to complete)."""
    out: set[int] = set()
    for i, a in enumerate(atoms):
        if a.kind == "ar" and lm_key(a) in TITLES:
            out.update(id(b) for b in atoms[i + 1:i + 3] if b.kind == "ar" and lm_key(b) not in TITLES)
    return out


def _split_glued_triple(a: Atom, atoms: list[Atom], vocab: Vocabulary) -> tuple[Atom, ...] | None:
    """A piece of a cut word glued between two words, as two run boundaries leave it, its
    other piece standing alone in the line (``الجماعاتلتقتنظيم`` … ``ديم``: الجماعات + لتق
    of «لتقديم» + تنظيم): the three, with seams between them."""
    t = a.text
    if len(t) < 8:
        return None
    others = [lm_key(b) for b in atoms if b is not a and b.kind == "ar" and not vocab.real(lm_key(b))]
    options = []
    for i in range(3, len(t) - 4):
        if not _word_or_particle(t[:i], vocab):
            continue
        for j in range(i + 1, min(i + FRAGMENT_LETTERS, len(t) - 2) + 1):
            piece, word = t[i:j], t[j:]
            if _inner_final(piece) or not _word_or_particle(word, vocab):
                continue
            for b in others:
                for whole in (text_key(piece) + b, b + text_key(piece)):
                    if vocab.cut_word(whole):
                        options.append((vocab.count(whole), vocab.zipf(whole), i, j))
    if not options:
        return None
    *_, i, j = max(options)
    return (Atom(t[:i], "ar", a.space_before, a.wide_before), Atom(t[i:j], "ar", False, cut_before=True),
            Atom(t[j:], "ar", False, cut_before=True))


def _completes_word(a: Atom, atoms: list[Atom], vocab: Vocabulary) -> bool:
    """The atom is, whole, a piece of a cut word whose other piece stands apart in the line
    (``المكل`` … ``فة``: «المكلفة») or is an article's alef glued after a word (``لإشكاليات``
    … ``المطروحةا``): not two words written together."""
    t = a.text
    for b in atoms:
        if b is a or b.kind != "ar" or b.text in _CLITICS:
            continue
        for whole in (t + b.text, b.text + t):
            k = text_key(whole)
            if vocab.cut_word(k) and not vocab.real(text_key(b.text)):
                return True
        if t[0] == "ل" and b.text.endswith("ا") and vocab.whole_word(text_key("ا" + t)):
            return True
    return False


def _loose(a: Atom, vocab: Vocabulary) -> bool:
    """An Arabic atom that may hold a piece of a cut word: no word of the clean text or the
    document, nor a common word with an ending it takes, and at most a rare string of the
    lexicon and of the general corpus (whose keys fold ة into ه: «بعضة» is not «بعضه» there)."""
    key = lm_key(a)
    return a.kind == "ar" and len(a.text) >= 4 and not vocab.lexical(key) and vocab.text_zipf(a.text) < RARE_ZIPF \
        and (a.text.endswith("ة") or vocab.general_zipf(key) < GENERAL_RARE_ZIPF) \
        and not vocab.seen(key) and not vocab.inflected(key) \
        and not _has_own_prefix(a.text, vocab)


def _has_own_prefix(t: str, vocab: Vocabulary) -> bool:
    """A word written with its own prefixes (والتنسيقية، بتقنيات): not to be taken apart. An
    article before a word that has one is no such word (الالتقييم: the ال of another word),
    nor is a rare string that is a common word and a ة, a letter that only ends a word
    (``بعضة`` is «بعض» and the ة of another word, not ب + «عضة»)."""
    if t.endswith("ة") and vocab.text_zipf(t) < RARE_ZIPF and vocab.zipf(text_key(t[:-1])) >= COMMON_ZIPF:
        return False
    return any(t.startswith(p) and (vocab.lexical(text_key(t[len(p):])) or vocab.text_zipf(t[len(p):]) >= REAL_ZIPF) and
               not (p.endswith("ال") and t[len(p):].startswith("ال") and not vocab.real(text_key(t)))
               for p in (*_PREFIXES, *_CLITICS))


def _word_or_particle(piece: str, vocab: Vocabulary) -> bool:
    """A word a piece of a cut word may be glued to: a particle, or a word the clean text
    knows or, graded by length, the lexicon (its three-letter strings are often junk: الز)."""
    key = text_key(piece)
    if piece in _PARTICLES:
        return True
    if len(piece) < 3 or _inner_final(piece):
        return False
    return vocab.known(key) or vocab.zipf(key) >= (KNOWN_ZIPF if len(piece) > 3 else COMMON_ZIPF)


def _piece_splits(t: str, vocab: Vocabulary) -> list[tuple[str, str, bool]]:
    """The ways an atom may be a word with a piece of a cut word glued to it: (word, piece,
    whether the piece ends the atom)."""
    out = []
    for k in range(1, min(FRAGMENT_LETTERS, len(t) - 2) + 1):
        for word, piece, at_end in ((t[:-k], t[-k:], True), (t[k:], t[:k], False)):
            if not _inner_final(piece) and _word_or_particle(word, vocab):
                out.append((word, piece, at_end))
    return out


def _joinable(first: int, second: int, touching: bool) -> bool:
    """Can a reading set the piece in atom ``first`` just before the piece in atom ``second``?
    The runs are read in reverse order, so a cut word's first piece ends a run laid out after
    the one its second piece opens; or the two stand next to each other in one run, where
    ``touching`` (the first piece ends its atom, the second opens the next)."""
    return first > second or touching and second == first + 1


def _split_glued_pieces(atoms: list[Atom], vocab: Vocabulary, raw: set[int]) -> list[Atom]:
    """Both pieces of a cut word glued to other words, as run boundaries leave them, each
    before or after its neighbour (``التشاركيةية`` … ``للميزانالاستثمار``: التشاركية + ية,
    للميزان + الاستثمار, the pieces of «للميزانية»; ``ارةممثلين`` … ``الإدتشكيل``: the
    pieces of «الإدارة»). Both atoms are split, a seam between each piece and its word; the
    reading puts the pieces side by side (see ``runs.cut_word_pairs``)."""
    loose = [i for i, a in enumerate(atoms) if id(a) in raw and _loose(a, vocab)]
    if len(loose) < 2:
        return atoms
    splits = {i: _piece_splits(atoms[i].text, vocab) for i in loose}
    real = {i: vocab.real(lm_key(atoms[i])) for i in loose}
    options = []
    for i in loose:  # atoms[i] holds the first piece, atoms[j] the second
        for j in loose:
            if j == i or real[i] and real[j]:  # two real words (مساهماتهم … إنجاحه) are no two halves
                continue
            for w1, first, end1 in splits[i]:
                for w2, second, end2 in splits[j]:
                    if not _joinable(i, j, end1 and not end2):
                        continue
                    kw = text_key(first + second)
                    if vocab.cut_word(kw) and not _inner_final(first + second):
                        options.append((vocab.count(kw), vocab.zipf(kw), i, j, (w1, first, end1), (w2, second, end2)))
    if not options:
        return atoms
    *_, i, j, s1, s2 = max(options)
    out: list[Atom | list[Atom]] = list(atoms)
    for k, (word, piece, at_end) in ((i, s1), (j, s2)):
        a = atoms[k]
        lead, rest = (word, piece) if at_end else (piece, word)
        out[k] = [Atom(lead, "ar", a.space_before, a.wide_before), Atom(rest, "ar", False, cut_before=True)]
    # other cut words of the line: the atoms split here are no longer the raw ones
    return _split_glued_pieces([x for item in out for x in (item if isinstance(item, list) else (item,))],
                               vocab, raw)


FRAGMENT_LETTERS = 10  # the longest piece of a cut word glued to another word that is split off


def _spelled_as_a_word(whole: str, vocab: Vocabulary) -> bool:
    """A word two pieces make, ending in ة, is common spelled so, or the clean text knows it:
    the key's ه would make «أعمالة» (أ + عمالة) the common «أعماله». An alef with hamza below
    stands inside a word only after its prefixes (``وإلى``, ``بالإدارة``): the key's plain alef
    would make «المإلى» (الم + إلى) the common «المالي»."""
    inner = whole.find("إ", 1)
    if inner > 0 and whole[:inner] not in _PREFIXES and whole[:inner] not in _CLITICS:
        return False
    spelled = spelled_zipf(whole)
    return spelled is None or spelled >= COMMON_ZIPF or vocab.known(text_key(whole))


def _split_off_fragment(a: Atom, atoms: list[Atom], vocab: Vocabulary) -> tuple[Atom, Atom] | None:
    """A word glued to a piece of another word that a run boundary cut, whose other piece
    stands elsewhere in the line (``الحكومةالو`` … ``زارة``: الحكومة + الو of «الوزارة»;
    ``الزوالتتم`` … ``واخ``: الزوال + تتم of «واختتم»; ``الرقميوزا`` … ``رة``): the word and
    the piece, a seam between them. The reading puts the two pieces of the cut word side by
    side (see ``runs.cut_word_pairs``)."""
    t = a.text
    if _has_own_prefix(t, vocab):
        return None
    at = next(k for k, b in enumerate(atoms) if b is a)
    others = [(k, b.text) for k, b in enumerate(atoms) if b is not a and b.kind == "ar" and b.text not in _CLITICS]
    options = []
    for k in range(1, min(FRAGMENT_LETTERS, len(t) - 2) + 1):
        for word, frag, frag_first in ((t[:-k], t[-k:], False), (t[k:], t[:k], True)):
            if not _word_or_particle(word, vocab):
                continue
            before = [b for m, b in others if _joinable(at, m, not frag_first)]  # frag + b
            after = [b for m, b in others if _joinable(m, at, frag_first)]  # b + frag
            if k > 2:
                wholes = [frag + b for b in before] + [b + frag for b in after]
            elif frag_first:  # a letter or two glued before a word opens the word it was cut from
                wholes = [frag + b for b in before]
            elif word[-1] in "ةى":  # after a letter that only ends a word: another word's end
                wholes = [b + frag for b in after] + [frag + b for b in before]  # (``المقترحةول`` … ``الحل``)
            else:  # a letter or two glued after one may be that word's own ending (اتخادها),
                # unless they end a piece that is no word (``الإنسانيد`` … ``الس``: «السيد»); where
                # the atom is itself a word of the lexicon (``مذكرا``: the accusative alef; a name,
                # ``بوزيان``), a piece that is no common word (not «انطلاق» -> «انطلاقا», «أنس» -> «إنسان»)
                wholes = [b + frag for b in after if not vocab.known(text_key(b))
                          and (not vocab.real(text_key(t)) or vocab.zipf(text_key(b)) < COMMON_ZIPF)]
                if frag in _CLITICS or not vocab.real(lm_key(a)):  # or the proclitic or letters that
                    # open another piece (العدلو … زارة; ``الأعمالجد`` … ``ول``: «جدول»), where that is no word
                    wholes += [frag + b for b in before if not vocab.known(text_key(b))]
            for whole in wholes:
                kw = text_key(whole)
                # (a word a letter shorter where the piece glued here is no word: ``ئيس`` of «رئيس»)
                if (vocab.cut_word(kw) and _spelled_as_a_word(whole, vocab)
                        or len(kw) == CUT_WORD_LETTERS - 1 and vocab.whole_word(kw)
                        and len(frag) >= 2 and not vocab.accepts(text_key(frag)) and not vocab.real(lm_key(a))) \
                        and not _inner_final(whole):
                    options.append((vocab.count(kw), vocab.zipf(kw), len(word), frag_first, word, frag))
    if not options:
        return None
    # the atom whole may be the piece, with another piece of the line (``نامج`` … ``البر``:
    # «البرنامج», not «البرج» + نام): the likelier word stands
    whole = [(vocab.count(k), vocab.zipf(k)) for _, b in others for k in (text_key(b + t), text_key(t + b))
             if vocab.whole_word(k)]
    if whole and max(whole) >= max(options)[:2]:
        return None
    *_, frag_first, word, frag = max(options)
    if frag_first:
        return Atom(frag, "ar", a.space_before, a.wide_before), Atom(word, "ar", False, cut_before=True)
    return Atom(word, "ar", a.space_before, a.wide_before), Atom(frag, "ar", False, cut_before=True)


_CUT_PREFIXES = ("ال", "ل", "ب", "و")  # what a run boundary cuts off the front of a word


def _split_off_proclitics(a: Atom, vocab: Vocabulary) -> tuple[Atom, ...] | None:
    """The article and prepositions cut off the front of other words, glued before a word
    (``اللودعوتها`` = ال (of الوطني) + ل (of لبذل) + ودعوتها): each a piece of its own, which
    the reading sets before the word it belongs to."""
    t = a.text
    if _has_own_prefix(t, vocab):
        return None  # a word with its own prefixes (للمساطر، والمتمثلين)
    for first in _CUT_PREFIXES:
        for second in ("",) + _CUT_PREFIXES:
            head = first + second
            rest = t[len(head):]
            if t.startswith(head) and len(rest) >= 4 and vocab.real(text_key(rest)) and not vocab.real(text_key(t)) \
                    and not vocab.accepts(text_key(t[len(first):])):
                pieces = [first] + ([second] if second else []) + [rest]
                return tuple(Atom(x, "ar", a.space_before if n == 0 else False, a.wide_before if n == 0 else False,
                                  cut_before=n > 0) for n, x in enumerate(pieces))
    return None


def _split_off_common_word(a: Atom, vocab: Vocabulary) -> tuple[Atom, Atom] | None:
    """A name or rare word glued to a common word the document writes on its own
    (``الجناتيالسيد`` = الجناتي + السيد): the common word is split off, the rest kept as it is.
    A split whose rest is a word of the language comes first, and then the piece the document
    writes on its own need only be a word of some use (``الالتزاماتتدارس`` = الالتزامات +
    تدارس, not الالتزام + اتتدارس); after a word of some use, the piece may carry a one-letter
    proclitic (``إنجاحهوالمشاركات`` = إنجاحه + والمشاركات, not إنجاحهو + المشاركات)."""
    t = a.text
    options = []
    for i in range(4, len(t) - 3):
        for piece, rest, last in ((t[i:], t[:i], True), (t[:i], t[i:], False)):
            k = text_key(piece)
            kr = text_key(rest)
            if last and piece[0] in _CLITICS and vocab.doc.get(k, 0) < 2 and (
                    vocab.lexical(kr) or max(vocab.zipf(kr), vocab.general_zipf(kr)) >= ATTESTED_ZIPF):
                k = text_key(piece[1:])  # the piece with its proclitic, after a word (``إنجاحهوالمشاركات``)
            if len(piece) < 4 or len(rest) < 4 or vocab.doc.get(k, 0) < 2:
                continue
            word = vocab.real(kr)
            if vocab.zipf(k) >= COMMON_ZIPF or word and vocab.zipf(k) >= ATTESTED_ZIPF:
                options.append((word, vocab.doc[k], len(piece), i))
    if not options:
        return None
    i = max(options)[-1]
    return Atom(t[:i], "ar", a.space_before, a.wide_before), Atom(t[i:], "ar", False)


def _split_with_rotated_or_three(a: Atom, vocab: Vocabulary) -> tuple[Atom, ...] | None:
    """A glued atom of a known word and a piece that is itself laid out backwards
    (``كتوبرأخلال`` = أكتوبر + خلال), or of three known words (``سيتمالتكوينتقييم``)."""
    def whole(text: str) -> str | None:
        k = text_key(text)
        if len(text) >= 3 and text not in _PREFIXES and (vocab.lexical(k) or vocab.seen(k)
                                                          or vocab.doc.get(k, 0) and vocab.zipf(k) >= ATTESTED_ZIPF):
            return text
        return None

    def piece(text: str) -> str | None:
        if whole(text):
            return text
        if len(text) >= 4:
            r = _rotation(Atom(text, "ar", True), vocab)
            if r is not None and vocab.count(lm_key(r)):
                return r.text
        return None

    t = a.text
    options = []
    for i in range(3, len(t) - 2):
        left, right = piece(t[:i]), piece(t[i:])
        if left and right and (left != t[:i] or right != t[i:]):
            options.append((vocab.count(text_key(left)) + vocab.count(text_key(right)),
                            (left, right)))
        for j in range(i + 3, len(t) - 2):
            parts = (whole(t[:i]), whole(t[i:j]), whole(t[j:]))
            if all(parts):
                options.append((sum(vocab.count(text_key(x)) for x in parts), parts))
        # a word, the article or a preposition cut off the word before it, and another word:
        # three pieces laid out backwards (``مجموعاتللبالنسبة`` = بالنسبة + لل|مجموعات)
        for j in range(i + 1, min(i + 4, len(t) - 2)):
            head, prefix, tail = t[:i], t[i:j], t[j:]
            if (prefix in _PREFIXES or prefix in _CLITICS) and whole(head) and whole(tail) \
                    and vocab.accepts(text_key(prefix + head)):
                options.append((vocab.count(text_key(prefix + head)) + vocab.count(text_key(tail)),
                                (prefix + head, tail)))
    if not options:
        return None
    texts = max(options, key=lambda o: o[0])[1]
    return tuple(Atom(x, "ar", a.space_before if n == 0 else False, a.wide_before if n == 0 else False)
                 for n, x in enumerate(texts))


UNSWAP_ZIPF = 3.0   # the word a swap gives is a common word of the language
SWAP_MARGIN = 1.0   # in a text that swaps a pair throughout, a real word yields to one ten times as common
SWAPPING_TEXT = 10  # distinct broken words mended: the text reads two-letter glyphs backwards
SWAPPING_WORDS = 3  # distinct broken words a pair's swap mends before the text counts as swapping it
_WORD = re.compile("[\u0621-\u064a]{3,}")


def _swaps(word: str, allowed: frozenset[str] | None, depth: int) -> list[tuple[str, tuple[str, ...]]]:
    """Words made by swapping up to ``depth`` non-overlapping neighbouring letter pairs (only
    pairs in ``allowed``, as read, if given), with the pairs swapped."""
    out: list[tuple[str, tuple[str, ...]]] = []

    def walk(w: str, start: int, done: tuple[str, ...]) -> None:
        for i in range(start, len(w) - 1):
            pair = w[i:i + 2]
            if pair[0] == pair[1] or allowed is not None and pair not in allowed:
                continue
            cand = w[:i] + pair[::-1] + w[i + 2:]
            out.append((cand, done + (pair,)))
            if len(done) + 1 < depth:
                walk(cand, i + 2, done + (pair,))

    walk(word, 0, ())
    return out


def unswap_letter_pairs(line: str) -> str:
    """Words with two neighbouring letters in the wrong order, a two-letter glyph read back
    to front (``اململكة`` -> المملكة, ``إعالمي`` -> إعلامي, ``الالزتامات`` -> الالتزامات): an
    unknown word becomes the common word one swap gives; known words and names are left as
    they are. See ``unswap_document`` for a whole text."""
    return unswap_document([line])[0]


def unswap_document(lines: list[str], lm: BigramModel | None = None) -> list[str]:
    """``unswap_letter_pairs`` over a whole text, which also learns the pairs this text reads
    back to front (its font's two-letter glyphs: لم، بر، ير، ين، تي …). Each word that is no
    word of the language becomes the word one or two swaps give, if common or written in
    the clean text (``اإلرشاف`` -> الإشراف, ``شتنرب`` -> شتنبر). Where the text swaps a pair
    throughout (the swap mends ``SWAPPING_WORDS`` distinct broken words), a real word holding
    that pair also yields to the word the swap gives where the word model reads it better
    between its neighbours (``واليت ترتكز`` -> «والتي ترتكز», ``عرب البوابة`` -> «عبر
    البوابة»): the glyph was read backwards there too. A text that needs ``SWAPPING_TEXT``
    mends or more reads its font's two-letter glyphs backwards: there any pair may be one."""
    lm = lm or model()
    lex = lexicon()

    def zipf(word: str) -> float:
        k = text_key(word)
        z = lex.get(k, 0.0)
        return max(z, UNSWAP_ZIPF + 0.01) if lm.uni.get(k, 0) and z >= KNOWN_ZIPF else z

    words = {w for line in lines for w in _WORD.findall(line)}
    fixes: dict[str, str] = {}
    mended: dict[str, set[str]] = {}
    for word in words:
        own = lex.get(text_key(word), 0.0)
        if own >= REAL_ZIPF or lm.uni.get(text_key(word), 0):
            continue
        best, best_z, best_pairs = word, max(UNSWAP_ZIPF, own + 1.0), ()
        for depth in (1, 2):
            for cand, pairs in _swaps(word, None, depth):
                z = zipf(cand) - (depth - 1) * 0.5  # two swaps: less likely than one
                if z > best_z:
                    best, best_z, best_pairs = cand, z, pairs
            if best != word:
                break
        if best != word:
            fixes[word] = best
            for pair in best_pairs:
                mended.setdefault(pair, set()).add(word)
    out = [_WORD.sub(lambda m: fixes.get(m.group(), m.group()), line) for line in lines] if fixes else list(lines)
    swapped = frozenset(p for p, ws in mended.items() if len(ws) >= SWAPPING_WORDS)
    if not swapped:
        return out
    if len(fixes) >= SWAPPING_TEXT:  # a text reading its font's ligatures backwards: any pair may be one
        swapped = None

    def in_context(line: str) -> str:
        found = list(_WORD.finditer(line))
        keys = ["<s>"] + [text_key(m.group()) for m in found] + ["</s>"]
        parts, last = [], 0
        for n, m in enumerate(found, start=1):
            word = m.group()
            if swapped is not None and not any(word[i:i + 2] in swapped for i in range(len(word) - 1)) \
                    or lm.uni.get(keys[n], 0) >= 3:
                continue
            def score(k: str) -> float:
                return lm.word_logp(keys[n - 1], k) + lm.word_logp(k, keys[n + 1])
            own = score(keys[n])
            options = [(score(text_key(c)), c) for c, _ in _swaps(word, swapped, 2) if zipf(c) >= REAL_ZIPF]
            if options:
                s_best, cand = max(options)
                if s_best > own + SWAP_MARGIN:
                    parts += [line[last:m.start()], cand]
                    last = m.end()
                    keys[n] = text_key(cand)
        return "".join(parts) + line[last:] if parts else line

    return [in_context(line) for line in out]


SPACED_TEXT = 5  # pieces that are no words joined into a word: the text spreads words apart


def join_spaced_pieces(lines: list[str], lm: BigramModel | None = None) -> list[str]:
    """Words that justification spread apart and the extractor cut at the widened gaps
    (pdftotext on LibreOffice's justified lines: «جمعي ة الأف ق للتنمي ة», «م ع»): two
    neighbouring Arabic pieces, one of them no word of the language, joined where together
    they make a word the clean text, the lexicon or the document knows. A text that shows
    no such break at least ``SPACED_TEXT`` times (pieces both of which are no words) has only
    those joined, so two real words written apart stay apart."""
    lm = lm or model()
    lex = lexicon()
    whole = Counter(text_key(w) for line in lines for w in _WORD.findall(line))

    def real(piece: str) -> bool:  # a word in its own right: the lexicon also holds many fragments
        k = text_key(piece)
        return len(k) >= 2 and (lm.uni.get(k, 0) > 0 or lex.get(k, 0.0) >= COMMON_ZIPF) and k not in _PREFIXES

    def word(text: str) -> bool:
        k = text_key(text)
        return lm.uni.get(k, 0) > 0 or lex.get(k, 0.0) >= KNOWN_ZIPF or whole.get(k, 0) >= 2

    def arabic(tok: str) -> bool:
        return bool(re.fullmatch("[\u0621-\u064a]+", tok))

    def zipf(k: str) -> float:
        return lex.get(k, 0.0) or (UNSWAP_ZIPF if lm.uni.get(k, 0) else 0.0)

    def best_split(toks: list[str], loose: bool) -> tuple[list[str], int]:
        """The pieces of a run of Arabic tokens grouped into words: the likeliest grouping
        under the lexicon's word frequencies (each word's log10 probability, zipf - 9)."""
        n = len(toks)
        best: list[tuple[float, list[str], int]] = [(0.0, [], 0)] + [(-1e9, [], 0)] * n
        for e in range(1, n + 1):
            for s in range(max(0, e - 4), e):
                group = toks[s:e]
                text = "".join(group)
                if len(group) == 1:
                    score, neither = zipf(text_key(text)) - 9.0, 0
                else:
                    reals = sum(real(g) for g in group)
                    if not word(text) or reals == len(group) or reals and not loose or _inner_final(text):
                        continue
                    score, neither = zipf(text_key(text)) - 9.0, int(reals == 0)
                cand = best[s][0] + score
                if cand > best[e][0]:
                    best[e] = (cand, best[s][1] + [text], best[s][2] + neither)
        return best[n][1], best[n][2]

    def joined(line: str, loose: bool) -> tuple[str, int]:
        out, run, count = [], [], 0
        for tok in line.split(" "):
            if tok and arabic(tok):
                run.append(tok)
                continue
            if run:
                words, k = best_split(run, loose)
                out += words
                count += k
                run = []
            out.append(tok)
        if run:
            words, k = best_split(run, loose)
            out += words
            count += k
        return " ".join(out), count

    strict = [joined(line, False) for line in lines]
    if sum(n for _, n in strict) < SPACED_TEXT:
        return [t for t, _ in strict]
    return [joined(line, True)[0] for line in lines]
