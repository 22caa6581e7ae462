"""The Python package against the command line: the same summaries, tables and errors, with the
GIL released while simulating and Ctrl-C stopping a batch."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import threading
import time

import pyarrow.parquet as pq
import pytest

import canopy
from canopy_cli import BAD_SCENARIOS, WESTERN_SHIELD, cli


def assert_same_table(ours, theirs) -> None:
    """Equal schemas and equal cells, column by column (naming the first that differs)."""
    assert ours.schema == theirs.schema
    assert ours.num_rows == theirs.num_rows
    for name in theirs.column_names:
        assert ours.column(name).to_pylist() == theirs.column(name).to_pylist(), name
    assert ours.equals(theirs)


def test_import_does_not_import_ray():
    code = "import sys, canopy; assert 'ray' not in sys.modules; print(canopy.ray.__name__)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "canopy.ray"


def test_mc_equals_the_cli_runs_parquet_cell_for_cell(tmp_path):
    cli("mc", WESTERN_SHIELD, "--runs", 8, "--seed", 5, "--threads", 2, "--out", tmp_path)
    theirs = pq.read_table(tmp_path / "runs.parquet")
    ours = canopy.mc(WESTERN_SHIELD, 8, seed=5, threads=2)
    assert ours.num_rows == 8
    assert ours.column("replication").to_pylist() == list(range(8))
    assert_same_table(ours, theirs)
    assert_same_table(canopy.mc(WESTERN_SHIELD, 8, seed=5, threads=1), theirs)


def test_mc_with_overlays_picture_and_planner_equals_the_cli(tmp_path):
    cli(
        "mc",
        WESTERN_SHIELD,
        "--runs",
        4,
        "--picture",
        "perfect",
        "--planner",
        "baseline",
        "--set",
        "authority.mode=delegated",
        "--set",
        "patrol.pl-cap-lviv=remove",
        "--out",
        tmp_path,
    )
    ours = canopy.mc(
        WESTERN_SHIELD,
        4,
        picture="perfect",
        planner="baseline",
        set={"authority.mode": "delegated", "patrol.pl-cap-lviv": "remove"},
    )
    assert_same_table(ours, pq.read_table(tmp_path / "runs.parquet"))
    assert set(ours.column("picture").to_pylist()) == {"perfect"}


def test_run_and_events_match_canopy_run(tmp_path):
    summary, log = tmp_path / "run.json", tmp_path / "events.jsonl"
    cli("run", WESTERN_SHIELD, "--seed", 7, "--json", summary, "--events", log)
    night = canopy.run(WESTERN_SHIELD, seed=7)
    assert night == json.loads(summary.read_text())
    assert night["seed"] == 7 and night["launched"] > 0
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    table = canopy.events(WESTERN_SHIELD, seed=7)
    assert table.num_rows == len(lines)
    assert table.column("kind").to_pylist() == [line["kind"] for line in lines]
    launch = next(i for i, line in enumerate(lines) if line["kind"] == "launch")
    assert table.column("threat").to_pylist()[launch] == lines[launch]["threat"]


def test_replication_zero_of_mc_is_run():
    first = canopy.mc(WESTERN_SHIELD, 1, seed=3, picture="perfect").to_pylist()[0]
    night = canopy.run(WESTERN_SHIELD, seed=3, picture="perfect")
    assert first["leaked"] == night["leaked"]
    assert first["interceptor_cost_usd"] == night["interceptor_cost_usd"]


def test_compare_equals_the_cli_compare_json(tmp_path):
    cli(
        "compare",
        WESTERN_SHIELD,
        "--option",
        "per engagement:",
        "--option",
        "delegated:authority.mode=delegated",
        "--runs",
        3,
        "--picture",
        "perfect",
        "--out",
        tmp_path,
    )
    ours = canopy.compare(
        WESTERN_SHIELD,
        {"per engagement": {}, "delegated": {"authority.mode": "delegated"}},
        runs=3,
        picture="perfect",
    )
    assert ours == json.loads((tmp_path / "compare.json").read_text())


def test_validate_prints_what_the_cli_prints():
    assert canopy.validate(WESTERN_SHIELD) == cli("validate", WESTERN_SHIELD).strip()


def expectations(toml):
    """The line, the key and the texts a bad scenario's message must hold (its .expect file)."""
    texts = toml.with_suffix(".expect").read_text().splitlines()
    line = re.match(rf"{re.escape(toml.name)}:(\d+):", texts[0])
    key = next((m.group(1) for t in texts if (m := re.fullmatch(r"field `(.+)`", t))), None)
    return (int(line.group(1)) if line else None), key, texts


