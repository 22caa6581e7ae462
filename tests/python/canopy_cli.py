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
UKRAINE = REPO / "scenarios" / "ukraine-2025.toml"

#: A record table written by hand in the record's format (docs/validation.md): three nights,
#: 2024-07-09 to 2024-07-11, and a regional row that is left out.
RECORD_TABLE = """time_start,time_end,model,launch_place,target,target_main,launched,destroyed,\
not_reach_goal,still_attacking,border_crossing,is_shahed,num_hit_location,\
num_fall_fragment_location,carrier,turbojet,turbojet_destroyed,affected region,destroyed_details,\
launched_details,launch_place_details,source
2024-07-08 22:00,2024-07-09 08:00,Shahed-136/131,Kursk oblast,Ukraine,,6.0,5.0,,,{},,,,,,,,,,,kpszsu/posts/a
2024-07-09 03:00,2024-07-09 05:00,X-101/X-555,Caspian Sea,Ukraine,,2.0,2.0,,,{},,,,,,,,,,,kpszsu/posts/b
2024-07-08 22:00,2024-07-09 08:00,Shahed-136/131,Kursk oblast,Ukraine,,3.0,3.0,,,{},,,,,,,,,,,PvKPivden/posts/d
2024-07-09 22:00,2024-07-10 06:00,Shahed-136/131,Primorsko-Akhtarsk,Ukraine,,5.0,4.0,1.0,,{},,,,,,,,,,,kpszsu/posts/e
2024-07-11 02:00,2024-07-11 05:00,Kalibr,Black Sea,Ukraine,,2.0,1.0,,,{},,,,,,,,,,,kpszsu/posts/f
"""


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
