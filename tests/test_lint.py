"""The code has no unused imports, undefined names or syntax errors (ruff, rules F and E9)."""
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_ruff_clean():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is a dev dependency"
    r = subprocess.run([ruff, "check", "pipeline", "normalizers", "extractors", "flows", "bench", "tests"],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
