"""Property tests: repair never raises, is idempotent on its own output, keeps Latin and digits."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.chars import clean_chars
from normalizers.repair import fix_brackets, normalize_text, reorder_visual_text

arabic = st.text(alphabet=st.characters(min_codepoint=0x0621, max_codepoint=0x064A), min_size=1, max_size=8)
latin = st.from_regex(r"[A-Za-z]{2,8}", fullmatch=True)
number = st.from_regex(r"[0-9]{1,4}", fullmatch=True)
punct = st.sampled_from(["،", ".", ":", "(", ")", "-", "%", "؛"])
token = st.one_of(arabic, arabic, arabic, latin, number, punct)
line = st.lists(token, min_size=1, max_size=14).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_arbitrary_unicode(text):
    normalize_text(text)
    reorder_visual_text(text)
    clean_chars(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(line, min_size=1, max_size=6))
def test_line_count_preserved_and_idempotent(lines):
    text = "\n".join(lines)
    once = normalize_text(text)
    assert len(once.split("\n")) == len(lines)
    assert normalize_text(once) == normalize_text(normalize_text(once))
    assert clean_chars(clean_chars(text)) == clean_chars(text)
    assert fix_brackets(fix_brackets(text)) in (text, fix_brackets(text))


@settings(max_examples=150, deadline=None)
@given(line)
def test_latin_words_and_digits_preserved(text):
    out = normalize_text(text)
    for word in re.findall(r"[A-Za-z]+", text):
        assert word in out
    assert sorted(re.findall(r"\d", text)) == sorted(re.findall(r"\d", out))


@settings(max_examples=100, deadline=None)
@given(line)
def test_visual_reorder_is_a_permutation(text):
    out = reorder_visual_text(text)
    assert sorted(out) == sorted(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(line, min_size=1, max_size=6))
def test_text_without_visual_damage_passes_unchanged(lines):
    """Visual damage: its signs (``visual_signs``), or what a logical document's line is read
    for (``read_as_damaged``): a lone letter that is no word, the piece of a cut word; edge
    words that make a word (``حبة بر``: «برحبة»); a mark laid out before its number."""
    from normalizers.lm import model
    from normalizers.pieces import Vocabulary
    from normalizers.runs import read_as_damaged, visual_signs

    lines = [clean_chars(l) for l in lines]
    words = Vocabulary(model())
    if not any(visual_signs(l) or read_as_damaged(l, words) for l in lines):
        assert normalize_text("\n".join(lines)) == "\n".join(lines)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(line, st.sampled_from(["%", "% %", "( )", "— %", "1.", "•"])), min_size=1, max_size=8))
def test_other_tools_text_steps_keep_lines_latin_and_digits(lines):
    """The steps for other tools' text (glyph pairs read backwards, words spread apart, signs
    on lines of their own) never raise, keep the text line for line, and leave Latin letters
    and digits as they were."""
    from normalizers.pieces import join_spaced_pieces, unswap_document
    from normalizers.repair import attach_lone_bracket_lines, attach_lone_percent_lines

    def kept(s: str) -> list[str]:
        return sorted(re.findall(r"[A-Za-z0-9]", s))

    for step in (unswap_document, join_spaced_pieces, attach_lone_percent_lines, attach_lone_bracket_lines):
        out = step(lines)
        assert len(out) == len(lines)
        assert kept("".join(out)) == kept("".join(lines))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(line, st.sampled_from(["الفترة", "المرحلة", "رقم", "الالتزام", "نسبة الإنجاز", "10:00 - 11:00",
                                                 "المجموع", "الجنس", "نعم", "72%", "12"])), max_size=20))
def test_text_table_readers_never_raise(texts):
    from extractors.text_tables import (commitments_from_records, programme_from_text, schedule_from_text,
                                        stats_from_text)
    from pipeline.models import Line

    lines = [Line(t, 1, i + 1, t) for i, t in enumerate(texts)]
    commitments_from_records(lines)
    schedule_from_text(lines)
    programme_from_text(lines)
    stats_from_text([("gender", lines)])
