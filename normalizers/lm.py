"""Atoms of a text line and the word model that scores their order.

An atom is an Arabic word, a number, a Latin phrase or one punctuation mark, with whether
spaces stood before it. The model is a word bigram model (interpolated absolute
discounting) combined with a bigram model over coarse morphological word classes, learned
once from the clean Arabic text shipped in ``data/clean_ar.txt``, and with the evidence of
general Arabic word order (the PMI of a word pair in a 33-million-word corpus, ``msa``).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from normalizers.chars import drop_diacritics, drop_tatweel, load_table
from normalizers.msa import GeneralPairs, general_pairs, prefix_of

_AR_LETTER = "\u0621-\u063a\u0641-\u064a\u064b-\u065f\u0670-\u06d3\u06d5"
_ATOM = re.compile(
    rf"(?P<ar>[{_AR_LETTER}]+)"
    r"|(?P<num>[0-9\u0660-\u0669]{1,2}:[0-9\u0660-\u0669]{2}(?![0-9\u0660-\u0669])"  # a clock time is one unit
    r"|[0-9\u0660-\u0669]+(?:(?:[.,/\u066b\u066c]|، ?)[0-9\u0660-\u0669]+)*(?![0-9A-Za-z\u00c0-\u024f]))"  # 3/2024
    # e-mail addresses, URLs and domain names are one left-to-right unit (chafafiya.ma),
    # then runs of Latin words
    r"|(?P<lat>[0-9]+[A-Za-z\u00c0-\u024f][0-9A-Za-z\u00c0-\u024f]*"  # a number written against Latin letters: 2ème, 4G
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
    r"|(?:https?://|www\.)[A-Za-z0-9._~:/?#@!$&'*+,;=%\-]*[A-Za-z0-9/]"
    r"|[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:[a-z]{2,6})(?![A-Za-z0-9])(?:/[A-Za-z0-9._~/%\-]*[A-Za-z0-9/])?"
    r"|[A-Za-z\u00c0-\u024f]+(?:[ '\-][A-Za-z\u00c0-\u024f]+)*)"
    r"|(?P<p>\S)"
)
_FOLD_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي"}
_FOLD = str.maketrans({**_FOLD_LETTERS, "ة": "ه"})
_FOLD_KEEP_TEH = str.maketrans(_FOLD_LETTERS)  # the same, ة kept (see ``spelled_zipf``)


@dataclass(frozen=True)
class Atom:
    text: str
    kind: str  # ar | num | lat | p
    space_before: bool
    wide_before: bool = False  # two or more spaces before it in the raw line
    cut_before: bool = False  # a piece of the raw line starts here (found by word repair)
    apart_before: bool = False  # a piece of the raw line likely starts here (see ``runs.pieces_apart``)
    continues: bool = False  # opened by a tatweel: the end of a word a kashida split (``ــر``; see ``atoms_of``)


def text_key(text: str) -> str:
    """The model's key of an Arabic word given as text."""
    return drop_diacritics(drop_tatweel(text)).translate(_FOLD)


def lm_key(atom: Atom) -> str:
    if atom.kind == "num":
        return "<num>"
    if atom.kind == "lat":
        return "<lat>"
    if atom.kind == "ar":
        return text_key(atom.text)
    return atom.text


def atoms_of(line: str) -> list[Atom]:
    """A line's words, numbers, Latin stretches and marks. An Arabic word opened by a tatweel
    (``ــر``, kept so by ``chars.clean_chars_keeping_continuations``) is the end of a word that
    a kashida-justified line split in two pieces: it ``continues`` that word."""
    out = []
    prev_end = 0
    for m in _ATOM.finditer(line):
        if not m.group().strip("\u0640"):
            continue  # a tatweel is no mark: it goes with the word it opens
        gap = line[prev_end:m.start()]
        space = gap.rstrip("\u0640")
        continues = m.lastgroup == "ar" and space != gap and (space[-1].isspace() if space else prev_end == 0)
        out.append(Atom(m.group(), m.lastgroup or "p", bool(space), len(space) >= 2 and prev_end > 0,
                        continues=continues))
        prev_end = m.end()
    return out


