"""The coverage study behind docs/dynamics.md ("Minimum data"), with every interval compared.

For each cell (D, events per dimension): simulate data sets from `calibration.crisis_truth`,
fit each as `spiral fit` does (L2 shrinkage 0.1, the true decay), refit `--refits` parametric
bootstrap samples, and keep every estimate and refit (with delta-method standard errors of the
index for the studentised interval) in DIR/cell_D_N.npz. Then print, per cell and number of
refits, the coverage of the index's 90% interval read at numpy's default quantile positions
and at Weibull's (spiral's), of the basic, bias-corrected and studentised intervals, and of the
branching matrix's entries. Seeds are fixed per cell, so a re-run gives the same table.

    .venv/bin/python benchmarks/coverage.py --cells 2:100,4:100 --datasets 400 --refits 200 --out out/coverage
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path

import numpy as np

from spiral.dynamics.calibration import crisis_truth, horizon_for
from spiral.dynamics.hawkes import HawkesModel, bootstrap_interval
from spiral.dynamics.records import EventTable
from spiral.dynamics.recursions import log_rate_terms
from spiral.errors import ConvergenceWarning


def radius_se(model: HawkesModel, table: EventTable) -> float:
    """Delta-method standard error of the spectral radius from each row's inverse Hessian."""
    branching = model.branching_
    values, right = np.linalg.eig(branching)
    u = np.real(right[:, np.argmax(np.abs(values))])
    values, left = np.linalg.eig(branching.T)
    v = np.real(left[:, np.argmax(np.abs(values))])
    gradient = np.outer(v, u) / (v @ u)  # d radius / d G[i, j]
    n_regimes, n_decays = len(model.regime_starts_), len(model.decays_)
    variance = 0.0
    for i in range(model.n_dims_):
        rows = model._rows(table, i, model.decays_, model.regime_starts_)
        theta = np.concatenate([model.baseline_[i], model.adjacency_[i].ravel()])
        information = -log_rate_terms(rows, theta, 2)[2]
        if model.penalty == "l2":
            excitation = np.arange(n_regimes, len(theta))
            information[excitation, excitation] += model.alpha
        g = np.zeros(len(theta))
        g[n_regimes:] = np.repeat(gradient[i], n_decays)
        variance += g @ np.linalg.pinv(information) @ g
    return float(np.sqrt(max(variance, 0.0)))


def _fit(events, n_dims: int, horizon: float, decays) -> HawkesModel:
    model = HawkesModel(decays=decays, penalty="l2", alpha=0.1, n_dims=n_dims)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return model.fit(events, end_time=horizon)


def run_cell(n_dims: int, events_per_dim: int, n_datasets: int, n_refits: int, out: Path) -> None:
    truth = crisis_truth(n_dims)
    horizon = horizon_for(truth, events_per_dim)
    source = HawkesModel.from_parameters(baseline=truth.baseline, adjacency=truth.adjacency,
                                         decays=truth.decays)
    rng = np.random.default_rng(1000 + events_per_dim + n_dims)
    kept: dict[str, list] = {k: [] for k in ("est_r", "est_b", "se_r", "draws_r", "draws_b",
                                             "draws_se_r", "sizes")}
    for _ in range(n_datasets):
        run = source.simulate(horizon=horizon, n_runs=1,
                              random_state=int(rng.integers(2**31))).runs[0]
        model = _fit(run, n_dims, horizon, truth.decays)
        kept["est_r"].append(model.spectral_radius_)
        kept["est_b"].append(model.branching_)
        kept["se_r"].append(radius_se(model, EventTable.coerce(run, n_dims)))
        kept["sizes"].append(np.bincount(run.dims, minlength=n_dims))
        boot_rng = np.random.default_rng(int(rng.integers(2**31)))
        radii, branching, errors = [], [], []
        for _ in range(n_refits):
            sample = model.simulate(horizon=horizon, n_runs=1, allow_explosive=True,
                                    random_state=int(boot_rng.integers(2**31))).runs[0]
            refit = _fit(sample, n_dims, horizon, model.decays_)
            radii.append(refit.spectral_radius_)
            branching.append(refit.branching_)
            errors.append(radius_se(refit, EventTable.coerce(sample, n_dims)))
        kept["draws_r"].append(radii)
        kept["draws_b"].append(branching)
        kept["draws_se_r"].append(errors)
    np.savez(out, truth_b=truth.branching, **kept)


