"""Real event data sets at scale (issue 13): import, re-import, index and stories, as ratios
measured in the same run on the same synthetic file.

    .venv/bin/python benchmarks/datasets.py --rows 1000000 --format json

The GDELT file is synthetic, written here from a seed in the GDELT 2.0 layout (61 tab-separated
columns, no header); no third-party data is used. Figures:

- import_vs_duckdb: duckdb loading the same file into a table of text columns
  (`read_csv(...).to_table`) divided by `spiral import` of it (target at least 0.8), in
  wall-clock seconds and in CPU seconds (`*_cpu`: on a machine others share, CPU time moves
  less with their load than wall time does); the median of `--repeat` pairs of runs, each
  pair back to back (`*_runs` and `load_average_runs` give each);
- peak_rss_mb at a quarter of the rows and at all of them (target: not growing with the file,
  under 400 MB for a 1 GB file); each import runs in its own process; `--memory-rows 4000000`
  adds the peak of a 1.1 GB file;
- reimport_speedup: first import / importing the unchanged file again (target at least 10),
  and the store's size before and after the second import (target: equal);
- index_s: `escalation_index(stories(events))` over every imported event, reading them from
  the store included (target under 5 s for 1M events), and index_cpu_s;
- stories_s: `stories` over `--mentions` coded news mentions (target under 30 s for 200k).

The load average before and after the run is reported beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

CODES = ["010", "020", "036", "042", "043", "057", "0332", "111", "120", "138", "1384", "151",
         "173", "190", "193", "194", "195"]
COUNTRIES = ["RUS", "UKR", "USA", "GBR", "IRN", "ISR", "CHN", "FRA", "DEU", "TUR", ""]


def write_gdelt(path: Path, n_rows: int, seed: int = 0) -> None:
    """A GDELT 2.0 events file of `n_rows` rows, from `seed`."""
    rng = random.Random(seed)
    first = date(2023, 1, 1)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n_rows):
            row = [""] * 61
            day = (first + timedelta(days=rng.randrange(730))).strftime("%Y%m%d")
            a1, a2 = rng.choice(COUNTRIES), rng.choice(COUNTRIES)
            row[0], row[1], row[2], row[3] = str(1_000_000_000 + i), day, day[:6], day[:4]
            row[4] = f"{day[:4]}.{rng.randrange(1000):03d}"
            row[5], row[6], row[7] = a1 + "GOV" * bool(a1), a1 and f"{a1} GOVERNMENT", a1
            row[12] = "GOV" if a1 else ""
            row[15], row[16], row[17] = a2 + "MIL" * bool(a2), a2 and f"{a2} MILITARY", a2
            row[22] = "MIL" if a2 else ""
            code = rng.choice(CODES)
            row[25], row[26], row[27], row[28] = "1", code, code[:3], code[:2]
            row[29] = str(rng.randint(1, 4))
            row[30], row[31], row[32], row[33] = f"{rng.uniform(-10, 10):.1f}", \
                str(rng.randint(1, 50)), str(rng.randint(1, 9)), str(rng.randint(1, 50))
            row[34] = f"{rng.uniform(-10, 5):.6f}"
            row[51], row[52], row[53] = "4", "Kyiv, Kyyiv, Misto, Ukraine", "UP"
            row[56], row[57], row[58] = "50.4333", "30.5167", "-1044367"
            row[59], row[60] = day + "120000", f"https://news.example.org/{day}/{i}.html"
            handle.write("\t".join(row) + "\n")


def _child(code: str, *args: str) -> dict:
    """Run `code` in a fresh interpreter; it prints a JSON dict; add its peak RSS (MB)."""
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         check=True, env={**os.environ, "POLARS_MAX_THREADS": "1"})
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return result


IMPORT = """
import json, resource, sys, time
from pathlib import Path
from spiral.serve import jobs
from spiral.store import open_store
began, cpu = time.perf_counter(), time.process_time()
with open_store(sys.argv[2]) as store:
    summary = jobs.import_events(store, "gdelt", Path(sys.argv[1]))
seconds = time.perf_counter() - began
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": seconds, "n_stored": summary.n_stored,
                  "already": summary.already_imported, "cpu_s": time.process_time() - cpu,
                  "peak_rss_mb": usage.ru_maxrss / 1024}))
"""
DUCKDB = """
import json, resource, sys, time
import duckdb
began, cpu = time.perf_counter(), time.process_time()
con = duckdb.connect(sys.argv[2])
con.execute("SET threads = 1")
con.read_csv(sys.argv[1], sep="\\t", header=False, all_varchar=True, quotechar="").to_table("raw")
con.close()
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": time.perf_counter() - began, "cpu_s": time.process_time() - cpu,
                  "peak_rss_mb": usage.ru_maxrss / 1024}))
"""
INDEX = """
import json, sys, time
from spiral.analysis.escalation import covered_days, escalation_index
from spiral.analysis.stories import STORY_COLUMNS, stories
from spiral.store import open_store
began, cpu = time.perf_counter(), time.process_time()
with open_store(sys.argv[1], read_only=True) as store:
    events, documents = store.events_frame(columns=STORY_COLUMNS, ordered=False), store.documents_frame()
table = escalation_index(stories(events, ordered=False),
                         covered_days=covered_days(documents, events))
print(json.dumps({"seconds": time.perf_counter() - began, "n_events": events.height,
                  "cpu_s": time.process_time() - cpu, "n_rows": table.height}))