REAL_ZIPF = 1.5  # in the general lexicon at all (3 in 100 million words): a real word


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """Zipf frequencies of Arabic words in general use (wordfreq's large Arabic list, which
    ships with the package), keyed like the bigram model (hamza-less alef, ه for ة, ي for ى).
    Words of one or two letters are left out: the list has every letter and syllable."""
    import wordfreq

    out: dict[str, float] = {}
    for word, freq in wordfreq.get_frequency_dict("ar", wordlist="large").items():
        if freq >= 10 ** (REAL_ZIPF - 9) and len(word) >= 3:
            key = text_key(word)
            out[key] = max(out.get(key, 0.0), 9 + math.log10(freq))
    return out


@lru_cache(maxsize=1)
def teh_marbuta_lexicon() -> dict[str, float]:
    """Zipf frequencies of the words of ``lexicon`` that end in ة, spelled so (the keys fold ة
    into ه, which makes «بعضة», «اجتماعة» look like «بعضه», «اجتماعه»): hamza-less alef, ي for ى."""
    import wordfreq

    out: dict[str, float] = {}
    for word, freq in wordfreq.get_frequency_dict("ar", wordlist="large").items():
        if word.endswith("ة") and freq >= 10 ** (REAL_ZIPF - 9):
            key = drop_diacritics(drop_tatweel(word)).translate(_FOLD_KEEP_TEH)
            out[key] = max(out.get(key, 0.0), 9 + math.log10(freq))
    return out


def spelled_zipf(text: str) -> float | None:
    """The general lexicon's zipf of an Arabic word ending in ة as spelled, None for others."""
    if not text.endswith("ة"):
        return None
    return teh_marbuta_lexicon().get(drop_diacritics(drop_tatweel(text)).translate(_FOLD_KEEP_TEH), 0.0)


_DEF = ("وال", "بال", "فال", "كال", "لل", "ال")
_DEF_CLASS = {"بال": "GEN", "لل": "GEN", "كال": "GEN", "وال": "WDEF", "فال": "WDEF", "ال": "DEF"}
PREPOSED_ZIPF = 3.0


PARTICLES = load_table("particles.json")  # short words, prefix clusters, titles (pieces uses it too)
TITLES = frozenset(text_key(w) for w in PARTICLES["titles"])  # as model keys
CONNECTORS = frozenset(text_key(w) for w in PARTICLES["connectors"])  # «تماشيا مع», «نظرا ل»: as model keys


CLASS_SCHEME = 2  # bump when ``word_class`` changes: the general corpus's class counts are cached


def class_scheme() -> str:
    """What the word classes depend on, for naming the cached class counts (``msa.table_path``):
    the scheme's version, the shipped clean text's function words, the titles and the connectors."""
    return "\n".join([str(CLASS_SCHEME), *sorted(shipped_function_words()), *sorted(TITLES), *sorted(CONNECTORS)])


