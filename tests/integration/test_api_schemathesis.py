"""Property-based tests of the HTTP API from its own OpenAPI schema (schemathesis): no server
error, and every response valid against the schema (status, content type, body)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from spiral.config import Settings
from spiral.serve.api import create_app
from tests.integration.serve_store import build_store

# slow: about 40 s on an idle 2-core machine; run with `make test-all` or `-m slow`
pytestmark = [pytest.mark.integration, pytest.mark.slow]
# Schema-valid values the data cannot serve are refused with 422 and the allowed values: a
# well-formed code no report names, a fit window without events, a cursor the API never gave.
# So a "schema-valid request rejected" is no failure here; every other check runs.
DATA_DEPENDENT = [schemathesis.checks.positive_data_acceptance]
STORE = {}


def _schema(tmp_path: Path):
    if "schema" not in STORE:
        from spiral.serve.api import warm

        store = build_store(tmp_path / "store.duckdb")
        app = create_app(Settings(db=store, api_token="s3cret"))
        warm(app)  # as `spiral serve` runs it: listings on the event loop, kept answers
        STORE["schema"] = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    return STORE["schema"]


@pytest.fixture(scope="module")
def operations(tmp_path_factory) -> dict:
    schema = _schema(tmp_path_factory.mktemp("schemathesis"))
    return {result.ok().label: result.ok() for result in schema.get_all_operations()}


LABELS = ["GET /api/v1/documents", "POST /api/v1/documents", "GET /api/v1/documents/{doc_id}",
          "GET /api/v1/events", "GET /api/v1/stories", "GET /api/v1/stories/{story_id}",
          "GET /api/v1/quotes", "GET /api/v1/red-lines", "GET /api/v1/red-lines/{red_line_id}",
          "GET /api/v1/positions", "GET /api/v1/actors", "GET /api/v1/actors/{code}",
          "GET /api/v1/index", "GET /api/v1/dynamics/scenarios", "GET /api/v1/dynamics/fit", "GET /api/v1/dynamics/forecast",
          "POST /api/v1/dynamics/forecast", "GET /api/v1/dynamics/qq",
          "GET /api/v1/dynamics/backtest", "GET /api/v1/dynamics/backtest/origins",
          "GET /api/v1/dynamics/rolling", "GET /api/v1/search", "POST /api/v1/imports/{system}"]
# fits and simulations take a second each; fewer examples keep the suite within minutes
EXAMPLES = {label: 4 for label in LABELS if "/dynamics/" in label and "scenarios" not in label}
N_EXAMPLES = int(os.environ.get("SPIRAL_SCHEMATHESIS_EXAMPLES", "25"))  # raise for a deeper run


def test_api_schema_lists_the_operations_tested(operations: dict) -> None:
    assert sorted(operations) == sorted(LABELS)


@pytest.mark.parametrize("label", LABELS)
def test_api_conforms_to_its_schema(operations: dict, label: str) -> None:
    operation = operations[label]
    # the token opens everything but coding posted documents, which would load spaCy per example
    headers = {} if label == "POST /api/v1/documents" else {"Authorization": "Bearer s3cret"}

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES.get(label, N_EXAMPLES), deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case) -> None:
        case.call_and_validate(headers=headers, excluded_checks=DATA_DEPENDENT, timeout=120)

    check()