"""


def mentions_frame(n: int, seed: int = 0):
    """`n` coded news mentions (system spiral) of a crisis: 180 days, 6 countries, 4 types.

    They report n/4 underlying events, about four mentions each, from different outlets a day
    apart at most; a mention shares six of its event's eight words (a vocabulary of 5,000), so
    mentions of one event are alike and mentions of different events are not. That makes about
    nine mentions per dyad, type and day, all of which `stories` has to compare.
    """
    import polars as pl
    rng = random.Random(seed)
    first = date(2024, 6, 1)
    vocabulary = [f"w{i}" for i in range(5000)]
    rows = []
    for event in range(max(n // 4, 1)):
        a, r = rng.sample(COUNTRIES[:6], 2)
        kind = rng.choice(["ASSAULT", "THREATEN", "CONSULT", "ACCUSE"])
        day = first + timedelta(days=rng.randrange(180))
        words = rng.sample(vocabulary, 8)
        for _ in range(4):
            i = len(rows)
            if i >= n:
                break
            text = rng.sample(words, 6) + rng.sample(vocabulary, 2)
            rows.append({
                "id": f"evt_{i}", "doc_id": f"doc_{i}", "system": "spiral", "directed": True,
                "actor": json.dumps([{"code": a, "role": ""}]),
                "recipient": json.dumps([{"code": r, "role": ""}]),
                "actor_code": a, "recipient_code": r, "event_type": kind,
                "mode": rng.choice(["", "missile", "aerial"]) if kind == "ASSAULT" else "",
                "date": day + timedelta(days=rng.randrange(2)), "date_precision": "day",
                "quad_code": 4, "intensity": -9.0, "context": [], "negated": False,
                "hypothetical": False, "source": rng.choice(["Wire", "Post", "Desk", "Times"]),
                "text": " ".join(text)})
    return pl.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--mentions", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=["json", "text"], default="text")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of duckdb and the import, back to back; the ratios are "
                             "their medians")
    parser.add_argument("--memory-rows", type=int, default=0,
                        help="also import a file of this many rows (4000000 is about 1.1 GB) "
                             "for its peak memory alone")
    args = parser.parse_args()
    result: dict = {"rows": args.rows, "mentions": args.mentions,
                    "load_average_before": os.getloadavg()}
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        small, large = base / "small.export.CSV", base / "large.export.CSV"
        write_gdelt(small, max(args.rows // 4, 1), args.seed)
        write_gdelt(large, args.rows, args.seed)
        result["file_mb"] = large.stat().st_size / 2**20
        peak_small = _child(IMPORT, str(small), str(base / "small.duckdb"))["peak_rss_mb"]
        pairs = []  # (duckdb, import) run back to back, so that both meet the same load
        for i in range(args.repeat):
            for leftover in base.glob("*duck.duckdb*"):
                leftover.unlink()
            store = base / ("store.duckdb" if i == 0 else f"store{i}.duckdb")
            pairs.append((_child(DUCKDB, str(large), str(base / "duck.duckdb")),
                          _child(IMPORT, str(large), str(store)),
                          os.getloadavg()[0]))
        duck, first, _ = pairs[0]
        size_before = (base / "store.duckdb").stat().st_size
        again = _child(IMPORT, str(large), str(base / "store.duckdb"))
        size_after = (base / "store.duckdb").stat().st_size
        index = _child(INDEX, str(base / "store.duckdb"))
        from spiral.analysis.stories import stories
        if args.memory_rows:
            huge = base / "huge.export.CSV"
            write_gdelt(huge, args.memory_rows, args.seed)
            result["memory_file_mb"] = huge.stat().st_size / 2**20
            result["peak_rss_mb_memory_rows"] = _child(
                IMPORT, str(huge), str(base / "huge.duckdb"))["peak_rss_mb"]
            huge.unlink()
        frame = mentions_frame(args.mentions, args.seed)
        began = time.perf_counter()
        found = stories(frame)
        stories_s = time.perf_counter() - began
    walls = [d["seconds"] / i["seconds"] for d, i, _ in pairs]
    cpus = [d["cpu_s"] / i["cpu_s"] for d, i, _ in pairs]
    result.update({
        "duckdb_s": duck["seconds"], "import_s": first["seconds"],
        "import_vs_duckdb": statistics.median(walls),
        "duckdb_cpu_s": duck["cpu_s"], "import_cpu_s": first["cpu_s"],
        "import_vs_duckdb_cpu": statistics.median(cpus),
        "import_vs_duckdb_runs": [round(r, 3) for r in walls],
        "import_vs_duckdb_cpu_runs": [round(r, 3) for r in cpus],
        "load_average_runs": [round(load, 2) for _, _, load in pairs],
        "events_stored": first["n_stored"],
        "peak_rss_mb_quarter": peak_small,
        "peak_rss_mb": max(i["peak_rss_mb"] for _, i, _ in pairs),
        "duckdb_peak_rss_mb": duck["peak_rss_mb"],
        "reimport_s": again["seconds"], "reimport_skipped": again["already"],
        "reimport_speedup": first["seconds"] / again["seconds"],
        "store_mb_before": size_before / 2**20, "store_mb_after": size_after / 2**20,
        "index_s": index["seconds"], "index_cpu_s": index["cpu_s"],
        "index_events": index["n_events"],
        "stories_s": stories_s, "stories_found": found.height,
        "load_average_after": os.getloadavg(),
    })
    print(json.dumps(result, indent=2) if args.format == "json" else result)


if __name__ == "__main__":
    main()