def word_class(key: str, function_words: frozenset[str], lex: dict[str, float] | None = None) -> str:
    """A coarse morphological class: function words stand for themselves, other words by
    prefix — the article alone (ال), after a preposition (بال، لل، كال) or a conjunction
    (وال، فال), a preposition ب/ل before an indefinite word (بنسبة، لفائدة: the rest a common
    word of the lexicon, more common than the whole), a conjunction و — and by ending (teh
    marbuta, plural endings, ي, ا); titles (``TITLE``) and connectors (``CONN``: «تماشيا مع»,
    «نظرا ل», «بناء على», which open their clause) are a class each. Class bigrams generalise
    word order (noun before its adjective, a prepositional phrase after what it qualifies, a
    sentence opening with a connector the clean text never wrote) from little clean text."""
    if key in function_words or not key or not ("\u0621" <= key[0] <= "\u064a"):
        return key
    if key in TITLES:
        return "TITLE"  # before a name, which the clean text's words never predict
    if key in CONNECTORS:
        return "CONN"  # opens its clause, its preposition after it: few in the clean text, alike
    lex = lexicon() if lex is None else lex
    pre = next((p for p in _DEF if key.startswith(p) and len(key) > len(p) + 1), "")
    if pre:
        pre = _DEF_CLASS[pre]
    elif key[0] in "بل" and len(key) > 3 and lex.get(key[1:], 0.0) >= max(PREPOSED_ZIPF, lex.get(key, 0.0)):
        pre = "P"
    elif key.startswith("و") and len(key) > 3:
        pre = "W"
    suf = ("F" if key.endswith("ه") else "PL" if key.endswith(("ات", "ين", "ون")) else "Y" if key.endswith("ي")
           else "A" if key.endswith("ا") else "")
    return f"{pre}|{suf}"


PROCLITICS = frozenset("وبلفك")  # one-letter proclitics: never a word of their own in clean text
CLITIC_AT_END = -30.0
UNKNOWN_LETTER_COST = 2.0  # nats a letter of a string no text knows (see ``BigramModel.unknown_cost``)
PREFIX_WEIGHT = 0.5  # weight of the prefix evidence for a pair the general corpus never wrote
GENERAL_WEIGHT = 1.0  # weight of the general corpus's pair evidence against the clean text's


def is_word(key: str) -> bool:
    """Is a model key an Arabic word's (not a mark's, a number's, Latin text's or a line edge's)?"""
    return bool(key) and "\u0621" <= key[0] <= "\u064a"


def is_word_class(c: str) -> bool:
    """Is ``c`` the class of an Arabic word (not of a number, mark, Latin text or line edge)?"""
    return c in ("TITLE", "CONN") or "|" in c or is_word(c)


def word_class_of_word(key: str, function_words: frozenset[str]) -> str | None:
    """``word_class`` of an Arabic word's key, None for any other token."""
    c = word_class(key, function_words)
    return c if is_word_class(c) else None


CLEAN_CLASS_SHARE = 0.8  # the clean text's share of a class bigram, the general corpus's the rest
FUNCTION_WORDS = 60  # the clean text's commonest short words stand for themselves (a class each)


def function_words(counts: Counter[str]) -> frozenset[str]:
    """The words that are a class of their own: the clean text's ``FUNCTION_WORDS`` commonest
    keys of at most four letters (particles, marks, the sentence edges, the genre's «لجنه»)."""
    return frozenset(w for w, _ in counts.most_common(FUNCTION_WORDS) if len(w) <= 4)


@lru_cache(maxsize=1)
def shipped_function_words() -> frozenset[str]:
    """The function words of the shipped clean text: the classes the general corpus's class
    bigrams are counted in (see ``msa.build_table``)."""
    return function_words(Counter(k for line in clean_lines() for k in sequence(line)))


LIST_MARKER = re.compile(r"^\s*(?:[•\-–*]|[0-9\u0660-\u0669]{1,2}[.)-])\s+")


def sequence(line: str) -> list[str]:
    """A clean line's model keys between the sentence edges; a list item's marker (• - 3.) is
    set apart before reading: its first word starts the item."""
    return ["<s>"] + [lm_key(a) for a in atoms_of(LIST_MARKER.sub("", line))] + ["</s>"]


