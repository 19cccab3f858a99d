"""Hawkes fit speed and quality against tick, on the same synthetic data, in one run.

D=10 dimensions, about 200k events, one exponential decay, fixed seed. spiral fits in this
process; tick's HawkesExpKern (likelihood, SCPG solver) fits in `.venv-bench` (make bench-venv).
Both estimates are scored by the same exact log-likelihood, and compared with the truth. Also
timed: the whole `spiral fit-hawkes` command on the same data as a CSV (start-up, reading and
writing included), and, with --large, a fit of 1M events on D=50 in a fresh process, whose peak
memory is read from the kernel (ru_maxrss).

    .venv/bin/python benchmarks/hawkes.py --format json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from spiral.dynamics.hawkes import HawkesModel

ROOT = Path(__file__).resolve().parent.parent
TICK_PYTHON = ROOT / ".venv-bench" / "bin" / "python"
SPIRAL = Path(sys.executable).parent / "spiral"
LARGE_FIT = """
import resource, sys, numpy as np
from spiral.dynamics.hawkes import EventTable, HawkesModel
data = np.load(sys.argv[1])
table = EventTable(data["times"], data["dims"], int(data["n_dims"]))
model = HawkesModel(decays=[2.0]).fit(table, end_time=float(data["end_time"]))
print(model.fit_seconds_, model.converged_, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def truth(n_dims: int, rng: np.random.Generator) -> HawkesModel:
    adjacency = rng.uniform(0.0, 1.0, (n_dims, n_dims)) * (rng.uniform(size=(n_dims, n_dims)) < 0.4)
    adjacency *= 0.7 / np.max(np.abs(np.linalg.eigvals(adjacency)))
    baseline = rng.uniform(0.5, 1.5, n_dims)
    return HawkesModel.from_parameters(baseline=baseline, adjacency=adjacency[:, :, None],
                                       decays=[2.0])


def relative_error(estimate: np.ndarray, true: np.ndarray) -> float:
    return float(np.linalg.norm(estimate - true) / np.linalg.norm(true))


def large_fit(n_dims: int, n_events: int) -> dict[str, float]:
    """Fit n_events on n_dims dimensions in a fresh process: seconds and peak memory."""
    model = truth(n_dims, np.random.default_rng(0))
    end_time = float(n_events / model.stationary_intensity().sum())
    data = model.simulate(horizon=end_time, n_runs=1, random_state=1).runs[0]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.npz"
        np.savez(path, times=data.times, dims=data.dims, n_dims=n_dims, end_time=end_time)
        out = subprocess.run([sys.executable, "-c", LARGE_FIT, str(path)], check=True,
                             capture_output=True, text=True).stdout.split()
    return {"n_dims": n_dims, "n_events": int(data.times.size), "fit_seconds": float(out[0]),
            "converged": out[1] == "True", "peak_memory_mb": int(out[2]) / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=["json", "text"], default="text")
    parser.add_argument("--dims", type=int, default=10)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--max-iter", type=int, default=500)
    parser.add_argument("--large", action="store_true", help="also fit 1M events on D=50")
    args = parser.parse_args()

    rng = np.random.default_rng(0)
    model = truth(args.dims, rng)
    end_time = float(args.events / model.stationary_intensity().sum())
    data = model.simulate(horizon=end_time, n_runs=1, random_state=1).runs[0]

    warm = data.times <= 1.0  # compile numba's recursions before timing
    HawkesModel(decays=[2.0]).fit([data.times[warm & (data.dims == i)] for i in range(args.dims)],
                                  end_time=1.0)
    ours = HawkesModel(decays=[2.0], max_iter=args.max_iter).fit(data, end_time=end_time)
    result = {
        "n_dims": args.dims, "n_events": int(data.times.size), "end_time": end_time,
        "spiral": {"fit_seconds": ours.fit_seconds_, "loglik": ours.loglik_,
                   "adjacency_rel_error": relative_error(ours.adjacency_, model.adjacency_),
                   "baseline_rel_error": relative_error(ours.baseline_[:, 0], model.baseline_[:, 0]),
                   "converged": ours.converged_},
    }
    with tempfile.TemporaryDirectory() as folder:
        csv = Path(folder) / "events.csv"
        csv.write_text("time,dim\n" + "\n".join(f"{float(t)!r},{d}" for t, d in zip(data.times, data.dims)))
        began = time.perf_counter()
        subprocess.run([str(SPIRAL), "fit-hawkes", str(csv), "--end-time", repr(end_time),
                        "--decays", "2", "--out", str(Path(folder) / "fit.json")],
                       check=True, capture_output=True)
        result["spiral"]["cli_wall_seconds"] = time.perf_counter() - began
    if args.large:
        result["large"] = large_fit(n_dims=50, n_events=1_000_000)
    if TICK_PYTHON.exists():
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "data.npz"
            np.savez(path, times=data.times, dims=data.dims, n_dims=args.dims, end_time=end_time,
                     decay=2.0, max_iter=args.max_iter)
            out = subprocess.run([str(TICK_PYTHON), str(ROOT / "benchmarks" / "tick_fit.py"),
                                  str(path)], capture_output=True, text=True, check=True)
        tick = json.loads(out.stdout.strip().splitlines()[-1])
        theirs = HawkesModel.from_parameters(baseline=tick["baseline"],
                                             adjacency=np.array(tick["adjacency"])[:, :, None],
                                             decays=[2.0])
        result["tick"] = {
            "fit_seconds": tick["fit_seconds"],
            "loglik": theirs.loglikelihood(data, end_time),
            "adjacency_rel_error": relative_error(theirs.adjacency_, model.adjacency_),
            "baseline_rel_error": relative_error(theirs.baseline_[:, 0], model.baseline_[:, 0]),
        }
        result["speedup_vs_tick"] = tick["fit_seconds"] / ours.fit_seconds_
        result["tick_fit_over_spiral_cli_wall"] = tick["fit_seconds"] / result["spiral"]["cli_wall_seconds"]
        result["loglik_minus_tick"] = ours.loglik_ - result["tick"]["loglik"]
    else:
        result["tick"] = f"skipped: {TICK_PYTHON} missing; run `make bench-venv` first"
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    sys.exit(main())
