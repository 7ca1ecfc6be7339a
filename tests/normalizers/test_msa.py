"""The general word-pair table: built from ar-corrector's counts, keyed like the word model."""
import math
import pickle
from collections import Counter

import pytest

from normalizers.lm import model
from normalizers.msa import MIN_PAIR_COUNT, GeneralPairs, build_table, general_pairs
from normalizers.runs import repair_runs


def _table(tmp_path, bigrams: dict) -> GeneralPairs:
    """A table built through the real path (pickle file -> folded, hashed .npz -> lookups)."""
    import numpy as np

    src, out = tmp_path / "ngram_plus1.pickle", tmp_path / "pairs.npz"
    src.write_bytes(pickle.dumps(bigrams))
    build_table(src, out)
    with np.load(out) as data:
        return GeneralPairs({k: data[k] for k in data.files})


def test_build_folds_keys_and_drops_rare_pairs(tmp_path):
    """Spellings the word model folds together count together (أ/ا, ة/ه, diacritics); a pair
    seen fewer than MIN_PAIR_COUNT times counts for its words only."""
    bigrams = {
        (): Counter({"<s>": 10}),  # ar-corrector's unigram prefix: not a pair
        ("<s>",): Counter({"تاريخ": 6, "سيتم": 4}),
        ("تاريخ",): Counter({"ومكان": 5, "الاجتماع": MIN_PAIR_COUNT - 1}),
        ("ومكان",): Counter({"الاجتماع": 3, "إنعقاد": 2}),
        ("ومَكان",): Counter({"انعقاد": 1}),
        ("سيتم",): Counter({"تحديد": 4}),
        ("تحديد",): Counter({"<e>": 4}),
        ("الاجتماع",): Counter({"<e>": 3}),
        ("انعقاد",): Counter({"<e>": 3}),
    }
    t = _table(tmp_path, bigrams)
    assert t.pair("تاريخ", "ومكان") == 5
    assert t.pair("تاريخ", "الاجتماع") == 0           # seen once: dropped
    assert t.word("الاجتماع")[0] == 3 + MIN_PAIR_COUNT - 1  # ... but its word still counts
    assert t.pair("ومكان", "انعقاد") == 2               # إنعقاد folded to انعقاد, ومَكان's single pair dropped
    assert t.pair("سيتم", "تحديد") == 4 and t.pair("تحديد", "</s>") == 4  # <e> is the model's </s>
    assert t.pair("<s>", "سيتم") == 4 and t.word("<s>")[0] == t.word("</s>")[0]


def test_pmi_signs(tmp_path):
    """A pair seen together scores above its words' own frequencies; two known words never
    seen together score below; an unknown word carries no evidence either way."""
    bigrams = {
        ("أ",): Counter({"ب": 50, "ج": 2}),
        ("ج",): Counter({"د": 50, "ب": 2}),
        ("ب",): Counter({"ج": 40, "د": 10}),
        ("د",): Counter({"أ": 60}),
    }
    t = _table(tmp_path, bigrams)
    assert t.pmi("ا", "ب") > 0          # أ folded to ا
    assert t.pmi("ا", "د") < 0          # both known, never together
    assert t.pmi("ا", "مجهول") == 0.0 and t.pmi("مجهول", "ب") == 0.0
    assert math.isfinite(t.pmi("د", "د"))


def test_real_table_knows_general_word_order():
    """The installed table (a 33-million-word corpus) knows phrases the shipped clean text
    never shows, in their order."""
    t = general_pairs()
    assert t is not None, "ar-corrector's bigram counts should be installed"
    assert t.pmi("تاريخ", "ومكان") > 0 > t.pmi("ومكان", "تاريخ")
    assert t.pmi("سيتم", "تحديد") > t.pmi("تحديد", "سيتم")
    assert model().general is t


@pytest.mark.parametrize("raw, fixed", [
    # real lines of seeds 000 and 003 that the shipped clean text alone read in the wrong order
    ("  : الاجتماع ومكانتاريخ ", "تاريخ ومكان الاجتماع:"),
    (" الإجراءات كافة إنجاز", "إنجاز كافة الإجراءات"),
])
def test_general_word_order_read(raw, fixed):
    assert repair_runs(raw) == fixed