class BigramModel:
    """Word bigram model (interpolated absolute discounting) plus a class bigram model
    over ``word_class``, combined log-linearly."""

    def __init__(self, lines: list[str], discount: float = 0.75, class_weight: float = 1.0,
                 general: GeneralPairs | None = None) -> None:
        self.general = general
        self.uni: Counter[str] = Counter()
        self.bi: Counter[tuple[str, str]] = Counter()
        self.follow: Counter[str] = Counter()  # distinct successors per history
        seqs = [sequence(line) for line in lines]
        for toks in seqs:
            self.uni.update(toks)
            for a, b in zip(toks, toks[1:]):
                if (a, b) not in self.bi:
                    self.follow[a] += 1
                self.bi[(a, b)] += 1
        self.total = sum(self.uni.values())
        self.d = discount
        self.vocab = len(self.uni) + 1
        self.function_words = function_words(self.uni)
        self._classes: dict[str, str] = {}
        self.cuni: Counter[str] = Counter()
        self.cbi: Counter[tuple[str, str]] = Counter()
        for toks in seqs:
            cl = [self.cls(t) for t in toks]
            self.cuni.update(cl)
            self.cbi.update(zip(cl, cl[1:]))
        self.nclasses = len(self.cuni) + 1
        # how often a class is followed by a word's class (the general corpus knows only those)
        self.word_classes = sum(1 for c in self.cuni if is_word_class(c))
        self.cword: Counter[str] = Counter()
        for (ca, cb), n in self.cbi.items():
            if is_word_class(cb):
                self.cword[ca] += n
        self.class_weight = class_weight

    def cls(self, w: str) -> str:
        c = self._classes.get(w)  # asked for every pair the reading scores: computed once a word
        if c is None:
            c = self._classes[w] = word_class(w, self.function_words)
        return c

    def class_logp(self, a: str, b: str) -> float:
        """Log-probability of ``b``'s class after ``a``'s: the clean text's class bigrams; for
        two words, mixed (``CLEAN_CLASS_SHARE``) with the general corpus's, which spreads the
        clean text's chance of a word coming next over the word classes as it has seen them
        (it knows no marks, numbers or line edges: their chances stay the clean text's)."""
        ca, cb = self.cls(a), self.cls(b)
        p = (self.cbi.get((ca, cb), 0) + 0.5) / (self.cuni.get(ca, 0) + 0.5 * self.nclasses)
        seen = self.general.class_history(ca) if self.general is not None else 0
        if seen and is_word_class(cb):
            word_next = (self.cword.get(ca, 0) + 0.5 * self.word_classes) / (self.cuni.get(ca, 0) + 0.5 * self.nclasses)
            general = (self.general.class_pair(ca, cb) + 0.5) / (seen + 0.5 * self.word_classes)
            p = CLEAN_CLASS_SHARE * p + (1 - CLEAN_CLASS_SHARE) * word_next * general
        return math.log(p)

    def p_uni(self, w: str) -> float:
        return (self.uni.get(w, 0) + 0.1) / (self.total + 0.1 * self.vocab * 50)

    def backoff_key(self, w: str) -> str:
        """A word the clean text lacks, written with a one-letter proclitic (بنسبة، وإغناء), is
        scored as the word without it where the clean text has that: its neighbours are the
        stem's (نسبة 80%)."""
        if self.uni.get(w, 0) or len(w) <= 3 or w[0] not in PROCLITICS or not self.uni.get(w[1:], 0):
            return w
        return w[1:]

    def unknown_cost(self, w: str) -> float:
        """What a word no text knows costs beyond the model's unknown word: its spelling,
        ``UNKNOWN_LETTER_COST`` a letter after the third. The model gives every string it lacks
        one small probability, so a string glued of two words (``يوماخمسة``) would read as
        cheaply as the two words it is made of; 0 for a word the clean text or the general
        corpus has."""
        if len(w) <= 3 or self.uni.get(w, 0) or self.general is None or self.general.word(w)[0]:
            return 0.0
        return UNKNOWN_LETTER_COST * (len(w) - 3)

    def word_logp(self, a: str, b: str) -> float:
        """Log-probability of ``b`` after ``a`` in the clean text, plus the general corpus's
        evidence for the pair: ``GENERAL_WEIGHT`` times its PMI there (see ``msa``), 0 for
        numbers, Latin, marks and words it does not know, so readings stay comparable; for two
        words it never wrote side by side, ``PREFIX_WEIGHT`` times how much likelier a word
        with ``b``'s prefix is after ``a`` than in general («الأطراف المعنية بورش»)."""
        general = GENERAL_WEIGHT * self.general.pmi(a, b) if self.general is not None else 0.0
        if general and PREFIX_WEIGHT and is_word(a) and is_word(b) and not self.general.pair(a, b):
            # a pair the corpus never wrote: what follows ``a`` in general, by its prefix («المعنية ب…»)
            general += PREFIX_WEIGHT * self.general.prefix_pmi(a, prefix_of(self.cls(b)))
        a, b = self.backoff_key(a), self.backoff_key(b)
        ca = self.uni.get(a, 0)
        pu = self.p_uni(b)
        if ca == 0:
            return math.log(pu) + general
        cab = self.bi.get((a, b), 0)
        lam = self.d * self.follow.get(a, 0) / ca
        return math.log(max(cab - self.d, 0) / ca + lam * pu) + general

    def logp(self, a: str, b: str) -> float:
        if a in PROCLITICS and b not in ("<num>", "<lat>", ":") and not is_word(b):
            return CLITIC_AT_END  # a proclitic standing alone belongs to the word after it: never
            # before the line's end or a mark («المحلية ب (عن بعد)») but the colon of a list
            # it governs («ما يتعلق ب:»)
        return self.word_logp(a, b) + self.class_weight * self.class_logp(a, b)


