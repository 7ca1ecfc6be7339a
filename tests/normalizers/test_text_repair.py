"""Repair of already-extracted text, on the real broken seeds and on clean text."""
import json
import re
import unicodedata
from functools import lru_cache

import pytest

from normalizers.repair import normalize_text
from normalizers.lm import atoms_of, text_key
from normalizers.runs import governs, looks_visual, mirror_lone_brackets, pair_same_brackets, repair_runs, repair_text_lines
from tests.conftest import RAW, seed


def _squash(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).replace("\u0640", "").split())


def test_runs_reordered_on_real_lines():
    assert repair_runs(" :المشاركون ") == "المشاركون:"
    assert repair_runs("  2020-2018تتبع تنفيذ مخطط العمل الوطني للحكومة المنفتحة للفترة، ") == \
        "تتبع تنفيذ مخطط العمل الوطني للحكومة المنفتحة للفترة 2018-2020،"
    assert repair_runs(" :الاجتماع جدول أعمال") == "جدول أعمال الاجتماع:"
    assert repair_runs("تقرير البيانات  إعداد-") == "- إعداد تقرير البيانات"
    assert repair_runs(" ،% 50التشوير بنسبة ") == "التشوير بنسبة 50%،"


def test_continuation_line_read_in_its_paragraph():
    """A wrapped line that is already logical keeps its order when it runs on into the
    next line (real lines 72-74 of seed 000: «… المهتمة بمجالات / الحكومة المنفتحة …»)."""
    lines = seed("000").read_text(encoding="utf-8").split("\n")
    assert repair_text_lines(lines)[71] == " ".join(lines[71].split())


def test_words_across_the_line_break_count_where_the_clean_text_lacks_the_pair():
    """«تواريخ تنظيم تحديد» (seed 003 line 277) runs on to «التظاهرات»: «تنظيم التظاهرات» is
    a common pair of the language though not of the clean text, so the line reads «تحديد
    تواريخ تنظيم». The next line's word turns the line's end from «تحديد» to «تنظيم»."""
    from normalizers.lm import model
    from normalizers.runs import edge_score

    lines = seed("003").read_text(encoding="utf-8").split("\n")
    assert repair_runs(lines[276], left="بعد", right="التظاهرات") == "تحديد تواريخ تنظيم"
    lm = model()
    assert edge_score(lm, "تنظيم", None, left=False) < edge_score(lm, "تحديد", None, left=False)
    assert edge_score(lm, "تنظيم", "التظاهرات", left=False) > edge_score(lm, "تحديد", "التظاهرات", left=False)


def test_bulleted_line_starts_its_item():
    """A line opened by a bullet is read as the start of an item, not as the continuation
    of the line before it (real line 228 of seed 001)."""
    lines = seed("001").read_text(encoding="utf-8").split("\n")
    assert repair_text_lines(lines)[227] == "• إعداد دلائل من أجل تحيين البوابة وتنظيم حصص تكوينية"


def test_visual_line_end_read_from_the_raw_line():
    """Where a visual-order line ends its item is read from its raw form (real lines of
    seed 000): a closing mark glued at the raw start, or after the first raw word before a
    space, or glued at the raw end; not a comma that opens the last run, not a mid-line comma."""
    from normalizers.runs import visual_line_closes

    lines = seed("000").read_text(encoding="utf-8").split("\n")
    assert visual_line_closes(lines[91])        # "  ،التنفيذ"
    assert visual_line_closes(lines[95])        # " وطني، بذل …"
    assert visual_line_closes(lines[18])        # "… المنفتحة(Open Government)، "
    assert not visual_line_closes(lines[89])    # "  ري المشاريع، أعضاء لجنة … مع"
    assert not visual_line_closes(lines[105])   # "، وذلك بتعاون … يوم "


def test_damage_detection():
    assert looks_visual(seed("000").read_text(encoding="utf-8").split("\n"))
    assert looks_visual(seed("003").read_text(encoding="utf-8").split("\n"))
    assert not looks_visual(seed("002").read_text(encoding="utf-8").split("\n"))


def test_clean_markdown_passes_unchanged():
    text = seed("002").read_text(encoding="utf-8")
    out = normalize_text(text).split("\n")
    src = text.split("\n")
    assert len(out) == len(src)
    assert all(_squash(a) == _squash(b) for a, b in zip(out, src))


@lru_cache(maxsize=2)
def _normalized(name: str) -> tuple[str, ...]:
    """Seed ``name``'s lines as ``normalize_text`` repairs the whole file (read once for the tests that look at them)."""
    return tuple(normalize_text(seed(name).read_text(encoding="utf-8")).split("\n"))


def test_line_for_line(tmp_path):
    text = seed("003").read_text(encoding="utf-8")
    assert len(normalize_text(text).split("\n")) == len(text.split("\n"))


@pytest.mark.parametrize("stem,floor", [("000_12d8bbe9cabf2811", 0.96), ("003_cef23d5024fd12d8", 0.96)])
def test_line_repair_floor_on_gold(shared, stem, floor):
    """Exact-line accuracy on the hand-made gold stays at or above the level reached (000:
    49/51 since connectors open their clause and no governing word stands before a lone
    conjunction; 003: 188/194, at least 187 since a line's last word is read before the number set after it
    and a number line's marks are read back in order), and at the issue's floor of 0.90 for
    each kind of word-order and split-word lines."""
    gold = [json.loads(l) for l in (shared / "gold" / f"{stem}.lines.jsonl").read_text(encoding="utf-8").splitlines()]
    out = _normalized(stem[:3])
    raw = (RAW / f"{stem}.txt").read_text(encoding="utf-8").split("\n")
    ok = sum(_squash(g["fixed"]) == _squash(out[g["line"] - 1]) for g in gold if g["kind"] != "uncertain")
    base = sum(_squash(g["fixed"]) == _squash(raw[g["line"] - 1]) for g in gold if g["kind"] != "uncertain")
    assert ok / len(gold) >= floor
    assert ok > base
    for kind in ("word_order", "split_word"):
        lines = [g for g in gold if g["kind"] == kind]
        assert sum(_squash(g["fixed"]) == _squash(out[g["line"] - 1]) for g in lines) >= 0.90 * len(lines), kind


def test_a_connector_opens_its_clause_and_no_governor_precedes_a_lone_conjunction():
    """Connectors («تماشيا مع», «نظرا ل», «بناء على», package data) are a word class of their
    own, which the clean text sees opening sentences and items; a word governing the next
    («كل») never stands before a conjunction cut off its word (``كل و``: «و» opens the word
    after it). Seed 000's line 79, four runs backwards, «تماشيا» a word no text it learned
    from knows, reads as written: the line ends on «كل», which the next line runs on from
    («كل سنتين»)."""
    from normalizers.lm import model, word_class

    assert {word_class(w, model().function_words) for w in ("تماشيا", "نظرا", "وفقا")} == {"CONN"}
    lines = _normalized("000")
    assert lines[78] == "تماشيا مع مقتضيات دليل لجنة الاشراف، يمكن مراجعة وإغناء منهجية وطرق العمل باللجنة كل"


def test_numeric_range_is_one_unit():
    """A range stays whole and in its written order, its separator as written (seed 001)."""
    assert repair_runs("تقدم تنفيذ الالتزامات المدرجة في خطة العمل الوطنية للفترة 2021 – 2023 •") == \
        "• تقدم تنفيذ الالتزامات المدرجة في خطة العمل الوطنية للفترة 2021 – 2023"


def test_words_joined_by_a_dash_or_slash_swap_as_one_unit():
    """Words written against a slash or dash are pieces of their own in a visual line, laid
    out backwards (seed 003 lines 87 and 316, seed 000 line 35); the joiner stays as written."""
    from normalizers.runs import tidy

    lines = seed("003").read_text(encoding="utf-8").split("\n")
    assert repair_runs(lines[86]) == "خلال شهر أكتوبر-نونبر"
    assert "شتنبر-دجنبر" in repair_runs(lines[315])
    assert "أثر/وقع" in repair_runs(seed("000").read_text(encoding="utf-8").split("\n")[34])
    assert tidy("الإدارة -قطاع") == "الإدارة - قطاع" and tidy("أكتوبر-نونبر") == "أكتوبر-نونبر"


def test_a_dash_between_words_stays_between_them():
    """A dash between two Arabic words takes their direction and stays in their run: the
    period of a schedule row (seed 001) is not cut at its dash, and in seed 000's line 3 the
    ministry and its department keep the dash between them while the date's runs reverse."""
    assert "ماي – يونيو 2023" in repair_runs("ماي – يونيو 2023 مراجعة التقرير من قبل لجنتي الإشراف والتتبع")
    line = seed("000").read_text(encoding="utf-8").split("\n")[2]
    assert repair_runs(line) == \
        "الأربعاء 12 فبراير 2020 بمقر وزارة الاقتصاد والمالية وإصلاح الإدارة - قطاع إصلاح الإدارة."


def test_a_comma_at_the_raw_end_closes_its_run_when_the_line_has_its_end_mark():
    """A comma written against the word at a visual line's raw end ends the line when nothing
    else does (seed 000: «… للفترة 2018-2020،»); where the raw start already holds the line's
    closing mark, the comma closes the first run's last word instead."""
    assert repair_runs("؛5المشروع المكلف بالالتزام رئيس  السيد حمزة بلخياط، ") == \
        "السيد حمزة بلخياط، رئيس المشروع المكلف بالالتزام 5؛"
    assert repair_runs(":تم الاتفاق على ما يليفي ختام اللقاء،  ") == "في ختام اللقاء، تم الاتفاق على ما يلي:"
    line = seed("000").read_text(encoding="utf-8").split("\n")[14]
    assert repair_runs(line) == "تتبع تنفيذ مخطط العمل الوطني للحكومة المنفتحة للفترة 2018-2020،"


def test_a_comma_at_the_raw_end_is_read_both_ways():
    """With no closing mark at the raw start, a comma written against the raw end's word ends
    the line (seed 000 line 15, above) or stays with its word, whichever reads better."""
    line = "الرباط الانتقال الرقمي وإصلاح الإدارة، مقر وزارةالمكان: قاعة الاجتماعات، الطابق الثاني،  "
    assert repair_runs(line) == \
        "المكان: قاعة الاجتماعات، الطابق الثاني، مقر وزارة الانتقال الرقمي وإصلاح الإدارة، الرباط"


