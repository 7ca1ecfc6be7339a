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
from pipeline.ingest import sha256_of  # noqa: E402
from pipeline.run import Summary, record  # noqa: E402
from pipeline.stages import Processed, process_file  # noqa: E402


@task(name="process-document", retries=1, retry_delay_seconds=1)
def process_document(path: str, max_bytes: int | None, max_pages: int) -> Processed:
    return process_file(Path(path), max_bytes=max_bytes, max_pages=max_pages)


@flow(name="mahdar-ingest", log_prints=False)
def ingest_flow(files: list[Path], warehouse_path: str, max_bytes: int | None = None, max_pages: int = 2000) -> Summary:
    """Ingest ``files`` into the warehouse at ``warehouse_path``."""
    import time

    t0 = time.perf_counter()
    con = warehouse.connect(Path(warehouse_path))
    summary = Summary(run_id=warehouse.start_run(con))
    status = "interrupted"
    try:
        todo = []
        for f in files:
            try:
                if warehouse.is_unchanged(con, sha256_of(Path(f).read_bytes()), str(f)):
                    summary.unchanged.append(str(f))
                    continue
            except OSError:
                pass
            todo.append(str(f))
        futures = [process_document.submit(f, max_bytes, max_pages) for f in todo]
        for fut in futures:
            record(con, summary, fut.result())
        status = "complete"
    finally:
        summary.rows = warehouse.row_counts(con)
        summary.seconds = time.perf_counter() - t0
        warehouse.finish_run(con, summary.run_id, summary.counts(), status)
        con.close()
    return summary
