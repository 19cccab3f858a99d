"""Shared fixtures: the repository, the bundled corpus, ../shared evaluation data, store targets."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

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


@pytest.fixture
def postgres_dsn() -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped afterwards; skips without a server.

    `.ci/run` starts a throwaway server and sets SPIRAL_TEST_POSTGRES; locally, point it at any
    server where the user may create databases, e.g. postgresql://me@/postgres?host=/tmp/pg.
    """
    admin = os.environ.get("SPIRAL_TEST_POSTGRES")
    if not admin:
        pytest.skip("SPIRAL_TEST_POSTGRES is not set (.ci/run starts a PostgreSQL server for this)")
    import psycopg

    name = f"spiral_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    parts = urlsplit(admin)
    yield urlunsplit(parts._replace(path=f"/{name}"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(params=["duckdb", "postgres"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store lives, once per backend: a DuckDB file, then a PostgreSQL database."""
    if request.param == "duckdb":
        return str(tmp_path / "store.duckdb")
    return request.getfixturevalue("postgres_dsn")
