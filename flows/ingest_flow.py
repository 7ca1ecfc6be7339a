"""The ingest flow: one task per document (read, repair, extract), loads by the flow.

DuckDB allows one writer process, so tasks return plain data and the flow alone
writes, one transaction per document. Runs on Prefect's temporary local server;
no ``prefect server start`` is needed.
"""
from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from prefect import flow, task  # noqa: E402

from pipeline import warehouse  # noqa: E402
from pipeline.run import Summary, already_loaded, close_run, record  # noqa: E402
from pipeline.stages import Processed, process_file  # noqa: E402


@task(name="process-document", retries=1, retry_delay_seconds=1)
def process_document(path: str, max_bytes: int | None, max_pages: int) -> Processed:
    return slim(process_file(Path(path), max_bytes=max_bytes, max_pages=max_pages))


def slim(result: Processed) -> Processed:
    """Drop the glyph boxes (only repair needs them) before the result crosses processes."""
    if result.raw is not None:
        for page in result.raw.pages:
            for line in page.lines:
                line.glyphs = []
                line.cell_glyphs = None
    return result


def run_flow(files: list[Path], warehouse_path: str, max_bytes: int | None = None, max_pages: int = 2000,
             workers: int = 1) -> Summary:
    """Run the ingest flow; with ``workers`` > 1 documents are processed in that many
    processes (Prefect's ProcessPoolTaskRunner). The same tasks run on a distributed
    engine by giving the flow another task runner (e.g. prefect-dask's DaskTaskRunner)."""
    flow_ = ingest_flow
    if workers > 1:
        from prefect.task_runners import ProcessPoolTaskRunner

        flow_ = ingest_flow.with_options(task_runner=ProcessPoolTaskRunner(max_workers=workers))
    return flow_(files, warehouse_path, max_bytes, max_pages)


@flow(name="mahdar-ingest", log_prints=False)
def ingest_flow(files: list[Path], warehouse_path: str, max_bytes: int | None = None, max_pages: int = 2000) -> Summary:
    """Ingest ``files`` into the warehouse at ``warehouse_path``."""
    import time

    t0 = time.perf_counter()
    with warehouse.publishing_writer(Path(warehouse_path)) as con:
        summary = Summary(run_id=warehouse.start_run(con))
        status = "interrupted"
        try:
            todo = [str(f) for f in files if not already_loaded(con, Path(f), max_bytes)]
            summary.unchanged.extend(str(f) for f in files if str(f) not in todo)
            futures = [process_document.submit(f, max_bytes, max_pages) for f in todo]
            for fut in futures:
                record(con, summary, fut.result())
            status = "complete"
        finally:
            close_run(con, summary, status, t0)
    return summary
