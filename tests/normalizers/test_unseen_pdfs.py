"""PDFs of new text that the repair was never tuned on (``tests/data/unseen``, made by its
``make.py``: the seeds' hand-made readings laid out as minutes with a list and a ruled table,
printed by Chromium or exported by LibreOffice from a Word document): read as written."""
import re
import unicodedata
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

from normalizers.repair import repair_document
from pipeline.ingest import read_document

UNSEEN = Path(__file__).resolve().parents[1] / "data" / "unseen"


def _canonical(text: str) -> str:
    """The benchmark's form: NFKC, no tatweel or diacritics, no table bars or bullets."""
    text = re.sub("[\u064b-\u065f\u0670\u0640]", "", unicodedata.normalize("NFKC", text))
    return " ".join(text.replace("|", " ").replace("•", " ").split())


def _read(name: str):
    return repair_document(read_document(UNSEEN / name))


@pytest.mark.parametrize("name", ["x_amiri.libreoffice.pdf", "x_naskh.libreoffice.pdf", "x_kufi.chromium.pdf"])
def test_unseen_pdf_reads_as_written(name):
    gold = _canonical((UNSEEN / f"{name.split('.')[0]}.txt").read_text(encoding="utf-8"))
    got = _canonical(_read(name).text)
    assert Levenshtein.distance(got, gold) / len(gold) <= 0.001


def test_word_symbol_bullets_and_ligature_junk():
    """LibreOffice gives Word's list bullets as the Symbol font's private-use U+F0B7 and an
    Amiri ligature as a stray «á» inside the word (إلáكتروني)."""
    text = _read("x_amiri.libreoffice.pdf").text
    assert "\uf0b7" not in text and "á" not in text
    assert sum(line.startswith("• ") for line in text.splitlines()) == 6
    assert "الإلكترونية" in text


def test_row_cut_by_a_page_break_is_joined():
    """A row of a table with no repeated header, cut by the page break: its cells on the next
    page carry on the text of the cells above (جدول أعمال | الاجتماع:)."""
    rows = [line.cells for line in _read("x_naskh.libreoffice.pdf").lines if line.cells]
    assert ["جدول أعمال الاجتماع:", "• تقدم إنجاز مختلف الأنشطة المتعلقة بالالتزامات الثمانية عشر،",
            "برمجة التكوين عن بعد ابتداء"] in [[" ".join(c.split()) for c in r] for r in rows]
    assert len(rows) == 10


def test_cells_run_on_only_where_the_text_reads_on():
    from normalizers.rows import cells_run_on

    assert cells_run_on(["جدول أعمال", "• تقدم إنجاز مختلف الأنشطة المتعلقة"], ["الاجتماع:", "بالالتزامات الثمانية"])
    assert not cells_run_on(["لا تقدم منذ الاجتماع الأخير.", "تحيين منصة التتبع"], ["تنفيذ الالتزام", ""])
    assert not cells_run_on(["تحيين منصة التتبع"], ["• إعداد دليل"])


def test_bold_lam_alef_with_a_space_drawn_over_it():
    """LibreOffice writes a bold lam-alef as ل, a zero-width ا and a space over the one glyph:
    read as «لا», with no space (the header of vdev_02, Noto Naskh Arabic bold)."""
    rows = [line.text for line in _read("vdev_02.libreoffice.pdf").lines if line.cells]
    assert "الالتزام | نسبة الإنجاز | تحيين منصة التتبع | ملاحظات" in rows


def test_bold_name_cut_by_a_page_break_stays_whole():
    """A programme row the page break cut right inside the speaker's bold name («تأطير: السيد
    أيوب» / «الشرقاوي»): the name goes on on the same line, the title after it."""
    from pipeline.stages import process_file

    people = process_file(UNSEEN / "vdev_03a.chromium.pdf").extraction.data["participants"]
    assert {"name": "أيوب الشرقاوي", "role": "منسق شبكة جمعيات الشرق للديمقراطية التشاركية"} in \
        [{"name": p["name"], "role": p["role"]} for p in people]


def test_running_header_and_footer_are_dropped():
    """vdev_02 printed with Chromium's running header (title, date) and footer (address, page
    N/M): they leave the text, and the commitment table the page break splits reads whole."""
    from pipeline.stages import process_file

    doc = _read("vdev_02.chromium-headers.pdf")
    assert not any("file://" in line.text or "AM" in line.text.split() for line in doc.lines)
    data = process_file(UNSEEN / "vdev_02.chromium-headers.pdf").extraction.data
    assert len(data["commitments"]) == 11
