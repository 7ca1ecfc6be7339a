"""The CLI: every command is documented in README and has help; normalize and text run for real."""
from __future__ import annotations

import re

from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import RAW, ROOT, seed

runner = CliRunner()


def _commands() -> list[str]:
    r = runner.invoke(app, ["--help"])
    assert r.exit_code == 0
    return sorted({c.name for c in app.registered_commands if c.name} |
                  {c.callback.__name__ for c in app.registered_commands if not c.name})


def test_every_command_has_help_and_is_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _commands():
        r = runner.invoke(app, [name, "--help"])
        assert r.exit_code == 0 and len(r.output) > 80, name
        assert re.search(rf"mahdar {name}\b", readme), f"README does not document `mahdar {name}`"


def test_normalize_is_line_for_line():
    src = seed("000").read_text(encoding="utf-8")
    r = runner.invoke(app, ["normalize", str(seed("000"))])
    assert r.exit_code == 0
    assert len(r.output.split("\n")) == len(src.split("\n"))
    assert "تاريخ ومكان الاجتماع:" not in src and "المشاركون:" in r.output


def test_normalize_says_what_is_wrong_with_its_input(tmp_path):
    r = runner.invoke(app, ["normalize", str(tmp_path / "missing.txt")])
    assert r.exit_code == 2 and "does not exist" in r.output
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" * 50)
    r = runner.invoke(app, ["normalize", str(tmp_path / "image.txt")])
    assert r.exit_code == 2 and "binary" in r.output
    (tmp_path / "legacy.txt").write_bytes("المشاركون:\nالسيد أحمد\n".encode("cp1256"))
    r = runner.invoke(app, ["normalize", str(tmp_path / "legacy.txt")])
    assert r.exit_code == 0 and "المشاركون:" in r.output


def test_text_of_pdf_has_no_presentation_forms(tmp_path):
    r = runner.invoke(app, ["text", str(RAW / "dev_02.reportlab.pdf"), "--out", str(tmp_path)])
    assert r.exit_code == 0, r.output
    text = (tmp_path / "dev_02.reportlab.txt").read_text(encoding="utf-8")
    assert "المملكة المغربية" in text
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufefe]", text)


def test_extract_one_file_to_stdout():
    r = runner.invoke(app, ["extract", str(RAW / "dev_04.libreoffice.pdf")])
    assert r.exit_code == 0, r.output
    assert '"doc": "dev_04.libreoffice"' in r.output and '"2022-09-06"' in r.output


def test_extract_and_text_walk_folders(tmp_path):
    folder = tmp_path / "archive"
    (folder / "2020").mkdir(parents=True)
    (folder / "2020" / "minutes.txt").write_text(seed("000").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "attendance.csv").write_text("name,organization\n", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(folder), "--out", str(tmp_path / "json")])
    assert r.exit_code == 0, r.output
    assert [p.name for p in (tmp_path / "json").iterdir()] == ["minutes.json"]
    assert "attendance.csv: skipped" in r.output
    r = runner.invoke(app, ["text", str(folder), "--out", str(tmp_path / "txt")])
    assert r.exit_code == 0, r.output
    assert "المشاركون:" in (tmp_path / "txt" / "minutes.txt").read_text(encoding="utf-8")
    assert "attendance.csv: skipped" in r.output
    (folder / "empty.txt").write_bytes(b"")
    r = runner.invoke(app, ["extract", str(folder), "--out", str(tmp_path / "json")])
    assert r.exit_code == 1 and "empty.txt: failed" in r.output


def test_ingest_exit_status_and_summary(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "empty.txt").write_bytes(b"")
    (tmp_path / "a" / "ok.txt").write_text(seed("000").read_text(encoding="utf-8"), encoding="utf-8")
    r = runner.invoke(app, ["ingest", str(tmp_path / "a"), "--warehouse", str(tmp_path / "w.duckdb"), "-q"])
    assert r.exit_code == 1
    assert "1 loaded" in r.output and "1 failed" in r.output and "empty.txt" in r.output


def test_reading_commands_explain_a_missing_warehouse(tmp_path):
    for args in (["search", "اجتماع"], ["report", "--out", str(tmp_path / "r.html")], ["export", "--out", str(tmp_path)]):
        r = runner.invoke(app, args + ["--warehouse", str(tmp_path / "none.duckdb")])
        assert r.exit_code == 2 and "mahdar ingest" in r.output