def test_a_label_colon_binds_to_what_it_introduces_like_a_plain_space():
    """A run boundary right after a label's colon typed against the label, then a space,
    costs what one at a plain space does: the colon was typed as the author typed it. A colon
    standing between spaces is a seam of its own."""
    from normalizers.runs import SEAM_PENALTY, SPACE_PENALTY, boundary_cost

    atoms = atoms_of("الورشة الأولى: الميزانية التشاركية")
    assert boundary_cost(atoms[2], atoms[3]) == boundary_cost(atoms[3], atoms[4]) == SPACE_PENALTY
    assert boundary_cost(atoms[2], atoms[3], space=2.5) == 2.5
    spaced = atoms_of("الورشة الأولى : الميزانية")
    assert boundary_cost(spaced[2], spaced[3]) == SEAM_PENALTY


@pytest.mark.parametrize("raw, fixed", [
    # sentences of the corpus gold (dev_01, dev_03) broken the way seed 000 is: runs laid out
    # backwards, a word cut at a run boundary, its first piece glued to another word
    ("العمومية وبالوظيفةالمكلفة بإصلاح الإدارة  زارة المنتدبة لدى رئيس الحكومةالو ",
     "الوزارة المنتدبة لدى رئيس الحكومة المكلفة بإصلاح الإدارة وبالوظيفة العمومية"),
    ("تظار توصلها بالمعطيات المحينة من المصالحإلى الاجتماع المقبل، في ان",
     "إلى الاجتماع المقبل، في انتظار توصلها بالمعطيات المحينة من المصالح"),
    (" .الصحية القرويةبالمؤسسات التعليمية والمراكز  ترنتتعميم الربط بشبكة الأن 13. ",
     "13. تعميم الربط بشبكة الأنترنت بالمؤسسات التعليمية والمراكز الصحية القروية."),
    (".الساعة الواحدة والنصف بعد الزوالتتم الاجتماع على واخ ",
     "واختتم الاجتماع على الساعة الواحدة والنصف بعد الزوال."),
    (".الساعة الثالثة بعد الزوالعلى  2019، نبرشت 26لاجتماع: الخميس تاريخ ا ",  # a one-letter piece
     "تاريخ الاجتماع: الخميس 26 شتنبر 2019، على الساعة الثالثة بعد الزوال."),
    ("الإدارة وإصلاح رة الانتقال الرقميوزا ", "وزارة الانتقال الرقمي وإصلاح الإدارة"),
    ("ة المغربيةالمملك", "المملكة المغربية"),  # the piece glued after a word is its longer part
    ("المقترحةول الحل", "الحلول المقترحة"),  # letters after ة belong to another word
    # the other piece set free by another split: «بالجهة» from با (of باجمعية) and لجهة
    (".الشرقيةلجهة باجمعية أصوات المواطنة  •", "• جمعية أصوات المواطنة بالجهة الشرقية."),
    # the article's alef cut off and glued after a word that cannot end in alef
    (".٢٠٢٢أكتوبر  ٠٤لفريق العمل يوم الثلاثاء  لاجتماع المقبلا عقد ",
     "عقد الاجتماع المقبل لفريق العمل يوم الثلاثاء ٠٤ أكتوبر ٢٠٢٢."),
    ("القروي المعلومة بالوسط لورشة الثانية: ولوج الشباب والنساء إلىا ",
     "الورشة الثانية: ولوج الشباب والنساء إلى المعلومة بالوسط القروي"),
    # the words beside a cut word's pieces are scored next to the whole word («وزارة الاقتصاد»)
    ("؛والماليةقتصاد السيدة سلوى بنشقرون، إطار بمديرية الميزانية، وزارة الا •",
     "• السيدة سلوى بنشقرون، إطار بمديرية الميزانية، وزارة الاقتصاد والمالية؛"),
])
def test_a_word_cut_at_a_run_boundary_is_read_whole(raw, fixed):
    """The two pieces of a cut word are scored side by side as the word going on, and joined."""
    assert repair_runs(raw) == fixed


def test_numbers_and_bracketed_stretches_are_runs_of_their_own_in_a_line_with_visual_damage():
    """In a line that shows visual order, a number between Arabic words reverses with them
    (seed 003 line 153); typed text with its numbers in place, with no such sign, is left as
    it is (seed 001's dates)."""
    lines = seed("003").read_text(encoding="utf-8").split("\n")
    assert repair_runs(lines[152]) == "الجهات 9 الباقية."
    assert repair_runs(" الثلاثاء 28 مارس 2023 ") == "الثلاثاء 28 مارس 2023"
    assert repair_runs("؛(عن بعد) (ADD)وكالة التنمية الرقمية ") == "وكالة التنمية الرقمية (ADD) (عن بعد)؛"


def test_a_number_after_a_comma_is_a_run_of_its_own_in_a_line_with_visual_damage():
    """Seed 003 line 279: the number after «المتبقية،» is its own run, so it stands between
    the words, and the comma against «المتبقية» stays in that word's run, in the line's
    document as well as alone."""
    lines = seed("003").read_text(encoding="utf-8").split("\n")
    assert repair_runs(lines[278]) == "التظاهرات 5 المتبقية،"
    assert _squash(normalize_text("\n".join(lines)).split("\n")[278]) == "التظاهرات 5 المتبقية،"


def test_no_reading_starts_a_line_with_a_closing_mark():
    """Line breaking never puts a comma first on a line (UAX #14), so a raw comma is not read
    as the line's opening piece even where the line before ends with a word it could follow."""
    line = ":تم الاتفاق على ما يلي في ختام اللقاء،"
    assert repair_runs(line, left="اللقاء") == "في ختام اللقاء، تم الاتفاق على ما يلي:"
    assert not repair_runs("آلية التشاور مستدامة تتلاءم مع السياق conception) تصميم ) •").startswith("• )")


def test_no_mark_stands_against_the_mark_that_ends_the_line():
    """A visual line whose raw start holds its closing colon does not read with a comma of
    its own words left in front of that colon («… اللقاء،:»)."""
    assert repair_runs(":اللقاء، تم الاتفاق على ما يلي في ختام ") == "في ختام اللقاء، تم الاتفاق على ما يلي:"


def test_an_item_number_at_the_raw_end_opens_the_line():
    """«1.» written after the item's words in a visual line is its number, not a full stop."""
    assert repair_runs(" ؛الجماعات تنظيم جلسات عمومية سنوية لتقديم حصيلة تنفيذ برامج عمل 4. ") == \
        "4. تنظيم جلسات عمومية سنوية لتقديم حصيلة تنفيذ برامج عمل الجماعات؛"
    assert repair_runs(" .5رقم ") == "رقم 5."  # a number glued to its word keeps its full stop


def test_clock_times_and_their_ranges_stay_whole():
    """A time is one unit of a visual line, in either digit system, and a range of times keeps
    its spacing and is read from its start."""
    assert repair_runs(" 10:30  الساعة على 2022،  شتنبر 06  التاريخ: الثلاثاء ") == \
        "التاريخ: الثلاثاء 06 شتنبر 2022، على الساعة 10:30"
    assert repair_runs(" ١٠:٣٠  الساعة على ") == "على الساعة ١٠:٣٠"
    assert repair_runs(" 09:30 - 09:00 الاستقبال") == "الاستقبال 09:00 - 09:30"


def test_a_number_with_slashes_or_written_against_latin_letters_is_one_unit():
    """A slash joins two numbers in one left-to-right run (the bidi algorithm's rule W4): a
    meeting's number and a date written with slashes are read whole, as typed; so is a number
    written against Latin letters (no neutral parts them: 4G, 2ème)."""
    assert repair_runs(" .09:30على الساعة  2024مارس  15المنعقد يوم  3/2024محضر اجتماع لجنة الإشراف رقم ") == \
        "محضر اجتماع لجنة الإشراف رقم 3/2024 المنعقد يوم 15 مارس 2024 على الساعة 09:30."
    assert [a.text for a in atoms_of("قبل 30/04/2024.")] == ["قبل", "30/04/2024", "."]
    assert [a.text for a in atoms_of("الجيل 4G و2ème 15")] == ["الجيل", "4G", "و", "2ème", "15"]
    assert repair_runs(".4Gتعميم شبكة الجيل ") == "تعميم شبكة الجيل 4G."  # a run of its own, as Latin text is


def test_a_label_colon_written_against_its_word_at_the_raw_end_stays_with_it():
    """At a visual line's raw end (its logical start) a colon glued to a word is the label's,
    not the line's last mark; a heading's colon at the raw start still ends the line."""
    assert repair_runs(" السيدة مريم التازي، رئيسة مصلحة الحكومة المنفتحة  تسيير الاجتماع:") == \
        "تسيير الاجتماع: السيدة مريم التازي، رئيسة مصلحة الحكومة المنفتحة"
    assert repair_runs(" :المشاركون ") == "المشاركون:"


def test_table_row_laid_out_word_by_word():
    """Table cells whose every word is its own piece come out fully reversed (seed 003 lines
    51 and 154: «للأنشطة الجديدة البرمجة»), in the document and read alone."""
    lines = seed("003").read_text(encoding="utf-8").split("\n")
    out = normalize_text("\n".join(lines)).split("\n")
    assert out[50] == out[153] == "البرمجة الجديدة للأنشطة"
    assert repair_runs(lines[50]) == "البرمجة الجديدة للأنشطة"
    # two spaces before a number are evidence of a seam in a word-by-word reading too (line 115)
    assert repair_runs(lines[114]) == "الأسبوع المقبل (22 يونيو"


def test_no_line_ends_in_a_lone_proclitic():
    """و، ب، ل standing alone belong to the word after them: a repaired line never ends with
    one (seed 003 line 136 «منظومات تبادل الخاصة ب», seed 001 line 334 «… الثانية و»)."""
    import re

    for name in ("000", "001", "003"):
        out = normalize_text(seed(name).read_text(encoding="utf-8")).split("\n")
        assert not [l for l in out if re.search(r"(?:^|\s)[وبلفك]$", l)], name


def test_a_lone_proclitic_is_never_read_before_a_mark(shared):
    """«؛(عن بعد)فاس جمعية الشفافية للتنمية المحلية ب لسيدة …» (corpus dev_01, its clean text
    held out): the lone ب belongs to a word after it, never to the bracket; the reading that
    set it before «(عن بعد)» is out, and «بفاس» comes back."""
    from normalizers.lm import held_out_model
    from normalizers.pieces import Vocabulary

    doc = shared / "corpus" / "gold" / "dev_01.txt"
    vocab = Vocabulary(held_out_model(doc.read_text(encoding="utf-8").split("\n")), {})
    out = repair_runs("؛(عن بعد)فاس جمعية الشفافية للتنمية المحلية ب لسيدة رجاء المرابط،ا •", vocab, left="<s>")
    assert out == "• السيدة رجاء المرابط، جمعية الشفافية للتنمية المحلية بفاس (عن بعد)؛"


