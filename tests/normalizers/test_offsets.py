"""The offset map leads every repaired word back to its letters in the raw line."""
from pathlib import Path

from normalizers.offsets import offset_map, raw_span
from pipeline.stages import process_file
from tests.conftest import RAW


def _check(path: Path, min_share: float) -> None:
    r = process_file(path)
    mapped = total = 0
    for line in r.text.lines:
        assert len(line.offsets) == len(line.text)
        for i, o in enumerate(line.offsets):
            if o >= 0:
                assert 0 <= o < len(line.raw)
                mapped += 1
        total += sum(ch.isalnum() for ch in line.text)
    assert mapped / total >= min_share


def test_visual_pdf_line_maps_back_through_ligatures():
    r = process_file(RAW / "dev_02.reportlab.pdf")  # presentation forms in visual order
    line = next(l for l in r.text.lines if l.text.startswith("تاريخ الاجتماع"))
    i = line.text.find("الاجتماع")
    start, end = raw_span(line.offsets, i, i + len("الاجتماع"))
    assert line.raw[start:end] == "ﻉﺎﻤﺘﺟﻻﺍ"


def test_reordered_text_line_maps_back():
    raw = "  .وزارة الاقتصاد والمالية وإصلاح الإدارة -قطاع إصلاح الإدارة بمقر  2020فبراير  12الأربعاء "
    fixed = "الأربعاء 12 فبراير 2020 بمقر وزارة الاقتصاد والمالية"
    offs = offset_map(fixed, raw)
    s, e = raw_span(offs, 0, len("الأربعاء"))
    assert raw[s:e] == "الأربعاء"


def test_most_letters_are_mapped_in_real_documents():
    for name in ("dev_01.libreoffice.pdf", "dev_03.chromium.pdf", "dev_04.reportlab.pdf", "003_cef23d5024fd12d8.txt"):
        _check(RAW / name, 0.95)


def test_items_lead_back_to_their_box_on_the_page():
    """The box of a PDF item holds the item's letters (provenance down to page position)."""
    from collections import Counter

    import pdfplumber

    r = process_file(RAW / "dev_04.libreoffice.pdf")
    decisions = r.extraction.data["decisions"]
    provs = r.extraction.provenance["decisions"]
    assert decisions and all(p.bbox for p in provs)
    with pdfplumber.open(RAW / "dev_04.libreoffice.pdf") as pdf:
        page = pdf.pages[provs[0].page - 1]
        for text, p in zip(decisions, provs):
            x0, top, x1, bottom = p.bbox
            assert 0 <= x0 < x1 <= page.width and 0 <= top < bottom <= page.height
            inside = Counter(ch for c in page.chars for ch in c["text"]
                             if x0 - 1 <= (c["x0"] + c["x1"]) / 2 <= x1 + 1
                             and top - 1 <= (c["top"] + c["bottom"]) / 2 <= bottom + 1)
            want = Counter(ch for ch in text if ch.isalpha())
            assert sum((want & inside).values()) >= 0.9 * sum(want.values())
