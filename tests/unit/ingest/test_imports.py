"""Importers: files in each published layout map to PLOVER; bad rows are quarantined with their
physical line and the reason, and the rest is read."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from spiral import plover
from spiral.errors import InputError
from spiral.ingest.imports import ImportLog, read_events
from spiral.ingest.imports.acled import actor_country
from spiral.ingest.imports.gdelt import COLUMNS, COLUMNS_V1, MENTION_COLUMNS, native_fields
from spiral.ingest.imports.icews import icews_country
from spiral.store import open_store

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"
FILES = {"gdelt": "gdelt.export.csv", "icews": "icews.tab", "polecat": "polecat.tab",
         "acled": "acled.csv"}


def _read(system: str, path: Path | None = None) -> tuple[pl.DataFrame, ImportLog]:
    log = ImportLog()
    frames = list(read_events(system, path or FIXTURES / FILES[system], log))
    return pl.concat(frames) if frames else pl.DataFrame(), log


def _gdelt_row(event_id: int, code: str = "190", columns: list[str] = COLUMNS,
               day: str = "20241121") -> str:
    values = dict.fromkeys(columns, "")
    values.update({"GLOBALEVENTID": str(event_id), "SQLDATE": day, "Actor1Code": "RUS",
                   "Actor1Name": "RUSSIA", "Actor1CountryCode": "RUS", "Actor2Code": "UKR",
                   "Actor2Name": "UKRAINE", "Actor2CountryCode": "UKR", "EventCode": code,
                   "GoldsteinScale": "-10.0", "SOURCEURL": f"https://example.org/{event_id}"})
    return "\t".join(values[c] for c in columns)


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
    frame, log = _read(system)
    found = {(r["actor_code"], r["event_type"], r["mode"], r["recipient_code"], str(r["date"]))
             for r in frame.iter_rows(named=True)}
    assert expected <= found
    assert frame["system"].unique().to_list() == [system]
    assert all(i.startswith(f"{system}:") for i in frame["id"])
    (bad,) = log.quarantined
    assert bad.origin.startswith(str(FIXTURES / FILES[system]) + ":")
    assert log.n_rows == frame.height + len(log.quarantined) + log.n_unmapped


def test_imports_keep_the_source_intensity_in_typed_columns() -> None:
    gdelt, _ = _read("gdelt")
    assert native_fields(gdelt["native"][0])["GoldsteinScale"] == "-10"
    assert gdelt["source_intensity"][0] == -10.0 and gdelt["intensity"][0] != 0
    icews, _ = _read("icews")
    assert icews["source_intensity"].to_list()[:2] == [-10.0, -9.5]
    acled, _ = _read("acled")
    assert json.loads(acled["native"][0])["fatalities"] == "0"
    assert acled["fatalities"].dtype == pl.Int64 and acled["fatalities"][0] == 0


def test_imports_count_what_plover_does_not_code() -> None:
    frame, log = _read("gdelt")
    assert "gdelt:1200000005" not in frame["id"].to_list()  # CAMEO 010: a statement
    assert log.unmapped == {"CAMEO 01x: public statements have no PLOVER type": 1}


def test_imports_read_gzip_zip_and_a_byte_order_mark(tmp_path: Path) -> None:
    text = (FIXTURES / FILES["icews"]).read_bytes()
    packed = tmp_path / "icews.tab.gz"
    packed.write_bytes(gzip.compress(b"\xef\xbb\xbf" + text))
    archive = tmp_path / "events.zip"  # a name that does not say it is a zip
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("icews.2024.tab", b"\xef\xbb\xbf" + text)
    expected = _read("icews")[0]
    assert _read("icews", packed)[0]["id"].to_list() == expected["id"].to_list()
    zipped, log = _read("icews", archive)
    assert zipped["id"].to_list() == expected["id"].to_list()
    assert log.quarantined[0].origin == f"{archive}!icews.2024.tab:5"


def test_imports_gdelt_layouts_1_and_2_in_zip_archives(tmp_path: Path) -> None:
    for name, columns in (("2.0", COLUMNS), ("1.0", COLUMNS_V1), ("1.0 back file", COLUMNS_V1[:-1])):
        archive = tmp_path / f"{len(columns)}.export.CSV.zip"
        with zipfile.ZipFile(archive, "w") as handle:
            handle.writestr("20241121.export.CSV",
                            "\n".join(_gdelt_row(i, columns=columns) for i in range(3)) + "\n")
        frame, log = _read("gdelt", archive)
        assert frame.height == 3 and not log.quarantined, name
        assert frame["event_type"].unique().to_list() == ["ASSAULT"]
        assert native_fields(frame["native"][0])["EventCode"] == "190"


def test_imports_quarantine_bad_rows_by_physical_line_and_keep_the_rest(tmp_path: Path) -> None:
    lines = [_gdelt_row(i).encode() for i in range(10)]
    lines[2] = lines[2].rsplit(b"\t", 5)[0]  # too few fields
    lines[4] = lines[4].replace(b"RUSSIA", b"RUSS\xe9A")  # not UTF-8
    lines[6] = _gdelt_row(6, day="2024-11-21").encode()
    path = tmp_path / "events.export.CSV"
    path.write_bytes(b"\n".join(lines) + b"\n")
    frame, log = _read("gdelt", path)
    assert frame.height == 7
    origins = {q.origin.rsplit(":", 1)[1]: q.reason for q in log.quarantined}
    assert set(origins) == {"3", "5", "7"}
    assert "56 fields where GDELT 2.0 rows have 61" in origins["3"]
    assert "not UTF-8" in origins["5"] and "'Actor1Name'" in origins["5"]
    assert "SQLDATE" in origins["7"]


def test_imports_quarantine_lines_count_quoted_newlines(tmp_path: Path) -> None:
    header = (FIXTURES / FILES["acled"]).read_text(encoding="utf-8").splitlines()[0]
    row = (FIXTURES / FILES["acled"]).read_text(encoding="utf-8").splitlines()[1]
    multi = row.replace("UKR900001", "UKR900002").replace(
        '"A missile hit', '"A missile\nhit')
    broken = row.replace("UKR900001", "UKR900003") + ",extra"
    path = tmp_path / "acled.csv"
    path.write_text("\n".join([header, row, multi, broken, row.replace("UKR900001", "UKR9")])
                    + "\n", encoding="utf-8")
    frame, log = _read("acled", path)
    assert frame.height == 3
    (bad,) = log.quarantined
    assert bad.origin == f"{path}:5"


def test_imports_icews_repeated_ids_are_kept_apart(tmp_path: Path) -> None:
    lines = (FIXTURES / FILES["icews"]).read_text(encoding="utf-8").splitlines()
    again = lines[1].replace("2024-11-21", "2024-11-23")
    path = tmp_path / "icews.tab"
    path.write_text("\n".join([*lines[:3], again, lines[1]]) + "\n", encoding="utf-8")
    frame, log = _read("icews", path)
    assert frame.height == 4 == frame["id"].n_unique()
    assert log.n_repeated_ids == 2


def test_imports_polecat_as_published_without_headline(tmp_path: Path) -> None:
    lines = (FIXTURES / FILES["polecat"]).read_text(encoding="utf-8").splitlines()
    names = lines[0].split("\t")
    keep = [i for i, n in enumerate(names) if n != "Headline"]
    weekly = ["\t".join(line.split("\t")[i] for i in keep) + "\t\t" for line in lines[:3]]
    path = tmp_path / "ngecEvents.20241125.Release700.DV.txt"
    path.write_text("\n".join([weekly[0].rstrip("\t"), *weekly[1:]]) + "\n", encoding="utf-8")
    frame, log = _read("polecat", path)
    assert frame.height == 2 and not log.quarantined
    assert frame["text"].to_list() == ["", ""]
    named = tmp_path / "headline_named.txt"  # a header naming Headline that no row has
    named.write_text("\n".join([lines[0], *["\t".join(line.split("\t")[i] for i in keep)
                                            for line in lines[1:3]]]) + "\n", encoding="utf-8")
    assert _read("polecat", named)[0].height == 2


def test_imports_acled_older_layout_and_spreadsheet_dates(tmp_path: Path) -> None:
    path = tmp_path / "acled_2018.csv"
    path.write_text(
        "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,"
        "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,"
        "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
        "notes,fatalities,timestamp,iso3\n"
        "1,804,UKR1,1,9-May-18,2018,1,Battle-No change of territory,Military Forces of Ukraine "
        "(2014-),,1,Military Forces of Russia (2000-),,8,18,Europe,Ukraine,Donetsk,,,Avdiivka,"
        "48.1,37.7,1,Wire,National,Shelling near Avdiivka.,2,1526000000,UKR\n"
        "2,804,UKR2,2,10/05/2018,2018,1,Strategic development,Military Forces of Ukraine "
        "(2014-),,1,,,0,10,Europe,Ukraine,Donetsk,,,Avdiivka,48.1,37.7,1,Wire,National,"
        "Troops moved.,0,1526000000,UKR\n", encoding="utf-8")
    frame, log = _read("acled", path)
    assert frame.select("actor_code", "recipient_code", "event_type", "date", "directed").rows() \
        == [("UKR", "RUS", "ASSAULT", date(2018, 5, 9), False)]
    assert log.unmapped == {"ACLED 'Strategic development': no one PLOVER type": 1}


def test_imports_acled_troop_movements_are_counted_not_lost(tmp_path: Path) -> None:
    text = (FIXTURES / FILES["acled"]).read_text(encoding="utf-8")
    path = tmp_path / "acled.csv"
    path.write_text(text.replace("Air/drone strike", "Change to group/activity"), encoding="utf-8")
    _, log = _read("acled", path)
    assert sum(log.unmapped.values()) == 1
    assert "troop movements" in next(iter(log.unmapped))


def test_imports_wrong_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="acled"):
        _read("acled", FIXTURES / FILES["icews"])
    with pytest.raises(InputError, match="unknown data set"):
        _read("gdelts", FIXTURES / FILES["gdelt"])
    with pytest.raises(InputError, match="gdelt-mentions"):
        mentions = tmp_path / "20241121.mentions.CSV"
        mentions.write_text("\t".join(["1"] * 16) + "\n", encoding="utf-8")
        _read("gdelt", mentions)


def test_imports_into_the_store_are_idempotent(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        for _ in range(2):
            for system, name in FILES.items():
                for frame in read_events(system, FIXTURES / name, ImportLog()):
                    store.add_event_frame(frame)
        frame = store.events_frame(system="gdelt")
        assert frame.height == 5
        assert store.counts()["events"] == 14
        (event,) = store.events(actor="RUS", recipient="USA", system="gdelt")
        assert event.event_type == "THREATEN" and event.actor[0].code == "RUS"
        acled = store.events_frame(system="acled")
        assert not any(acled["directed"]) and acled["fatalities"].to_list() == [0, 0, 0]


@pytest.mark.parametrize("code", sorted(plover.cameo_codes()))
def test_cameo_every_code_maps_or_says_why(code: str) -> None:
    mapped = plover.cameo_to_plover(code)
    if code.startswith("01"):
        assert mapped is None
        assert plover.cameo_unmapped_reason(code).startswith("CAMEO 01x")
        return
    assert mapped is not None and plover.cameo_unmapped_reason(code) is None
    event_type, mode, _ = mapped
    assert event_type in plover.EVENT_TYPES
    assert not mode or mode in plover.EVENT_TYPES[event_type].modes, (code, mode)
    root_types = {"02": {"REQUEST"}, "03": {"AGREE"}, "04": {"CONSULT"}, "05": {"SUPPORT"},
                  "06": {"COOPERATE"}, "07": {"AID"}, "08": {"CONCEDE", "RETREAT"},
                  "09": {"ACCUSE"}, "10": {"REQUEST"}, "11": {"ACCUSE"}, "12": {"REJECT"},
                  "13": {"THREATEN"}, "14": {"PROTEST"}, "15": {"MOBILIZE"},
                  "16": {"SANCTION"}, "17": {"COERCE", "ASSAULT"},
                  "18": {"ASSAULT"}, "19": {"ASSAULT", "COERCE"}, "20": {"ASSAULT"}}
    assert event_type in root_types[code[:2]], code


@pytest.mark.parametrize("code, expected", [
    ("1384", ("THREATEN", "military")), ("1385", ("THREATEN", "nuclear")),
    ("151", ("MOBILIZE", "police")), ("153", ("MOBILIZE", "police")),
    ("152", ("MOBILIZE", "troops")), ("154", ("MOBILIZE", "troops")),
    ("164", ("SANCTION", "withdraw")), ("166", ("SANCTION", "expel")),
])
def test_issue_13_cameo_modes_follow_the_codebook(code: str, expected: tuple) -> None:
    assert plover.cameo_to_plover(code)[:2] == expected


def test_cameo_unknown_codes_are_reported() -> None:
    assert plover.cameo_to_plover("999") is None
    assert "not in the CAMEO codebook" in plover.cameo_unmapped_reason("---")


# Country strings as the data sets write them (ICEWS: ISO 3166 short names; ACLED: actor names).
ICEWS_NAMES = {
    "Russian Federation": "RUS", "Ukraine": "UKR", "United States": "USA",
    "Occupied Palestinian Territory": "PSE", "Congo": "COG",
    "Congo, The Democratic Republic of the": "COD", "Moldova, Republic of": "MDA",
    "Korea, Republic of": "KOR", "Korea, Democratic People's Republic of": "PRK",
    "Iran, Islamic Republic of": "IRN", "Syrian Arab Republic": "SYR",
    "Tanzania, United Republic of": "TZA", "Viet Nam": "VNM",
    "Lao People's Democratic Republic": "LAO", "Libyan Arab Jamahiriya": "LBY",
    "Venezuela, Bolivarian Republic of": "VEN", "Bolivia, Plurinational State of": "BOL",
    "Macedonia, the former Yugoslav Republic of": "MKD", "Taiwan, Province of China": "TWN",
    "Micronesia, Federated States of": "FSM", "Holy See (Vatican City State)": "VAT",
    "Cote d'Ivoire": "CIV", "Brunei Darussalam": "BRN", "Czech Republic": "CZE",
    "United Kingdom": "GBR", "Swaziland": "SWZ", "Myanmar": "MMR", "Turkey": "TUR",
}
ACLED_ACTORS = {
    "Military Forces of the United States (2025-)": "USA",
    "Military Forces of Russia (2000-)": "RUS", "Military Forces of Ukraine (2019-)": "UKR",
    "Police Forces of Ukraine (2019-)": "UKR", "Civilians (Ukraine)": "UKR",
    "Government of the Democratic Republic of Congo (2019-)": "COD",
    "Military Forces of the Democratic Republic of Congo (2019-)": "COD",
    "Military Forces of Israel (2022-)": "ISR", "Protesters (Palestine)": "PSE",
    "Military Forces of the Republic of Congo (1997-)": "COG",
    "Rioters (eSwatini)": "SWZ", "Military Forces of Russia (2000-) Air Force": "RUS",
}


@pytest.mark.parametrize("name, code", sorted(ICEWS_NAMES.items()))
def test_countries_as_icews_writes_them(name: str, code: str) -> None:
    assert icews_country(name) == code


@pytest.mark.parametrize("name, code", sorted(ACLED_ACTORS.items()))
def test_countries_as_acled_writes_them(name: str, code: str) -> None:
    assert actor_country(name) == code


def test_imports_stream_a_zip_member_not_the_whole_archive(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as handle:
        handle.writestr("a.export.CSV", "\n".join(_gdelt_row(i) for i in range(5)) + "\n")
        handle.writestr("b.export.CSV", "\n".join(_gdelt_row(i) for i in range(5, 8)) + "\n")
    path = tmp_path / "two.zip"
    path.write_bytes(buffer.getvalue())
    assert _read("gdelt", path)[0].height == 8


def test_imports_gdelt_mentions_name_the_articles_of_events(tmp_path: Path) -> None:
    fields = dict.fromkeys(MENTION_COLUMNS, "")
    fields.update({"GLOBALEVENTID": "1200000001", "EventTimeDate": "20241119120000",
                   "MentionTimeDate": "20241119143000", "MentionType": "1",
                   "MentionSourceName": "example.org", "SentenceID": "2",
                   "MentionIdentifier": "https://example.org/a", "Confidence": "80"})
    good = "\t".join(fields[c] for c in MENTION_COLUMNS)
    bad = good.replace("20241119143000", "yesterday")
    archive = tmp_path / "20241119.mentions.CSV.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("20241119.mentions.CSV", f"{good}\n{bad}\n")
    frame, log = _read("gdelt-mentions", archive)
    assert frame.select("event_id", "source", "url", "confidence").rows() == [
        ("gdelt:1200000001", "example.org", "https://example.org/a", 80.0)]
    assert [q.origin.rsplit(":", 1)[1] for q in log.quarantined] == ["2"]
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.add_mention_frame(frame) == 1
        assert store.mentions_frame(event_id="gdelt:1200000001")["url"].to_list() == [
            "https://example.org/a"]
