"""Canopy's batches as Ray tasks, on whatever cluster ``ray.init`` connected to.

A batch is cut into shards exactly as ``canopy mc --shard K/N`` cuts it (shard K runs
replications ``floor((K-1)*runs/N)`` to ``floor(K*runs/N)``), one Ray task per shard, and the
shards' parts are merged as ``canopy merge`` merges them, so :func:`mc` returns the very table
:func:`canopy.mc` returns on one machine (and ``canopy mc`` writes), whatever the number of
shards and machines. :func:`compare` and :func:`sweep` do the same for every option of a
comparison, and :func:`record` for the nights of ``canopy record`` (shard K flies nights
``floor((K-1)*nights/N)`` to ``floor(K*nights/N)`` of the window, all their replications).

The scenario file is read here, on the machine that calls, and its bytes travel with the
tasks, so the other machines need the ``canopy`` package but not the file (files that the
scenario names, such as GeoJSON zones, must be at the same path on every machine).

A task whose worker dies (a machine lost, a process killed) is run again by Ray, up to
``max_retries`` times; as each shard is a pure function of its arguments, the retry gives the
same result, and a finished shard's result is kept in Ray's object store (and rebuilt from
its task if the machine holding it is lost). A shard that fails with ``OSError`` (a full
scratch disk, say) is retried too; other errors are raised. Ctrl-C while waiting cancels the
tasks.

Ray is imported only when a function here is called (``pip install "canopy[ray]"``). See
docs/cluster.md.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import _args, _canopy
from ._args import Overlays, Scenario

if TYPE_CHECKING:
    import pyarrow

    from ._canopy import Choices

__all__ = ["compare", "mc", "record", "sweep"]


def shard_task(
    scenario: str, source: bytes, runs: int, shard: str, threads: int, choices: Choices
) -> dict[str, bytes]:
    """One shard of a Monte Carlo, run on a Ray worker: the files of its ``parts/`` folder."""
    return _canopy.mc_shard(scenario, source, runs, shard, threads, choices)


def record_task(
    table: str,
    from_: str,
    to: str,
    scenario: str | None,
    source: bytes | None,
    runs: int,
    shard: str,
    threads: int,
    choices: Choices,
) -> str:
    """One shard of the record's nights, flown on a Ray worker: its replay as JSON text."""
    return _canopy.record_shard(
        table, from_, to, scenario, source, runs, shard, threads, choices
    )


@functools.cache
def _record_remote() -> Any:
    """:func:`record_task` as a Ray remote function (made once, when first needed)."""
    import ray

    return ray.remote(record_task)


@functools.cache
def _remote() -> Any:
    """:func:`shard_task` as a Ray remote function (made once, when first needed)."""
    import ray

    return ray.remote(shard_task)


def _submit(
    spec: _args.OptionTuple,
    source: Any,
    runs: int,
    shards: int,
    threads: int,
    choices: Choices,
    max_retries: int,
) -> list[Any]:
    """The tasks of every shard of one option's Monte Carlo."""
    _, scenario, overlays = spec
    remote = _remote().options(
        num_cpus=threads, max_retries=max_retries, retry_exceptions=[OSError]
    )
    option = {**choices, "set": overlays}
    return [
        remote.remote(scenario, source, runs, f"{k}/{shards}", threads, option)
        for k in range(1, shards + 1)
    ]


def _gather(tasks: list[list[Any]]) -> list[list[dict[str, bytes]]]:
    """The results of every task, in order; Ctrl-C cancels the tasks not finished."""
    import ray

    try:
        return [ray.get(option) for option in tasks]
    except KeyboardInterrupt:
        for option in tasks:
            for task in option:
                ray.cancel(task)
        raise


def _run(
    specs: list[_args.OptionTuple],
    runs: int,
    shards: int,
    seed: int | None,
    threads: int,
    picture: str | None,
    planner: str | None,
    max_retries: int,
) -> tuple[int, list[list[dict[str, bytes]]]]:
    """Runs every option's shards as Ray tasks; returns the master seed and each option's
    shards. Every option is validated here first, so a bad file raises
    :class:`canopy.ScenarioError` before any task starts."""
    import ray

    runs = _args.count(runs, "runs", 1)
    shards = _args.count(shards, "shards", 1)
    threads = _args.count(threads, "threads", 1)
    max_retries = _args.count(max_retries, "max_retries", 0)
    choices = _args.choices(seed, picture, planner, None)
    files = {scenario: _read(scenario) for _, scenario, _ in specs}
    seeds = [
        _canopy.master_seed(scenario, files[scenario], {**choices, "set": overlays})
        for _, scenario, overlays in specs
    ]
    choices["seed"] = seeds[0]
    sources = {scenario: ray.put(source) for scenario, source in files.items()}
    tasks = [
        _submit(spec, sources[spec[1]], runs, shards, threads, choices, max_retries)
        for spec in specs
    ]
    return seeds[0], _gather(tasks)


