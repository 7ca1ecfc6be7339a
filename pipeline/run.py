"""The ingest loop: discover files, process each, load each in its own transaction."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pipeline import warehouse
from pipeline.ingest import discover, sha256_of
from pipeline.stages import Processed, process_file


@dataclass
class Summary:
    run_id: str
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    needs_ocr: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def counts(self) -> dict[str, int]:
        return {"loaded": len(self.loaded), "unchanged": len(self.unchanged), "skipped": len(self.skipped),
                "needs_ocr": len(self.needs_ocr), "failed": len(self.failed)}


def record(con, summary: Summary, result: Processed) -> None:
    """Load one processed file, or record why it was not loaded."""
    if result.status == "skipped":
        summary.skipped.append((result.path, result.message or ""))
        warehouse.record_error(con, summary.run_id, result.path, result.stage or "read", "skipped", result.message or "")
        return
    if result.status == "needs_ocr":
        summary.needs_ocr.append((result.path, result.message or ""))
        warehouse.record_error(con, summary.run_id, result.path, result.stage or "repair", "needs_ocr",
                               result.message or "")
        return
    if result.status == "failed":
        summary.failed.append((result.path, result.message or ""))
        warehouse.record_error(con, summary.run_id, result.path, result.stage or "read", "error", result.message or "")
        return
    try:
        warehouse.load_document(con, summary.run_id, result.raw, result.text, result.extraction)
        summary.loaded.append(result.path)
    except Exception as e:
        summary.failed.append((result.path, f"load: {type(e).__name__}: {e}"))
        warehouse.record_error(con, summary.run_id, result.path, "load", "error", f"{type(e).__name__}: {e}")


def ingest(paths: list[Path], warehouse_path: Path, max_bytes: int | None = None, max_pages: int = 2000,
           progress: Callable[[Path], None] | None = None, process: Callable[[Path], Processed] | None = None) -> Summary:
    """Ingest files into the warehouse; unchanged content is skipped, changed files replaced.

    The warehouse is published atomically when the run ends (see
    ``warehouse.publishing_writer``), so readers never see a half-written file.
    """
    t0 = time.perf_counter()
    with warehouse.publishing_writer(warehouse_path) as con:
        summary = Summary(run_id=warehouse.start_run(con))
        status = "interrupted"
        try:
            for path in discover(paths):
                data = read_bytes(path, max_bytes)
                if data is not None and warehouse.is_unchanged(con, sha256_of(data), str(path)):
                    summary.unchanged.append(str(path))
                elif process is not None:
                    record(con, summary, process(path))
                else:  # the bytes just hashed are the ones read, not read again
                    record(con, summary, process_file(path, max_bytes=max_bytes, max_pages=max_pages, data=data))
                if progress:
                    progress(path)
            status = "complete"
        finally:
            close_run(con, summary, status, t0)
    return summary


def read_bytes(path: Path, max_bytes: int | None) -> bytes | None:
    """The file's bytes, or None when it is missing, unreadable or over the size limit
    (the reader then reports why)."""
    try:
        if path.is_file() and (max_bytes is None or path.stat().st_size <= max_bytes):
            return path.read_bytes()
    except OSError:
        pass
    return None


def already_loaded(con, path: Path, max_bytes: int | None) -> bool:
    """True when this file's exact content is loaded already (by this pipeline version)."""
    data = read_bytes(path, max_bytes)
    return data is not None and warehouse.is_unchanged(con, sha256_of(data), str(path))


def close_run(con, summary: Summary, status: str, t0: float) -> None:
    """Refresh derived tables, count rows and mark the run finished with ``status``."""
    try:
        if summary.loaded or not con.execute("SELECT count(*) FROM search_items").fetchone()[0]:
            warehouse.refresh_derived(con)
    finally:
        summary.rows = warehouse.row_counts(con)
        summary.seconds = time.perf_counter() - t0
        warehouse.finish_run(con, summary.run_id, summary.counts(), status)
