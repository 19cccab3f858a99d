"""Importers: our fixtures in each format map to PLOVER, bad rows are quarantined with file:line."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import polars as pl
import pytest

from spiral.errors import InputError
from spiral.ingest.imports import read_events
from spiral.ingest.imports.gdelt import native_fields
from spiral.store import open_store

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"
FILES = {"gdelt": "gdelt.export.csv", "icews": "icews.tab", "polecat": "polecat.tab",
         "acled": "acled.csv"}


def _read(system: str, path: Path | None = None) -> tuple[pl.DataFrame, list]:
    quarantined: list = []
    frames = list(read_events(system, path or FIXTURES / FILES[system], quarantined.append))
    return pl.concat(frames), quarantined


@pytest.mark.parametrize("system, expected", [
    ("gdelt", {("UKR", "ASSAULT", "aerial", "RUS", "2024-11-19"),
               ("RUS", "THREATEN", "military", "USA", "2024-11-21"),
               ("IGO", "CONSULT", "visit", "UKR", "2024-11-26")}),
    ("icews", {("RUS", "ASSAULT", "artillery", "UKR", "2024-11-21"),
               ("RUS", "THREATEN", "military", "USA", "2024-11-22")}),
    ("polecat", {("RUS", "ASSAULT", "missile", "UKR", "2024-11-21"),
                 ("IGO", "CONSULT", "visit", "UKR", "2024-11-26")}),
    ("acled", {("RUS", "ASSAULT", "artillery", "UKR", "2024-11-21"),
               ("UKR", "ASSAULT", "aerial", "RUS", "2024-11-21")}),
])
def test_imports_map_to_plover(system: str, expected: set) -> None:
    frame, quarantined = _read(system)
    found = {(r["actor_code"], r["event_type"], r["mode"], r["recipient_code"], str(r["date"]))
             for r in frame.iter_rows(named=True)}
    assert expected <= found
    assert frame["system"].unique().to_list() == [system]
    assert all(i.startswith(f"{system}:") for i in frame["id"])
    (bad,) = quarantined
    assert bad.origin.startswith(str(FIXTURES / FILES[system]) + ":")


def test_imports_keep_native_columns() -> None:
    gdelt, _ = _read("gdelt")
    assert native_fields(gdelt["native"][0])["GoldsteinScale"] == "-10"
    acled, _ = _read("acled")
    assert json.loads(acled["native"][0])["fatalities"] == "0"


def test_imports_skip_what_plover_does_not_code() -> None:
    frame, _ = _read("gdelt")
    assert "gdelt:1200000005" not in frame["id"].to_list()  # CAMEO 010: a statement


def test_imports_read_gzip(tmp_path: Path) -> None:
    packed = tmp_path / "icews.tab.gz"
    packed.write_bytes(gzip.compress((FIXTURES / FILES["icews"]).read_bytes()))
    assert _read("icews", packed)[0].height == _read("icews")[0].height


def test_imports_wrong_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="acled"):
        _read("acled", FIXTURES / FILES["icews"])
    with pytest.raises(InputError, match="unknown data set"):
        _read("gdelts", FIXTURES / FILES["gdelt"])


def test_imports_into_the_store_are_idempotent(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        for _ in range(2):
            for system in FILES:
                for frame in read_events(system, FIXTURES / FILES[system], lambda q: None):
                    store.add_event_frame(frame)
        frame = store.events_frame(system="gdelt")
        assert frame.height == 5
        assert store.counts()["events"] == 14
        (event,) = store.events(actor="RUS", recipient="USA", system="gdelt")
        assert event.event_type == "THREATEN" and event.actor[0].code == "RUS"
