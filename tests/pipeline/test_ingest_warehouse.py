"""End to end on real files: readers, warehouse load, idempotence, bad input, exports."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import jsonschema
import pytest

from pipeline import warehouse
from pipeline.ingest import ReadError, SkipFile, decode_text, read_document
from pipeline.run import ingest
from tests.conftest import RAW, SHARED

SAMPLE = ["000_12d8bbe9cabf2811.txt", "002_fc4b61ce10306ee2.txt", "dev_02.libreoffice.pdf", "dev_04.reportlab.pdf"]


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    d = tmp_path / "raw"
    d.mkdir()
    for name in SAMPLE:
        shutil.copy(RAW / name, d / name)
    return d


def _entity_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return warehouse.row_counts(con)
    finally:
        con.close()


def test_reader_keeps_pages_and_glyph_positions():
    doc = read_document(RAW / "dev_01.libreoffice.pdf")
    assert doc.page_count == 4 and [p.number for p in doc.pages] == [1, 2, 3, 4]
    first = doc.pages[0].lines[0]
    assert first.glyphs and first.glyphs[0].x1 >= first.glyphs[0].x0 and first.bbox is not None


def test_legacy_encoding_is_detected():
    text = "تاريخ الاجتماع: الخميس 26 شتنبر 2019، على الساعة الثالثة بعد الزوال.\n" * 3
    decoded, enc = decode_text(text.encode("cp1256"))
    assert decoded == text and enc.replace("-", "_").lower() in ("cp1256", "windows_1256")


def test_a_few_nul_characters_in_text_are_dropped_but_binary_is_refused(tmp_path: Path):
    """pdfplumber writes a glyph it cannot name as NUL: such text is read, NULs dropped; a
    file that is mostly NULs and other bytes is binary."""
    import pdfplumber

    with pdfplumber.open(RAW / "dev_01.chromium.pdf") as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "\x00" in text
    decoded, _ = decode_text(text.encode("utf-8"))
    assert "\x00" not in decoded and len(decoded) == len(text) - text.count("\x00")
    with pytest.raises(ReadError, match="binary"):
        decode_text(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR\x00\x01\x02" * 400)


def test_bad_inputs_raise_clear_errors(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer<<>>\n%%EOF")
    (tmp_path / "fake.pdf").write_text("not a pdf at all", encoding="utf-8")
    (tmp_path / "table.xlsx").write_bytes(b"PK\x03\x04")
    with pytest.raises(ReadError, match="empty"):
        read_document(tmp_path / "empty.txt")
    with pytest.raises(ReadError, match="corrupt|no pages"):
        read_document(tmp_path / "broken.pdf")
    with pytest.raises(ReadError, match="not a PDF"):
        read_document(tmp_path / "fake.pdf")
    with pytest.raises(SkipFile, match="unsupported"):
        read_document(tmp_path / "table.xlsx")


def test_encrypted_huge_and_mislabelled_files(tmp_path: Path):
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    for page in PdfReader(RAW / "dev_04.libreoffice.pdf").pages:
        w.add_page(page)
    w.encrypt("secret")
    w.write(tmp_path / "locked.pdf")
    with pytest.raises(ReadError, match="encrypted PDF"):
        read_document(tmp_path / "locked.pdf")
    shutil.copy(RAW / "dev_04.libreoffice.pdf", tmp_path / "report.txt")
    with pytest.raises(ReadError, match="mislabelled"):
        read_document(tmp_path / "report.txt")
    with pytest.raises(ReadError, match="too large"):
        read_document(RAW / "dev_01.scan.pdf", max_bytes=100_000)
    s = ingest([tmp_path], tmp_path / "w.duckdb", max_bytes=10_000_000)
    assert sorted((Path(p).name, why.split(":")[0]) for p, why in s.failed) == [
        ("locked.pdf", "encrypted PDF (password required)"), ("report.txt", "mislabelled file")]


def test_ingest_twice_changes_nothing(archive: Path, tmp_path: Path):
    db = tmp_path / "w.duckdb"
    first = ingest([archive], db)
    assert len(first.loaded) == len(SAMPLE) and not first.failed
    counts = _entity_counts(db)
    assert counts["documents"] == len(SAMPLE) and counts["participants"] > 0 and counts["commitments"] > 0
    second = ingest([archive], db)
    assert not second.loaded and len(second.unchanged) == len(SAMPLE)
    assert _entity_counts(db) == counts


def test_changed_stage_code_re_extracts_unchanged_files(archive: Path, tmp_path: Path, monkeypatch):
    """A release whose repair or extraction code differs re-extracts every document once,
    replacing its rows (no duplicates); the run records the version it ran."""
    import duckdb

    from pipeline import version, warehouse

    db = tmp_path / "w.duckdb"
    ingest([archive], db)
    counts = _entity_counts(db)
    assert version.extraction_version().startswith("0.") and "+" in version.extraction_version()
    monkeypatch.setattr(warehouse, "extraction_version", lambda: "9.9.9+changed")
    again = ingest([archive], db)
    assert len(again.loaded) == len(SAMPLE) and not again.unchanged
    assert _entity_counts(db) == counts
    with duckdb.connect(str(db), read_only=True) as con:
        assert {r[0] for r in con.execute("SELECT pipeline_version FROM documents").fetchall()} == {"9.9.9+changed"}


def test_bad_files_recorded_and_the_rest_loads(archive: Path, tmp_path: Path):
    (archive / "empty.txt").write_bytes(b"")
    (archive / "corrupt.pdf").write_bytes(b"%PDF-1.7\n%garbage\x00\x01\x02 not a real pdf")
    shutil.copy(RAW / "dev_04.scan.pdf", archive / "scan.pdf")
    (archive / "notes.docx").write_bytes(b"PK")
    db = tmp_path / "w.duckdb"
    s = ingest([archive], db)
    assert sorted(Path(p).name for p in s.loaded) == sorted(SAMPLE)
    failed = {Path(p).name: why for p, why in s.failed}
    assert set(failed) == {"empty.txt", "corrupt.pdf"}
    assert "empty" in failed["empty.txt"] and "corrupt" in failed["corrupt.pdf"]
    assert [(Path(p).name, "OCR" in why) for p, why in s.needs_ocr] == [("scan.pdf", True)]
    assert [Path(p).name for p, _ in s.skipped] == ["notes.docx"]
    con = duckdb.connect(str(db), read_only=True)
    errs = {Path(r[0]).name: r[1] for r in con.execute("SELECT path, kind FROM errors").fetchall()}
    run = con.execute("SELECT status, loaded, failed FROM runs").fetchone()
    con.close()
    assert errs["empty.txt"] == "error" and errs["notes.docx"] == "skipped" and errs["scan.pdf"] == "needs_ocr"
    assert run[0] == "complete" and run[1] == len(SAMPLE)


def test_changed_file_replaces_its_extraction(archive: Path, tmp_path: Path):
    db = tmp_path / "w.duckdb"
    ingest([archive], db)
    before = _entity_counts(db)
    target = archive / "000_12d8bbe9cabf2811.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    s = ingest([archive], db)
    assert [Path(p).name for p in s.loaded] == [target.name]
    after = _entity_counts(db)
    assert after["documents"] == before["documents"]
    assert after["decisions"] == before["decisions"] and after["agenda_items"] == before["agenda_items"]


def test_failed_load_leaves_previous_rows(archive: Path, tmp_path: Path, monkeypatch):
    db = tmp_path / "w.duckdb"
    ingest([archive], db)
    before = _entity_counts(db)
    target = archive / "002_fc4b61ce10306ee2.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nسطر إضافي\n", encoding="utf-8")
    real_insert = warehouse._insert

    def boom(con, table, rows):
        if table == "proposals":
            raise RuntimeError("disk full")
        return real_insert(con, table, rows)

    monkeypatch.setattr(warehouse, "_insert", boom)
    s = ingest([archive], db)
    assert [Path(p).name for p, _ in s.failed] == [target.name]
    assert _entity_counts(db) == before


def test_exports_follow_the_contract(archive: Path, tmp_path: Path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    db = tmp_path / "w.duckdb"
    ingest([archive], db)
    schema_path = SHARED / "contract" / "document.schema.json"
    if not schema_path.exists():
        pytest.skip("contract not beside the checkout")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    runner = CliRunner()
    out = tmp_path / "json"
    r = runner.invoke(app, ["export", "--out", str(out), "--warehouse", str(db)])
    assert r.exit_code == 0, r.output
    files = sorted(out.glob("*.json"))
    assert [f.stem for f in files] == sorted(Path(n).stem for n in SAMPLE)
    for f in files:
        jsonschema.validate(json.loads(f.read_text(encoding="utf-8")), schema)
    for fmt in ("parquet", "csv"):
        r = runner.invoke(app, ["export", "--format", fmt, "--out", str(tmp_path / fmt), "--warehouse", str(db)])
        assert r.exit_code == 0, r.output
        assert (tmp_path / fmt / f"participants.{fmt}").exists()
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM '{(tmp_path / 'parquet' / 'documents.parquet').as_posix()}'").fetchone()[0]
    assert n == len(SAMPLE)


def test_every_entity_row_has_provenance(archive: Path, tmp_path: Path):
    db = tmp_path / "w.duckdb"
    ingest([archive], db)
    con = duckdb.connect(str(db), read_only=True)
    for t in ("agenda_items", "decisions", "commitments", "participants"):
        missing = con.execute(f"SELECT count(*) FROM {t} WHERE page IS NULL OR line_start IS NULL OR doc_id IS NULL").fetchone()[0]
        assert missing == 0, t
    con.close()
