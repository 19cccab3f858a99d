"""Fuzzing `spiral ingest` as a user runs it (the real command, in this process for speed):
whatever the folder holds, no traceback, exit 0 or 2, every input stored, quarantined with a
reason or skipped with a reason, nothing stored twice, and a second run stores nothing new.

Profiles: SPIRAL_FUZZ=ci (the default: derandomized, so a fixed seed, about 200 inputs, part
of the fast suite) or SPIRAL_FUZZ=long (`make fuzz`: a random seed, 1,600 folders five times
larger, about 65 inputs each, over 100,000 in all; SPIRAL_FUZZ_EXAMPLES sets the number of
folders). The counts, and the seed, are written to
test-artifacts/fuzz-<profile>[-<SPIRAL_FUZZ_RUN>].json after every folder.

Seeds: `make fuzz` draws one and passes it as SPIRAL_FUZZ_SEED (`make fuzz FUZZ_SEED=N` reruns
it); pytest's `--hypothesis-seed=N` does the same. A failure found with a seed is replayed by
the same seed on the same code.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, example, given, seed, settings
from typer.testing import CliRunner

from spiral.records import document_id
from spiral.serve.cli import app
from tests.integration.fuzz.strategies import BOM, Spec, corpora, jsonl_records

pytestmark = pytest.mark.integration

PROFILE = os.environ.get("SPIRAL_FUZZ", "ci")
PROFILES = {
    "ci": settings(max_examples=12, derandomize=True, database=None, deadline=None,
                   suppress_health_check=list(HealthCheck)),
    "long": settings(max_examples=int(os.environ.get("SPIRAL_FUZZ_EXAMPLES", "1600")),
                     deadline=None, database=None, suppress_health_check=list(HealthCheck),
                     print_blob=True),
}
SEED = os.environ.get("SPIRAL_FUZZ_SEED")
MAX_PAGES, SCALE = {"ci": (1, 1), "long": (3, 5)}[PROFILE]
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
LEFT_OUT = re.compile(r"^  (quarantined|skipped) (.*?): (.+)$", re.MULTILINE)


class Tally(Counter):
    """Counts of what was generated and how spiral took it, saved after every folder (a long
    run stopped early still tells how far it got without a failure)."""

    def save(self) -> dict:
        ARTIFACTS.mkdir(exist_ok=True)
        report = {"profile": PROFILE, "seed": SEED, **dict(sorted(self.items()))}
        name = "-".join(filter(None, ["fuzz", PROFILE, os.environ.get("SPIRAL_FUZZ_RUN")]))
        (ARTIFACTS / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
        return report


@pytest.fixture(scope="module")
def tally() -> Iterator[Tally]:
    counts = Tally()
    yield counts
    print(f"\nfuzz ({PROFILE}): {json.dumps(counts.save())}")


def _write(folder: Path, outside: Path, specs: list[Spec]) -> None:
    for spec in specs:
        path = folder / spec.name
        if spec.kind == "link-out":
            path.symlink_to(outside)
        elif spec.kind == "link-dangling":
            path.symlink_to(folder / "no such file")
        else:
            path.write_bytes(spec.data)


def _expected(folder: Path, specs: list[Spec]) -> dict[str, list[str]]:
    """Per input file, the origins spiral must account for (the file itself, or its records)."""
    return {str(folder / s.name): [f"{folder / s.name}{r}" for r in s.records] or
            [str(folder / s.name)] for s in specs if s.kind != "sidecar"}


def _ingest(folder: Path, db: Path) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(app, ["-v", "ingest", str(folder), "--db", str(db)])
    exception = None if isinstance(result.exception, SystemExit) else result.exception
    return result.exit_code, result.stdout + result.stderr, exception


def _jsonl_gz(name: str, data: bytes) -> Spec:
    return Spec(name, gzip.compress(data, mtime=0), "jsonl", jsonl_records(data))


@PROFILES[PROFILE]
@(seed(int(SEED)) if SEED else lambda test: test)
@given(specs=corpora(max_pages=MAX_PAGES, scale=SCALE))
# the long profile's seed 2585538657208582342558583622980008058: a first line drawn as the
# bytes of a byte-order mark, so the file starts with a mark and a blank line (nothing to name)
@example(specs=[_jsonl_gz("00-a.jsonl.gz", BOM + b"\n" + json.dumps({"text": "Kyiv said."})
                          .encode() + b"\n" + BOM + b"\n")])
def test_fuzz_ingest_accounts_for_every_input(specs: list[Spec], tally: Tally) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder, db = Path(scratch) / "in", Path(scratch) / "s.duckdb"
        folder.mkdir()
        outside = Path(scratch) / "secret.txt"
        outside.write_text("root:x:0:0:root:/root:/bin/bash")
        _write(folder, outside, specs)
        expected = _expected(folder, specs)
        tally["examples"] += 1
        tally["inputs"] += sum(len(origins) for origins in expected.values())
        tally.update(f"files:{s.kind}" for s in specs)

        code, output, exception = _ingest(folder, db)
        assert exception is None, output
        assert "Traceback" not in output
        assert code in (0, 2), output
        if code == 2:
            assert output.startswith("error: "), output
            assert all(s.kind in ("other", "sidecar", "link-out", "link-dangling") for s in specs)
            tally["runs ending in error: (no readable file)"] += 1
            tally["folders passed"] += 1
            tally.save()
            return

        with duckdb.connect(str(db), read_only=True) as connection:
            documents = connection.execute("SELECT doc_id, text, origin FROM documents").fetchall()
            quarantine = dict(connection.execute("SELECT origin, reason FROM quarantine").fetchall())
        left_out = {origin: reason for _, origin, reason in LEFT_OUT.findall(output)}
        stored = {origin for _, _, origin in documents}
        assert all(reason.strip() for reason in quarantine.values())
        assert set(quarantine) <= set(left_out)  # every quarantined input named in the summary
        for path, origins in expected.items():
            if path in quarantine:  # the whole file refused (bad gzip, XML, a symlink ...)
                tally["inputs quarantined as part of a whole file"] += len(origins)
                continue
            for origin in origins:
                assert origin in stored or origin in left_out, (origin, output)
                tally["inputs stored" if origin in stored else "inputs quarantined or skipped"] += 1
        # nothing stored twice: one row per text (up to case and spacing), ids from the text
        assert len({doc_id for doc_id, _, _ in documents}) == len(documents)
        assert all(document_id(text) == doc_id for doc_id, text, _ in documents)

        code, output, exception = _ingest(folder, db)
        assert exception is None and code == 0, output
        assert " 0 new, " in output  # ingesting twice equals ingesting once
        tally["folders passed"] += 1
        tally.save()
