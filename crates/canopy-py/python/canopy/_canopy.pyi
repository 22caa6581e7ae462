"""Type stubs of the native module ``canopy._canopy`` (crates/canopy-py/src/lib.rs).

The public API is :mod:`canopy`; these are the calls it makes.
"""

from typing import Optional, TypedDict

class Choices(TypedDict):
    """What every run of a call shares."""

    seed: Optional[int]
    picture: Optional[str]
    planner: Optional[str]
    set: list[str]

OptionTuple = tuple[str, str, list[str]]

class ScenarioError(ValueError):
    """A scenario file that cannot be accepted, with where and what."""

    file: str
    """The file, as it was named."""
    line: Optional[int]
    """1-based line, or None when the problem is the whole file (empty, binary, unreadable)."""
    column: Optional[int]
    """1-based column, or None."""
    key: Optional[str]
    """The field path, e.g. ``raid[2].count`` (0-based indices), or None."""
    problem: str
    """What is wrong."""
    allowed: str
    """What would be accepted instead."""
    message: str
    """The whole message, as ``canopy validate`` prints it."""

def validate(scenario: str) -> str: ...
def master_seed(scenario: str, source: Optional[bytes], choices: Choices) -> int: ...
def run(scenario: str, choices: Choices) -> str: ...
def events(scenario: str, choices: Choices) -> bytes: ...
def mc(scenario: str, runs: int, threads: int, choices: Choices) -> bytes: ...
def mc_shard(
    scenario: str, source: Optional[bytes], runs: int, shard: str, threads: int, choices: Choices
) -> dict[str, bytes]: ...
def merge(shards: list[dict[str, bytes]]) -> bytes: ...
def compare(options: list[OptionTuple], runs: int, threads: int, choices: Choices) -> str: ...
def compare_shards(
    options: list[OptionTuple], seed: int, runs: int, shards: list[list[dict[str, bytes]]]
) -> str: ...
def sweep_grid(
    scenario: str, params: list[tuple[str, list[str]]], sets: list[str]
) -> list[OptionTuple]: ...
def record(
    table: str,
    from_: str,
    to: str,
    scenario: Optional[str],
    runs: int,
    threads: int,
    choices: Choices,
) -> tuple[str, bytes]: ...
def record_shard(
    table: str,
    from_: str,
    to: str,
    scenario: Optional[str],
    source: Optional[bytes],
    runs: int,
    shard: str,
    threads: int,
    choices: Choices,
) -> str: ...
def record_scores(
    table: str,
    from_: str,
    to: str,
    scenario: Optional[str],
    source: Optional[bytes],
    runs: int,
    choices: Choices,
    shards: list[str],
) -> tuple[str, bytes]: ...
