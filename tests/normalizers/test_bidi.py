"""Visual -> logical order of glyph rows, including ranges, ligatures and Latin runs."""
import os
import shutil
import subprocess

import pytest

from normalizers.bidi import logical_order, reorder_visual
from normalizers.chars import fix_brackets
from normalizers.repair import normalize_percent


def test_arabic_line_is_reversed():
    assert reorder_visual("ةيبرغملا ةكلمملا") == "المملكة المغربية"


def test_numbers_dates_and_ranges_in_logical_place():
    assert reorder_visual("احابص ةرشع ةيداحلا ةعاسلا ىلع 2022 وينوي 22 ءاعبرألا :عامتجالا خيرات") == \
        "تاريخ الاجتماع: الأربعاء 22 يونيو 2022 على الساعة الحادية عشرة صباحا"
    # producers lay a range out as two runs: 2021-2023 is drawn "2023-2021"
    assert reorder_visual("2023-2021 ةحتفنملا ةموكحلل") == "للحكومة المنفتحة 2021-2023"


@pytest.mark.parametrize("logical", [
    "انعقد الاجتماع رقم 3/2024 يوم 15-03-2024 على الساعة 09:30 قبل 30/04/2024.",
    "15-03-2024 هو تاريخ الاجتماع، وقد تقرر تأجيل 2018-2020 إلى الفترة 2021-2023.",
    "نسبة ما بين 20% و35% من مبلغ 1.250.000 درهم، مرجع ISO 2018-2020 للجودة.",
    "2018-2020",
    "انضم المغرب إلى مبادرة Open Government Partnership (OGP) سنة 2018، حسب تقرير OECD (2019).",
    "الفترة ١٢-٣٠ شتنبر ٢٠٢٢ والتاريخ ١٢/٠٩/٢٠٢٢",
])
def test_a_line_laid_out_by_the_display_algorithm_reads_back_as_typed(logical):
    """The inverse of python-bidi's ``get_display`` (the algorithm every producer of the genre
    runs, ReportLab's recipe with it): a slash or colon joins two numbers (3/2024 drawn as
    typed); a dash parts two numbers after an Arabic letter (drawn «2024-2018»), but joins
    European digits that open the paragraph or follow Latin text (``15-03-2024`` in a cell)."""
    from bidi import get_display

    assert reorder_visual(get_display(logical, base_dir="R")) == logical


def test_latin_run_kept_left_to_right():
    assert reorder_visual(")visioconférence( ةيئرملا ةرظانملا") == "المناظرة المرئية (visioconférence)"


def test_multichar_glyph_moves_as_one_unit():
    # a lam-alef glyph whose text is "لا" (KacstOne, Noto Kufi) must not come out "ال"
    units = ["ح", "لا", "ص", "إ", "و"]
    assert "".join(units[i] for i in logical_order(units)) == "وإصلاح"


def test_hyphen_of_a_latin_word_broken_at_the_line_end_stays_with_it():
    """«co-» ends a visual line whose paragraph goes on with «création»: the producer's bidi
    run kept the hyphen in the Latin word (a Chromium line of a wrapped paragraph)."""
    assert reorder_visual("Plateforme de co-) ةيكراشتلا") == "التشاركية )Plateforme de co-"
    assert reorder_visual("COVID-19 ءابو") == "وباء COVID-19"


def test_fix_brackets_and_percent():
    assert fix_brackets("الحكومة المنفتحة )OGP(") == "الحكومة المنفتحة (OGP)"
    assert fix_brackets("(ADD) (عن بعد)") == "(ADD) (عن بعد)"
    assert normalize_percent("إصدار النصوص (%90)") == "إصدار النصوص (90%)"


