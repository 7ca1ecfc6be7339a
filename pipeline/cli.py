"""The ``mahdar`` command. Its help text is the reference documentation of the CLI."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from pipeline.config import get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="mahdar: Arabic OGP meeting minutes and consultation reports into a DuckDB warehouse.")

WAREHOUSE_HELP = "DuckDB warehouse file (default: $MAHDAR_WAREHOUSE or data/warehouse/mahdar.duckdb)."


def _warehouse(path: Optional[Path]) -> Path:
    return path or get_settings().warehouse


def _existing_warehouse(path: Optional[Path]) -> Path:
    """The warehouse to read; a clear message (exit 2) when there is none yet."""
    wh = _warehouse(path)
    if not wh.exists():
        typer.echo(f"no warehouse at {wh}: run `mahdar ingest` first (or pass --warehouse)", err=True)
        raise typer.Exit(2)
    return wh


def _write_json(obj: dict, path: Path | None) -> None:
    text = json.dumps(obj, ensure_ascii=False, indent=1)
    if path is None:
        sys.stdout.write(text + "\n")
    else:
        path.write_text(text + "\n", encoding="utf-8")


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(None, help="Files or folders to ingest (default: $MAHDAR_RAW or data/raw)."),
    warehouse: Optional[Path] = typer.Option(None, "--warehouse", "-w", help=WAREHOUSE_HELP),
    flow: bool = typer.Option(False, "--flow", help="Run through the Prefect flow (temporary local server)."),
    workers: int = typer.Option(1, "--workers", "-j", help="With --flow: documents processed in N processes."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Load documents into the warehouse: progress bar, then a summary.

    Unchanged files are skipped, changed files replace their previous extraction,
    bad files are named with their reason and the run goes on. Image-only PDFs (scans with
    no text layer) are reported as needing OCR. Exit status 1 when any file failed.
    """
    from tqdm import tqdm

    from pipeline.ingest import discover

    s = get_settings()
    targets = list(paths) if paths else [s.raw_dir]
    wh = _warehouse(warehouse)
    files = discover(targets)
    if flow:
        from flows.ingest_flow import run_flow

        summary = run_flow(files, str(wh), s.max_bytes, s.max_pages, workers=workers)
    else:
        from pipeline.run import ingest as run_ingest

        bar = tqdm(total=len(files), unit="doc", disable=quiet, file=sys.stderr)

        def tick(p: Path) -> None:
            bar.set_postfix_str(p.name[:40])
            bar.update(1)

        try:
            summary = run_ingest(files, wh, max_bytes=s.max_bytes, max_pages=s.max_pages, progress=tick)
        finally:
            bar.close()
    c = summary.counts()
    typer.echo(f"run {summary.run_id} -> {wh}")
    typer.echo(f"documents: {c['loaded']} loaded, {c['unchanged']} unchanged, {c['skipped']} skipped, "
               f"{c['needs_ocr']} need OCR, {c['failed']} failed  ({summary.seconds:.1f} s)")
    for path, why in summary.skipped:
        typer.echo(f"  skipped {path}: {why}")
    for path, why in summary.needs_ocr:
        typer.echo(f"  no text {path}: {why}")
    for path, why in summary.failed:
        typer.echo(f"  FAILED  {path}: {why}")
    typer.echo("rows: " + ", ".join(f"{k} {v}" for k, v in summary.rows.items()))
    raise typer.Exit(1 if c["failed"] else 0)


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., help="Documents to extract (PDF, .txt, .md), or folders of them."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for <file stem>.json (default: stdout, one file)."),
) -> None:
    """Export-contract JSON of each document, without the warehouse.

    Folders are walked as ingest walks them; a file of another type is named as skipped
    and a scan without a text layer as needing OCR. Exit status 1 when any file failed."""
    from pipeline.ingest import discover
    from pipeline.stages import export_stem, process_file

    files = discover(files)
    if out is None and len(files) > 1:
        raise typer.BadParameter("several files need --out DIR")
    if out:
        out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for f in files:
        r = process_file(f)
        if r.status != "ok":
            typer.echo(f"{f}: {r.status}: {r.message}", err=True)
            failed += r.status == "failed"
            continue
        _write_json(r.extraction.data, (out / f"{export_stem(f)}.json") if out else None)
    raise typer.Exit(1 if failed else 0)


