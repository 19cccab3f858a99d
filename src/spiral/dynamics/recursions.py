"""The O(N D U) exponential-kernel recursions behind the Hawkes likelihood, compiled by numba.

For events sorted by time, a target dimension i, every source dimension j and decay b_u, the
state H[k, j, u] = sum over earlier events l of dimension j of exp(-b_u (t_k - t_l)) and the
count N[k, j] of earlier events of j, at each event k of dimension i. "Earlier" is strict:
events at the same instant do not excite each other.

States are kept per target dimension, (n_i, D, U), never for all N events at once: memory then
grows with the busiest dimension's events times D times U, not with N times D times U (a fit of
a million events on 50 dimensions would otherwise need 400 MB per copy of the states).
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def target_states(times: np.ndarray, dims: np.ndarray, n_dims: int, decays: np.ndarray,
                  target: int) -> tuple[np.ndarray, np.ndarray]:
    """States just before each event of `target`: H (n_i, n_dims, n_decays) and N (n_i, n_dims).

    One pass over all events; a source's state is decayed lazily, when it changes or is read.
    """
    n_events, n_decays = times.shape[0], decays.shape[0]
    n_target = 0
    for k in range(n_events):
        if dims[k] == target:
            n_target += 1
    states = np.zeros((n_target, n_dims, n_decays))
    counts = np.zeros((n_target, n_dims))
    current = np.zeros((n_dims, n_decays))
    last = np.zeros(n_dims)
    seen = np.zeros(n_dims)
    row = 0
    k = 0
    while k < n_events:
        t = times[k]
        group_end = k
        while group_end < n_events and times[group_end] == t:
            group_end += 1
        # every event at this instant sees the state before it; none sees the others
        for m in range(k, group_end):
            if dims[m] == target:
                for j in range(n_dims):
                    counts[row, j] = seen[j]
                    for u in range(n_decays):
                        states[row, j, u] = current[j, u] * np.exp(-decays[u] * (t - last[j]))
                row += 1
        for m in range(k, group_end):
            j = dims[m]
            for u in range(n_decays):
                current[j, u] = current[j, u] * np.exp(-decays[u] * (t - last[j])) + 1.0
            last[j] = t
            seen[j] += 1.0
        k = group_end
    return states, counts


@njit(cache=True)
def remaining_mass(times: np.ndarray, dims: np.ndarray, n_dims: int, decays: np.ndarray,
                   end_time: float) -> np.ndarray:
    """G[j, u] = sum over events l of j of (1 - exp(-b_u (T - t_l))): the compensator's kernel part."""
    mass = np.zeros((n_dims, decays.shape[0]))
    for k in range(times.shape[0]):
        for u in range(decays.shape[0]):
            mass[dims[k], u] += 1.0 - np.exp(-decays[u] * (end_time - times[k]))
    return mass


@njit(cache=True)
def log_rate_terms(rows: np.ndarray, theta: np.ndarray,
                   order: int) -> tuple[float, np.ndarray, np.ndarray]:
    """sum_k log(r_k) with r_k = rows[k] . theta; with order >= 1 its gradient
    sum_k rows[k] / r_k, with order 2 also its Hessian -sum_k rows[k] rows[k]^T / r_k^2.

    One pass in compiled loops: these matrices are tall and narrow (n_i x (R + D U)), where a
    multi-threaded BLAS spends more time synchronising than computing on a busy machine.
    """
    n_rows, n_params = rows.shape
    value = 0.0
    gradient = np.zeros(n_params if order >= 1 else 0)
    hessian = np.zeros((n_params, n_params) if order >= 2 else (0, 0))
    for k in range(n_rows):
        rate = 0.0
        for p in range(n_params):
            rate += rows[k, p] * theta[p]
        if rate <= 0.0:
            return -np.inf, gradient, hessian
        value += np.log(rate)
        if order >= 1:
            inverse = 1.0 / rate
            for p in range(n_params):
                gradient[p] += rows[k, p] * inverse
            if order >= 2:
                squared = inverse * inverse
                for p in range(n_params):
                    weighted = rows[k, p] * squared
                    if weighted != 0.0:
                        for q in range(p, n_params):
                            hessian[p, q] -= weighted * rows[k, q]
    for p in range(hessian.shape[0]):
        for q in range(p):
            hessian[p, q] = hessian[q, p]
    return value, gradient, hessian
