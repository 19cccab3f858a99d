"""Issue 17, defect 5: text from imported data sets cannot break or script the reports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.integration.reliability.cli import spiral

pytestmark = pytest.mark.integration

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "imports" / "gdelt.export.csv"
HOSTILE = {7: "<!--<script>", 17: "<img src=x onerror=alert(1)>"}  # Actor1/2CountryCode


@pytest.fixture
def hostile_store(tmp_path: Path, store: Path) -> Path:
    rows = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines()[:4]:
        fields = line.split("\t")
        for column, value in HOSTILE.items():
            fields[column] = value
        rows.append("\t".join(fields))
    export = tmp_path / "hostile.export.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    outcome = spiral("import", "gdelt", export, "--db", store)
    assert outcome.code == 0, outcome
    return store


def test_issue_17_report_json_cannot_leave_its_script_element(hostile_store: Path,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    outcome = spiral("report", "--db", hostile_store, "--out", out)
    assert outcome.code == 0, outcome
    page = out.read_text(encoding="utf-8")
    specs = {}
    for body in page.split('<script type="application/json" id="spec-')[1:]:
        name, rest = body.split('">', 1)
        data, _ = rest.split("</script>", 1)
        # nothing inside the element can open a comment, a script or a tag: the parser stays
        # in the plain script-data state and the first </script> ends it
        assert not re.search(r"<!--|<script|</|<img", data, re.IGNORECASE), name
        specs[name] = json.loads(data)
    codes = {row["actor_code"] for row in specs["overview-heatmap"]["data"]["values"]}
    assert codes == {HOSTILE[7]}


def test_issue_17_markdown_report_writes_no_html(hostile_store: Path) -> None:
    outcome = spiral("report", "--db", hostile_store, "--format", "md")
    assert outcome.code == 0, outcome
    assert "<script" not in outcome.out and "<img" not in outcome.out
    assert "&lt;img src=x onerror=alert(1)&gt;" in outcome.out
