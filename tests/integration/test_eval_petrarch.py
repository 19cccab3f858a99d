"""`spiral eval petrarch` on the PETRARCH suite in ../shared (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spiral.serve.cli import app

pytestmark = [pytest.mark.integration, pytest.mark.model]


def test_eval_petrarch_imports_the_suite_dictionaries_and_reports_agreement(shared_data: Path) -> None:
    records = shared_data / "petrarch2" / "PETR.UnitTest.records.xml"
    result = CliRunner().invoke(app, ["eval", "petrarch", "--records", str(records),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    # 284 sentences less the 7 that test PETRARCH's own error handling
    assert report["n_records"] == 277
    assert report["cameo"]["records"] + report["weis"]["records"] + report["no_events"]["records"] == 277
    assert report["dictionary_entries"]["organisations"] >= 100 and not report["dictionary_problems"]
    # the fictional actors resolve only through the importer: without it no source would agree
    assert report["cameo"]["source_country"] >= 0.45 and report["cameo"]["target_country"] >= 0.48
    assert report["no_events"]["correctly_empty"] >= 12  # 13 of 20 when last measured
