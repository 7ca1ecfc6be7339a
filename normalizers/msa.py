"""Word-pair statistics of general Modern Standard Arabic, for the word model of ``lm``.

The clean text shipped with mahdar (``data/clean_ar.txt``, ~65 k characters) knows the
genre's phrases but is far too small to know the language's word order in general:
«تاريخ ومكان الاجتماع» or «سيتم تحديد» are never seen there. The PyPI package
``ar-corrector`` ships the word bigram counts of a 33-million-word corpus of Moroccan
Arabic news (``resources/ngram_plus1.pickle``: 9.5 M word pairs, MIT licence). They are
read once, keyed like the word model (``lm.text_key``: no diacritics, hamza-less alef,
ه for ة, ي for ى), pairs seen once dropped, and kept as a compact table of sorted 64-bit
hashes (about 40 MB, in ``$MAHDAR_CACHE``, else ``~/.cache/mahdar``), so later runs load
it in milliseconds. Building it takes about 40 s and 3 GB of memory, once per machine.

``GeneralPairs.pmi(a, b)`` is how much more likely ``b`` is after ``a`` than on its own
(log ratio, absolute discounting), 0 when either word is unknown to the corpus; the word
model adds it to its own score of an Arabic word pair. The table also keeps the kept pairs'
counts summed by word class (``lm.word_class``: «noun before its adjective», «a plural
before the noun it governs»), which the word model mixes into its class bigrams, learned
from far less text, and each word's successors counted by their prefix (``prefix_of``:
«المعنية» is followed by «ب…» words five times as often as words are), which the word model
uses for a pair the corpus never wrote (``GeneralPairs.prefix_pmi``).
"""
from __future__ import annotations

import hashlib
import importlib.util
import logging
import math
import os
import pickle
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

SOURCE = ("ar_corrector", "resources", "ngram_plus1.pickle")
FORMAT = 3  # bump when the cached table's layout or keying changes
MIN_PAIR_COUNT = 2
DISCOUNT = 0.75
MIN_PREFIX_HISTORY = 50  # kept pairs a word must head before its successors' prefixes tell anything
_START, _END = "<s>", "</s>"  # the word model's sentence edges (the corpus writes the end <e>)


def key_hash(text: str) -> int:
    """A stable 64-bit hash of a word or of ``a + "\\t" + b`` (Python's own is salted per run)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def source_path() -> Path | None:
    """Where the installed ar-corrector keeps its bigram counts (the package is not imported)."""
    spec = importlib.util.find_spec(SOURCE[0])
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*SOURCE[1:])
    return path if path.exists() else None


def fold_counts(bigrams: dict) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Word and word-pair counts of ar-corrector's ``{(a,): Counter({b: n})}`` table, keyed
    like the word model; pairs seen fewer than ``MIN_PAIR_COUNT`` times count for the words only."""
    from normalizers.lm import text_key

    keys: dict[str, str] = {}

    def key(w: str) -> str:
        k = keys.get(w)
        if k is None:
            k = keys[w] = _END if w == "<e>" else w if w in (_START, "<unk>") else text_key(w)
        return k

    words: dict[str, int] = defaultdict(int)
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    for history, following in bigrams.items():
        if len(history) != 1:
            continue
        a = key(history[0])
        for b, n in following.items():
            kb = key(b)
            words[kb] += n
            if n >= MIN_PAIR_COUNT:
                pairs[(a, kb)] += n
    words[_START] = words.get(_END, 0)  # every sentence has one start and one end
    return dict(words), dict(pairs)


def class_counts(pairs: dict[tuple[str, str], int],
                 classify: Callable[[str], str | None]) -> Counter[tuple[str, str]]:
    """The counts of the pairs of two words summed by their classes (``classify``: None for a
    token that is no word: a sentence edge, ``<unk>``)."""
    classes: dict[str, str | None] = {}
    out: Counter[tuple[str, str]] = Counter()
    for (a, b), n in pairs.items():
        for w in (a, b):
            if w not in classes:
                classes[w] = classify(w)
        ca, cb = classes[a], classes[b]
        if ca is not None and cb is not None:
            out[(ca, cb)] += n
    return out