def test_ranges_low_end_first():
    """Years and times of a range come out in written order whichever way the producer laid
    the two runs out (reportlab draws them already reversed: dev_03's programme, dev_01's
    action plan); dates and unequal numbers are left alone."""
    from normalizers.bidi import order_ranges
    from normalizers.repair import repair_document
    from pipeline.ingest import read_document
    from tests.conftest import RAW

    assert order_ranges("09:30 - 09:00") == "09:00 - 09:30"
    assert order_ranges("(2023-2021)،") == "(2021-2023)،"
    assert order_ranges("12-10-2020") == "12-10-2020" and order_ranges("1-2023") == "1-2023"
    text = repair_document(read_document(RAW / "dev_03.reportlab.pdf")).text
    assert "09:00 - 09:30" in text and "09:30 - 09:00" not in text
    assert "2018-2020" in repair_document(read_document(RAW / "dev_01.reportlab.pdf")).text


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="chromium not installed")
def test_chromium_pdf_with_bracket_pairs_cut_by_line_breaks(tmp_path):
    """A PDF printed here by Chromium (mirrored glyphs in its text layer), whose paragraphs break
    inside brackets and after a Latin word's hyphen: every line reads as typed."""
    assert CHROMIUM, "chromium must be installed in CI (make test installs it)"
    from normalizers.repair import repair_document
    from pipeline.ingest import read_document

    paragraphs = ["تقديم المنصة الإلكترونية للصياغة التشاركية (Plateforme de co-<br>création)، وبرمجة الأنشطة "
                  "المتبقية خلال الأسبوع المقبل (22<br>يونيو 2020).",
                  "وتقرر عقد الاجتماع المقبل (عبر تقنية<br>المناظرة المرئية) في أقرب الآجال."]
    html = ('<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>body {font-family: '
            '"DejaVu Sans", sans-serif; font-size: 12pt} p {width: 9cm}</style></head><body>'
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>")
    (tmp_path / "doc.html").write_text(html, encoding="utf-8")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={tmp_path / 'doc.pdf'}",
                    (tmp_path / "doc.html").as_uri()], capture_output=True, timeout=120, check=True)
    text = " ".join(l.text for l in repair_document(read_document(tmp_path / "doc.pdf")).lines)
    assert text == " ".join(p.replace("<br>", " ") for p in paragraphs)


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="chromium not installed")
def test_dates_and_ranges_of_a_chromium_pdf_read_as_typed_from_the_pdf_and_from_pdftotext(tmp_path):
    """Chromium lays out a date with slashes as typed (3/2024), a range after an Arabic word in
    two runs (2026-2024 on the page), and a dated cell or a line opened by a date as one run
    (15-03-2024), a Latin line keeps its colon between its words (only its full stop is drawn
    at the left), a lone bracket after a number is drawn mirrored (``(1``), a pair holding Latin
    text after Latin text is drawn as typed, in the Latin run (rule N0: «Partnership (OGP)»), and
    Chromium's «ﬁ» ligature is two letters, a number written against Latin letters (2ème) or
    with the Arabic separators (١٢٬٥٠٠) is one run: mahdar's text of the
    PDF, its repair of pdftotext's text of it (logical order, each left-to-right stretch embedded
    as drawn) and of pdfplumber's (visual order) read them all as typed."""
    assert CHROMIUM, "chromium must be installed in CI (make test installs it)"
    from normalizers.repair import normalize_text, repair_document
    from pipeline.ingest import read_document

    paragraphs = ["انعقد الاجتماع رقم 3/2024 يوم 15-03-2024 على الساعة 09:30 قبل 30/04/2024.",
                  "15-03-2024 هو تاريخ المصادقة على برمجة الفترة 2024-2026.",
                  "Plan d'action national 2018-2020 : rapport de suivi.",
                  "1) تحيين المنصة (انظر الملحق)؛ 2) نشر التقرير.",
                  "تم عقد 3 اجتماعات (2 حضورية و1 عن بعد) خلال الفترة.",
                  "انضم المغرب إلى مبادرة Open Government Partnership (OGP) عبر منصة Chafafiya سنة 2018.",
                  "حسب تقرير OECD (2019) فإن المغرب حقق تقدما.",
                  "الدورة 2ème من البرنامج، وبلغ عدد المستفيدين ١٢٬٥٠٠ مستفيد بنسبة ٣٫٥٪ من الساكنة."]
    cells = ["تحيين منصة التتبع", "2018-2020", "15-03-2024", "3/2024"]
    html = ('<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>body {font-family: '
            '"DejaVu Sans", sans-serif; font-size: 12pt} td {padding: 4px 12px}</style></head><body>'
            + "".join(f"<p>{p}</p>" for p in paragraphs)
            + "<table border=1><tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr></table></body></html>")
    (tmp_path / "doc.html").write_text(html, encoding="utf-8")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={tmp_path / 'doc.pdf'}",
                    (tmp_path / "doc.html").as_uri()], capture_output=True, timeout=120, check=True)
    lines = [l.text for l in repair_document(read_document(tmp_path / "doc.pdf")).lines]
    assert lines == paragraphs + [" | ".join(cells)]
    if shutil.which("pdftotext"):
        subprocess.run(["pdftotext", str(tmp_path / "doc.pdf"), str(tmp_path / "doc.txt")], check=True)
        text = [l for l in normalize_text((tmp_path / "doc.txt").read_text(encoding="utf-8")).split("\n") if l.strip()]
        assert text == paragraphs + cells
    # pdfplumber's own text of the page (visual lines; a row's cells run together, so only the paragraphs)
    import pdfplumber

    with pdfplumber.open(tmp_path / "doc.pdf") as pdf:
        visual = "\n".join(page.extract_text() for page in pdf.pages).split("\n")
    assert normalize_text("\n".join(visual)).split("\n")[:len(paragraphs)] == paragraphs