def test_a_line_whose_edges_make_a_word_is_read_back_in_a_logical_document(shared):
    """A kashida-justified line drawn in pieces, in visual order, its tatweel lost
    («نتصف المدة؛ التقييم الذاتي لم»: corpus dev_01, its clean text held out): its last word
    and its first make «لمنتصف», so it is read back in a document whose other lines are
    logical, and they are kept as they are."""
    from normalizers.lm import held_out_model
    from normalizers.pieces import Vocabulary
    from normalizers.runs import _split_pieces

    doc = (shared / "corpus" / "gold" / "dev_01.txt").read_text(encoding="utf-8").split("\n")
    model = held_out_model(doc)
    logical = [l for l in doc if l.strip() and " | " not in l][:12]
    out = repair_text_lines(logical + ["نتصف المدة؛ التقييم الذاتي لم"], model)
    assert out == logical + ["التقييم الذاتي لمنتصف المدة؛"]
    vocab = Vocabulary(model, {})
    assert _split_pieces("نتصف المدة؛ التقييم الذاتي لم", vocab) == 1
    assert not any(_split_pieces(l, vocab) for l in logical)


def test_a_fragment_marks_where_its_piece_began():
    """«… نظيمهاالمنفتحة والمزمع ت»: the ت that opens تنظيمها ended another piece, so the
    piece it completes starts at that word (seed 000 line 67)."""
    out = _normalized("000")
    assert out[66] == "المنفتحة والمزمع تنظيمها خلال هذا الأسبوع."


def test_lone_opening_bracket_at_the_raw_start_closes_the_line():
    """«(،كل شهر» (seed 003 line 303): the bracket is the mirrored «)» of the logical end."""
    lines = seed("003").read_text(encoding="utf-8").split("\n")
    assert repair_runs(lines[302]) == "كل شهر)،"
    assert "(SIEDD)" in repair_runs("(SIEDD)  على مستوى")  # a pair stays a pair


def test_the_one_bracket_of_a_visual_line_is_mirrored_between_rtl_pieces():
    """«جهتين )2020ن شهر يونيو م» (seed 003 line 301): the line's only bracket, between an
    Arabic word and a number, is the mirrored «(» that opens «(جهتين», closed on a later line;
    next to Latin text, next to a bullet, or one of two, a bracket is left alone."""
    lines = seed("003").read_text(encoding="utf-8").split("\n")
    assert repair_runs(lines[300]) == "من شهر يونيو 2020 (جهتين"
    atoms = mirror_lone_brackets(atoms_of("conception) تصميم"))
    assert [a.text for a in atoms if a.kind == "p"] == [")"]
    assert [a.text for a in mirror_lone_brackets(atoms_of("الجمعوية )  •")) if a.kind == "p"] == [")", "•"]
    two = atoms_of("، )  مشاركة عن بعد)السيد ياسر")  # seed 001: two brackets, not mirrored one by one
    assert mirror_lone_brackets(two) == two


def test_colon_of_a_numbered_label_opens_the_title_run():
    """«: تنفيذ مخطط 12النشاط» (seed 003 line 105): a colon and a space before words, on a
    line with a number, start the run of the label's title; without a number the colon at
    the raw start ends the line (seed 000 line 1)."""
    lines = seed("003").read_text(encoding="utf-8").split("\n")
    assert repair_runs(lines[104]) == "النشاط 12: تنفيذ مخطط"
    assert repair_runs(lines[97]) == "- النشاط 1: إعادة هيكلة"
    assert repair_runs("  : الاجتماع ومكانتاريخ") == "تاريخ ومكان الاجتماع:"


def test_percentage_at_the_raw_start_ends_the_line():
    """A percentage drawn at a visual line's left (``%95 2023إلى …``, seed 001 line 303) is
    the line's last cell: the number goes with its sign, not beside the year next to it, and
    before the marks laid out left of it (seed 003 line 210)."""
    lines = seed("001").read_text(encoding="utf-8").split("\n")
    assert repair_runs(lines[302]) == "الفترة الممتدة من 2021 إلى 2023 95%"
    assert repair_runs(lines[306]) == "للحملة التحسيسية 2022 90%"
    lines = seed("003").read_text(encoding="utf-8").split("\n")
    assert repair_runs(lines[209]) == "التشوير بنسبة 50%،"


_ARABIC_INDIC = str.maketrans("0123456789%", "٠١٢٣٤٥٦٧٨٩٪")


@pytest.mark.parametrize("raw,logical", [
    (" ،% 50التشوير بنسبة ", "التشوير بنسبة 50%،"),
    ("%95 2023إلى 2021 الفترة الممتدة من ", "الفترة الممتدة من 2021 إلى 2023 95%"),
    (" .بين الالتزامات مع تفاوت ملحوظ ، 60%الإنجاز للالتزامات المعروضة بلغ حوالي",
     "الإنجاز للالتزامات المعروضة بلغ حوالي 60%، مع تفاوت ملحوظ بين الالتزامات."),
], ids=["before-a-comma", "after-a-range", "glued-to-a-word"])
def test_the_arabic_percent_sign_is_read_like_the_percent_sign(raw, logical):
    """A percentage written with Arabic-Indic digits and the Arabic percent sign (٪) is read
    where the same line written with 0-9 and % is."""
    assert repair_runs(raw) == logical
    assert repair_runs(raw.translate(_ARABIC_INDIC)) == logical.translate(_ARABIC_INDIC)


def test_words_written_together_are_a_seam_unless_their_order_reads_far_better():
    """«الاشرافدليل» (seed 000 line 110) is a seam between runs; «سيرالمرصد» (seed 001 line
    157, a bulleted line in one run) is a space the extraction lost: the words stay in order,
    written apart."""
    lines = seed("001").read_text(encoding="utf-8").split("\n")
    assert repair_runs(lines[156]) == "• إعداد مشروع مرسوم بتنظيم وكيفية سير المرصد الوطني للمرافق"
    assert repair_runs("  لجنة الاشرافدليل تخصيص الاجتماع. ").endswith("لجنة الاشراف.")


def test_a_string_no_text_knows_pays_for_its_spelling():
    """``الترافعإضافة`` (seed 001 line 431) is in no text: two runs glued, «الترافع» and
    «إضافة». As one unknown word it would cost what any unknown word costs, no more than the
    two words it is made of; spelled out letter by letter it costs more, so the line reads
    as the two words in their runs' order."""
    from normalizers.lm import UNKNOWN_LETTER_COST, model

    lm = model()
    assert lm.unknown_cost("الترافعاضافه") == UNKNOWN_LETTER_COST * 9 > 0
    assert lm.unknown_cost("الترافع") == lm.unknown_cost("اضافه") == lm.unknown_cost("بوزيان") == 0.0
    lines = seed("001").read_text(encoding="utf-8").split("\n")
    assert "الترافعإضافة" in lines[430]
    assert repair_runs(lines[430]) == "• إضافة المادة التكوينية المتعلقة بتقنيات الترافع"


def test_dash_against_a_word_at_the_raw_start_ends_the_line():
    """«-كتوبرخلال شهري أمكوناتها» (seed 003 line 165): the dash at the raw start, written
    against the word after it, is the logical end (a month range running on), not a bullet."""
    text = seed("003").read_text(encoding="utf-8")
    assert normalize_text(text).split("\n")[164] == "مكوناتها خلال شهري أكتوبر-"
    lines = text.split("\n")
    assert repair_runs(lines[97]).startswith("- ")  # a dash at the raw end opens the item


def test_two_brackets_of_one_hand_enclose_what_stands_between_them():
    """«)  مشاركة عن بعد)السيد ياسر الشقيري» (seed 001 line 54): the extraction mirrored one
    of the two brackets; together they enclose one piece. A pair mirrored as a whole
    («)فور شباب(», line 58) is balanced and spaced as typed. A bracket typed against Latin
    text is drawn as typed, so of ``conception) تصميم )`` (line 130) the other one, in the
    Arabic run, is the mirrored one: «تصميم (conception)»."""
    out = normalize_text(seed("001").read_text(encoding="utf-8")).split("\n")
    assert out[53] == "• السيد ياسر الشقيري (مشاركة عن بعد)، الهيئة الوطنية للنزاهة والوقاية من الرشوة ومحاربتها؛"
    assert out[57].endswith("من أجل الشباب (فور شباب)؛")
    two = atoms_of("conception) تصميم )")
    assert [a.text for a in pair_same_brackets(two)] == ["conception", ")", "تصميم", "("]
    assert out[129] == "• تصميم (conception) آلية التشاور مستدامة تتلاءم مع السياق"
    both = atoms_of("ADD) وكالة OGP)")  # both against Latin text: left alone
    assert pair_same_brackets(both) == both


def test_cut_off_prefixes_join_the_words_they_open():
    """Seed 000 line 96: the article and the preposition glued before «ودعوتها» are read
    before the words they were cut from: «… العمل الوطني،» and «لبذل»."""
    out = _normalized("000")
    assert out[95] == ("المحددة، ودعوتها لبذل المجهودات الضرورية لتحقيق الأهداف المسطرة في مخطط العمل "
                       "الوطني،")


def test_article_cut_off_a_word_in_a_word_by_word_line_goes_back_to_it():
    """Seed 003 lines 135 and 81: «بوابات الإطلاق يرتقب» is «يرتقب إطلاق البوابات» laid out
    word by word with the ال of البوابات written against إطلاق; the article is given back only
    in a reading that sets the two words next to each other the other way round (seed 000
    line 54, «ورشات الصياغة», keeps its article)."""
    out = normalize_text(seed("003").read_text(encoding="utf-8")).split("\n")
    assert out[134] == "يرتقب إطلاق البوابات"
    assert out[80] == "مرتبطة بإجابة القطاعات"
    out = _normalized("000")
    assert "ورشات الصياغة التشاركية" in out[53]