def clean_lines() -> list[str]:
    """The lines of the clean Arabic text shipped in ``data/clean_ar.txt``."""
    text = resources.files("normalizers").joinpath("data", "clean_ar.txt").read_text(encoding="utf-8")
    return [drop_tatweel(l) for l in text.splitlines() if l.strip()]


@lru_cache(maxsize=1)
def model() -> BigramModel:
    return BigramModel(clean_lines(), general=general_pairs())


def held_out_model(document: list[str]) -> BigramModel:
    """The word model learned from the clean text less the lines of ``document`` (its table
    rows too): for measuring the repair on a document the clean text holds (the corpus gold),
    as on one it has never seen."""
    drop = {_line_key(l) for l in document if l.strip()}
    return BigramModel([l for l in clean_lines() if _line_key(l) not in drop], general=general_pairs())


def _line_key(line: str) -> str:
    """A line compared whatever its spacing and cell marks: the clean text writes a table row
    as cells three spaces apart, the corpus gold as ``a | b``."""
    return " ".join(drop_tatweel(line).replace("|", " ").split())


DOCUMENT_WEIGHT = 3.0  # nats per log(1 + n) of a word pair the document shows on its other lines
NUMBER_WEIGHT = 1.5  # the same for a word before a number (any number): less telling
TRIPLE_WEIGHT = 4.0  # nats per log(1 + n) of three words side by side the document shows on its other lines
ITEM_PRIOR = 2.0  # items' worth of the clean text's share of verbal nouns, smoothing a document's share of items opening with one


def word_pairs(line: str) -> list[tuple[str, str]]:
    """The model keys of the neighbouring Arabic words of a line, of an Arabic word and the
    number after it (``<num>``: «بالالتزام 12», «نونبر 2020»), and of a word or punctuation
    mark and the mark or word beside it (a phrase repeated with its marks: «(مشاركة عن بعد)،»;
    not a percent sign, which belongs to its number)."""
    atoms = atoms_of(line)
    return [(lm_key(a), lm_key(b)) for a, b in zip(atoms, atoms[1:])
            if a.kind == "ar" and b.kind in ("ar", "num")
            or _phrase_atom(a) and _phrase_atom(b)]


def word_triples(line: str) -> list[tuple[str, str, str]]:
    """The model keys of every three neighbouring Arabic words of a line (a phrase: «دليل لجنة الاشراف»)."""
    keys = [lm_key(a) if a.kind == "ar" else None for a in atoms_of(line)]
    return [(a, b, c) for a, b, c in zip(keys, keys[1:], keys[2:]) if a and b and c]


