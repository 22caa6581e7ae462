"""Canopy, the coalition air-defence simulator, from Python.

Each function does what a ``canopy`` command does, with the same library code, and returns what
the command writes: :func:`run` the JSON summary of ``canopy run``, :func:`mc` the table of
``runs.parquet``, :func:`events` the event log as a table, :func:`compare` and :func:`sweep` the
``compare.json`` of ``canopy compare`` and ``canopy sweep``, :func:`record` the ``summary.json``
and ``nights.parquet`` of ``canopy record``; :func:`validate` checks a file like
``canopy validate`` and raises :class:`ScenarioError` with where and what.

Simulations run with the GIL released, so other Python threads go on meanwhile, and Ctrl-C (or a
notebook's interrupt button) stops a batch within about one replication's time, raising
``KeyboardInterrupt``. :mod:`canopy.ray` runs the same batches as Ray tasks on a cluster; it
imports Ray only when one of its functions is called.

Example::

    import canopy
    night = canopy.run("scenarios/western-shield.toml", seed=7)
    runs = canopy.mc("scenarios/western-shield.toml", runs=200, set={"authority.mode": "delegated"})
    runs.to_pandas()["leaked"].describe()

See docs/python.md in the repository.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from importlib import metadata
from typing import TYPE_CHECKING, Any

from . import _args, _canopy, ray
from ._args import Overlays, Scenario
from ._canopy import ScenarioError

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "ScenarioError",
    "compare",
    "events",
    "mc",
    "ray",
    "record",
    "run",
    "sweep",
    "validate",
]

try:
    __version__ = metadata.version("canopy")
except metadata.PackageNotFoundError:  # pragma: no cover - only when not installed
    __version__ = "unknown"


def validate(scenario: Scenario) -> str:
    """Check a scenario file as ``canopy validate`` does.

    Returns the one-line summary ``canopy validate`` prints for a valid file
    (``FILE: valid scenario `NAME`: 5 nations, 13 sites, ...``). Raises :class:`ScenarioError`
    for a file that is refused, with ``file``, ``line``, ``column``, ``key`` (the field path,
    e.g. ``raid[2].count``), ``problem``, ``allowed`` and ``message``.
    """
    return _canopy.validate(_args.path(scenario))


def run(
    scenario: Scenario,
    seed: int | None = None,
    picture: str | None = None,
    planner: str | None = None,
    set: Overlays | None = None,
) -> dict[str, Any]:
    """Simulate one night, as ``canopy run`` does; return its summary.

    The dict is the JSON that ``canopy run --json`` writes (``RunMetrics``, docs/metrics.md):
    ``launched``, ``leaked``, ``nations``, ``spillover``, ... ``seed`` defaults to the
    scenario's; ``picture`` is ``"tracked"`` (default) or ``"perfect"``; ``planner`` ``"wta"``
    (default) or ``"baseline"``; ``set`` changes keys of the scenario before it is validated,
    like ``--set`` (``{"authority.mode": "delegated"}``, docs/compare.md).
    """
    choices = _args.choices(seed, picture, planner, set)
    return json.loads(_canopy.run(_args.path(scenario), choices))


def events(
    scenario: Scenario,
    seed: int | None = None,
    picture: str | None = None,
    planner: str | None = None,
    set: Overlays | None = None,
) -> pyarrow.Table:
    """The event log of the night :func:`run` simulates, as a table.

    One row per event, in the order of ``canopy run --events`` (docs/events.md); the columns are
    ``kind`` and the union of every event kind's fields, flattened to dotted names
    (``at.lat_deg``, ``fall_point.lon_deg``, ...), null where an event's kind lacks the field,
    as in ``events.parquet``. The arguments are those of :func:`run`.
    """
    choices = _args.choices(seed, picture, planner, set)
    return _args.table(_canopy.events(_args.path(scenario), choices))


def mc(
    scenario: Scenario,
    runs: int,
    seed: int | None = None,
    threads: int | None = None,
    picture: str | None = None,
    planner: str | None = None,
    set: Overlays | None = None,
) -> pyarrow.Table:
    """Run a Monte Carlo of ``runs`` replications, as ``canopy mc`` does; return its runs.

    The table has the rows, columns and values of the ``runs.parquet`` that ``canopy mc --runs
    RUNS --seed SEED`` writes (docs/mc.md): one row per replication in order, the fields of
    ``RunMetrics`` flattened to dotted names (``nations.PL.cost_usd``). ``threads`` workers
    (default: one per core) do not change the result. The other arguments are those of
    :func:`run`; replication 0 is :func:`run` with the same seed (for scenarios that do not
    sample the library's ranges).
    """
    choices = _args.choices(seed, picture, planner, set)
    runs = _args.count(runs, "runs", 1)
    return _args.table(_canopy.mc(_args.path(scenario), runs, _args.threads(threads), choices))


def compare(
    scenario: Scenario | None,
    options: Mapping[str, Overlays | Scenario],
    runs: int,
    seed: int | None = None,
    threads: int | None = None,
    picture: str | None = None,
    planner: str | None = None,
    set: Overlays | None = None,
) -> dict[str, Any]:
    """Compare options with common random numbers, as ``canopy compare`` does.

    ``options`` maps each option's name to its overlays on ``scenario`` (``{}`` for the file as
    it is, as ``--option NAME:``), or to another scenario file compared whole; the first option
    is the reference. ``set`` applies to every option. Every option runs ``runs`` replications
    with the same master seed (default: the first option's scenario's). Returns the
    ``compare.json`` of ``canopy compare`` (docs/compare.md): ``seed``, ``runs``, ``options``
    and ``rows``, one per option and metric with its estimate and the paired difference to the
    first option.
    """
    specs = _args.options(None if scenario is None else _args.path(scenario), options, set)
    return _compared(specs, runs, seed, threads, picture, planner)


def sweep(
    scenario: Scenario,
    params: Mapping[str, Sequence[Any]],
    runs: int,
    seed: int | None = None,
    threads: int | None = None,
    picture: str | None = None,
    planner: str | None = None,
    set: Overlays | None = None,
) -> dict[str, Any]:
    """Compare the grid of options spanned by ``params``, as ``canopy sweep`` does.

    ``params`` maps overlay keys to their values (``{"authority.approval_delay": ["0s", "60s"]}``,
    as ``--param KEY=v1,v2``); the options are every combination, the first key varying
    slowest, named by their settings; the first is the reference. Returns the comparison as
    :func:`compare` does.
    """
    specs = _args.sweep_options(scenario, params, set)
    return _compared(specs, runs, seed, threads, picture, planner)


def _compared(
    specs: list[_args.OptionTuple],
    runs: int,
    seed: int | None,
    threads: int | None,
    picture: str | None,
    planner: str | None,
) -> dict[str, Any]:
    """The comparison of the options, run in this process."""
    choices = _args.choices(seed, picture, planner, None)
    runs = _args.count(runs, "runs", 1)
    return json.loads(_canopy.compare(specs, runs, _args.threads(threads), choices))


def record(
    table: Scenario,
    from_: Any,
    to: Any,
    scenario: Scenario | None = None,
    runs: int = 10,
    seed: int | None = None,
    threads: int | None = None,
    picture: str | None = None,
    planner: str | None = None,
) -> tuple[dict[str, Any], pyarrow.Table]:
    """Replay the strike record's nights against a defence, as ``canopy record`` does.

    ``table`` is your copy of the record table (docs/validation.md); ``from_`` and ``to`` the
    window's first and last nights (``"YYYY-MM-DD"`` or ``datetime.date``, included);
    ``scenario`` the defence (default: ``scenarios/ukraine-2025.toml`` of the source tree the
    package was built from); ``runs`` replications a night, each drawing the library's fitted
    numbers. Returns the ``summary.json`` of ``canopy record --runs RUNS --seed SEED`` (without a
    counterfactual) as a dict, and its ``nights.parquet`` as a table. ``threads`` workers
    (default: one per core) do not change the result.
    """
    choices = _args.choices(seed, picture, planner, None)
    runs = _args.count(runs, "runs", 1)
    summary, nights = _canopy.record(
        _args.record_table(table),
        _args.night(from_, "from_"),
        _args.night(to, "to"),
        _args.optional_path(scenario),
        runs,
        _args.threads(threads),
        choices,
    )
    return json.loads(summary), _args.table(nights)