def test_a_lone_clitic_at_the_line_edge_goes_to_the_word_it_was_cut_from():
    """Seed 003 lines 112-114: «ل خلاللأنشطة المتبقية» is «للأنشطة المتبقية خلال»; read so,
    the line before it, which runs on into it, reads «سيتم تحديد البرمجة الجديدة» (the document
    writes «الجديدة للأنشطة» on other lines)."""
    out = normalize_text(seed("003").read_text(encoding="utf-8")).split("\n")
    assert out[113] == "للأنشطة المتبقية خلال"
    assert out[111] == "سيتم تحديد البرمجة الجديدة"


def test_a_clitic_written_against_a_number_stays_against_it():
    """Seed 003 line 270: «6و» read the other way round is «و6» («الأنشطة رقم 2 و6»)."""
    out = normalize_text(seed("003").read_text(encoding="utf-8")).split("\n")
    assert out[269] == "- الأنشطة رقم 2 و6: أكتوبر"


def test_spaced_comma_before_a_latin_stretch_does_not_open_it():
    """Seed 003 line 43: «اللجنة ، COVID 19مراعاة …»: «COVID 19» is a left-to-right run of
    its own and the comma follows it."""
    out = normalize_text(seed("003").read_text(encoding="utf-8")).split("\n")
    assert out[42] == ("مراعاة للظروف الحالية الناجمة عن وباء COVID 19، وبالنظر للقرارات الجديدة الصادرة عن "
                       "اللجنة")


def test_a_bracket_pair_is_read_on_its_own_and_moves_as_one_piece():
    """Seed 001 line 97: the two runs inside the brackets are read in their own order, and the
    bracketed piece moves whole; line 276: endings in brackets written against their words
    («المخاطب)ة(», mirrored) stay with them."""
    out = normalize_text(seed("001").read_text(encoding="utf-8")).split("\n")
    assert out[96] == "• حكامة لجنة الإشراف (باقتراح من ممثل الائتلاف المغربي من أجل المناخ والتنمية المستدامة)"
    assert "المخاطب(ة)" in out[275] and "الرسمي(ة)" in out[275]


def test_a_title_stands_before_the_name():
    """Seed 001 lines 44 and 75: «السيدة» is a class of its own for the word model (titles
    before names, which the clean text's words never predict)."""
    out = normalize_text(seed("001").read_text(encoding="utf-8")).split("\n")
    assert out[43] == "• السيدة هاجر الشرقاوي، الوزارة المنتدبة المكلفة بالميزانية؛"
    assert out[74] == "• السيدة هدنة بناني، الجمعية الديمقراطية لنساء المغرب."


def test_line_running_on_with_latin_text_first_is_a_left_to_right_paragraph():
    """Seed 003 lines 139 and 152 run on from «… بالبيئة»: «(SIEDD)» at the raw left is the
    logical start (bidi rule P2: the first strong letter is Latin), the Arabic rest follows
    with its runs reversed. After a closed line (line 9, after «مكان الاجتماع:») Latin text
    at the raw left is the line's end, as in any right-to-left paragraph."""
    out = normalize_text(seed("003").read_text(encoding="utf-8")).split("\n")
    assert out[138] == "(SIEDD) الخاصة بالجهات 3"
    assert out[151] == "(SIEDD) على مستوى"
    assert out[8] == "اجتماع عن بعد عبر تقنية vidéo-conférence"


def test_the_document_s_own_word_pairs_help_read_its_other_lines():
    """A cache model: «تقييم منهجية» stands on other lines of seed 000, so line 35 (laid out
    word by word) reads «تقييم منهجية أثر/وقع مختلف الالتزامات.»; a line's own pairs never
    count for it."""
    from normalizers.lm import DocumentModel, model

    doc = DocumentModel(model(), ["البرمجة الجديدة للأنشطة", "سيتم تحديد البرمجة الجديدة"])
    base = model().logp("البرمجه", "الجديده")
    assert doc.logp("البرمجه", "الجديده") > base
    assert doc.reading("البرمجة الجديدة للأنشطة").logp("البرمجه", "الجديده") > base  # seen on the other line
    alone = DocumentModel(model(), ["البرمجة الجديدة للأنشطة"]).reading("البرمجة الجديدة للأنشطة")
    assert alone.logp("البرمجه", "الجديده") == base
    out = _normalized("000")
    assert out[34] == "تقييم منهجية أثر/وقع مختلف الالتزامات."


def test_three_words_the_document_writes_together_are_read_together():
    """A three-word phrase the document writes on another line is evidence beyond its two
    pairs: seed 000 writes «دليل لجنة الاشراف» on line 79, so line 110
    (``لجنة الاشرافدليل تخصيص … لمراجعة وإغناء.``) reads «… لمراجعة وإغناء دليل لجنة الاشراف.»,
    not «دليل تخصيص … وإغناء لجنة الاشراف.». A mark ends a phrase; a line's own triples never
    count for it."""
    from normalizers.lm import DocumentModel, model, word_triples

    assert word_triples("مقتضيات دليل لجنة الاشراف، يمكن مراجعة كل") == [
        ("مقتضيات", "دليل", "لجنه"), ("دليل", "لجنه", "الاشراف"), ("يمكن", "مراجعه", "كل")]
    lines = ["مقتضيات دليل لجنة الاشراف", "مراجعة دليل لجنة الاشراف"]
    triple = ("دليل", "لجنه", "الاشراف")
    assert DocumentModel(model(), lines).reading(lines[0]).triple_bonus(*triple) > 0  # seen on the other line
    assert DocumentModel(model(), lines[:1]).reading(lines[0]).triple_bonus(*triple) == 0
    assert not hasattr(model(), "triple_bonus")  # the general model knows no document
    out = _normalized("000")
    assert out[109] == "تخصيص الاجتماع المقبل للجنة لمراجعة وإغناء دليل لجنة الاشراف."


def test_a_list_item_opens_like_the_document_s_other_items():
    """A document's list items open alike: with the same word («• السيد …») or with a
    derived verbal noun («• تكليف …», «• إرسال …»). An item line's first word is scored by
    the document's other items, a paragraph's is not. Seed 001 line 254
    (``ومعالجة إعداد ونشر … بتجميع  •``) reads «• إعداد ونشر … بتجميع ومعالجة», the next line
    going on «ونشر واستعمال المعطيات المفتوحة»."""
    from normalizers.lm import VERBAL_NOUN, DocumentModel, item_pairs, model

    assert all(VERBAL_NOUN.match(text_key(w)) for w in ["تكليف", "إرسال", "اعتماد", "استكمال", "تقوية", "تعاون"])
    assert not any(VERBAL_NOUN.match(text_key(w)) for w in ["الاجتماع", "رؤساء", "دون", "ومعالجة", "السيد"])
    assert item_pairs("• تكليف السيد سعيد") == [("<item>", "تكليف"), ("<item-shape>", "masdar")]
    assert item_pairs("3. السيد سعيد") == [("<item>", "السيد"), ("<item-shape>", "other")]
    assert item_pairs("تكليف السيد سعيد") == []  # not an item
    lines = ["• تكليف السيد سعيد بالتتبع؛", "• إرسال الاستمارة؛", "• تشكيل فريق عمل؛", "• تنظيم لقاء؛",
             "• السيد أنس بوزيان", "• السيد حمزة بلخياط", "• السيد خالد المنصوري", "• تغيير عدد من المخاطبين؛",
             "تغيير البرنامج"]
    doc = DocumentModel(model(), lines)
    item, paragraph = doc.reading(lines[-2]), doc.reading(lines[-1])
    base = model()
    gain = lambda m, w: m.logp("<s>", text_key(w)) - base.logp("<s>", text_key(w))
    assert gain(item, "تغيير") > 0 > gain(item, "دون")  # the items open with verbal nouns
    assert gain(item, "السيد") > 0  # three other items open with it
    assert gain(paragraph, "تغيير") == gain(paragraph, "السيد") == 0  # a paragraph is no item
    # a line's own first word does not count for it
    assert gain(doc.reading(lines[4]), "السيد") < gain(item, "السيد")
    out = normalize_text(seed("001").read_text(encoding="utf-8")).split("\n")
    assert out[253] == "• إعداد ونشر الدلائل المرجعية الضرورية المتعلقة بتجميع ومعالجة"


def test_latin_text_and_an_arabic_word_beside_it_are_two_runs():
    """Latin text and the Arabic word beside it are runs of two directions: a line read in runs
    parts them, however often the document writes the Arabic words that would otherwise come
    together (seed 001's «تصميم آلية التشاور», around line 130's gloss); a line of one run
    still reads as written."""
    from normalizers.lm import DocumentModel, model
    from normalizers.pieces import Vocabulary, doc_pairs, doc_vocabulary
    from normalizers.runs import prepare_line, read_prepared

    line = "آلية التشاور مستدامة تتلاءم مع السياق conception) تصميم ) •"
    lines = ["• لا يوجد تقدم في تصميم آلية التشاور", "• تصميم آلية التشاور مع المجتمع المدني", line]
    vocab = Vocabulary(model(), doc_vocabulary(lines), doc_pairs(lines))
    doc = DocumentModel(model(), lines).reading(line)
    assert read_prepared(prepare_line(line, vocab), "<s>", None, doc) == \
        "• تصميم (conception) آلية التشاور مستدامة تتلاءم مع السياق"
    assert repair_runs("مبادرة Open Government Partnership سنة 2011") == "مبادرة Open Government Partnership سنة 2011"


def test_an_arabic_word_typed_against_the_bracket_closing_latin_text_starts_a_run():
    """``(visioconférence)مكان الاجتماع: …`` (the space lost where the runs meet) parts the
    Latin text's closing bracket and the Arabic word after it, however much the word model
    favours them together, as where a space parts them; an Arabic word typed before the
    bracket that opens Latin text is as written (seed 000's ``المنفتحة(Open Government)،``)."""
    from normalizers.lm import model
    from normalizers.runs import best_reading

    class Favouring:  # a word model that reads «) مكان» as a phrase
        def __getattr__(self, name):
            return getattr(model(), name)

        def logp(self, a, b):
            return model().logp(a, b) + (30.0 if (a, b) == (")", "مكان") else 0.0)

    atoms = atoms_of("(visioconférence)مكان الاجتماع: اجتماع عن بعد عبر تقنية المناظرة المرئية")
    groups = best_reading(atoms, Favouring(), "<s>", "</s>")
    assert not any(2 in g and 3 in g for g in groups)  # «)» and «مكان» in two runs
    assert repair_runs("(visioconférence)مكان الاجتماع: اجتماع عن بعد عبر تقنية المناظرة المرئية ") == \
        "مكان الاجتماع: اجتماع عن بعد عبر تقنية المناظرة المرئية (visioconférence)"
    out = _normalized("000")
    assert out[18] == "الأسبوع العالمي للحكومة المنفتحة (Open Government)،"
    assert out[60] == "الأسبوع العالمي للحكومة المنفتحة (Open Government):"