def prefix_of(word_class: str) -> str:
    """The prefix part of a word class (``lm.word_class``: «DEF|F» -> «DEF»; a function word
    or title, a class of its own, -> «FW»)."""
    return word_class.split("|")[0] if "|" in word_class else "FW"


def build_table(source: Path, out: Path, classify: Callable[[str], str | None] | None = None) -> None:
    """Fold ar-corrector's pickle into the compact table at ``out`` (written atomically), with
    the class bigram counts of its pairs when given the word model's ``classify``, and each
    word's successors counted by their prefix (``prefix_of``)."""
    with open(source, "rb") as fh:
        bigrams = pickle.load(fh)  # a file of a pinned dependency, not user input
    words, pairs = fold_counts(bigrams)
    del bigrams
    by_class = class_counts(pairs, classify) if classify is not None else Counter()
    prefixes: dict[str, Counter[str]] = defaultdict(Counter)
    if classify is not None:
        seen: dict[str, str | None] = {}
        for (a, b), n in pairs.items():
            if b not in seen:
                cb = classify(b)
                seen[b] = None if cb is None else prefix_of(cb)
            if seen[b] is not None:
                prefixes[a][seen[b]] += n
    prefix_names = sorted({p for c in prefixes.values() for p in c})
    history: dict[str, int] = defaultdict(int)
    follow: dict[str, int] = defaultdict(int)
    for (a, _), n in pairs.items():
        history[a] += n
        follow[a] += 1
    w_hash = np.fromiter((key_hash(w) for w in words), np.uint64, len(words))
    w_order = np.argsort(w_hash)
    p_hash = np.fromiter((key_hash(f"{a}\t{b}") for a, b in pairs), np.uint64, len(pairs))
    p_order = np.argsort(p_hash)
    word_list = list(words)
    columns = {
        "word_hash": w_hash[w_order],
        "word_count": np.fromiter(words.values(), np.uint32, len(words))[w_order],
        "word_history": np.fromiter((history.get(w, 0) for w in word_list), np.uint32, len(words))[w_order],
        "word_follow": np.fromiter((follow.get(w, 0) for w in word_list), np.uint32, len(words))[w_order],
        "pair_hash": p_hash[p_order],
        "pair_count": np.fromiter(pairs.values(), np.uint32, len(pairs))[p_order],
        "class_first": np.array([a for a, _ in by_class], dtype=str),
        "class_second": np.array([b for _, b in by_class], dtype=str),
        "class_count": np.fromiter(by_class.values(), np.uint64, len(by_class)),
        "prefix_names": np.array(prefix_names, dtype=str),
        "word_prefix": np.array([[prefixes[w][p] for p in prefix_names] if w in prefixes else [0] * len(prefix_names)
                                 for w in word_list], dtype=np.uint32).reshape(len(word_list), len(prefix_names))[w_order],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f"{out.name}.{os.getpid()}.tmp.npz")
    np.savez(tmp, **columns)
    os.replace(tmp, out)


