"""One typed settings object, overridable by environment variables.

| variable            | meaning                                   | default                         |
|---------------------|-------------------------------------------|---------------------------------|
| MAHDAR_WAREHOUSE    | DuckDB warehouse file                     | data/warehouse/mahdar.duckdb    |
| MAHDAR_RAW          | default archive folder for ``ingest``     | data/raw                        |
| MAHDAR_MAX_BYTES    | larger files are refused (recorded error) | 200 MB                          |
| MAHDAR_MAX_PAGES    | PDFs with more pages are refused          | 2000                            |
| MAHDAR_CACHE        | derived data built once per machine (the  | ~/.cache/mahdar                 |
|                     | general word-pair table, ``normalizers.msa``) |                             |
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _env_path(name: str, default: str) -> Path:
    return Path(os.environ.get(name, default))


@dataclass(frozen=True)
class Settings:
    warehouse: Path = field(default_factory=lambda: _env_path("MAHDAR_WAREHOUSE", "data/warehouse/mahdar.duckdb"))
    raw_dir: Path = field(default_factory=lambda: _env_path("MAHDAR_RAW", "data/raw"))
    max_bytes: int = field(default_factory=lambda: int(os.environ.get("MAHDAR_MAX_BYTES", 200 * 1024 * 1024)))
    max_pages: int = field(default_factory=lambda: int(os.environ.get("MAHDAR_MAX_PAGES", 2000)))
    cache_dir: Path = field(default_factory=lambda: Path(os.environ.get("MAHDAR_CACHE")
                                                         or Path.home() / ".cache" / "mahdar"))


def get_settings() -> Settings:
    """Settings read from the environment now (not cached, so tests can change it)."""
    return Settings()
