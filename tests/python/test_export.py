"""`canopy export`: the default night (seed 1) as GeoJSON and KML, read back by Python's json and
xml.etree.

Every feature has a kind, every coordinate is on the Earth, the counts match the event log
(one path per launched threat, one point per kill, ...), every time is ISO-8601 UTC, and the
KML has the structure Google Earth reads. The binary is the one named by CANOPY_BIN.
"""

import collections
import datetime
import json
import os
import pathlib
import subprocess
import tomllib
import xml.etree.ElementTree as ET

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CANOPY = os.environ["CANOPY_BIN"]
SCENARIO = ROOT / "scenarios" / "western-shield.toml"
KML = "{http://www.opengis.net/kml/2.2}"
KINDS = {
    "threat_path", "launch", "kill", "impact", "miss_fall", "debris", "spillover", "site", "station"
}


def canopy(*args):
    """Runs canopy; fails the test with its error output if it fails."""
    done = subprocess.run([CANOPY, *map(str, args)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def night(tmp_path_factory):
    """The event log of the default scenario's seed 1, and its GeoJSON and KML exports."""
    folder = tmp_path_factory.mktemp("export")
    events = folder / "events.jsonl"
    canopy("run", SCENARIO, "--seed", 1, "--events", events)
    geojson, kml = folder / "night.geojson", folder / "night.kml"
    printed = canopy("export", events, "--scenario", SCENARIO, "--format", "geojson", "--out", geojson)
    assert printed.stdout.startswith(f"{geojson}: ")
    canopy("export", events, "--scenario", SCENARIO, "--format", "kml", "--out", kml)
    logged = [json.loads(line) for line in events.read_text().splitlines() if line.strip()]
    return logged, json.loads(geojson.read_text()), ET.parse(kml).getroot()


def points(geometry):
    """Every [lon, lat] of a GeoJSON geometry."""
    coordinates = geometry["coordinates"]
    kind = geometry["type"]
    if kind == "Point":
        return [coordinates]
    if kind == "LineString":
        return coordinates
    assert kind == "Polygon", kind
    return [p for ring in coordinates for p in ring]


def test_every_feature_has_a_kind_and_its_coordinates_on_the_earth(night):
    _, collection, _ = night
    assert collection["type"] == "FeatureCollection"
    assert collection["features"]
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert feature["properties"]["kind"] in KINDS, feature["properties"]
        for lon, lat in points(feature["geometry"]):
            assert -180 <= lon <= 180 and -90 <= lat <= 90, feature["properties"]["name"]
        if feature["properties"]["kind"] == "threat_path":
            assert feature["geometry"]["type"] == "LineString"
            assert len(feature["geometry"]["coordinates"]) >= 2


def expected_counts(logged):
    """The count of each kind of feature the log and the scenario call for."""
    events = collections.Counter(event["kind"] for event in logged)
    scenario = tomllib.loads(SCENARIO.read_text())
    return {
        "threat_path": events["threat_launched"],
        "launch": events["threat_launched"] + events["launch"],
        "kill": events["kill"],
        "debris": events["kill"],
        "impact": events["impact"],
        "miss_fall": events["miss"],
        "spillover": events["spillover"],
        "site": len(scenario["site"]),
        "station": len(scenario["patrol"]),
    }


def test_the_counts_match_the_event_log(night):
    logged, collection, _ = night
    expected = expected_counts(logged)
    assert expected["threat_path"] > 100 and expected["kill"] > 50, expected
    found = collections.Counter(f["properties"]["kind"] for f in collection["features"])
    assert {kind: found[kind] for kind in KINDS} == expected
    paths = [f["properties"]["threat"] for f in collection["features"]
             if f["properties"]["kind"] == "threat_path"]
    launched = [e["threat"] for e in logged if e["kind"] == "threat_launched"]
    assert paths == launched


def instant(text):
    """An ISO-8601 UTC instant."""
    assert text.endswith("Z"), text
    return datetime.datetime.fromisoformat(text[:-1] + "+00:00")


def test_every_feature_has_iso_8601_times_in_order(night):
    _, collection, _ = night
    for feature in collection["features"]:
        properties = feature["properties"]
        start, end = instant(properties["start"]), instant(properties["end"])
        assert start <= end, properties
        assert properties["start_s"] <= properties["end_s"]
        if start == end:
            assert properties["time"] == properties["start"]


def test_the_kml_has_the_structure_google_earth_reads(night):
    logged, _, root = night
    assert root.tag == f"{KML}kml"
    documents = root.findall(f"{KML}Document")
    assert len(documents) == 1
    found = collections.Counter()
    for folder in documents[0].findall(f"{KML}Folder"):
        assert folder.find(f"{KML}name").text
        for placemark in folder.findall(f"{KML}Placemark"):
            assert placemark.find(f"{KML}name").text
            data = {d.get("name"): d.find(f"{KML}value").text
                    for d in placemark.iterfind(f"{KML}ExtendedData/{KML}Data")}
            found[data["kind"]] += 1
            span, stamp = placemark.find(f"{KML}TimeSpan"), placemark.find(f"{KML}TimeStamp")
            if span is not None:
                assert instant(span.find(f"{KML}begin").text) <= instant(span.find(f"{KML}end").text)
            else:
                instant(stamp.find(f"{KML}when").text)
            style = placemark.find(f"{KML}styleUrl").text
            assert documents[0].find(f"{KML}Style[@id='{style[1:]}']") is not None, style
            geometry = [placemark.find(f"{KML}{g}") for g in ("Point", "LineString", "Polygon")]
            assert sum(g is not None for g in geometry) == 1
            coordinates = [c for c in placemark.iter(f"{KML}coordinates")]
            assert coordinates
            for text in coordinates:
                for point in text.text.split():
                    lon, lat = map(float, point.split(",")[:2])
                    assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert {kind: found[kind] for kind in KINDS} == expected_counts(logged)


def test_a_bad_log_is_refused_with_its_file_and_line(tmp_path):
    log = tmp_path / "broken.jsonl"
    log.write_text('{"kind": "run_end", "time_s": 1, "airborne": []}\n{"kind": "volcano"}\n')
    done = subprocess.run(
        [CANOPY, "export", log, "--scenario", SCENARIO, "--out", tmp_path / "out.geojson"],
        capture_output=True, text=True,
    )
    assert done.returncode != 0
    assert f"{log}:2:" in done.stderr, done.stderr
    assert "panicked" not in done.stderr
    assert not (tmp_path / "out.geojson").exists()