def test_two_pieces_make_a_word_the_document_writes_elsewhere(shared):
    """A word the document writes on its other lines (corpus dev_04's «الجدولة», three times)
    is a whole two pieces of a cut word may make, though the clean text lacks it and each
    piece is a word of its own («الجد», «وله»)."""
    from normalizers.lm import held_out_model
    from normalizers.pieces import Vocabulary, doc_pairs, doc_vocabulary
    from normalizers.runs import cut_word_pairs

    lines = (shared / "corpus" / "gold" / "dev_04.txt").read_text(encoding="utf-8").split("\n")
    vocab = Vocabulary(held_out_model(lines), doc_vocabulary(lines), doc_pairs(lines))
    atoms = atoms_of("؛التقرير ولة الزمنية المقترحة لإعداداعتماد الجد •")
    assert not vocab.whole_word("الجدوله") and vocab.real("الجد") and vocab.real("وله")
    assert (6, 2) in cut_word_pairs(atoms, vocab)  # «الجد» + «ولة»
    assert (6, 2) not in cut_word_pairs(atoms, Vocabulary(held_out_model(lines)))  # a document without it


def test_a_lone_teh_marbuta_is_a_piece_of_the_word_it_ends(shared):
    """A lone ة is no word: it is the end of a word a run boundary cut, and may join any
    piece it makes a word of (corpus dev_01's «المتأخرة», rarer than a common word; «وبحصيلة»,
    a word with its proclitic), where a lone letter of another kind needs a common whole."""
    from normalizers.lm import held_out_model
    from normalizers.pieces import Vocabulary
    from normalizers.runs import cut_word_pairs

    lines = (shared / "corpus" / "gold" / "dev_01.txt").read_text(encoding="utf-8").split("\n")
    vocab = Vocabulary(held_out_model(lines))
    for line, piece in (("ة قصد موافاة الوزارة بالالتزامات المتأخر •", "المتأخر"),
                        ("؛ة خطة العمل الوطنية الثانية وبحصيل التعريف •", "وبحصيل")):
        atoms = atoms_of(line)
        texts = [a.text for a in atoms]
        assert (texts.index(piece), texts.index("ة")) in cut_word_pairs(atoms, vocab), line
    atoms = atoms_of("ت قصد موافاة الوزارة بالالتزامات المتأخر •")  # «المتأخرت» is no word
    assert not any(j == 0 for _, j in cut_word_pairs(atoms, vocab))


def test_a_word_of_the_lexicon_keeps_the_letters_it_ends_with(shared):
    """A word the lexicon has, rare there and unknown to the clean text, keeps the letters it
    ends with (corpus dev_01's «مذكرا», the accusative alef; the name «بوزيان») rather than
    give them to a common word they would make another of («انطلاق» -> «انطلاقا», «أنس» ->
    «إنسان»); a string that is no word still gives its letter to the piece it completes
    (dev_04's «التقريرة»: the ة of «الزمنية»)."""
    from normalizers.lm import held_out_model
    from normalizers.pieces import Vocabulary, doc_pairs, doc_vocabulary, split_glued

    def split(stem: str, raw: str) -> list[str]:
        lines = (shared / "corpus" / "gold" / f"{stem}.txt").read_text(encoding="utf-8").split("\n")
        vocab = Vocabulary(held_out_model(lines), doc_vocabulary([raw]), doc_pairs([raw]))
        return [a.text for a in split_glued(atoms_of(raw), vocab)]

    words = split("dev_01", "، مذكرا بأهمية هذا الاجتماع الذي يأتي بعد مرور حوالي سنة على انطلاق تنفيذ")
    assert "مذكرا" in words and "مذكر" not in words
    words = split("dev_01", ".بوزيان، جمعية شباب من أجل المشاركة المواطنة السيد أنس •")
    assert "بوزيان" in words and "ان" not in words
    assert "ة" in split("dev_04", "؛المقترحة لإعداد التقريرة اعتماد الجدولة الزمني •")


def test_a_word_the_document_writes_before_a_number_keeps_it_there():
    """Seed 003 writes «نونبر» before a number on its other lines, so its line 167, laid out
    ``2020 نونبر``, reads «نونبر 2020». Such a pair counts less than a pair of words, not for a
    function word («إلى 12» of a range), and not across a line break, where the number belongs
    to no phrase of the line before (seed 001's «المفتوحة» / «يوليوز 2023» stays so)."""
    from normalizers.lm import DocumentModel, model

    doc = DocumentModel(model(), ["لم يتم التوصل برد 9 قطاعات", "من 12 إلى 30 شتنبر"])
    assert doc.logp("برد", "<num>") > model().logp("برد", "<num>")
    assert doc.word_logp("برد", "<num>") == model().word_logp("برد", "<num>")  # across a line break
    assert doc.logp("الي", "<num>") == model().logp("الي", "<num>")
    out = normalize_text(seed("003").read_text(encoding="utf-8")).split("\n")
    assert out[166].strip() == "نونبر 2020"
    assert normalize_text(seed("001").read_text(encoding="utf-8")).split("\n")[588].strip() == "يوليوز 2023"


def test_run_reading_never_raises_on_backwards_letters():
    """pdfplumber's text of dev_01 (letters backwards) given to the run reading itself, line by
    line: its fragment repair once raised on a piece with no completion."""
    import pdfplumber

    from normalizers.chars import clean_chars
    from normalizers.lm import model
    from normalizers.pieces import Vocabulary, doc_vocabulary

    with pdfplumber.open(RAW / "dev_01.chromium.pdf") as pdf:
        lines = [clean_chars(l, collapse=False) for p in pdf.pages for l in (p.extract_text() or "").split("\n")]
    vocab = Vocabulary(model(), doc_vocabulary(lines))
    assert all(isinstance(repair_runs(l, vocab), str) for l in lines)


def test_word_with_a_proclitic_unknown_to_the_clean_text_is_scored_as_its_stem():
    """«بنسبة» never occurs in the shipped clean text, «نسبة» does: the model reads it as its
    stem, so the table cells «% 100 بنسبة الالتزام تنفيذ» of seed 003 come out in order."""
    from normalizers.lm import model, text_key

    m = model()
    assert m.uni.get(text_key("بنسبة"), 0) == 0 and m.backoff_key(text_key("بنسبة")) == text_key("نسبة")
    assert m.backoff_key(text_key("الالتزام")) == text_key("الالتزام")  # known words as they are
    out = normalize_text(seed("003").read_text(encoding="utf-8")).split("\n")
    assert out[66] == "تنفيذ الالتزام بنسبة 100%" and out[96] == "تنفيذ الالتزام بنسبة 65%"


def test_urls_and_addresses_stay_whole():
    """A domain name, URL or e-mail address is one left-to-right unit of a visual line, never
    cut at its dots (seed 003 line 164: «chafafiya.ma» glued to the word after it)."""
    from normalizers.lm import atoms_of

    lines = seed("003").read_text(encoding="utf-8").split("\n")
    assert repair_runs(lines[163]) == "البوابة chafafiya.ma بكافة"
    for unit in ("contact@mmsp.gov.ma", "https://www.ogp.ma/ar/page", "www.chafafiya.ma"):
        got = atoms_of(f"راسلونا على {unit}، شكرا")
        assert [(a.text, a.kind) for a in got][2:4] == [(unit, "lat"), ("،", "p")]
    assert [a.text for a in atoms_of("2020.)")] == ["2020", ".", ")"]


def test_the_word_model_learns_how_list_items_start():
    """A list item's marker (• - 3.) is set apart before reading, so the clean text's
    items teach the model their first words: «السيد» opens an item."""
    from normalizers.lm import BigramModel

    lm = BigramModel(["• السيد أحمد بلقاضي، رئيس المشروع", "3. تنظيم لقاء", "- السيدة نزهة"])
    assert lm.bi[("<s>", "السيد")] == lm.bi[("<s>", "تنظيم")] == lm.bi[("<s>", "السيده")] == 1
    assert lm.bi[("<s>", "•")] == lm.bi[("<s>", "-")] == 0


def test_justified_lines_laid_out_word_by_word_are_read_in_a_logical_document():
    """Seed 004 is logical text but for its justified lines, which its producer wrote word
    by word, two spaces apart and in visual order («وتكريس  التشاركية  …  بين  ومن»): those
    are read (their pieces in reverse order, a mark after a number or a bracket put right),
    and every other line keeps its order (its mirrored brackets put right: ``)OGP(``)."""
    from normalizers.chars import clean_chars_keeping_continuations
    from normalizers.repair import repair_text
    from normalizers.runs import shows_cut_words, word_spaced

    raw = seed("004").read_text(encoding="utf-8").split("\n")
    repaired, cleaned = repair_text(raw)
    spaced = [i for i, line in enumerate(raw) if word_spaced(line)]
    assert len(spaced) >= 40
    unbracketed = str.maketrans("", "", "()")
    assert all(repaired[i].translate(unbracketed) == cleaned[i].translate(unbracketed)
               for i in range(len(raw))
               if i not in spaced and not shows_cut_words(clean_chars_keeping_continuations(raw[i]))
               and not re.search(r"(?:^|\s)[.،]\d", raw[i]))  # a mark laid out before its number (see below)
    assert sum(repaired[i] != cleaned[i] for i in spaced) >= 0.9 * len(spaced)
    assert repaired[11] == "ومن بين الإصلاحات الهامة، ورش ترسيخ قيم الديمقراطية التشاركية وتكريس"
    assert repaired[29] == "انخرطت فيها الحكومة المغربية في أبريل 2018. وتهدف هذه المبادرة، التي تم"
    assert repaired[286] == "القانون التنظيمي للجهات خاصة المواد المتعلقة بالتعاون الدولي"
    assert repaired[1010] == "إبراز أهم المشاكل السياسية، الاقتصادية والاجتماعية"
    assert repaired[1088] == "توصيف المشكلة هل هي سياسية أو اجتماعية أو"
    # a piece of its own, ``)66( السادسة والستين``, holds two runs: the number's and the words'
    assert repaired[31] == "إطلاقها بمناسبة انعقاد الدورة السادسة والستين (66) للجمعية العامة للأمم"