@app.command()
def export(
    out: Path = typer.Option(..., "--out", "-o", help="Output folder."),
    fmt: str = typer.Option("json", "--format", "-f", help="json (one <stem>.json per document), parquet or csv (one file per table)."),
    warehouse: Optional[Path] = typer.Option(None, "--warehouse", "-w", help=WAREHOUSE_HELP),
) -> None:
    """Export the warehouse: JSON per document (the contract), or Parquet/CSV per table."""
    from pipeline import warehouse as wh

    con = wh.connect(_existing_warehouse(warehouse), read_only=True)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        ids = con.execute("SELECT doc_id, path FROM documents ORDER BY path").fetchall()
        for doc_id, path in ids:
            _write_json(wh.document_export(con, doc_id), out / f"{Path(path).stem}.json")
        typer.echo(f"{len(ids)} documents -> {out}")
    elif fmt in ("parquet", "csv"):
        for t in wh.ALL_TABLES:
            target = out / f"{t}.{fmt}"
            opts = "(FORMAT parquet)" if fmt == "parquet" else "(HEADER, DELIMITER ',')"
            con.execute(f"COPY {t} TO '{target.as_posix()}' {opts}")
        typer.echo(f"{len(wh.ALL_TABLES)} tables -> {out}")
    else:
        raise typer.BadParameter("--format is json, parquet or csv")
    con.close()


@app.command()
def text(
    files: list[Path] = typer.Argument(..., help="Documents (PDF, .txt, .md), or folders of them."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for <file stem>.txt (default: stdout)."),
) -> None:
    """Repaired plain text (logical order) of each document; folders are walked as ingest
    walks them, files of another type named as skipped. Exit status 1 when any file failed."""
    from pipeline.ingest import SkipFile, discover
    from pipeline.stages import export_stem, read_stage, repair_stage

    if out:
        out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for f in discover(files):
        try:
            doc = repair_stage(read_stage(f))
        except SkipFile as e:
            typer.echo(f"{f}: skipped: {e}", err=True)
            continue
        except Exception as e:
            typer.echo(f"{f}: {e}", err=True)
            failed += 1
            continue
        if doc.ocr_pages:
            typer.echo(f"{f}: pages {doc.ocr_pages} have no text layer (OCR needed)", err=True)
        body = doc.text + "\n"
        if out:
            (out / f"{export_stem(f)}.txt").write_text(body, encoding="utf-8")
        else:
            sys.stdout.write(body)
    raise typer.Exit(1 if failed else 0)


@app.command()
def normalize(
    file: Optional[Path] = typer.Argument(None, help="Text file to repair (default: stdin).", exists=True,
                                          dir_okay=False, readable=True),
) -> None:
    """Repair already-extracted text line for line: output line n is input line n repaired.

    Handles pdftotext's output (bidi embeddings), pdfplumber's (letters backwards) and text
    whose runs are in reverse order; clean text passes through unchanged. The file's encoding
    is detected as ``ingest`` does (UTF-8, else Arabic legacy code pages)."""
    from normalizers.repair import normalize_text
    from pipeline.ingest import ReadError, decode_text

    try:
        data = decode_text(file.read_bytes())[0] if file else sys.stdin.read()
    except ReadError as e:
        typer.echo(f"{file}: {e}", err=True)
        raise typer.Exit(2)
    trailing = data.endswith("\n")
    body = normalize_text(data[:-1] if trailing else data)
    sys.stdout.write(body + ("\n" if trailing else ""))


@app.command()
def search(
    query: str = typer.Argument(..., help="Words to search for, in Arabic (any spelling of alef/ya/teh marbuta)."),
    limit: int = typer.Option(20, "--limit", "-n", help="Number of hits."),
    kind: Optional[str] = typer.Option(None, "--kind", "-k", help="decision, agenda_item, proposal, commitment or note."),
    warehouse: Optional[Path] = typer.Option(None, "--warehouse", "-w", help=WAREHOUSE_HELP),
) -> None:
    """Arabic full-text search over decisions, agenda items, proposals and commitment notes.

    Prints each hit with its meeting date and provenance (document, page, lines).
    """
    from pipeline import warehouse as wh
    from pipeline.search import search as run_search

    con = wh.connect(_existing_warehouse(warehouse), read_only=True)
    hits = run_search(con, query, limit=limit, kind=kind)
    con.close()
    if not hits:
        typer.echo("no match")
        raise typer.Exit(1)
    for h in hits:
        typer.echo(f"{h.meeting_date or '----------'}  {h.kind:<11} {h.document} p.{h.page} l.{h.line_start}-{h.line_end}  "
                   f"[{h.score:.2f}]  {h.text}")


@app.command()
def report(
    out: Path = typer.Option(Path("data/warehouse/report.html"), "--out", "-o", help="HTML file to write."),
    warehouse: Optional[Path] = typer.Option(None, "--warehouse", "-w", help=WAREHOUSE_HELP),
) -> None:
    """One self-contained right-to-left HTML page: progress, attendance and decision charts, tables."""
    from pipeline import warehouse as wh
    from pipeline.report import write_report

    con = wh.connect(_existing_warehouse(warehouse), read_only=True)
    write_report(con, out)
    con.close()
    typer.echo(f"report -> {out}")


@app.command()
def version() -> None:
    """Print the pipeline version: the release and the fingerprint of its stage code, as
    recorded with every run and document (a document loaded by another one is re-extracted)."""
    from pipeline.version import extraction_version

    typer.echo(extraction_version())


def main() -> None:  # pragma: no cover
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