def coverage_row(path: Path, n_refits: int, level: float = 0.9) -> dict[str, float]:
    """Coverages of one cell's intervals, with the first `n_refits` refits of each data set."""
    z = np.load(path)
    truth_b = z["truth_b"]
    truth_r = float(np.max(np.abs(np.linalg.eigvals(truth_b))))
    est_r, est_b, se_r = z["est_r"], z["est_b"], z["se_r"]
    draws_r, draws_b = z["draws_r"][:, :n_refits], z["draws_b"][:, :n_refits]
    draws_se = z["draws_se_r"][:, :n_refits]
    tail = (1 - level) / 2
    row = {"n_datasets": len(est_r), "n_refits": n_refits,
           "events_per_dim": float(z["sizes"].mean()), "bias": float(est_r.mean() - truth_r)}
    low, high = np.quantile(draws_r, [tail, 1 - tail], axis=1)
    row["index_numpy"] = float(np.mean((low <= truth_r) & (truth_r <= high)))
    low, high = np.quantile(draws_b, [tail, 1 - tail], axis=1)
    row["branching_numpy"] = float(np.mean((low <= truth_b) & (truth_b <= high)))
    for method in ("percentile", "basic", "bc"):
        bounds = np.array([bootstrap_interval(e, d, level, method)
                           for e, d in zip(est_r, draws_r)])
        row[f"index_{method}"] = float(np.mean((bounds[:, 0] <= truth_r)
                                               & (truth_r <= bounds[:, 1])))
        if method == "percentile":
            row["width"] = float(np.median(bounds[:, 1] - bounds[:, 0]))
    pivots = (draws_r - est_r[:, None]) / np.maximum(draws_se, 1e-12)
    t_low, t_high = np.quantile(pivots, [tail, 1 - tail], axis=1, method="weibull")
    row["index_studentised"] = float(np.mean((est_r - t_high * se_r <= truth_r)
                                             & (truth_r <= est_r - t_low * se_r)))
    bounds_b = [bootstrap_interval(e, d, level, "percentile") for e, d in zip(est_b, draws_b)]
    hits = np.array([(low <= truth_b) & (truth_b <= high) for low, high in bounds_b])
    row["branching"] = float(hits.mean())
    row["branching_nonzero"] = float(hits[:, truth_b > 0].mean())
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cells", default="2:25,2:50,2:100,2:200,2:400,4:100,4:200",
                        help="D:events-per-dimension, comma-separated")
    parser.add_argument("--datasets", type=int, default=400)
    parser.add_argument("--refits", type=int, default=200)
    parser.add_argument("--out", type=Path, default=Path("out/coverage"))
    parser.add_argument("--table-only", action="store_true", help="read DIR, simulate nothing")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    cells = [tuple(int(x) for x in cell.split(":")) for cell in args.cells.split(",")]
    print("| D | events/dim | data sets | refits | index, numpy positions | index (spiral) | "
          "basic | bc | studentised | branching, numpy positions | branching (spiral) | "
          "non-zero entries | index width | index bias |")
    print("|---" * 14 + "|")
    for n_dims, events in cells:
        path = args.out / f"cell_{n_dims}_{events}.npz"
        if not args.table_only:
            run_cell(n_dims, events, args.datasets, args.refits, path)
        for n_refits in sorted({60, args.refits}):
            r = coverage_row(path, n_refits)
            cells_text = " | ".join(f"{100 * r[k]:.1f}%" for k in (
                "index_numpy", "index_percentile", "index_basic", "index_bc",
                "index_studentised", "branching_numpy", "branching", "branching_nonzero"))
            print(f"| {n_dims} | {r['events_per_dim']:.0f} | {r['n_datasets']} | {n_refits} | "
                  f"{cells_text} | {r['width']:.2f} | {r['bias']:+.3f} |")


if __name__ == "__main__":
    main()
