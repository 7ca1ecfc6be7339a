"""Every query of docs/cookbook.md runs on a warehouse of the sample archive and returns rows."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, build_warehouse

QUERIES = re.findall(r"```sql\n(.*?)```", (ROOT / "docs" / "cookbook.md").read_text(encoding="utf-8"), re.S)
SAMPLE = ["001_347b79a32b4e4382.txt", "002_fc4b61ce10306ee2.txt", "dev_01.libreoffice.pdf", "dev_02.chromium.pdf",
          "dev_03.reportlab.pdf", "dev_04.libreoffice.pdf"]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_warehouse(tmp_path_factory, SAMPLE)


def test_cookbook_has_ten_queries():
    assert len(QUERIES) >= 10


@pytest.mark.parametrize("sql", QUERIES, ids=[f"q{i + 1}" for i in range(len(QUERIES))])
def test_query_returns_rows(db: Path, sql: str):
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(sql).fetchall()
    con.close()
    assert rows, sql


def test_arabic_out_of_the_duckdb_cli(db: Path):
    cli = shutil.which("duckdb", path=str(Path(ROOT / ".venv" / "bin"))) or shutil.which("duckdb")
    if cli is None:
        pytest.skip("duckdb CLI not installed")
    out = subprocess.run([cli, "-readonly", "-csv", str(db), "-c",
                          "SELECT decision FROM v_decisions WHERE decision LIKE '%منصة التتبع%' LIMIT 1"],
                         capture_output=True, text=True, check=True).stdout
    assert "منصة التتبع" in out
