"""The arguments of the public functions, checked and put in the form the native module takes."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Union

from . import _canopy

if TYPE_CHECKING:
    import pyarrow

    from ._canopy import Choices

#: A scenario file: a path as text or a path-like object.
Scenario = Union[str, "os.PathLike[str]"]

#: Overlays: ``{"authority.mode": "delegated", ...}`` or ``["authority.mode=delegated", ...]``.
Overlays = Union[Mapping[str, Any], Iterable[str]]


def path(scenario: Scenario) -> str:
    """The scenario file's path as text."""
    if not isinstance(scenario, (str, os.PathLike)):
        raise TypeError(
            f"scenario must be a path (str or os.PathLike), not {type(scenario).__name__}"
        )
    return os.fspath(scenario)


def toml_value(value: Any) -> str:
    """A Python value as the VALUE of ``--set KEY=VALUE``.

    A ``str`` is passed as it is, so it is read as on the command line (a TOML value such as
    ``"24.0"`` or ``"{ pac3-mse = 4 }"`` when it is one, else text such as ``"delegated"``);
    ``bool``, ``int``, ``float``, lists and dicts are written as TOML.
    """
    if isinstance(value, str):
        return value
    return _toml(value)


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, Mapping):
        return (
            "{ " + ", ".join(f"{json.dumps(str(k))} = {_toml(v)}" for k, v in value.items()) + " }"
        )
    if isinstance(value, Sequence):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(
        f"an overlay value must be str, bool, int, float, list or dict, not {type(value).__name__}"
    )


def overlays(overlays: Overlays | None) -> list[str]:
    """The overlays as ``KEY=VALUE`` strings, in order."""
    if overlays is None:
        return []
    if isinstance(overlays, Mapping):
        return [f"{key}={toml_value(value)}" for key, value in overlays.items()]
    if isinstance(overlays, str):
        raise TypeError(
            "set must be a dict of KEY: VALUE or a list of 'KEY=VALUE' strings, not one str"
        )
    items = list(overlays)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(
                f"an overlay in a list must be a 'KEY=VALUE' str, not {type(item).__name__}"
            )
    return items


def seed(seed: int | None) -> int | None:
    """The master seed, checked: a whole number from 0 to 2**64 - 1, or None."""
    if seed is None:
        return None
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"seed must be an int, not {type(seed).__name__}")
    if not 0 <= seed < 2**64:
        raise ValueError(f"seed {seed} is outside 0 to 2**64 - 1")
    return seed


def count(value: int, name: str, least: int) -> int:
    """A whole number of at least ``least``, or an error naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < least:
        raise ValueError(f"{name} is {value}; it must be at least {least}")
    return value


def threads(value: int | None) -> int:
    """Worker threads: None (or 0) for one per core."""
    return 0 if value is None else count(value, "threads", 0)


def choices(
    seed_: int | None, picture: str | None, planner: str | None, set_: Overlays | None
) -> Choices:
    """What every run of a call shares, as the native module takes it."""
    for name, value in (("picture", picture), ("planner", planner)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return {"seed": seed(seed_), "picture": picture, "planner": planner, "set": overlays(set_)}


#: One option of a comparison as the native module takes it: name, scenario file, overlays.
OptionTuple = tuple[str, str, list[str]]


def options(
    scenario: Scenario | None, options: Mapping[str, Overlays | Scenario], common: Overlays | None
) -> list[OptionTuple]:
    """The options of a comparison: each value is the option's overlays on ``scenario`` (a dict
    or a list of ``KEY=VALUE``; empty for the file as it is), or another scenario file compared
    whole. ``common`` overlays go first in every option."""
    if not isinstance(options, Mapping) or not options:
        raise ValueError("options must be a non-empty dict: {name: overlays or scenario file}")
    shared = overlays(common)
    out = []
    for name, value in options.items():
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"option name {name!r} must be a non-empty str")
        if isinstance(value, (str, os.PathLike)):
            out.append((name, path(value), list(shared)))
        elif scenario is None:
            raise ValueError(f"option {name!r} gives overlays but no scenario file was given")
        else:
            out.append((name, path(scenario), shared + overlays(value)))
    return out


def sweep_options(
    scenario: Scenario, params: Mapping[str, Sequence[Any]], common: Overlays | None
) -> list[OptionTuple]:
    """The options of a sweep as ``canopy sweep`` makes them: one per combination of the
    values of ``params`` (``{key: [values]}``), the first key varying slowest."""
    if not isinstance(params, Mapping) or not params:
        raise ValueError("params must be a non-empty dict: {key: [values]}")
    grid = []
    for key, values in params.items():
        if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or not values:
            raise ValueError(f"the values of {key!r} must be a non-empty list")
        grid.append((key, [toml_value(value) for value in values]))
    return _canopy.sweep_grid(path(scenario), grid, overlays(common))


def table(parquet: bytes) -> pyarrow.Table:
    """The table of a Parquet file's bytes.

    The bytes are copied into Arrow's memory first: a reader over the Python ``bytes`` would be
    released on one of Arrow's threads, which must then take the GIL, and at the interpreter's
    exit that aborts the process (Python ends such a thread while C++ frames are on its stack).
    """
    import pyarrow
    import pyarrow.parquet

    sink = pyarrow.BufferOutputStream()
    sink.write(parquet)
    return pyarrow.parquet.read_table(pyarrow.BufferReader(sink.getvalue()))


def record_table(table: Scenario) -> str:
    """The text of a record table file (read as ``canopy record`` reads it)."""
    with open(path(table), encoding="utf-8") as file:
        return file.read()


def night(value: Any, name: str) -> str:
    """A night of the record as ``YYYY-MM-DD``: text, or a ``datetime.date``."""
    if isinstance(value, str):
        return value
    if hasattr(value, "isoformat") and not hasattr(value, "hour"):
        return str(value.isoformat())
    raise TypeError(f"{name} must be a str (YYYY-MM-DD) or a datetime.date, not {type(value).__name__}")


def optional_path(scenario: Scenario | None) -> str | None:
    """The defence scenario's path, or None for the default."""
    return None if scenario is None else path(scenario)