def test_a_line_is_laid_out_word_by_word_when_most_of_its_gaps_are_wide():
    from normalizers.runs import word_spaced

    assert word_spaced("المدة؛  الذاتي لمنتصف  التقييم")
    assert word_spaced("والبيئية  التي  ستعالجها  خطة  العمل.")
    assert not word_spaced("وتكريس التشاركية  الديمقراطية قيم ترسيخ")  # one wide gap of four
    assert not word_spaced("الالتزام   نسبة الإنجاز الإجمالية ملاحظات")  # one wide gap
    assert not word_spaced("عدد المشاركين   35   29   64")  # a table row of figures
    assert word_spaced("2019  شتنبر  30  في  حرر بالرباط")  # a date is no such row
    # a short line with one wide gap of two, its item's end mark at the raw start (seed 004)
    assert word_spaced("عليها. والمصادقة  المنفتحة") and word_spaced("القرار؟ على  للتأثير")
    assert not word_spaced("المنفتحة. والمصادقة عليها") and not word_spaced("المكان: قاعة  الاجتماعات")


def test_a_short_line_laid_out_word_by_word_is_read_where_its_end_mark_shows_it():
    """Seed 004's short last lines of an item, three words laid out word by word with one wide
    gap (``عليهــا. والمصادقــة  المنفتحــة``): the item's end mark at the raw start shows them,
    and they are read (a table row's cells never end so: no stronger margin)."""
    from normalizers.runs import cell_like

    assert not cell_like("عليها. والمصادقة  المنفتحة") and cell_like("الالتزام   نسبة الإنجاز")
    repaired = _seed_004_repaired()
    assert repaired[176] == "المحلي للحكومة المنفتحة؛"
    assert repaired[748] == "المنفتحة والمصادقة عليها."
    assert repaired[1045] == "للتأثير على القرار؟"


def test_a_logical_document_s_lines_with_cut_words_are_read():
    """Seed 004's producer also wrote a few lines as the minutes' producer does, runs in
    visual order and words cut at their boundaries (``ــة؛ السياســات والخدمــات العمومي``):
    a lone letter that is no word of its own shows them, and they are read; list labels and a
    preposition before a colon are no such letters."""
    from normalizers.repair import repair_text
    from normalizers.runs import shows_cut_words

    raw = seed("004").read_text(encoding="utf-8").split("\n")
    repaired, cleaned = repair_text(raw)
    assert shows_cut_words(cleaned[166])
    assert repaired[166] == "السياسات والخدمات العمومية؛"
    assert repaired[220] == "تم إنشاء وحدة الدعم لمبادرة الشراكة من أجل الحكومة المفتوحة لتوفير التوجيه"
    assert repaired[1015] == "توضيح مسار إعداد الخطة مركزا على المقاربة التشاركية"
    assert not shows_cut_words("2 - أ")
    assert not shows_cut_words("خطة عمل الحكومة المغربية المنفتحة، المنشورة ب :")
    assert not shows_cut_words("السيد و السيدة")


def test_document_evidence_from_second_readings():
    """The document's own word pairs are taken once more from its second readings: seed
    000's item «تنظيم دورة تكوينية … لفائدة أعضاء لجنتي» reads in place once the lines
    around it are read right (from the first readings alone it began «لفائدة أعضاء لجنتي»)."""
    lines = seed("000").read_text(encoding="utf-8").split("\n")
    out = repair_text_lines(lines)
    assert _squash(out[53]) == _squash(
        "تنظيم دورة تكوينية حول تقنيات تنشيط وتدبير ورشات الصياغة التشاركية لفائدة أعضاء لجنتي")


def test_a_comma_typed_against_its_word_stays_in_that_word_s_run():
    """A comma written against a word, then a space, may end a run but is not parted from its
    word, also where the word follows a fragment of a cut word at the raw start (seed 000:
    ``ري المشاريع، أعضاء لجنة بمددراسة …``, whose «مدبري» takes the fragment): the reading
    is «… مع مدبري المشاريع، أعضاء لجنة», not «مدبري، أعضاء لجنة المشاريع» nor «مدبري
    أعضاء لجنة المشاريع،»."""
    lines = seed("000").read_text(encoding="utf-8").split("\n")
    out = repair_text_lines(lines)
    assert _squash(out[89]) == _squash(
        "دراسة كيفية تحديد مؤشرات تتبع تنفيذ مختلف الالتزامات مع مدبري المشاريع، أعضاء لجنة")


def test_a_list_item_s_marker_is_set_apart_when_a_line_as_written_is_scored():
    """A logical line is weighed against its word-by-word reading as the model learned lines:
    a list item's marker («3.», «•») set apart, its first word starting the item; scored as
    words, «<s> 3 . تخصيص» made the line as written look unlikely next to a reading that
    ends «… 3.», and random wide gaps in numbered items had them read backwards."""
    from normalizers.lm import model
    from normalizers.runs import line_score

    item = "تخصيص حصة من ميزانية الاستثمار الجماعية لمشاريع يقترحها المواطنون"
    for marker in ("3.", "•", "12-"):
        assert line_score(f"{marker} {item}", model(), "<s>", "</s>") == line_score(item, model(), "<s>", "</s>")



def test_a_name_of_two_words_is_not_read_as_the_pieces_of_one():
    """«عبد العزيز» (seed 001 line 56) is two words, not the pieces of «عبدالعزيز» that a run
    boundary cut, whose neighbours would be scored against the whole word («السيد
    عبدالعزيز»): the general corpus writes them apart far more often. The pieces of «الوزارة»
    (``الو`` … ``زارة``) are still one word."""
    from normalizers.lm import model
    from normalizers.pieces import Vocabulary
    from normalizers.runs import cut_word_pairs

    vocab = Vocabulary(model())
    assert vocab.written_apart("عبد", "العزيز")
    assert not vocab.written_apart("الو", "زاره")
    assert cut_word_pairs(atoms_of("السيد عبد العزيز الجناتي"), vocab) == frozenset()
    assert cut_word_pairs(atoms_of("الو المعنية زارة"), vocab) == {(0, 2)}


def test_a_comma_against_a_bracket_follows_the_bracketed_stretch():
    """A comma written against the bracket on its left in a visual line (seed 001 line 56:
    ``البيئة  ،)  مشاركة عن بعد) عبد العزيز``) stands between the bracketed stretch and what
    follows it, as a word written against a comma does: a run boundary must be there, and the
    comma reads after the bracket; with a space between them it may go either way."""
    from normalizers.runs import is_forced_seam

    assert is_forced_seam(*atoms_of("،("))
    assert not is_forced_seam(*atoms_of("، ("))
    lines = seed("001").read_text(encoding="utf-8").split("\n")
    assert repair_text_lines(lines)[55] == \
        "• السيد عبد العزيز الجناتي (مشاركة عن بعد)، مرصد حماية البيئة والماثر التاريخية بطنجة؛"


def test_the_document_s_phrases_count_with_their_punctuation():
    """A document repeats its phrases with their marks: seed 001's «(مشاركة عن بعد)،» after
    a name, on several lines, reads the lines where the remark's comma was written against
    another word (``والتنمية، )  مشاركة عن بعد)``) or the name's words stand apart. A pair
    with a mark counts once it is seen twice (a comma meets «بعد» by chance); a percent sign
    is part of its number, not of a phrase."""
    from normalizers.lm import DocumentModel, model, word_pairs

    assert (")", "،") in word_pairs("السيد يوسف ربحي (مشاركة عن بعد)، حركة بدائل مواطنة؛")
    assert not any("%" in pair for pair in word_pairs("تعزيز الولوج الى المعلومات 93%"))
    doc = DocumentModel(model(), ["(عن بعد)، جمعية", "(عن بعد)، حركة"])
    assert doc.logp(")", "،") > model().logp(")", "،")
    assert DocumentModel(model(), ["(عن بعد)، جمعية"]).logp(")", "،") == model().logp(")", "،")
    lines = seed("001").read_text(encoding="utf-8").split("\n")
    out = repair_text_lines(lines)
    assert out[65] == "• السيد احمد انجار (مشاركة عن بعد)، جمعية لبيرات للرياضة والتنمية؛"
    assert out[66] == "• السيد رزوقي الميلود (مشاركة عن بعد)، جمعية التعاون للتنمية والثقافة؛"
    assert out[68] == "• السيد سعيد شكري (مشاركة عن بعد)، الائتلاف المغربي من أجل المناخ والتنمية المستدامة؛"


def test_a_date_written_in_its_own_order_stays_whole():
    """«الثلاثاء 28 مارس 2023» (seed 001 line 19, a visual document's date line typed in
    place) is one unit: a weekday before its day, a day before its month, a month before its
    year (also written together, ``ماي2023``) is the date's own order, which a visual line
    lays out the other way (seed 003's «2020 نونبر» is «نونبر 2020»; seed 000's
    ``2020فبراير  12الأربعاء``)."""
    from normalizers.runs import in_date_order

    for written in ("الثلاثاء 28", "28 مارس", "مارس 2023", "شتنبر ٢٠٢٢", "ماي2023"):
        assert in_date_order(*atoms_of(written))
    for laid_out in ("2020 نونبر", "فبراير 12", "28  مارس", "مارس 28", "2023 2023", "2020فبراير", "الإدارة2020"):
        assert not in_date_order(*atoms_of(laid_out))
    lines = seed("001").read_text(encoding="utf-8").split("\n")
    out = repair_text_lines(lines)
    assert out[18] == "الثلاثاء 28 مارس 2023"
    # a schedule row, its period typed with the year against the month: ``ابريل – ماي2023 استكمال …``
    assert "ابريل – ماي 2023" in out[576] and "استكمال ترجمة الأنشطة المنجزة" in out[576]
    lines = seed("003").read_text(encoding="utf-8").split("\n")
    assert repair_text_lines(lines)[166] == "نونبر 2020"
    lines = seed("000").read_text(encoding="utf-8").split("\n")
    assert _squash(repair_text_lines(lines)[2]).startswith("الأربعاء 12 فبراير 2020")


def test_a_line_s_last_word_is_read_before_the_number_set_after_it():
    """A visual line opens with its percentage (``% 75 بنسبةإنجاز التهيئة``, seed 003 line
    214): read back, the number closes the line, so the word read last stands before it, and
    the document's own «بنسبة NN%» (its commitments' «تنفيذ الالتزام بنسبة …») decides which
    word that is. The pair counts at half weight: it must not tear a run as written, «إلى
    المواقع الالكترونية 90%» (seed 001 line 321), for the pull of «إلى» towards a number."""
    out = repair_text_lines(seed("003").read_text(encoding="utf-8").split("\n"))
    assert out[213] == "إنجاز التهيئة بنسبة 75%"
    out = repair_text_lines(seed("001").read_text(encoding="utf-8").split("\n"))
    assert out[320] == "إلى المواقع الالكترونية 90%"


