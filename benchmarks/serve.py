"""Load test of `spiral serve` on the loopback address: N concurrent clients for S seconds
against a store of synthetic imported events; p50/p95/p99 latency and errors per endpoint.

    python benchmarks/serve.py --events 1000000 --clients 50 --seconds 30 --format json
    python benchmarks/serve.py --computed   # the server keeps no answered pages

Bounded: it binds and sends only to 127.0.0.1, with a fixed number of clients for a fixed
time. The store is built once (`--db`, default out/bench-serve.duckdb) and reused.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CODES = ["RUS", "UKR", "USA", "GBR", "FRA", "DEU", "POL", "CHN", "IRN", "ISR", "TUR", "IND",
         "PAK", "PRK", "KOR", "JPN", "SYR", "LBN", "IRQ", "SAU", "YEM", "EGY", "BLR", "GEO",
         "ARM", "AZE", "SRB", "HUN", "ITA", "ESP", "CAN", "AUS", "BRA", "MEX", "ZAF", "NGA",
         "ETH", "SDN", "LBY", "AFG"]
TYPES = ["ASSAULT", "THREATEN", "ACCUSE", "CONSULT", "AID", "SANCTION", "REQUEST", "REJECT",
         "MOBILIZE", "AGREE", "SUPPORT", "COERCE", "PROTEST", "RETREAT", "COOPERATE", "CONCEDE"]


def build_store(path: Path, n_events: int, seed: int = 0) -> None:
    """`n_events` synthetic imported events over two years, uniform over 40 x 39 dyads."""
    import numpy as np
    import polars as pl

    sys.path.insert(0, str(ROOT / "src"))
    from spiral.plover import EVENT_TYPES
    from spiral.store import open_store

    rng = np.random.default_rng(seed)
    actor = rng.integers(0, len(CODES), n_events)
    recipient = (actor + rng.integers(1, len(CODES), n_events)) % len(CODES)
    kind = rng.integers(0, len(TYPES), n_events)
    day = rng.integers(0, 730, n_events)
    first = date(2023, 1, 1)
    codes = np.array(CODES)
    types = np.array(TYPES)
    entity = '[{{"entity_text": "{0}", "entity_name": "{0}", "code": "{0}", "sector": "GOV", ' \
             '"role": "", "role_valid_from": null, "role_valid_to": null, "wikidata_id": null}}]'
    frame = pl.DataFrame({
        "id": [f"evt_bench{i:09d}" for i in range(n_events)],
        "doc_id": [f"bench:{i // 20}" for i in range(n_events)],
        "system": "gdelt",
        "event_type": types[kind],
        "mode": "",
        "actor_code": codes[actor],
        "recipient_code": codes[recipient],
        "date": [first + timedelta(days=int(d)) for d in day],
    }).with_columns(
        pl.lit([], dtype=pl.List(pl.String)).alias("context"),
        pl.col("actor_code").map_elements(entity.format, return_dtype=pl.String).alias("actor"),
        pl.col("recipient_code").map_elements(entity.format, return_dtype=pl.String)
        .alias("recipient"),
        pl.lit("day").alias("date_precision"),
        pl.col("event_type").replace_strict({k: v.quad_code for k, v in EVENT_TYPES.items()},
                                            return_dtype=pl.Int64).alias("quad_code"),
        pl.col("event_type").replace_strict({k: v.intensity for k, v in EVENT_TYPES.items()},
                                            return_dtype=pl.Float64).alias("intensity"),
        pl.lit("").alias("cameo"), pl.lit(False).alias("negated"),
        pl.lit(False).alias("hypothetical"),
        pl.concat_str(pl.col("actor_code"), pl.lit(" and "), pl.col("recipient_code"),
                      pl.lit(" event "), pl.col("id").str.slice(-6)).alias("text"),
        pl.lit(0).alias("start"), pl.lit(20).alias("end"),
        pl.lit(None, dtype=pl.String).alias("native"))
    with open_store(path) as store:
        for chunk in frame.iter_slices(200_000):
            store.add_event_frame(chunk)


def migrate_store(path: Path) -> None:
    """A store built by an earlier version, brought to this version's schema (the server opens
    stores read-only and will not migrate them)."""
    sys.path.insert(0, str(ROOT / "src"))
    from spiral.store import open_store

    with open_store(path):
        pass


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _load(host: str, port: int, endpoints: dict[str, str], clients: int, seconds: float
                ) -> dict[str, list]:
    """`clients` concurrent clients, each on its own keep-alive connection, sending the next
    request when the last answer is read, until `seconds` are over: (latency, ok) per request.

    The client speaks HTTP/1.1 over asyncio streams: it shares the machine's cores with the
    server, and httpx cost more CPU per request (1.5 ms) than the server did. Every request is
    timed from before it is sent to the end of its body, connecting included; a status other
    than 200, a broken connection or no answer within 60 s is an error (then it reconnects).
    """
    results: dict[str, list] = {name: [] for name in endpoints}
    names = list(endpoints)
    requests = {name: f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode("ascii")
                for name, path in endpoints.items()}
    stop = time.monotonic() + seconds

    async def client(k: int) -> None:
        reader = writer = None
        i = k
        while time.monotonic() < stop:
            name = names[i % len(names)]
            i += 1
            started = time.perf_counter()
            try:
                async with asyncio.timeout(60):
                    if writer is None:
                        reader, writer = await asyncio.open_connection(host, port)
                    writer.write(requests[name])
                    status, keep_alive = await _response(reader)
                ok = status == 200
            except (OSError, EOFError, ValueError, TimeoutError):
                ok, keep_alive = False, False
            results[name].append((time.perf_counter() - started, ok))
            if not keep_alive and writer is not None:
                writer.close()
                reader = writer = None
        if writer is not None:
            writer.close()

    await asyncio.gather(*(client(k) for k in range(clients)))
    return results


async def _response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """(status, whether the connection stays open) of the answer, its body read whole."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")
    else:
        raise ValueError("an answer with neither Content-Length nor chunked encoding")
    return status, headers.get("connection") != "close"


