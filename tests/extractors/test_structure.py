from extractors.structure import match_heading


def test_headings_and_variants():
    assert match_heading("جدول الأعمال:") == ("agenda", "")
    assert match_heading("المشاركـــون") == ("participants", "")
    assert match_heading("3. النقاط المتفق عليها") == ("decisions", "")
    assert match_heading("**خلاصات وقرارات اللقاء**") == ("decisions", "")
    assert match_heading("تاريخ الاجتماع: الخميس 26 شتنبر 2019") == ("date", "الخميس 26 شتنبر 2019")


def test_damaged_heading_matches_by_its_letters():
    assert match_heading("المتداولةط االنق:") == ("discussion", "")
    assert match_heading("الاجتماعتاريخ:") == ("date", "")


def test_running_text_is_not_a_heading():
    assert match_heading("المشاركون في هذا اللقاء عبروا عن ارتياحهم لمستوى النقاش والتنظيم الجيد") is None