def _read(scenario: str) -> bytes:
    """The scenario file's bytes; one that cannot be read raises :class:`canopy.ScenarioError`,
    as the local functions do."""
    try:
        with open(scenario, "rb") as file:
            return file.read()
    except OSError:
        _canopy.validate(scenario)  # raises ScenarioError: "cannot read the file: ..."
        raise


def mc(
    scenario: Scenario,
    runs: int,
    shards: int,
    seed: int | None = None,
    threads: int = 1,
    picture: str | None = None,
    planner: str | None = None,
    set: Overlays | None = None,
    max_retries: int = 3,
) -> pyarrow.Table:
    """:func:`canopy.mc` as ``shards`` Ray tasks; the same table.

    Each task runs one shard (as ``canopy mc --shard K/SHARDS``) on ``threads`` threads and asks
    Ray for as many CPUs; the shards are merged as ``canopy merge`` merges them. A task whose
    worker dies is run again up to ``max_retries`` times. The other arguments are those of
    :func:`canopy.mc`.
    """
    spec = ("mc", _args.path(scenario), _args.overlays(set))
    _, (parts,) = _run([spec], runs, shards, seed, threads, picture, planner, max_retries)
    return _args.table(_canopy.merge(parts))


def compare(
    scenario: Scenario | None,
    options: Mapping[str, Overlays | Scenario],
    runs: int,
    shards: int,
    seed: int | None = None,
    threads: int = 1,
    picture: str | None = None,
    planner: str | None = None,
    set: Overlays | None = None,
    max_retries: int = 3,
) -> dict[str, Any]:
    """:func:`canopy.compare` with each option's batch as ``shards`` Ray tasks; the same
    comparison. All the options' tasks are submitted at once."""
    specs = _args.options(None if scenario is None else _args.path(scenario), options, set)
    return _compared(specs, runs, shards, seed, threads, picture, planner, max_retries)


def sweep(
    scenario: Scenario,
    params: Mapping[str, Sequence[Any]],
    runs: int,
    shards: int,
    seed: int | None = None,
    threads: int = 1,
    picture: str | None = None,
    planner: str | None = None,
    set: Overlays | None = None,
    max_retries: int = 3,
) -> dict[str, Any]:
    """:func:`canopy.sweep` with each option's batch as ``shards`` Ray tasks; the same
    comparison."""
    specs = _args.sweep_options(scenario, params, set)
    return _compared(specs, runs, shards, seed, threads, picture, planner, max_retries)


def _compared(
    specs: list[_args.OptionTuple],
    runs: int,
    shards: int,
    seed: int | None,
    threads: int,
    picture: str | None,
    planner: str | None,
    max_retries: int,
) -> dict[str, Any]:
    """The comparison of the options, their batches run as Ray tasks."""
    master, parts = _run(specs, runs, shards, seed, threads, picture, planner, max_retries)
    return json.loads(_canopy.compare_shards(specs, master, runs, parts))


def record(
    table: Scenario,
    from_: Any,
    to: Any,
    shards: int,
    scenario: Scenario | None = None,
    runs: int = 10,
    seed: int | None = None,
    threads: int = 1,
    picture: str | None = None,
    planner: str | None = None,
    max_retries: int = 3,
) -> tuple[dict[str, Any], pyarrow.Table]:
    """:func:`canopy.record` with the window's nights as ``shards`` Ray tasks; the same summary
    and table.

    Each task flies a contiguous slice of the nights (every replication of each) on ``threads``
    threads and asks Ray for as many CPUs; the record table's text and the defence file's bytes
    travel with the tasks. A task whose worker dies is run again up to ``max_retries`` times.
    The other arguments are those of :func:`canopy.record`.
    """
    import ray

    runs = _args.count(runs, "runs", 1)
    shards = _args.count(shards, "shards", 1)
    threads = _args.count(threads, "threads", 1)
    max_retries = _args.count(max_retries, "max_retries", 0)
    choices = _args.choices(seed, picture, planner, None)
    text = _args.record_table(table)
    first, last = _args.night(from_, "from_"), _args.night(to, "to")
    path = _args.optional_path(scenario)
    source = None if path is None else _read(path)
    if path is not None:
        choices["seed"] = _canopy.master_seed(path, source, choices)
    remote = _record_remote().options(
        num_cpus=threads, max_retries=max_retries, retry_exceptions=[OSError]
    )
    text_ref, source_ref = ray.put(text), ray.put(source)
    tasks = [
        remote.remote(
            text_ref, first, last, path, source_ref, runs, f"{k}/{shards}", threads, choices
        )
        for k in range(1, shards + 1)
    ]
    (parts,) = _gather([tasks])
    summary, nights = _canopy.record_scores(
        text, first, last, path, source, runs, choices, parts
    )
    return json.loads(summary), _args.table(nights)