def test_a_percentage_typed_sign_after_number_at_the_raw_end_ends_the_line():
    """Seed 001 draws a percentage in visual order with its sign on the number's left (``%80
    أعضائها``); one typed sign after number at the raw end, a table cell of its own after its
    row's text (``تعزيز تفعيل الحق في الحصول  91%``), was never reversed and ends the line. The
    words before it run on to the next line, which follows them and not the number (line 287
    «النساء في الحياة العامة» after «النهوض بالمساواة ومشاركة  42%»); the row's line itself
    need not go on from the line before, another column's (line 459 after «… التي تقدمها •»)."""
    from normalizers.runs import _edge_punct

    lead, core, trail = _edge_punct(atoms_of("تعزيز تفعيل الحق في الحصول  91%"))
    assert [a.text for a in trail] == ["91", "%"] and core[-1].text == "الحصول"
    raw = seed("001").read_text(encoding="utf-8").split("\n")
    out = repair_text_lines(raw)
    cells = [k for k, line in enumerate(raw) if re.search(r"[\u0621-\u064a]\s{2,}[0-9]+%\s*$", line)]
    assert len(cells) >= 10
    assert [out[k].split()[-1] for k in cells] == [raw[k].split()[-1] for k in cells]
    assert out[284] == "النهوض بالمساواة ومشاركة 42%"
    assert out[286] == "النساء في الحياة العامة"
    assert out[458] == "إرساء آليات لتعزيز شفافية 56%"


def test_a_line_whose_only_sign_is_its_displaced_full_stop_keeps_its_numbers_in_place():
    """``.العمل الوطنية للحكومة المنفتحة للفترة 2021-2023 في الأجال المحددة`` (seed 001 line
    113): its one sign of visual order is the full stop at the raw start and its words are
    whole, so it may be logical text as typed; its number is likely, not surely, a run of its
    own, and the document's «للفترة 2021-2023» keeps it in place. A line whose words were cut
    at the runs' edges (``.الباقية 9 جهاتال``, seed 003 line 153) has its number set apart."""
    from normalizers.runs import pieces_apart

    atoms = atoms_of("للفترة 2021-2023 في")
    assert [a.cut_before for a in pieces_apart(atoms)] == [False, True, False, False, True]
    soft = pieces_apart(atoms, numbers_apart=False)
    assert [a.apart_before for a in soft] == [False, True, False, False, True]
    assert not any(a.cut_before for a in soft)
    out = repair_text_lines(seed("001").read_text(encoding="utf-8").split("\n"))
    assert out[112] == "العمل الوطنية للحكومة المنفتحة للفترة 2021-2023 في الأجال المحددة."
    out = repair_text_lines(seed("003").read_text(encoding="utf-8").split("\n"))
    assert out[152] == "الجهات 9 الباقية."


def test_a_lone_bracket_typed_against_a_word_at_a_raw_edge_takes_the_hand_typing_gives_it():
    """An opening bracket is typed against the word after it, a closing one against the word
    before it. ``)الإعداد المنفتحة  للحكومة …`` (seed 001 line 610): the bracket closes on the
    next line («… المشترك والتقييم المشترك).»); drawn mirrored against the word it opens, it
    is «(الإعداد» at the logical end, not «…المنفتحة)الإعداد». A «(» there is the line's own
    closing bracket, as before (``(كلمة …`` is «… كلمة)»). At the raw end, ``%30وحدات
    تكوينية(`` (line 435) closes what the line before opened: «وحدات تكوينية) 30%»; a «)»
    there is already a closing one («… والتقييم المشترك).», line 612)."""
    from normalizers.runs import _edge_punct

    lead, core, trail = _edge_punct(atoms_of(")الإعداد المنفتحة للحكومة"))
    assert [a.text for a in core][:2] == ["(", "الإعداد"] and not trail
    lead, core, trail = _edge_punct(atoms_of("(الإعداد المنفتحة للحكومة"))
    assert [a.text for a in trail] == ["("] and core[0].text == "الإعداد"
    out = repair_text_lines(seed("001").read_text(encoding="utf-8").split("\n"))
    assert out[609].endswith("لدورة خطة العمل الوطنية للحكومة المنفتحة (الإعداد")
    assert out[611] == "المشترك والتنفيذ المشترك والتقييم المشترك)."
    assert out[434] == "وحدات تكوينية) 30%"
    lead, core, trail = _edge_punct(atoms_of("وحدات تكوينية("))
    assert [a.text for a in core] == ["وحدات", "تكوينية", ")"]


def test_a_number_line_s_marks_are_read_back_in_order():
    """A line of a visual document that is a number and its marks (``2020.)``, seed 003 line
    117: the bracket opened on line 115 closes before the full stop) has its marks drawn in
    reverse, right to left: «2020).». A single mark, or marks already in a typed order,
    stay."""
    out = repair_text_lines(seed("003").read_text(encoding="utf-8").split("\n"))
    assert out[116] == "2020)."
    assert out[88] == "2020،"
    assert normalize_text(normalize_text(seed("003").read_text(encoding="utf-8"))).split("\n")[116] == "2020)."


def test_the_word_a_line_runs_on_from_is_not_its_bracketed_ending():
    """The context of the line after «تغيير على مستوى المخاطب(ة) الرسمي(ة)» (seed 001 line
    276) is «الرسمي», not the «ة» of its ending in brackets; a bracketed word stays one."""
    from normalizers.runs import _last_word

    assert _last_word("تغيير على مستوى المخاطب(ة) الرسمي(ة)") == text_key("الرسمي")
    assert _last_word("للحكومة المنفتحة (الإعداد") == text_key("الإعداد")
    assert _last_word("لجنة التتبع.") == "<s>"


@lru_cache(maxsize=1)
def _seed_004_repaired() -> tuple[str, ...]:
    """Seed 004 repaired as ``normalize`` repairs it, line for line."""
    from normalizers.repair import repair_text

    return tuple(repair_text(seed("004").read_text(encoding="utf-8").split("\n"))[0])


def test_the_end_of_a_word_a_kashida_split_goes_back_on_the_word_it_ends():
    """Seed 004's producer draws a kashida-justified line in pieces, in visual order, and
    splits a word at its stretch: the second piece opens with the tatweel (``ــة ومبتكرة عب
    ومتجاوب``). That piece starts a run and goes on the piece whose word it completes, read
    before it: «ومتجاوبة ومبتكرة عبر». Where several pieces could take it, the reading picks
    (``ــر ومستجيبا  ــر العمومي … أكث ــد التدبي …``: «التدبير العمومي … أكثر ومستجيبا»)."""
    atoms = atoms_of("\u0640ر ومستجيبا  \u0640ر العمومي أكث")
    assert [a.text for a in atoms] == ["ر", "ومستجيبا", "ر", "العمومي", "أكث"]
    assert [a.continues for a in atoms] == [True, False, True, False, False]
    assert atoms[2].wide_before and not atoms[2].cut_before
    assert not atoms_of("كلمة\u0640ر")[1].continues  # a stretch inside a word opens no piece
    repaired = _seed_004_repaired()
    assert repaired[7] == "الديمقراطية من أجل تجويد التدبير العمومي بشكل يجعله منفتحا أكثر ومستجيبا"
    assert repaired[99] == "ومتجاوبة ومبتكرة عبر تعزيز التعاون والشفافية والمشاركة المواطنة."
    assert repaired[156] == "التزام الجهة المعنية بالوفاء بقيم ومعايير مبادرة الشراكة من أجل الحكومة المنفتحة"
    assert repaired[194] == "يجب على الجهات الأعضاء في البرنامج المحلي لمبادرة الشراكة من أجل الحكومة"
    assert repaired[1001] == "المجتمع المدني."


def test_a_lone_bracket_typed_against_the_word_before_it_closes_that_word_s_run():
    """Seed 004 line 1023, ``ــرام المشاركة المواطنة( احت``: the line's one bracket, typed
    against «المواطنة» with a space after it, is the mirrored «)» that closes that word's run,
    not a piece of its own: «احترام المشاركة المواطنة)». Typed against the word after it
    (``22)المقبل``), it is still a piece of its own."""
    atoms = mirror_lone_brackets(atoms_of("رام المشاركة المواطنة( احت"))
    assert [(a.text, a.cut_before) for a in atoms[2:]] == [("المواطنة", False), (")", False), ("احت", True)]
    assert [(a.text, a.cut_before) for a in mirror_lone_brackets(atoms_of("22)المقبل الاجتماع"))[:3]] == \
        [("22", False), ("(", True), ("المقبل", True)]
    repaired = _seed_004_repaired()
    assert repaired[1022] == "احترام المشاركة المواطنة)"


def test_a_stray_piece_and_a_word_make_a_name_the_general_corpus_writes():
    """Seed 003 line 30, ``،12 بالالتزامئيسة المشروع المكلفة ر  ر،امالسيدة هجر بنع -``: the name
    «بنعامر» comes in three pieces. ``بنع`` is no word at all, and with «امر» it makes a word
    the general corpus writes (three times): the two are read as one, as a stray piece and a
    common word are."""
    from normalizers.lm import model
    from normalizers.pieces import Vocabulary
    from normalizers.runs import cut_word_pairs

    vocab = Vocabulary(model())
    atoms = atoms_of("امر، السيدة هجر بنع")
    assert (4, 0) in cut_word_pairs(atoms, vocab)
    assert (2, 0) not in cut_word_pairs(atoms, vocab)  # two words: «السيدة» is no stray piece
    lines = seed("003").read_text(encoding="utf-8").split("\n")
    assert _squash(repair_text_lines(lines)[29]) == "- السيدة هجر بنعامر، رئيسة المشروع المكلفة بالالتزام 12،"


