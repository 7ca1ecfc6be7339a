"""The Prefect flow runs with no server set up and loads what the plain path loads."""
import shutil

import duckdb

from flows.ingest_flow import ingest_flow
from tests.conftest import RAW


def test_flow_ingests_and_is_idempotent(tmp_path):
    d = tmp_path / "raw"
    d.mkdir()
    for name in ("000_12d8bbe9cabf2811.txt", "dev_04.chromium.pdf"):
        shutil.copy(RAW / name, d / name)
    (d / "empty.md").write_bytes(b"")
    files = sorted(d.iterdir())
    db = tmp_path / "w.duckdb"
    s = ingest_flow(files, str(db))
    assert len(s.loaded) == 2 and [p.split("/")[-1] for p, _ in s.failed] == ["empty.md"]
    again = ingest_flow(files, str(db))
    assert not again.loaded and len(again.unchanged) == 2
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM runs WHERE status = 'complete'").fetchone()[0] == 2
    con.close()


def test_flow_in_two_processes(tmp_path):
    from flows.ingest_flow import run_flow

    d = tmp_path / "raw"
    d.mkdir()
    for name in ("dev_04.libreoffice.pdf", "dev_04.reportlab.pdf"):
        shutil.copy(RAW / name, d / name)
    s = run_flow(sorted(d.iterdir()), str(tmp_path / "w.duckdb"), workers=2)
    assert len(s.loaded) == 2 and not s.failed
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM schedule").fetchone()[0] == 10
    con.close()
