"""canopy.ray against one process: the same tables and comparisons from shards run as Ray tasks,
also when a worker is killed in the middle of its shard."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

import canopy
from canopy_cli import BAD_SCENARIOS, RECORD_TABLE, UKRAINE, WESTERN_SHIELD

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module", autouse=True)
def cluster():
    """A local Ray cluster of two CPUs for this module."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_mc_in_four_shards_equals_one_process():
    local = canopy.mc(WESTERN_SHIELD, 8, seed=5)
    shards = canopy.ray.mc(WESTERN_SHIELD, 8, shards=4, seed=5)
    assert shards.schema == local.schema
    assert shards.equals(local)


def test_more_shards_than_runs_and_overlays():
    options = {"picture": "perfect", "set": {"authority.mode": "delegated"}}
    local = canopy.mc(WESTERN_SHIELD, 3, **options)
    assert canopy.ray.mc(WESTERN_SHIELD, 3, shards=5, **options).equals(local)


def test_sweep_in_shards_equals_one_process():
    params = {"authority.approval_delay": ["0s", "600s"]}
    local = canopy.sweep(WESTERN_SHIELD, params, runs=4, seed=2, picture="perfect")
    shards = canopy.ray.sweep(WESTERN_SHIELD, params, runs=4, shards=2, seed=2, picture="perfect")
    assert shards == local
    assert [o["name"] for o in local["options"]] == [
        "authority.approval_delay=0s",
        "authority.approval_delay=600s",
    ]


@pytest.mark.parametrize("shards", [2, 3])
def test_record_nights_in_shards_equal_one_process(tmp_path, shards):
    table = tmp_path / "table.csv"
    table.write_text(RECORD_TABLE, encoding="utf-8")
    window = (table, "2024-07-09", "2024-07-11")
    summary, nights = canopy.record(*window, scenario=UKRAINE, runs=2, seed=3)
    ours, our_nights = canopy.ray.record(*window, shards=shards, scenario=UKRAINE, runs=2, seed=3)
    assert ours == summary
    assert our_nights.equals(nights)
    assert summary["nights"] == 3


def test_a_bad_scenario_raises_before_any_task():
    with pytest.raises(canopy.ScenarioError) as caught:
        canopy.ray.mc(BAD_SCENARIOS / "bad-duration.toml", 4, shards=2)
    assert (caught.value.line, caught.value.key) == (7, "scenario.duration")
    with pytest.raises(canopy.ScenarioError, match="cannot read the file"):
        canopy.ray.mc(BAD_SCENARIOS / "no-such-file.toml", 4, shards=2)


def shard_workers() -> list[int]:
    """The process ids of Ray workers running a shard now (Ray names a busy worker's process
    after its task: `ray::shard_task`)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                title = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if title.startswith(b"ray::shard_task"):
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the workers through /proc")
def test_a_worker_killed_mid_shard_loses_no_result():
    runs = 24
    local = canopy.mc(WESTERN_SHIELD, runs, seed=9, picture="perfect")
    killed = []

    def kill_one_worker():
        deadline = time.monotonic() + 60
        while not killed and time.monotonic() < deadline:
            for pid in shard_workers():
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                break
            time.sleep(0.01)

    killer = threading.Thread(target=kill_one_worker)
    killer.start()
    merged = canopy.ray.mc(WESTERN_SHIELD, runs, shards=2, seed=9, picture="perfect")
    killer.join()
    assert killed, "no worker was seen running a shard"
    assert merged.equals(local)
