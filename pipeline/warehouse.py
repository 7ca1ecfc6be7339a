"""The warehouse: schema, the one write path (load one document), runs and errors, export.

Loading a document deletes whatever the warehouse held for the same path or the
same content and inserts the new rows, all in one transaction. DuckDB quirk: after
an error inside a transaction ``commit()`` returns without saving anything, so a
load is verified after commit and raises when its document row is missing.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import shutil
import uuid
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

import duckdb

from pipeline.version import extraction_version
from pipeline.models import Extraction, Provenance, RawDocument, TextDocument

ENTITY_TABLES = ("participants", "absent_organizations", "agenda_items", "commitments", "activities",
                 "decisions", "proposals", "schedule", "participant_stats")
DERIVED_TABLES = ("people", "person_names", "organizations", "organization_names", "search_items")
ALL_TABLES = ("documents", "lines") + ENTITY_TABLES + DERIVED_TABLES + ("runs", "errors")


def refresh_derived(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild what is derived from all loaded documents: resolved people and bodies, search index."""
    from pipeline.resolve import resolve
    from pipeline.search import rebuild_index

    con.execute("BEGIN TRANSACTION")
    try:
        resolve(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    rebuild_index(con)


class LoadError(Exception):
    pass


_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def connect(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and, for writers, create) the warehouse with its schema."""
    path = Path(path)
    if read_only:
        return duckdb.connect(str(path), read_only=True, config=_CONFIG)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), config=_CONFIG)
    con.execute(resources.files("pipeline").joinpath("schema.sql").read_text(encoding="utf-8"))
    return con


class WriterBusy(Exception):
    """Another ingest holds the warehouse."""


@contextlib.contextmanager
def publishing_writer(path: Path | str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A write connection on a private copy of the warehouse, published atomically at the end.

    DuckDB lets one process hold a database file, and while a writer holds it even
    read-only opens fail. So ingest works on ``<file>.building`` (a copy of the
    published file) and ``os.replace``s it over the published file when done, also when
    interrupted: readers always open a complete, committed warehouse and never wait for
    a lock; a reader with the old file open keeps reading the old snapshot. A lock file
    keeps two writers from racing.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = open(path.with_name(path.name + ".lock"), "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as e:
        lock.close()
        raise WriterBusy(f"another mahdar ingest is writing {path}") from e
    build = path.with_name(path.name + ".building")
    try:
        for stale in (build, build.with_name(build.name + ".wal")):
            stale.unlink(missing_ok=True)
        if path.exists():
            shutil.copy2(path, build)
        con = connect(build)
        try:
            yield con
        finally:
            con.execute("CHECKPOINT")
            con.close()
            os.replace(build, path)
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def start_run(con: duckdb.DuckDBPyConnection) -> str:
    run_id = now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    con.execute("INSERT INTO runs (run_id, started_at, status, pipeline_version) VALUES (?, ?, 'running', ?)",
                [run_id, now(), extraction_version()])
    return run_id


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict[str, int], status: str = "complete") -> None:
    con.execute("UPDATE runs SET finished_at = ?, status = ?, loaded = ?, unchanged = ?, skipped = ?, "
                "needs_ocr = ?, failed = ? WHERE run_id = ?",
                [now(), status, counts.get("loaded", 0), counts.get("unchanged", 0), counts.get("skipped", 0),
                 counts.get("needs_ocr", 0), counts.get("failed", 0), run_id])


def record_error(con: duckdb.DuckDBPyConnection, run_id: str, path: str, stage: str, kind: str, message: str) -> None:
    con.execute("INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?)", [run_id, path, stage, kind, message, now()])


def is_unchanged(con: duckdb.DuckDBPyConnection, sha256: str, path: str) -> bool:
    """True when this exact content is already loaded by the current pipeline version (the
    release and its stage code: see ``pipeline.version``)."""
    row = con.execute("SELECT pipeline_version FROM documents WHERE doc_id = ?", [sha256]).fetchone()
    return row is not None and row[0] == extraction_version()


def _p(p: Provenance | None) -> list[Any]:
    """The provenance columns of an entity row, in schema order."""
    if p is None:
        return [None] * 12
    box = [round(v, 1) for v in p.bbox] if p.bbox else [None] * 4
    return [p.page, p.line_start, p.line_end, p.char_start, p.char_end, p.raw_start, p.raw_end, *box, p.confidence]


def load_document(con: duckdb.DuckDBPyConnection, run_id: str, raw: RawDocument, text: TextDocument,
                  ex: Extraction) -> None:
    """Replace everything known about this document (by path or content) in one transaction."""
    d = ex.data
    m = d.get("meeting") or {}
    doc_id = raw.sha256
    con.execute("BEGIN TRANSACTION")
    try:
        old = [r[0] for r in con.execute("SELECT doc_id FROM documents WHERE path = ? OR doc_id = ?",
                                         [raw.path, doc_id]).fetchall()]
        for table in ("lines",) + ENTITY_TABLES + ("documents",):
            for o in old:
                con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [o])
        con.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [doc_id, raw.stem, raw.path, raw.kind, raw.encoding, raw.producer, raw.page_count,
                     text.ocr_pages, d["doc_type"], d.get("title"), m.get("date"), m.get("start_time"),
                     m.get("place"), m.get("remote"), extraction_version(), now(), run_id])
        _insert(con, "lines", [[doc_id, l.line_no, l.page, l.raw, l.text, run_id] for l in text.lines])
        pv = ex.provenance
        _insert(con, "participants", [
            [doc_id, i, p["name"], p.get("honorific"), p.get("organization"), p.get("role"), p.get("remote"),
             p.get("commitment_numbers") or [], *_p(_at(pv, "participants", i)), run_id]
            for i, p in enumerate(d["participants"])])
        for table, field, col in (("absent_organizations", "absent_organizations", None),
                                  ("agenda_items", "agenda_items", None), ("decisions", "decisions", None),
                                  ("proposals", "proposals", None)):
            _insert(con, table, [[doc_id, i, t, *_p(_at(pv, field, i)), run_id]
                                 for i, t in enumerate(d.get(field) or [])])
        _insert(con, "commitments", [
            [doc_id, i, c.get("number"), c.get("title"), c.get("completion_pct"), c.get("platform_updated"),
             c.get("notes") or [], *_p(_at(pv, "commitments", i)), run_id]
            for i, c in enumerate(d["commitments"])])
        _insert(con, "activities", [
            [doc_id, i, j, a["title"], a.get("completion_pct"), *_p(_at(pv, "commitments", i)), run_id]
            for i, c in enumerate(d["commitments"]) for j, a in enumerate(c.get("activities") or [])])
        _insert(con, "schedule", [[doc_id, i, s["step"], s.get("period"), *_p(_at(pv, "schedule", i)), run_id]
                                  for i, s in enumerate(d.get("schedule") or [])])
        _insert(con, "participant_stats", [
            [doc_id, i, s["dimension"], s["category"], s["count"], *_p(_at(pv, "participant_stats", i)), run_id]
            for i, s in enumerate(d.get("participant_stats") or [])])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    if con.execute("SELECT count(*) FROM documents WHERE doc_id = ? AND run_id = ?", [doc_id, run_id]).fetchone()[0] != 1:
        raise LoadError(f"load of {raw.path} was not saved (transaction dropped)")


def _at(pv: dict[str, list[Provenance]], field: str, i: int) -> Provenance | None:
    items = pv.get(field) or []
    return items[i] if i < len(items) else None


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Iterable[list[Any]]) -> None:
    rows = list(rows)
    if rows:
        marks = ",".join("?" * len(rows[0]))
        con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


def row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "lines") + ENTITY_TABLES}


def document_export(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict:
    """The export-contract dict of one loaded document, read back from the tables."""
    q = lambda sql: con.execute(sql, [doc_id]).fetchall()  # noqa: E731
    stem, dtype, title, date, start, place, remote = q(
        "SELECT stem, doc_type, title, meeting_date, start_time, place, remote FROM documents WHERE doc_id = ?")[0]
    acts: dict[int, list[dict]] = {}
    for ci, t, pct in q("SELECT commitment_idx, title, completion_pct FROM activities WHERE doc_id = ? ORDER BY commitment_idx, idx"):
        acts.setdefault(ci, []).append({"title": t, "completion_pct": pct})
    return {
        "doc": stem,
        "doc_type": dtype,
        "title": title,
        "meeting": {"date": date.isoformat() if date else None, "start_time": start, "place": place, "remote": remote},
        "participants": [{"name": n, "honorific": h, "organization": o, "role": r, "remote": rm,
                          "commitment_numbers": list(cn or [])}
                         for n, h, o, r, rm, cn in q("SELECT name, honorific, organization, role, remote, "
                                                      "commitment_numbers FROM participants WHERE doc_id = ? ORDER BY idx")],
        "absent_organizations": [r[0] for r in q("SELECT name FROM absent_organizations WHERE doc_id = ? ORDER BY idx")],
        "agenda_items": [r[0] for r in q("SELECT text FROM agenda_items WHERE doc_id = ? ORDER BY idx")],
        "commitments": [{"number": n, "title": t, "completion_pct": p, "platform_updated": u,
                         "activities": acts.get(i, []), "notes": list(notes or [])}
                        for i, n, t, p, u, notes in q("SELECT idx, number, title, completion_pct, platform_updated, "
                                                       "notes FROM commitments WHERE doc_id = ? ORDER BY idx")],
        "decisions": [r[0] for r in q("SELECT text FROM decisions WHERE doc_id = ? ORDER BY idx")],
        "proposals": [r[0] for r in q("SELECT text FROM proposals WHERE doc_id = ? ORDER BY idx")],
        "schedule": [{"step": s, "period": p} for s, p in q("SELECT step, period FROM schedule WHERE doc_id = ? ORDER BY idx")],
        "participant_stats": [{"dimension": d_, "category": c, "count": n}
                              for d_, c, n in q("SELECT dimension, category, count FROM participant_stats "
                                                "WHERE doc_id = ? ORDER BY idx")],
    }
