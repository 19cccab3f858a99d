"""Scale: documents/s coding on Dask with 1 and 2 workers (ratio), rows/s writing each store.

    .venv/bin/python benchmarks/scale.py --copies 4 --rows 20000 --format json
    .venv/bin/python benchmarks/scale.py --postgres postgresql://me@/postgres?host=/tmp/pg

Coding: the bundled corpus (examples/corpus, 45 articles) repeated `--copies` times, coded on a
fresh LocalCluster of 1, then 2, worker processes (alternating, `--repeats` times each, medians);
the clock starts once every worker has loaded the pipeline and coded a warm-up batch, so the
figure is steady-state throughput. The target on a 2-core machine is a wall-clock ratio of at
least 1.7. On a shared machine the wall clock measures the neighbours too, so the workers' CPU
seconds are reported beside it: `ratio_2_vs_1_per_cpu` is the ratio were each worker given a
whole core (2 x docs per CPU second with 2 workers / the same with 1).

Writing: `--rows` synthetic events (fixed seed) upserted by `Store.add_events` in batches of
`--batch` into a new DuckDB file and, with --postgres (or SPIRAL_TEST_POSTGRES), a new PostgreSQL
database on that server.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from spiral.config import Settings
from spiral.ingest import read
from spiral.nlp import cluster
from spiral.records import Entity, Event
from spiral.store import open_store

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"


def docs_per_second(n_workers: int, copies: int) -> tuple[float, float, int]:
    """(documents per wall second, per worker CPU second, documents) on a new LocalCluster."""
    documents = list(read(CORPUS)) * copies
    settings = Settings()
    with cluster.cluster(workers=n_workers) as client:
        cluster.start_pipeline(client, settings)
        for _ in cluster.code(client, documents[: 2 * n_workers], settings=settings,
                              batch_size=1):
            pass  # warm-up: every worker has coded once
        cpu_before = client.run(time.process_time)
        began = time.perf_counter()
        n_coded = sum(len(batch) for batch in cluster.code(client, documents, settings=settings))
        wall_s = time.perf_counter() - began
        cpu_after = client.run(time.process_time)
    cpu_s = sum(cpu_after[w] - cpu_before[w] for w in cpu_before)
    return n_coded / wall_s, n_coded / cpu_s, n_coded


def synthetic_events(n_rows: int) -> list[Event]:
    rng = random.Random(0)
    codes = ["RUS", "UKR", "USA", "GBR", "IRN", "ISR"]
    return [Event(f"doc_{i // 5}", rng.choice(["ASSAULT", "THREATEN", "AID", "CONSULT"]),
                  i % 5 * 10, i % 5 * 10 + 9, f"report {i} text",
                  actor=(Entity("a", "a", rng.choice(codes)),),
                  recipient=(Entity("b", "b", rng.choice(codes)),),
                  date=date(2024, 1, 1) + timedelta(days=rng.randrange(365)),
                  context=("military",), intensity=rng.uniform(-10, 10))
            for i in range(n_rows)]


def rows_per_second(target: str, events: list[Event], batch: int) -> float:
    with open_store(target) as store:
        began = time.perf_counter()
        for start in range(0, len(events), batch):
            store.add_events(events[start:start + batch], system="bench")
        seconds = time.perf_counter() - began
        assert store.counts()["events"] == len(events)
    return len(events) / seconds


def fresh_postgres(admin: str) -> tuple[str, str]:
    import psycopg

    name = f"spiral_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return urlunsplit(urlsplit(admin)._replace(path=f"/{name}")), name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4, help="Times the corpus is coded.")
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=5_000)
    parser.add_argument("--postgres", default=os.environ.get("SPIRAL_TEST_POSTGRES"),
                        help="A server where a database may be created.")
    parser.add_argument("--repeats", type=int, default=2, help="Runs of each worker count.")
    parser.add_argument("--skip-coding", action="store_true")
    parser.add_argument("--format", choices=["json", "text"], default="text")
    args = parser.parse_args()

    result: dict[str, object] = {"cpu_count": os.cpu_count()}
    if not args.skip_coding:
        # alternate 1 and 2 workers so both see the same background load; medians of --repeats
        runs: dict[int, list[tuple[float, float, int]]] = {1: [], 2: []}
        for _ in range(args.repeats):
            for n_workers in (1, 2):
                runs[n_workers].append(docs_per_second(n_workers, args.copies))
        one, two = (statistics.median(r[0] for r in runs[n]) for n in (1, 2))
        cpu_one, cpu_two = (statistics.median(r[1] for r in runs[n]) for n in (1, 2))
        result |= {"documents": runs[1][0][2], "repeats": args.repeats,
                   "docs_per_s_1_worker": round(one, 2), "docs_per_s_2_workers": round(two, 2),
                   "ratio_2_vs_1": round(two / one, 2),
                   "docs_per_worker_cpu_s_1_worker": round(cpu_one, 2),
                   "docs_per_worker_cpu_s_2_workers": round(cpu_two, 2),
                   # what the ratio would be if each worker had a core to itself
                   "ratio_2_vs_1_per_cpu": round(2 * cpu_two / cpu_one, 2),
                   "load_average_1min": round(os.getloadavg()[0], 1)}
    events = synthetic_events(args.rows)
    with tempfile.TemporaryDirectory() as folder:
        result["rows"] = args.rows
        result["rows_per_s_duckdb"] = round(rows_per_second(
            str(Path(folder) / "bench.duckdb"), events, args.batch))
    if args.postgres:
        import psycopg

        dsn, name = fresh_postgres(args.postgres)
        try:
            result["rows_per_s_postgres"] = round(rows_per_second(dsn, events, args.batch))
        finally:
            with psycopg.connect(args.postgres, autocommit=True) as connection:
                connection.execute(f"DROP DATABASE {name} WITH (FORCE)")
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>24}: {value}")


if __name__ == "__main__":
    main()