def _phrase_atom(a: Atom) -> bool:
    """An Arabic word or a mark of a phrase's punctuation (brackets, commas, colon, full stop)."""
    return a.kind == "ar" or a.kind == "p" and a.text in "()،؛:."


ITEM = "<item>"  # a list item's start, for the document's pairs (see ``item_pairs``)
ITEM_SHAPE = "<item-shape>"  # whether a list item opens with a verbal noun


def _template(pattern: str) -> str:
    """A verbal noun's template (وزن) as a pattern of model keys: its root letters ف ع ل
    stand for any letter («استفعال» matches «استكمال»)."""
    return "".join("." if c in "فعل" else c for c in text_key(pattern))


VERBAL_NOUN = re.compile("^(?:" + "|".join(_template(t) for t in PARTICLES["verbal_noun_templates"]) + ")$")


def item_pairs(line: str) -> list[tuple[str, str]]:
    """For a line read as a list item (its marker first, see ``sequence``): the pairs of
    ``ITEM`` and its first word, and of ``ITEM_SHAPE`` and ``masdar`` or ``other`` (whether
    that word has a derived verbal noun's template, ``VERBAL_NOUN``); none for other lines.
    A document's items open alike («• السيد …», «• تكليف …، • إرسال …»), its paragraphs
    otherwise («وأوضح السيد …»)."""
    if not LIST_MARKER.match(line):
        return []
    atoms = atoms_of(LIST_MARKER.sub("", line))
    if not atoms or atoms[0].kind != "ar":
        return []
    key = lm_key(atoms[0])
    return [(ITEM, key), (ITEM_SHAPE, "masdar" if VERBAL_NOUN.match(key) else "other")]


@lru_cache(maxsize=4)
def _verbal_noun_share(model: BigramModel) -> float:
    """The share of the clean text's words that have a verbal noun's template."""
    words = {w: n for w, n in model.uni.items() if is_word(w)}
    return sum(n for w, n in words.items() if VERBAL_NOUN.match(w)) / max(1, sum(words.values()))


