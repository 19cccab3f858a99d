"""`spiral eval plover` on the PLOVER gold records in ../shared (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spiral.serve.cli import app

pytestmark = [pytest.mark.integration, pytest.mark.model]


def test_eval_plover_reports_the_agreed_keys(shared_data: Path) -> None:
    gold = shared_data / "plover" / "PLOVER_GSR_CAMEO.json"
    result = CliRunner().invoke(app, ["eval", "plover", "--data", str(gold), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["n_records"] == 322
    assert {"macro_f1", "accuracy", "actor_country_accuracy", "recipient_country_accuracy"} <= set(scores)
    assert set(scores["per_type"]) <= {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                                       "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
                                       "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    # the targets are 0.80 and 0.85; the coder stood at 0.852 and 0.885 when last raised
    assert scores["macro_f1"] >= 0.84 and scores["actor_country_accuracy"] >= 0.87
    assert scores["recipient_country_accuracy"] >= 0.80
