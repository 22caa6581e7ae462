"""The scenario format's JSON Schema, as `canopy schema` prints it, read by a real validator.

Every bundled scenario (scenarios/*.toml), converted to JSON, validates against it; three bad
scenarios are rejected by it, and by `canopy validate` too. The binary is the one named by the
CANOPY_BIN environment variable.
"""

import datetime
import json
import os
import pathlib
import re
import subprocess
import tomllib

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CANOPY = os.environ["CANOPY_BIN"]
SCENARIOS = sorted((ROOT / "scenarios").glob("*.toml"))
DEFAULT = ROOT / "scenarios" / "western-shield.toml"


def as_json(text):
    """A TOML text as JSON data, as an editor validating it sees it (date-times as text)."""

    def instant(value):
        if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
            return value.isoformat()
        raise TypeError(f"{value!r} is not JSON")

    return json.loads(json.dumps(tomllib.loads(text), default=instant))


@pytest.fixture(scope="module")
def validator():
    printed = subprocess.run([CANOPY, "schema"], capture_output=True, text=True, check=True)
    schema = json.loads(printed.stdout)
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft7Validator, schema.get("$schema")
    cls.check_schema(schema)
    return cls(schema)


def test_the_printed_schema_is_the_committed_copy(validator):
    committed = json.loads((ROOT / "schema" / "scenario.schema.json").read_text())
    assert validator.schema == committed


def test_every_bundled_scenario_names_the_schema_for_its_editor():
    assert len(SCENARIOS) >= 5
    for path in SCENARIOS:
        first = path.read_text().splitlines()[0]
        assert first == "#:schema ../schema/scenario.schema.json", path.name


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_a_bundled_scenario_validates(validator, path):
    errors = [e.message for e in validator.iter_errors(as_json(path.read_text()))]
    assert errors == []


# (what is wrong, a line of the default scenario, what replaces it, the key named in both errors)
BAD = [
    ("wrong type", r"^seed = 42\b", 'seed = "forty-two"', "seed"),
    ("unknown key", r"^\[authority\]$", "[authority]\nsurprise = true", "surprise"),
    ("bad enum value", r'^mode = "per-engagement"', 'mode = "sometimes"', "mode"),
]


@pytest.mark.parametrize("what,line,replacement,key", BAD, ids=[b[0] for b in BAD])
def test_a_bad_scenario_is_rejected_by_the_schema_and_by_canopy(
    validator, tmp_path, what, line, replacement, key
):
    text, replaced = re.subn(line, replacement, DEFAULT.read_text(), count=1, flags=re.M)
    assert replaced == 1, what
    errors = list(validator.iter_errors(as_json(text)))
    assert errors, f"the schema accepts a scenario with a {what}"
    assert any(key in e.message or key in e.path for e in errors), [e.message for e in errors]

    bad = tmp_path / "bad.toml"
    bad.write_text(text)
    checked = subprocess.run([CANOPY, "validate", str(bad)], capture_output=True, text=True)
    assert checked.returncode != 0, checked.stdout
    assert f"{bad}:" in checked.stderr and key in checked.stderr, checked.stderr
