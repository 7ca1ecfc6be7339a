"""Arabic search, reading while ingest runs, and the HTML report rendered in headless Chromium."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipeline import warehouse
from pipeline.run import ingest
from pipeline.search import normalize_ar, search
from tests.conftest import RAW, ROOT, build_warehouse

SAMPLE = ["001_347b79a32b4e4382.txt", "002_fc4b61ce10306ee2.txt", "dev_01.libreoffice.pdf", "dev_04.chromium.pdf"]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_warehouse(tmp_path_factory, SAMPLE)


def test_normalization_folds_spelling_variants():
    assert normalize_ar("الإجتماعات") == normalize_ar("الاجتماعات")
    assert normalize_ar("المنفتحـــة") == normalize_ar("المنفتحه")
    assert normalize_ar("والمشاركون") == normalize_ar("المشاركون")


def test_search_finds_inflected_and_differently_spelled_forms(db: Path):
    con = warehouse.connect(db, read_only=True)
    # "اجتماع" finds "الاجتماع المقبل" / "الاجتماعات" (decision of dev_04, agenda of dev_01)
    hits = search(con, "اجتماع")
    texts = " ".join(h.text for h in hits)
    assert "الاجتماع المقبل" in texts and "الاجتماعات المقبلة" in texts
    # hamza-less and teh-marbuta-less spelling of "إطلاق البوابة" still finds the note
    assert any("إطلاق البوابة" in h.text for h in search(con, "اطلاق البوابه"))
    # every hit says where it comes from
    assert all(h.document and h.page and h.line_start for h in hits)
    con.close()


def test_search_command_prints_meeting_date_and_provenance(db: Path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    r = CliRunner().invoke(app, ["search", "الموظفين", "--kind", "proposal", "--warehouse", str(db)])
    assert r.exit_code == 0, r.output
    line = r.output.splitlines()[0]
    assert line[:4].isdigit() and " p." in line and " l." in line


def test_reader_queries_while_ingest_runs(tmp_path: Path):
    """A second process queries the published warehouse while `mahdar ingest` writes."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for n in ("dev_04.libreoffice.pdf", "000_12d8bbe9cabf2811.txt"):
        shutil.copy(RAW / n, raw / n)
    db = tmp_path / "w.duckdb"
    ingest([raw], db)
    for n in ("dev_01.libreoffice.pdf", "dev_01.chromium.pdf", "dev_03.libreoffice.pdf", "dev_03.chromium.pdf"):
        shutil.copy(RAW / n, raw / n)
    mahdar = Path(sys.executable).with_name("mahdar")
    proc = subprocess.Popen([str(mahdar), "ingest", str(raw), "--warehouse", str(db), "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ.copy())
    reads = 0
    try:
        while proc.poll() is None and reads < 500:
            con = duckdb.connect(str(db), read_only=True)
            n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
            assert n >= 2
            reads += 1
            time.sleep(0.02)
    finally:
        out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    assert reads >= 3
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 6
    con.close()


def test_second_writer_is_refused(tmp_path: Path):
    db = tmp_path / "w.duckdb"
    with warehouse.publishing_writer(db):
        with pytest.raises(warehouse.WriterBusy):
            with warehouse.publishing_writer(db):
                pass


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="chromium not installed")
def test_report_renders_in_headless_chromium(db: Path, tmp_path: Path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    assert CHROMIUM, "chromium must be installed in CI (make test installs it)"
    out = tmp_path / "report.html"
    r = CliRunner().invoke(app, ["report", "--out", str(out), "--warehouse", str(db)])
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert 'dir="rtl"' in page and "<script src=" not in page  # right to left, self-contained
    shot = ROOT / "docs" / "report-screenshot.png" if os.environ.get("MAHDAR_SAVE_SCREENSHOT") else tmp_path / "shot.png"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=8000", "--window-size=1280,2400"]
    log = subprocess.run([CHROMIUM, *flags, "--enable-logging=stderr", "--v=0", "--dump-dom", out.as_uri()],
                         capture_output=True, text=True, timeout=120)
    console_errors = [l for l in log.stderr.splitlines() if "CONSOLE" in l and ("Error" in l or "error" in l)]
    assert not console_errors, console_errors
    dom = log.stdout
    assert dom.count('class="main-svg"') >= 3, "plotly charts did not render"
    assert "تقدم إنجاز الالتزامات" in dom
    subprocess.run([CHROMIUM, *flags, f"--screenshot={shot}", out.as_uri()], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 20_000
