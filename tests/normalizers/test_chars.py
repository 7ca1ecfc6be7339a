"""Each character step on its own, on real strings from the sample archive."""
from normalizers import chars


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