def _run(load: Any) -> Any:
    """`load` run on uvloop's event loop where there is one (as the server's), else asyncio's."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(load)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(load)


def _cpu_seconds(pid: int) -> float | None:
    """CPU time (user and system) a process used so far (Linux), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_rss_mb(pid: int) -> int | None:
    """The server's peak resident memory (Linux), or None where /proc does not tell."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    kb = next((int(line.split()[1]) for line in status.splitlines()
               if line.startswith("VmHWM:")), None)
    return None if kb is None else kb // 1024


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "out" / "bench-serve.duckdb")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--format", choices=["table", "json"], default="table")
    parser.add_argument("--computed", action="store_true",
                        help="every page computed: the server keeps no answers "
                             "(SPIRAL_ANSWER_CACHE_MB=0), as when no two requests are alike")
    args = parser.parse_args()
    args.clients = max(1, min(args.clients, 200))
    args.seconds = max(1.0, min(args.seconds, 300.0))

    if not args.db.exists():
        started = time.perf_counter()
        args.db.parent.mkdir(parents=True, exist_ok=True)
        build_store(args.db, args.events)
        print(f"built {args.db} with {args.events} events in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)
    else:
        migrate_store(args.db)
    # the machine's load before the server starts: what others run on the shared cores
    load_before = [round(x, 2) for x in os.getloadavg()]
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"),
           **({"SPIRAL_ANSWER_CACHE_MB": "0"} if args.computed else {})}
    server = subprocess.Popen([sys.executable, "-c", "from spiral.serve.cli import app; app()",
                               "serve", "--db", str(args.db), "--host", "127.0.0.1", "--port",
                               str(port)], env=env, stdout=subprocess.DEVNULL)
    try:
        import httpx

        # the server computes story events, the index and the overview before it listens
        launched = time.monotonic()
        deadline = launched + 1800
        while True:
            try:
                httpx.get(f"{base}/api/v1/openapi.json", timeout=2)
                break
            except httpx.HTTPError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("spiral serve did not start")
                time.sleep(0.5)
        start_seconds = round(time.monotonic() - launched, 1)
        endpoints = {
            "events": "/api/v1/events?limit=50",
            "events filtered": "/api/v1/events?actor=usa&type=assault&since=2024-01-01&limit=50",
            "events -date": "/api/v1/events?sort=-date&limit=50",
            "stories": "/api/v1/stories?dyad=RUS-UKR&limit=50",
            "index": "/api/v1/index?dyad=RUS-UKR&freq=week&limit=100",
            "documents": "/api/v1/documents?limit=50",
            "quotes": "/api/v1/quotes?limit=50",
        }
        warm = {}
        for name, path in {"first dashboard page": "/", **endpoints}.items():
            started = time.perf_counter()
            status = httpx.get(base + path, timeout=1800).status_code
            warm[name] = {"seconds": round(time.perf_counter() - started, 3), "status": status}
        started = time.perf_counter()
        status = httpx.get(base + "/", timeout=600).status_code
        warm["dashboard page, warm"] = {"seconds": round(time.perf_counter() - started, 3),
                                        "status": status}
        server_cpu, client_cpu = _cpu_seconds(server.pid), time.process_time()
        results = _run(_load("127.0.0.1", port, endpoints, args.clients, args.seconds))
        client_cpu = time.process_time() - client_cpu
        server_cpu = None if server_cpu is None else _cpu_seconds(server.pid) - server_cpu
        peak_rss_mb = _peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report = {"events": args.events, "clients": args.clients, "seconds": args.seconds,
              "kept_answers": not args.computed,
              "load_average_before": load_before,
              "load_average": [round(x, 2) for x in os.getloadavg()],
              "start_seconds": start_seconds, "server_peak_rss_mb": peak_rss_mb,
              "requests_per_second": round(sum(map(len, results.values())) / args.seconds),
              "server_cpu_seconds": None if server_cpu is None else round(server_cpu, 1),
              "client_cpu_seconds": round(client_cpu, 1),
              "first_requests": warm, "endpoints": {}}
    for name, rows in results.items():
        latencies = [t * 1000 for t, _ in rows]
        report["endpoints"][name] = {
            "requests": len(rows), "errors": sum(1 for _, ok in rows if not ok),
            "p50_ms": round(_quantile(latencies, 0.50), 1),
            "p95_ms": round(_quantile(latencies, 0.95), 1),
            "p99_ms": round(_quantile(latencies, 0.99), 1)}
    if args.format == "json":
        print(json.dumps(report, indent=2))
        return
    print(f"{args.events} events, {args.clients} clients, {args.seconds:.0f} s on 127.0.0.1"
          f"{', every page computed' if args.computed else ''}; "
          f"server ready after {start_seconds} s, peak memory {peak_rss_mb} MB; load average "
          f"{report['load_average']} (before the server started {load_before})")
    print(f"  {report['requests_per_second']} requests/s; CPU seconds over the run: server "
          f"{report['server_cpu_seconds']}, client {report['client_cpu_seconds']}")
    for name, row in warm.items():
        print(f"  first request {name:24} {row['seconds']:8.3f} s  (HTTP {row['status']})")
    print(f"  {'endpoint':18} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for name, row in report["endpoints"].items():
        print(f"  {name:18} {row['requests']:8} {row['errors']:6} {row['p50_ms']:8} "
              f"{row['p95_ms']:8} {row['p99_ms']:8}")


if __name__ == "__main__":
    main()
