"""The fast page reader gives exactly what pdfplumber's own page objects give."""
import pdfplumber
import pytest

from pipeline.ingest import page_objects
from tests.conftest import RAW


@pytest.mark.parametrize("name", ["dev_01.chromium.pdf", "dev_02.reportlab.pdf", "dev_03.libreoffice.pdf"])
def test_glyphs_and_shapes_match_pdfplumber(name):
    with pdfplumber.open(RAW / name) as pdf:
        for page in pdf.pages:
            glyphs, shapes = page_objects(page)
            want = [(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["size"], c["fontname"])
                    for c in page.chars if c["upright"]]
            assert [tuple(g) for g in glyphs] == want
            for kind, objs in (("line", page.lines), ("rect", page.rects), ("curve", page.curves)):
                assert [(o["x0"], o["top"], o["x1"], o["bottom"]) for o in shapes.get(kind, [])] == \
                    [(o["x0"], o["top"], o["x1"], o["bottom"]) for o in objs]
