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
