"""What the Python tests share: the repository's paths and the ``canopy`` binary they compare
the Python package with (``CANOPY_BIN``, set by .ci/run to the debug build)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WESTERN_SHIELD = REPO / "scenarios" / "western-shield.toml"
BAD_SCENARIOS = REPO / "tests" / "bad-scenarios"


def canopy_bin() -> Path:
    """The ``canopy`` binary named by ``CANOPY_BIN`` (the test fails without it)."""
    name = os.environ.get("CANOPY_BIN")
    if not name:
        pytest.fail("set CANOPY_BIN to the canopy binary (e.g. target/debug/canopy)")
    path = Path(name)
    if not path.is_file():
        pytest.fail(f"CANOPY_BIN={name} is not a file")
    return path


def cli(*args: object) -> str:
    """Runs ``canopy ARGS`` and returns its standard output; fails the test on an error."""
    done = subprocess.run(
        [str(canopy_bin()), *map(str, args)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"canopy {args} failed:\n{done.stderr}"
    return done.stdout
