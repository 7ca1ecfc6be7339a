"""The stages as plain functions over plain data; Prefect tasks and the CLI call these."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extractors.document import extract
from normalizers.repair import repair_document
from pipeline.ingest import ReadError, SkipFile, read_document
from pipeline.models import Extraction, RawDocument, TextDocument


@dataclass
class Processed:
    path: str
    status: str  # ok | skipped | needs_ocr | failed
    stage: str | None = None
    message: str | None = None
    raw: RawDocument | None = None
    text: TextDocument | None = None
    extraction: Extraction | None = None


def read_stage(path: Path, max_bytes: int | None = None, max_pages: int = 2000,
               data: bytes | None = None) -> RawDocument:
    return read_document(path, data=data, max_bytes=max_bytes, max_pages=max_pages)


def repair_stage(raw: RawDocument) -> TextDocument:
    return repair_document(raw)


def extract_stage(text: TextDocument) -> Extraction:
    return extract(text)


def export_stem(path: Path | str) -> str:
    """The ``<file stem>`` of an export: ``dev_01.chromium.pdf`` -> ``dev_01.chromium``."""
    return Path(path).stem


def process_file(path: Path, max_bytes: int | None = None, max_pages: int = 2000,
                 data: bytes | None = None) -> Processed:
    """Read, repair and extract one file (``data``: its bytes, when already read); never
    raises for bad input, says why instead."""
    p = str(path)
    try:
        raw = read_stage(Path(path), max_bytes=max_bytes, max_pages=max_pages, data=data)
    except SkipFile as e:
        return Processed(p, "skipped", "read", str(e))
    except ReadError as e:
        return Processed(p, "failed", "read", str(e))
    except FileNotFoundError:
        return Processed(p, "failed", "read", "file not found")
    except Exception as e:  # a reader bug must not stop the run
        return Processed(p, "failed", "read", f"{type(e).__name__}: {e}")
    try:
        text = repair_stage(raw)
    except Exception as e:
        return Processed(p, "failed", "repair", f"{type(e).__name__}: {e}", raw=raw)
    if not text.lines and text.ocr_pages:
        return Processed(p, "needs_ocr", "repair",
                         f"no text layer (scanned?): pages {','.join(map(str, text.ocr_pages))} need OCR",
                         raw=raw, text=text)
    if not text.lines:
        return Processed(p, "failed", "repair", "no text after repair", raw=raw, text=text)
    try:
        ex = extract_stage(text)
    except Exception as e:
        return Processed(p, "failed", "extract", f"{type(e).__name__}: {e}", raw=raw, text=text)
    ex.data["doc"] = export_stem(path)
    return Processed(p, "ok", raw=raw, text=text, extraction=ex)
