"""The version a warehouse row was made by: the release, plus a fingerprint of the code and
data tables that turn a file into rows (reading, repair, extraction, resolution). A nightly
run re-extracts a document whose content is unchanged when that fingerprint has changed, so
an improved repair reaches the warehouse without anyone bumping a number by hand."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from pipeline import __version__

_ROOT = Path(__file__).resolve().parent.parent
# what decides a document's rows; the CLI, the report and the flows do not
_STAGES = ("normalizers", "extractors", "pipeline/ingest.py", "pipeline/stages.py", "pipeline/models.py",
           "pipeline/resolve.py", "pipeline/schema.sql")
_KINDS = {".py", ".json", ".txt", ".sql", ".csv", ".tsv"}


@lru_cache(maxsize=1)
def extraction_version() -> str:
    """``0.1.0+1a2b3c4d5e``: the release and a digest of the stage files' contents."""
    digest = hashlib.blake2b(digest_size=5)
    for name in _STAGES:
        base = _ROOT / name
        files = sorted(p for p in base.rglob("*") if p.is_file() and p.suffix in _KINDS) if base.is_dir() else [base]
        for path in files:
            if "__pycache__" in path.parts or not path.exists():
                continue
            digest.update(path.relative_to(_ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()}"
