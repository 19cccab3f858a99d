"""Fixtures of the reliability tests: a fresh store path per test."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store" / "spiral.duckdb"