class DocumentModel:
    """The word model with the evidence of one document (a cache model): minutes repeat their
    own phrases («البرمجة الجديدة للأنشطة», «تحيين منصة التتبع», «(مشاركة عن بعد)،»), so a
    pair of words (``word_pairs``) that the document's lines show, as read, favours the same
    pair on another of its lines by ``DOCUMENT_WEIGHT · log(1 + n)``; a pair with a mark once
    it is seen twice (``n - 1``: a comma meets «بعد» by chance); a word before a number by
    ``NUMBER_WEIGHT · log(1 + n)``, within a line only and not for a function word; three
    words side by side (``word_triples``) by ``TRIPLE_WEIGHT · log(1 + n)`` more
    (``triple_bonus``: «دليل لجنة الاشراف»); a list item's first word by the document's other
    items (``item_pairs``, ``_item_bonus``). A line's own pairs and triples never count for it."""

    def __init__(self, base: BigramModel, lines: list[str], own: Counter[tuple[str, str]] | None = None,
                 pairs: Counter[tuple[str, str]] | None = None, space_penalty: float | None = None,
                 document: "DocumentModel | None" = None,
                 own_triples: Counter[tuple[str, str, str]] | None = None, item: bool = False) -> None:
        self.base = base
        self.pairs = pairs if pairs is not None else \
            Counter(p for line in lines for p in word_pairs(line) + item_pairs(line))
        self.item = item  # the line read is a list item: its first word is scored as one
        if document is not None:  # the triples of the document's model for all its lines, shared
            self.triples, self.triple_heads, self.triple_tails = \
                document.triples, document.triple_heads, document.triple_tails
        else:
            self.triples = Counter(t for line in lines for t in word_triples(line))
            # the pairs that open and close them: where a reading may find one (see ``runs._triples``)
            self.triple_heads = {(a, b) for a, b, _ in self.triples}
            self.triple_tails = {(b, c) for _, b, c in self.triples}
        self.own = own or Counter()
        self.own_triples = own_triples or Counter()
        if space_penalty is not None:  # the document's cost of a run boundary at a plain space
            self.space_penalty = space_penalty

    def reading(self, line: str) -> "DocumentModel":
        """The model for reading ``line`` (whose reading so far is ``line``): its pairs and triples left out."""
        item = bool(LIST_MARKER.match(line))
        return DocumentModel(self.base, [], Counter(word_pairs(line) + item_pairs(line)), self.pairs,
                             self.__dict__.get("space_penalty"), self, Counter(word_triples(line)), item)

    def triple_bonus(self, a: str, b: str, c: str) -> float:
        """What three words side by side gain where the document's other lines write them so
        (``TRIPLE_WEIGHT · log(1 + n)``), beyond their two pairs' evidence."""
        n = self.triples.get((a, b, c), 0) - self.own_triples.get((a, b, c), 0)
        return TRIPLE_WEIGHT * math.log1p(n) if n > 0 else 0.0

    def __getattr__(self, name: str):  # counts, classes and the rest: the base model's
        return getattr(self.base, name)

    def _bonus(self, a: str, b: str) -> float:
        if b == "<num>" and a in self.base.function_words:
            return 0.0  # «إلى 12» of a range says nothing of another «إلى»
        if a == "<s>" and self.item:
            return self._item_bonus(b)
        n = self._seen(a, b)
        if b != "<num>" and not (is_word(a) and is_word(b)):
            n -= 1  # marks meet their neighbours by chance more often than words do: once is no phrase
        weight = NUMBER_WEIGHT if b == "<num>" else DOCUMENT_WEIGHT
        return weight * math.log1p(n) if n > 0 else 0.0

    def _item_bonus(self, b: str) -> float:
        """What a list item's first word ``b`` gains from the document's other items: the
        pair of ``ITEM`` and ``b``, counted as a pair with a mark is; and the log ratio of the
        share of those items that open with a word of ``b``'s kind (a verbal noun or not) to
        the share of such words in the clean text, the items' share smoothed toward the clean
        text's by ``ITEM_PRIOR`` items («تكليف» gains where the items open with «تشكيل»,
        «إرسال»; «دون» loses)."""
        n = self._seen(ITEM, b) - 1
        bonus = DOCUMENT_WEIGHT * math.log1p(n) if n > 0 else 0.0
        if not is_word(b):
            return bonus
        share = _verbal_noun_share(self.base)
        masdar, other = self._seen(ITEM_SHAPE, "masdar"), self._seen(ITEM_SHAPE, "other")
        p = (masdar + ITEM_PRIOR * share) / (masdar + other + ITEM_PRIOR)
        return bonus + (math.log(p / share) if VERBAL_NOUN.match(b) else math.log((1 - p) / (1 - share)))

    def _seen(self, a: str, b: str) -> int:
        """How often the document's other lines show the pair."""
        return self.pairs.get((a, b), 0) - self.own.get((a, b), 0)

    def word_logp(self, a: str, b: str) -> float:
        return self.base.word_logp(a, b) + (self._bonus(a, b) if b != "<num>" else 0.0)

    def logp(self, a: str, b: str) -> float:
        return self.base.logp(a, b) + self._bonus(a, b)


WordModel = BigramModel | DocumentModel  # what the run reading scores with


def pair_gain(lm: WordModel, a: str, b: str) -> float:
    """How much likelier ``b`` is after ``a`` than on its own (log ratio), both on the key the
    model scores ``b`` with: a word it lacks written with a proclitic stands for its stem
    (``backoff_key``), whose frequency the pair's score rests on («2022» / «وإعداد» is no likelier
    than «إعداد» after a number, not 1600 times likelier than a word never seen)."""
    return lm.word_logp(a, b) - math.log(lm.p_uni(lm.backoff_key(b)))
