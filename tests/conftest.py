"""Shared fixtures: paths to the repository, the bundled corpus and ../shared evaluation data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or skip: a user's fresh clone has no ../shared."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present (evaluation data lives outside the repo)")
    return SHARED_DATA