def test_a_logical_document_s_line_with_a_mark_laid_out_before_its_number_is_read():
    """Seed 004 is logical, but two of its lines came out in visual order, the mark after a
    number laid out on its left (``.2020 انضمت … في أكتوبر``; ``… دعم   ،2011 المتحدة في سنة``):
    such a line is read as a damaged one, the mark set back after its number; a conjunction
    glued after the number (``،3و``, «و3،») keeps the pair as it is. In pdftotext's text without
    its marks, whose left-to-right stretches are displaced whole, ``bidi.resolve_displaced``
    puts them right instead (see ``test_other_extractions``)."""
    from normalizers.runs import marks_after_numbers

    swapped = marks_after_numbers(atoms_of("دعم   ،2011 المتحدة"))
    assert [(a.text, a.space_before) for a in swapped] == \
        [("دعم", False), ("2011", True), ("،", False), ("المتحدة", True)]
    assert marks_after_numbers(atoms_of("المكلفة ،3و 2")) == atoms_of("المكلفة ،3و 2")
    repaired = _seed_004_repaired()
    assert repaired[33] == "المتحدة في سنة 2011، إلى تشجيع دعم الحكومات لتصبح أكثر انفتاحا وإشراكا"
    assert repaired[43] == "انضمت جهة طنجة تطوان الحسيمة للبرنامج المذكور في أكتوبر 2020."


def _held_out_vocab(shared, doc: str):
    from normalizers.lm import held_out_model
    from normalizers.pieces import Vocabulary

    text = (shared / "corpus" / "gold" / f"{doc}.txt").read_text(encoding="utf-8")
    return Vocabulary(held_out_model(text.split("\n")), {})


def test_an_ending_in_brackets_is_no_fragment_of_its_word(shared):
    """«إعلامي(ة)» (a table cell of corpus dev_03, its clean text held out): the bracketed
    ending stays in its brackets, never given to the word (``() إعلامية``)."""
    vocab = _held_out_vocab(shared, "dev_03")
    assert repair_runs("إعلامي(ة)", vocab) == "إعلامي(ة)"
    assert repair_runs("الصحفي(ة) أو إعلامي(ة)", vocab) == "الصحفي(ة) أو إعلامي(ة)"


def test_a_name_and_a_word_of_the_genre_keep_their_letters(shared):
    """A letter is not taken off a name the lexicon lacks to make a word only its ه-spelling
    knows («أنكاد» -> «أ» + «نكاد», «عمالة» -> «أعمالة», read as «أعماله»), and a word the
    general corpus writes hundreds of times is not cut for a fragment («إكراهات» -> «إكرا» +
    «هات», given to «في» as «هاتفي»): corpus dev_03 and dev_02, their clean text held out."""
    assert repair_runs("عمالة وجدة أنكاد", _held_out_vocab(shared, "dev_03")) == "عمالة وجدة أنكاد"
    out = repair_runs("تأخر في إطلاق البوابة بسبب إكراهات تقنية", _held_out_vocab(shared, "dev_02"))
    assert sorted(out.split()) == sorted("تأخر في إطلاق البوابة بسبب إكراهات تقنية".split())


def test_a_slash_between_two_words_stays_between_them(shared):
    """A slash with spaces around it between two Arabic words is a bidi neutral between two
    right-to-left letters, like a dash: it stays in their run («العمالة / الإقليم», a table
    header of corpus dev_03, its clean text held out, between the cells around it)."""
    vocab = _held_out_vocab(shared, "dev_03")
    assert repair_runs("العمالة / الإقليم", vocab) == "العمالة / الإقليم"
    assert repair_runs("العمالة / الإقليم", vocab, left="والاقليم", right="عدد") == "العمالة / الإقليم"


def test_a_governing_word_ends_no_clause(shared):
    """A preposition, particle or «كل» governs the word after it: no comma, semicolon or full
    stop follows it (``… وانعكاسه على؛``, ``الإبقاء على، واحد``). Lines of corpus dev_01 and
    dev_02, their clean text held out, in visual order as other tools extract them."""
    dev_01 = _held_out_vocab(shared, "dev_01")
    assert repair_runs("؛برمجة الأنشطة المرتبطة بها تأخر إصدار بعض النصوص التطبيقية وانعكاسه على •", dev_01) \
        == "• تأخر إصدار بعض النصوص التطبيقية وانعكاسه على برمجة الأنشطة المرتبطة بها؛"
    assert repair_runs(".دعت الضرورة إلى ذلك مع إمكانية عقد اجتماعات استثنائية كلما ، واحد كل ثلاثة "
                       "أشهروتيرة اجتماع  الاتفاق على الإبقاء علىتم ", dev_01) \
        == "تم الاتفاق على الإبقاء على وتيرة اجتماع واحد كل ثلاثة أشهر، مع إمكانية عقد اجتماعات " \
           "استثنائية كلما دعت الضرورة إلى ذلك."
    out = repair_runs(".بين الالتزاماتمع تفاوت ملحوظ  ، 60%ي بلغ حوالالإنجاز للالتزامات المعروضة  ط نسبةمتوس "
                      "أنمريم التازي السيدة المحينة من المصالح المعنية. وسجلت", _held_out_vocab(shared, "dev_02"))
    assert out.endswith("الإنجاز للالتزامات المعروضة بلغ حوالي 60%، مع تفاوت ملحوظ بين الالتزامات.")
    # a colon may follow one (a list it governs), and the name «علي» is no «على»
    assert repair_runs(":يهدف هذا الدليل إلى", dev_01) == "يهدف هذا الدليل إلى:"
    words = atoms_of("على إلى الى وفي فإن كل علي آلي والي كلية")
    assert [governs(a) for a in words] == [True] * 6 + [False] * 4


def test_a_mark_laid_out_before_its_number_goes_back_after_it(shared):
    """A full stop or colon after a number inside a right-to-left line takes the line's
    direction (the bidi algorithm's rule N1): the three producers of the corpus PDFs draw
    «… يونيو 2019. ويلخص …» as ``ويلخص .2019 وينوي``, the mark on the number's left, and text
    extracted run by run keeps it there, the word before the number typed against it. Lines
    of corpus dev_01 and dev_02 (a table cell), their clean text held out."""
    assert repair_runs("الجدول التالي ويلخص .2019يونيو  27نقطة مقارنة بالاجتماع السابق المنعقد بتاريخ  12بحوالي ",
                       _held_out_vocab(shared, "dev_01")) \
        == "بحوالي 12 نقطة مقارنة بالاجتماع السابق المنعقد بتاريخ 27 يونيو 2019. ويلخص الجدول التالي"
    dev_02 = _held_out_vocab(shared, "dev_02")
    assert repair_runs("نشر المعطيات المتعلقة بتنفيذ :1الالتزام ", dev_02) == "الالتزام 1: نشر المعطيات المتعلقة بتنفيذ"
    assert repair_runs("إرساء آلية لإشراك المواطنين :2الالتزام ", dev_02) == "الالتزام 2: إرساء آلية لإشراك المواطنين"


def test_a_mark_typed_at_the_raw_end_may_end_the_line(shared):
    """The seeds' producer types a line's closing mark against the end of its first run now
    and then, at the raw end (seed 000: ``للحكومة المنفتحة إحداث منتدى المجتمع المدني،``), or
    before an item's bullet there (seed 001: ``… وإصلاح الإدارة؛  •``); a colon so typed, or a
    mark before the bullet, is read as the line's end as well as its word's own («الورشة
    الأولى: …»), and the likelier stands. Lines of corpus dev_01 and dev_02, their clean
    text held out."""
    assert repair_runs("كما هو مبين في الجدول التالي ،الالتزامات التي يشرف عليها: ", _held_out_vocab(shared, "dev_02")) \
        == "الالتزامات التي يشرف عليها، كما هو مبين في الجدول التالي:"
    dev_01 = _held_out_vocab(shared, "dev_01")
    assert repair_runs("عليهاالنقاط المتفق: ", dev_01) == "النقاط المتفق عليها:"
    assert repair_runs(" الورشة الأولى: الميزانية", dev_01) == "الورشة الأولى: الميزانية"
    assert repair_runs("والمالية السيدة سلوى بنشقرون، إطار بمديرية الميزانية، وزارة الاقتصاد؛  •", dev_01) \
        == "• السيدة سلوى بنشقرون، إطار بمديرية الميزانية، وزارة الاقتصاد والمالية؛"
    assert repair_runs("أصوات المواطنة بالجهة الشرقيةجمعية.  •", dev_01) == "• جمعية أصوات المواطنة بالجهة الشرقية."


def test_a_lone_bracket_beside_a_pair_around_latin_text_is_read_as_mirrored(shared):
    """The seeds' producer writes a bracket of right-to-left text as its mirrored glyph's code
    (``)على الساعة الثانية بعد الزوال(``) and a pair around Latin text as typed (``(OGP)``).
    So in ``)عن (ADD)التنمية الرقمية …`` (dev_01's item wrapped inside «(عن بعد)», its clean
    text held out) the pair «(ADD)» is no partner of the lone ``)``: that one still opens «(عن»
    at the line's logical end, and the pair, a left-to-right run, stands apart from the word
    before it. An opening bracket stays with the word typed after it, as a closing mark does
    with the word before it (seed 004: ``و4(. … رقم )الملاحق الدليل``, «الدليل (الملاحق رقم …»)."""
    line = ")عن (ADD)التنمية الرقمية  السيد محمد أمين الزياني، رئيس مصلحة المعطيات المفتوحة، وكالة •"
    assert repair_runs(line, _held_out_vocab(shared, "dev_01"), None, "بعد") == \
        "• السيد محمد أمين الزياني، رئيس مصلحة المعطيات المفتوحة، وكالة التنمية الرقمية (ADD) (عن"
    assert "المرفقة بهذا الدليل (الملاحق رقم 1،" in _seed_004_repaired()[515]


def test_a_colon_inside_the_raw_line_does_not_end_it(shared):
    """Visual order lays a line's closing mark out at the raw start or types it against the raw
    end; a colon with words on both sides and a space after it stands inside the line (seed 003:
    ``خلال  : سيتمالتكوينتقييم -``, «- تقييم التكوين: سيتم خلال»). ``المحلية الورشة الأولى:
    الميزانية …`` (corpus dev_03, its clean text held out) is «الورشة الأولى: الميزانية …
    المحلية», not «الميزانية … المحلية الورشة الأولى:», which the clean text's many headings
    ending in a colon favour."""
    vocab = _held_out_vocab(shared, "dev_03")
    assert repair_runs("المحلية الورشة الأولى: الميزانية التشاركية والشفافية المالية", vocab) == \
        "الورشة الأولى: الميزانية التشاركية والشفافية المالية المحلية"
    out = repair_text_lines(seed("003").read_text(encoding="utf-8").split("\n"))
    assert out[89] == "- تقييم التكوين: سيتم خلال"
