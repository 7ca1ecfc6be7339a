"""Visual -> logical order of glyph rows, including ranges, ligatures and Latin runs."""
from normalizers.bidi import logical_order, reorder_visual
from normalizers.repair import fix_brackets, normalize_percent


def test_arabic_line_is_reversed():
    assert reorder_visual("ةيبرغملا ةكلمملا") == "المملكة المغربية"


def test_numbers_dates_and_ranges_in_logical_place():
    assert reorder_visual("احابص ةرشع ةيداحلا ةعاسلا ىلع 2022 وينوي 22 ءاعبرألا :عامتجالا خيرات") == \
        "تاريخ الاجتماع: الأربعاء 22 يونيو 2022 على الساعة الحادية عشرة صباحا"
    # producers lay a range out as two runs: 2021-2023 is drawn "2023-2021"
    assert reorder_visual("2023-2021 ةحتفنملا ةموكحلل") == "للحكومة المنفتحة 2021-2023"


def test_latin_run_kept_left_to_right():
    assert reorder_visual(")visioconférence( ةيئرملا ةرظانملا") == "المناظرة المرئية (visioconférence)"


def test_multichar_glyph_moves_as_one_unit():
    # a lam-alef glyph whose text is "لا" (KacstOne, Noto Kufi) must not come out "ال"
    units = ["ح", "لا", "ص", "إ", "و"]
    assert "".join(units[i] for i in logical_order(units)) == "وإصلاح"


def test_fix_brackets_and_percent():
    assert fix_brackets("الحكومة المنفتحة )OGP(") == "الحكومة المنفتحة (OGP)"
    assert fix_brackets("(ADD) (عن بعد)") == "(ADD) (عن بعد)"
    assert normalize_percent("إصدار النصوص (%90)") == "إصدار النصوص (90%)"