def test_unwritable_cache_degrades_with_a_warning(tmp_path, monkeypatch, caplog):
    """A cache folder that cannot be written leaves repair running on the clean text alone."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MAHDAR_CACHE", str(blocker / "cache"))
    general_pairs.cache_clear()
    try:
        assert general_pairs() is None
        assert "MAHDAR_CACHE" in caplog.text
    finally:
        general_pairs.cache_clear()


def test_build_counts_word_pairs_by_class(tmp_path):
    """Given the word model's classes, the table sums the kept pairs of two words by class;
    pairs with a sentence edge or an unknown token are left out of those sums."""
    import numpy as np

    from normalizers.lm import word_class_of_word

    bigrams = {
        ("<s>",): Counter({"المشروع": 5}),
        ("المشروع",): Counter({"المكلف": 4, "<unk>": 9, "<e>": 3}),
        ("الوزارة",): Counter({"المكلفة": 6, "المنتدبة": 2}),
        ("مقتضيات",): Counter({"الدليل": 3, "دليل": 2}),
    }
    src, out = tmp_path / "ngram_plus1.pickle", tmp_path / "pairs.npz"
    src.write_bytes(pickle.dumps(bigrams))
    build_table(src, out, lambda w: word_class_of_word(w, frozenset()))
    with np.load(out) as data:
        t = GeneralPairs({k: data[k] for k in data.files})
    assert t.class_pair("DEF|", "DEF|") == 4 and t.class_pair("DEF|F", "DEF|F") == 6 + 2
    assert t.class_pair("|PL", "DEF|") == 3 and t.class_pair("|PL", "|") == 2
    assert t.class_history("DEF|") == 4       # not the pairs with <unk> or the sentence end
    assert t.class_history("<s>") == 0


def test_build_counts_each_word_s_successors_by_prefix(tmp_path, monkeypatch):
    """The table counts a word's kept successors by their prefix (``prefix_of`` their class):
    «المعنية» is followed by «ب…» words far more often than words are, «الدليل» less; a word
    heading too few pairs tells nothing."""
    import numpy as np

    import normalizers.msa as msa
    from normalizers.lm import word_class_of_word

    bigrams = {
        ("<s>",): Counter({"المعنية": 5, "الدليل": 5, "في": 5, "نادر": 5}),  # counted as words
        ("المعنية",): Counter({"بتنفيذ": 30, "بالأمر": 20, "الوزارة": 10}),
        ("الدليل",): Counter({"الوطني": 50, "المرجعي": 20, "بكل": 2}),
        ("في",): Counter({"إطار": 400, "المغرب": 300, "بعض": 100, "لقاء": 4}),
        ("نادر",): Counter({"بكل": 2}),
    }
    src, out = tmp_path / "ngram_plus1.pickle", tmp_path / "pairs.npz"
    src.write_bytes(pickle.dumps(bigrams))
    build_table(src, out, lambda w: word_class_of_word(w, frozenset({"في"})))
    with np.load(out) as data:
        t = GeneralPairs({k: data[k] for k in data.files})
    assert t.prefix_pmi("المعنيه", "P") > 1.0 > 0.0 > t.prefix_pmi("الدليل", "P")
    assert t.prefix_pmi("نادر", "P") == 0.0  # heads 2 kept pairs, fewer than MIN_PREFIX_HISTORY
    monkeypatch.setattr(msa, "MIN_PREFIX_HISTORY", 1)
    assert t.prefix_pmi.__wrapped__(t, "نادر", "P") > 0.0


def test_prefix_evidence_reads_a_pair_the_corpus_never_wrote():
    """A pair the general corpus never wrote takes the evidence of what follows its first word
    by prefix: «المعنية» before a «ب…» word («الأطراف المعنية بورش», seed 001) scores above
    «الدليل» before the same word, and above what the pair scored without it. On seed 000 it
    reads «تماشيا مع مقتضيات دليل لجنة الاشراف، يمكن مراجعة … وإغناء» in the line's order
    (before: «دليل لجنة الاشراف، يمكن مراجعة تماشيا مع مقتضيات وإغناء …»)."""
    import normalizers.lm as lm
    from normalizers.runs import repair_text_lines
    from tests.conftest import seed

    m = lm.model()
    assert m.general.pair("المعنيه", "بورش") == 0 and m.general.pair("الدليل", "بورش") == 0
    assert m.word_logp("المعنيه", "بورش") > m.word_logp("الدليل", "بورش")
    weight = lm.PREFIX_WEIGHT
    try:
        lm.PREFIX_WEIGHT = 0.0
        without = m.word_logp("المعنيه", "بورش")
    finally:
        lm.PREFIX_WEIGHT = weight
    assert m.word_logp("المعنيه", "بورش") > without
    lines = seed("000").read_text(encoding="utf-8").split("\n")
    assert repair_text_lines(lines)[78].startswith("تماشيا مع مقتضيات دليل لجنة الاشراف، يمكن مراجعة")


def test_general_class_order_reads_a_title_before_the_name(monkeypatch):
    """The general corpus's class bigrams (a title before a name, a name before its family
    name) read seed 001's «• السيدة فاطمة الزهراء بنعويش، وزارة …»; the clean text's class
    bigrams alone put the family name first (the document's other items, which open with
    «السيدة» too, left out of both readings)."""
    import normalizers.lm as lm
    from normalizers.runs import repair_text_lines
    from tests.conftest import seed

    monkeypatch.setattr(lm, "item_pairs", lambda line: [])
    lines = seed("001").read_text(encoding="utf-8").split("\n")
    want = "• السيدة فاطمة الزهراء بنعويش، وزارة الانتقال الطاقي والتنمية المستدامة؛"
    assert repair_text_lines(lines)[47] == want
    share = lm.CLEAN_CLASS_SHARE
    try:
        lm.CLEAN_CLASS_SHARE = 1.0
        assert repair_text_lines(lines)[47] != want
    finally:
        lm.CLEAN_CLASS_SHARE = share


def test_a_new_table_replaces_the_stale_ones(tmp_path, monkeypatch):
    """The table is built once per layout and set of word classes; building a new one removes
    the cached tables of other versions (40 MB each) from the cache folder."""
    import normalizers.msa as msa

    src = tmp_path / "ngram_plus1.pickle"
    src.write_bytes(pickle.dumps({("المشروع",): Counter({"المكلف": 4})}))
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "msa_pairs-v1.npz").write_bytes(b"stale")
    monkeypatch.setenv("MAHDAR_CACHE", str(cache))
    monkeypatch.setattr(msa, "source_path", lambda: src)
    general_pairs.cache_clear()
    try:
        t = general_pairs()
        assert t is not None and t.pair("المشروع", "المكلف") == 4
        assert [p.name for p in cache.glob("msa_pairs-*.npz")] == [msa.table_path().name]
    finally:
        general_pairs.cache_clear()