@pytest.mark.parametrize("toml", sorted(BAD_SCENARIOS.glob("*.toml")), ids=lambda p: p.stem)
def test_a_bad_scenario_raises_scenario_error_with_line_and_key(toml):
    line, key, texts = expectations(toml)
    with pytest.raises(canopy.ScenarioError) as caught:
        canopy.validate(toml)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.file == str(toml)
    assert str(error) == error.message
    for text in texts:
        assert text in error.message
    if line is not None:
        assert error.line == line and error.column >= 1
    if key is not None:
        assert error.key == key
    assert error.problem in error.message and error.allowed in error.message


def test_every_function_raises_scenario_error_for_a_bad_file():
    bad = BAD_SCENARIOS / "latitude-123.toml"
    for call in (lambda: canopy.run(bad), lambda: canopy.events(bad), lambda: canopy.mc(bad, 2)):
        with pytest.raises(canopy.ScenarioError) as caught:
            call()
        assert (caught.value.line, caught.value.key) == (52, "site[0].at")


def test_bad_arguments_are_refused_with_their_reason():
    with pytest.raises(canopy.ScenarioError) as caught:
        canopy.run(WESTERN_SHIELD, set={"zone.west-of-26e.east_of_meridian": 24.0})
    assert caught.value.key == "zone.west-of-26e.east_of_meridian"
    assert "coalition-not-east-of-26e" in caught.value.allowed
    with pytest.raises(ValueError, match="is not KEY=VALUE"):
        canopy.run(WESTERN_SHIELD, set=["authority.mode"])
    with pytest.raises(ValueError, match="blurry"):
        canopy.run(WESTERN_SHIELD, picture="blurry")
    with pytest.raises(ValueError, match="runs is 0"):
        canopy.mc(WESTERN_SHIELD, 0)
    with pytest.raises(ValueError, match="seed"):
        canopy.run(WESTERN_SHIELD, seed=-1)
    with pytest.raises(canopy.ScenarioError) as caught:
        canopy.run(WESTERN_SHIELD.with_name("no-such-file.toml"))
    assert caught.value.line is None and "cannot read" in caught.value.problem


def test_merge_takes_only_the_files_of_parts():
    manifest = {"manifest.json": b"{}"}
    for name in ["../manifest.json", "runs-/../../x.json", "runs.parquet"]:
        with pytest.raises(ValueError, match="not a file of a Monte Carlo's parts"):
            canopy._canopy.merge([{**manifest, name: b"[]"}])
    with pytest.raises(ValueError, match="has no manifest.json"):
        canopy._canopy.merge([{"runs-0000000000-0000000001.json": b"[]"}])


def test_the_gil_is_released_while_simulating():
    done = threading.Event()

    def batch():
        canopy.mc(WESTERN_SHIELD, 6, seed=1, threads=1)
        done.set()

    worker = threading.Thread(target=batch)
    ticks = []
    worker.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    worker.join()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(ticks) > 50, "the main thread ran while the batch did"
    assert max(gaps) < 0.5, f"the main thread waited {max(gaps):.2f} s for the GIL"


def test_the_interpreter_exits_cleanly_after_many_tables():
    # Tables read from Python-owned bytes were released on Arrow's threads at exit, which then
    # took the GIL while the interpreter finalised and aborted the process now and then.
    code = (
        "import canopy\n"
        "for _ in range(25):\n"
        f"    canopy.mc({str(WESTERN_SHIELD)!r}, 2, picture='perfect')\n"
        f"    canopy.events({str(WESTERN_SHIELD)!r}, picture='perfect')\n"
    )
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


def test_ctrl_c_interrupts_a_long_batch():
    # The child sets Python's own SIGINT handler, whatever the environment it inherits (a job
    # started in the background by a shell may have SIGINT ignored).
    code = (
        "import canopy, signal\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "print('started', flush=True)\n"
        f"canopy.mc({str(WESTERN_SHIELD)!r}, 100000, threads=1)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert child.stdout.readline().strip() == "started"
    time.sleep(1.5)
    child.send_signal(signal.SIGINT)
    sent = time.perf_counter()
    try:
        _, stderr = child.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        child.kill()
        pytest.fail("the batch went on after Ctrl-C")
    assert time.perf_counter() - sent < 10
    assert child.returncode != 0
    assert "KeyboardInterrupt" in stderr
