"""Arabic full-text search over decisions, agenda items, proposals and commitment notes.

Offline: DuckDB's ``fts`` extension is loaded from the ``duckdb-extension-fts`` wheel
(it cannot be downloaded here), with its Snowball Arabic stemmer. Text is normalized
the same way on both sides before stemming (camel_tools: diacritics, alef/ya/teh-marbuta
variants; tatweel; the conjunction و before ال), so اجتماع finds الاجتماعات and
المشاركين finds والمشاركون.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

_WAW_AL = re.compile(r"(?<![\w])[وف](?=ال)")


def normalize_ar(text: str) -> str:
    """Search form of Arabic text (both indexed text and queries)."""
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                             normalize_teh_marbuta_ar, normalize_unicode)

    t = normalize_unicode(text).replace("\u0640", "")
    t = dediac_ar(t)
    t = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(t)))
    return _WAW_AL.sub("", t)


def fts_extension_path() -> Path:
    import duckdb_extension_fts

    base = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    found = sorted(base.rglob("*.duckdb_extension"))
    if not found:
        raise RuntimeError(f"no fts extension for duckdb {duckdb.__version__} in {base}")
    return found[0]


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"LOAD '{fts_extension_path().as_posix()}'")


SOURCES = (
    ("decision", "SELECT doc_id, idx, text, page, line_start, line_end FROM decisions"),
    ("agenda_item", "SELECT doc_id, idx, text, page, line_start, line_end FROM agenda_items"),
    ("proposal", "SELECT doc_id, idx, text, page, line_start, line_end FROM proposals"),
    ("commitment", "SELECT doc_id, idx, title, page, line_start, line_end FROM commitments WHERE title IS NOT NULL"),
    ("note", "SELECT doc_id, idx, unnest(notes), page, line_start, line_end FROM commitments"),
)


def rebuild_index(con: duckdb.DuckDBPyConnection) -> int:
    """Refill ``search_items`` and rebuild its full-text index; returns the item count."""
    con.execute("DELETE FROM search_items")
    rows = []
    for kind, sql in SOURCES:
        for doc_id, idx, text, page, ls, le in con.execute(sql).fetchall():
            if text:
                rows.append([len(rows), kind, doc_id, idx, text, normalize_ar(text), page, ls, le])
    if rows:
        con.executemany("INSERT INTO search_items VALUES (?,?,?,?,?,?,?,?,?)", rows)
    load_fts(con)
    con.execute("PRAGMA create_fts_index('search_items', 'item_id', 'norm', stemmer='arabic', "
                "stopwords='none', strip_accents=0, overwrite=1)")
    return len(rows)


@dataclass
class Hit:
    score: float
    kind: str
    text: str
    meeting_date: str | None
    document: str
    page: int | None
    line_start: int | None
    line_end: int | None


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int = 20, kind: str | None = None) -> list[Hit]:
    """Best-matching items for ``query`` (BM25 over stemmed, normalized Arabic)."""
    load_fts(con)
    sql = ("SELECT s.score, s.kind, s.text, d.meeting_date, d.stem, s.page, s.line_start, s.line_end FROM "
           "(SELECT *, fts_main_search_items.match_bm25(item_id, ?) AS score FROM search_items) s "
           "JOIN documents d USING (doc_id) WHERE s.score IS NOT NULL")
    params: list = [normalize_ar(query)]
    if kind:
        sql += " AND s.kind = ?"
        params.append(kind)
    sql += " ORDER BY s.score DESC, d.meeting_date LIMIT ?"
    params.append(limit)
    return [Hit(r[0], r[1], r[2], r[3].isoformat() if r[3] else None, r[4], r[5], r[6], r[7])
            for r in con.execute(sql, params).fetchall()]
