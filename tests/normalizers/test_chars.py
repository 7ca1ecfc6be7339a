"""Each character step on its own, on real strings from the sample archive."""
from normalizers import chars
from tests.conftest import RAW


def test_fold_presentation_forms_keeps_lam_alef_order():
    # reportlab's visual-order text: presentation forms; after reordering "ﻻ" must give لا
    assert chars.fold_presentation_forms("ﺍﻻﻧﺘﻘﺎﻝ") == "الانتقال"
    assert chars.fold_presentation_forms("ﺔﻴﺑﺮﻐﻤﻟﺍ") == "ةيبرغملا"


def test_drop_tatweel_on_hand_typed_heading():
    assert chars.drop_tatweel("المشاركـــون") == "المشاركون"


def test_drop_kashida_latin_only_inside_arabic_words():
    assert chars.drop_kashida_latin("هaaذا الاجتمaاع") == "هذا الاجتماع"
    assert chars.drop_kashida_latin("وكالة التنمية الرقمية (ADD)") == "وكالة التنمية الرقمية (ADD)"
    assert chars.drop_kashida_latin("vidéo-conférence") == "vidéo-conférence"


def test_drop_cid_and_controls():
    assert chars.drop_cid_glyphs("الاجت(cid:21)ماع") == "الاجتماع"
    assert chars.drop_controls("\u202b2022\u202c يونيو") == "2022 يونيو"


def test_western_digits():
    assert chars.western_digits("الثلاثاء ٠٦ شتنبر ٢٠٢٢") == "الثلاثاء 06 شتنبر 2022"


def test_clean_chars_composes_in_order():
    assert chars.clean_chars("  ﺍﻟﻤﺸﺎﺭﻛـــﻮﻥ  ") == "المشاركون"


def test_brackets_drawn_mirrored_are_mirrored_back_in_right_to_left_context():
    """Lines of a Chromium PDF (mirrored glyphs in the text layer): the halves of a pair a line
    break cut, a pair, and a list's lone brackets beside a pair, each mirrored back; a bracket
    between two Latin words is left as it is."""
    from normalizers.chars import mirror_drawn_brackets, unpaired_brackets

    assert unpaired_brackets("(ADD) (عن") == [6]
    assert mirror_drawn_brackets("التشاركية )Plateforme de co-") == "التشاركية (Plateforme de co-"
    assert mirror_drawn_brackets("création(، وبرمجة الأنشطة") == "création)، وبرمجة الأنشطة"
    assert mirror_drawn_brackets("الأسبوع المقبل )22 يونيو") == "الأسبوع المقبل (22 يونيو"
    assert mirror_drawn_brackets("see (a b") == "see (a b"
    assert mirror_drawn_brackets(")OGP( الشراكة") == "(OGP) الشراكة"
    assert mirror_drawn_brackets("1( تحيين المنصة )انظر الملحق(؛ 2( نشر التقرير.") == \
        "1) تحيين المنصة (انظر الملحق)؛ 2) نشر التقرير."


def test_which_pdfs_draw_mirrored_brackets_is_told_from_their_lines():
    """Chromium and ReportLab write the glyph drawn («(OGP)» reads ``(…)`` in the visual line),
    LibreOffice the character typed (``)…(``)."""
    from normalizers.chars import shows_mirrored_brackets
    from pipeline.ingest import read_document

    def visual_lines(name: str) -> list[str]:
        return [l.text for p in read_document(RAW / name).pages for l in p.lines]

    assert shows_mirrored_brackets(visual_lines("dev_01.chromium.pdf"))
    assert shows_mirrored_brackets(visual_lines("dev_03.reportlab.pdf"))
    assert not shows_mirrored_brackets(visual_lines("dev_01.libreoffice.pdf"))


def test_a_tatweel_that_opens_a_word_is_kept_once_and_every_other_is_dropped():
    """Seed 004 line 8: ``ــر ومســتجيبا … أكث ــد التدبي``: the tatweel before «ر» and «د» opens
    the second piece of a word a kashida-justified line split; the stretching inside words goes."""
    line = "ــر ومســتجيبا  ــر العمومــي أكث ــد التدبي ــ 3"
    kept = chars.clean_chars_keeping_continuations(line)
    assert kept == "\u0640ر ومستجيبا  \u0640ر العمومي أكث \u0640د التدبي  3"
    assert chars.drop_tatweel(kept) == chars.clean_chars(line, collapse=False)
    assert chars.clean_chars_keeping_continuations("الاجتمــاع") == "الاجتماع"
