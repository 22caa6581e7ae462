"""canopy.record against ``canopy record``: the same summary.json and nights.parquet for a small
table written by hand."""

from __future__ import annotations

import datetime
import json

import pyarrow.parquet as pq
import pytest

import canopy
from canopy_cli import RECORD_TABLE, UKRAINE, cli


@pytest.fixture()
def table(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text(RECORD_TABLE, encoding="utf-8")
    return path


def test_record_equals_the_cli_summary_and_nights(table, tmp_path):
    out = tmp_path / "out"
    cli(
        "record", table, "--from", "2024-07-09", "--to", "2024-07-11", "--scenario", UKRAINE,
        "--runs", 2, "--seed", 3, "--out", out,
    )
    summary, nights = canopy.record(
        table, "2024-07-09", datetime.date(2024, 7, 11), scenario=UKRAINE, runs=2, seed=3
    )
    assert summary == json.loads((out / "summary.json").read_text())
    assert summary["nights"] == 3
    theirs = pq.read_table(out / "nights.parquet")
    assert nights.schema == theirs.schema
    assert nights.equals(theirs)


def test_record_refuses_a_window_ending_before_it_begins(table):
    with pytest.raises(ValueError, match="is after"):
        canopy.record(table, "2024-07-11", "2024-07-09", scenario=UKRAINE, runs=1)
    with pytest.raises(ValueError, match="not a date"):
        canopy.record(table, "2024-07-32", "2024-08-01", scenario=UKRAINE, runs=1)
