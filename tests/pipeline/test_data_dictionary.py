"""docs/warehouse.md and the live schema agree, table by table and column by column."""
import re

from pipeline import warehouse
from tests.conftest import ROOT


def _documented() -> dict[str, set[str]]:
    doc = (ROOT / "docs" / "warehouse.md").read_text(encoding="utf-8")
    tables: dict[str, set[str]] = {}
    current = None
    for line in doc.splitlines():
        m = re.match(r"^## (\w+)(?: \(view\))?\s*$", line)
        if m:
            current = m.group(1)
            tables[current] = set()
            continue
        m = re.match(r"^\| ([a-z_][a-z0-9_, ]*) \|", line)
        if current and m and m.group(1) != "column":
            tables[current].update(c.strip() for c in m.group(1).split(","))
    return tables


def test_dictionary_matches_live_schema(tmp_path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    live = {}
    for (t,) in con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
                            " AND table_catalog = current_database()").fetchall():
        live[t] = {c for (c,) in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [t]).fetchall()}
    con.close()
    assert _documented() == live
