"""Fit tick's exponential-kernel Hawkes log-likelihood with its SCPG solver; print JSON.

Run by benchmarks/hawkes.py inside .venv-bench, where tick 0.8 is installed (it pins an older
numpy/scipy than spiral, so it lives in its own environment).
"""

from __future__ import annotations

import json
import sys
import time

import numpy as np
from tick.hawkes.model import ModelHawkesExpKernLogLik
from tick.prox import ProxPositive
from tick.solver import SCPG


def main(path: str) -> None:
    data = np.load(path)
    n_dims = int(data["n_dims"])
    times, dims, end_time, decay = data["times"], data["dims"], float(data["end_time"]), float(data["decay"])
    streams = [np.ascontiguousarray(times[dims == i], dtype=float) for i in range(n_dims)]
    # HawkesExpKern's learner does not offer SCPG for the likelihood, so drive the model,
    # prox and solver directly, as tick's documentation does for SCPG.
    began = time.perf_counter()
    model = ModelHawkesExpKernLogLik(decay).fit(streams, end_times=end_time)
    solver = SCPG(step=1e-3, max_iter=int(data["max_iter"]), tol=1e-10, verbose=False)
    solver.set_model(model).set_prox(ProxPositive())
    start = np.concatenate([np.full(n_dims, len(times) / end_time / n_dims),
                            np.full(n_dims * n_dims, 0.1 / n_dims)])
    coeffs = solver.solve(start)
    seconds = time.perf_counter() - began
    print(json.dumps({"fit_seconds": seconds, "baseline": coeffs[:n_dims].tolist(),
                      "adjacency": coeffs[n_dims:].reshape(n_dims, n_dims).tolist()}))


if __name__ == "__main__":
    main(sys.argv[1])