class GeneralPairs:
    """Lookups in the folded table: counts of words and word pairs, and their PMI."""

    def __init__(self, columns: dict[str, np.ndarray]) -> None:
        self.word_hash = columns["word_hash"]
        self.word_count = columns["word_count"]
        self.word_history = columns["word_history"]
        self.word_follow = columns["word_follow"]
        self.pair_hash = columns["pair_hash"]
        self.pair_count = columns["pair_count"]
        self.total = float(self.word_count.sum())
        self.classes: dict[tuple[str, str], int] = {}
        self.class_totals: dict[str, int] = defaultdict(int)
        for a, b, n in zip(columns["class_first"].tolist(), columns["class_second"].tolist(),
                           columns["class_count"].tolist()):
            self.classes[(a, b)] = n
            self.class_totals[a] += n
        self.prefix_names = {p: k for k, p in enumerate(columns["prefix_names"].tolist())}
        self.word_prefix = columns["word_prefix"]
        totals = self.word_prefix.sum(axis=0, dtype=np.float64)
        self.prefix_share = totals / max(totals.sum(), 1.0)

    @staticmethod
    def _find(hashes: np.ndarray, h: int) -> int:
        i = int(np.searchsorted(hashes, np.uint64(h)))
        return i if i < len(hashes) and int(hashes[i]) == h else -1

    @lru_cache(maxsize=200_000)
    def word(self, w: str) -> tuple[int, int, int]:
        """(count, count as the first word of a kept pair, distinct kept successors)."""
        i = self._find(self.word_hash, key_hash(w))
        return (0, 0, 0) if i < 0 else (int(self.word_count[i]), int(self.word_history[i]), int(self.word_follow[i]))

    def class_history(self, ca: str) -> int:
        """How often a word of class ``ca`` is the first of a kept pair of two words (0: a class
        unknown here)."""
        return self.class_totals.get(ca, 0)

    def class_pair(self, ca: str, cb: str) -> int:
        return self.classes.get((ca, cb), 0)

    @lru_cache(maxsize=200_000)
    def prefix_pmi(self, a: str, prefix: str) -> float:
        """log p(the next word has ``prefix`` | a) / p(prefix) over the kept pairs (add-half
        smoothing): «المعنية» is followed by «ب…» words five times as often as words are; 0
        when ``a`` heads fewer than ``MIN_PREFIX_HISTORY`` kept pairs."""
        k = self.prefix_names.get(prefix)
        i = self._find(self.word_hash, key_hash(a))
        if k is None or i < 0:
            return 0.0
        row = self.word_prefix[i]
        total = float(row.sum())
        if total < MIN_PREFIX_HISTORY:
            return 0.0
        return math.log((row[k] + 0.5) / (total + 0.5 * len(row)) / self.prefix_share[k])

    @lru_cache(maxsize=500_000)
    def pair(self, a: str, b: str) -> int:
        i = self._find(self.pair_hash, key_hash(f"{a}\t{b}"))
        return 0 if i < 0 else int(self.pair_count[i])

    @lru_cache(maxsize=500_000)
    def pmi(self, a: str, b: str) -> float:
        """log p(b | a) / p(b) in the general corpus; 0 when it knows either word too little."""
        ca, hist, follow = self.word(a)
        cb = self.word(b)[0]
        if ca == 0 or cb == 0 or "<unk>" in (a, b):
            return 0.0
        pb = cb / self.total
        # the successors of a that were dropped (seen once) keep their mass for the backoff
        backoff = min(1.0, (DISCOUNT * follow + max(ca - hist, 0)) / ca)
        p = max(self.pair(a, b) - DISCOUNT, 0) / ca + backoff * pb
        return math.log(p / pb)


def table_path() -> Path:
    """The cached table, named for its layout (``FORMAT``) and for the word classes it counts
    in (``lm.class_scheme``: a new clean text or class scheme makes a new table)."""
    from normalizers.lm import class_scheme
    from pipeline.config import get_settings

    digest = hashlib.blake2b(class_scheme().encode("utf-8"), digest_size=4).hexdigest()
    return get_settings().cache_dir / f"msa_pairs-v{FORMAT}-{digest}.npz"


@lru_cache(maxsize=1)
def general_pairs() -> GeneralPairs | None:
    """The general word-pair table, built on first use; ``None`` (with a warning) when
    ar-corrector is not installed, so repair still runs on the shipped clean text alone."""
    path = table_path()
    if not path.exists():
        source = source_path()
        if source is None:
            log.warning("ar-corrector is not installed: text repair uses the shipped clean text only")
            return None
        log.warning("building the general Arabic word-pair table at %s (once, about 40 s)", path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)  # fail before reading 148 MB
            from normalizers.lm import shipped_function_words, word_class_of_word

            words = shipped_function_words()
            build_table(source, path, lambda w: word_class_of_word(w, words))
            for stale in path.parent.glob("msa_pairs-*.npz"):  # tables of other layouts or classes
                if stale != path:
                    stale.unlink(missing_ok=True)
        except OSError as exc:  # a read-only or full cache folder: repair goes on without it
            log.warning("cannot write %s (%s); set MAHDAR_CACHE to a writable folder: text repair "
                        "uses the shipped clean text only", path, exc)
            return None
    with np.load(path) as data:
        return GeneralPairs({k: data[k] for k in data.files})
