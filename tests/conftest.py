"""Shared fixtures: the sample archive in data/raw and, beside the repo, ../shared (gold, tools)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared (gold and scorers) is not beside this checkout")
    return SHARED


def seed(name: str) -> Path:
    return next(RAW.glob(f"{name}_*.txt"))


def build_warehouse(tmp_path_factory, names: list[str]) -> Path:
    """A warehouse ingested from copies of the named sample files."""
    import shutil

    from pipeline.run import ingest

    d = tmp_path_factory.mktemp("raw")
    for n in names:
        shutil.copy(RAW / n, d / n)
    path = tmp_path_factory.mktemp("wh") / "w.duckdb"
    ingest([d], path)
    return path
