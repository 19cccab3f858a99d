"""GDELT import speed: rows/s of spiral's streaming reader vs plain csv.reader, same file, same run.

    .venv/bin/python benchmarks/gdelt_import.py --rows 500000 --format json

The file is synthetic (written here, fixed seed) in the GDELT 2.0 layout: 61 tab-separated
columns, no header. Both readers run on one core; the ratio is what the target is about.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import tempfile
import time
from pathlib import Path

import pyarrow as pa

from spiral.ingest.imports.gdelt import read_gdelt

CODES = ["010", "020", "036", "042", "043", "057", "0332", "111", "120", "138", "173", "190",
         "193", "195"]
ACTORS = [("RUS", "RUSSIA"), ("UKR", "UKRAINE"), ("USA", "UNITED STATES"), ("GBR", "UNITED KINGDOM"),
          ("IRN", "IRAN"), ("ISR", "ISRAEL"), ("", "")]


def write_file(path: Path, n_rows: int) -> None:
    rng = random.Random(0)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n_rows):
            row = [""] * 61
            day = f"2024{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            (a1, n1), (a2, n2) = rng.choice(ACTORS), rng.choice(ACTORS)
            row[0], row[1], row[2], row[3] = str(1_200_000_000 + i), day, day[:6], day[:4]
            row[5], row[6], row[7], row[15], row[16], row[17] = a1, n1, a1, a2, n2, a2
            code = rng.choice(CODES)
            row[26], row[27], row[28] = code, code[:3], code[:2]
            row[30], row[31], row[60] = f"{rng.uniform(-10, 10):.1f}", str(rng.randint(1, 50)), \
                f"https://example.org/{i}"
            handle.write("\t".join(row) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--format", choices=["json", "text"], default="text")
    args = parser.parse_args()
    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)
    os.environ.setdefault("POLARS_MAX_THREADS", "1")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.export.CSV"
        write_file(path, args.rows)
        began = time.perf_counter()
        with path.open(newline="", encoding="utf-8") as handle:
            n_plain = sum(1 for _ in csv.reader(handle, delimiter="\t"))
        plain_seconds = time.perf_counter() - began
        began = time.perf_counter()
        quarantined: list = []
        n_events = sum(frame.height for frame in read_gdelt(path, quarantined.append))
        spiral_seconds = time.perf_counter() - began
    result = {
        "rows": n_plain, "events_kept": n_events, "quarantined": len(quarantined),
        "spiral_rows_per_s": n_plain / spiral_seconds, "csv_reader_rows_per_s": n_plain / plain_seconds,
        "ratio_vs_csv_reader": plain_seconds / spiral_seconds,
    }
    print(json.dumps(result, indent=2) if args.format == "json" else result)


if __name__ == "__main__":
    main()
