"""The O(N D U) exponential-kernel recursions behind the Hawkes likelihood, compiled by numba.

For events sorted by time and every source dimension j and decay b_u, the state
H[k, j, u] = sum over earlier events l of dimension j of exp(-b_u (t_k - t_l)) and the count
N[k, j] of earlier events of j. "Earlier" is strict: events at the same instant do not excite
each other.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def decayed_states(times: np.ndarray, dims: np.ndarray, n_dims: int,
                   decays: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """States just before each event: H (n_events, n_dims, n_decays) and N (n_events, n_dims)."""
    n_events, n_decays = times.shape[0], decays.shape[0]
    states = np.zeros((n_events, n_dims, n_decays))
    counts = np.zeros((n_events, n_dims))
    current = np.zeros((n_dims, n_decays))
    seen = np.zeros(n_dims)
    last_time = times[0] if n_events else 0.0
    k = 0
    while k < n_events:
        t = times[k]
        elapsed = t - last_time
        for j in range(n_dims):
            for u in range(n_decays):
                current[j, u] *= np.exp(-decays[u] * elapsed)
        # every event at this instant sees the same state; none sees the others
        group_end = k
        while group_end < n_events and times[group_end] == t:
            states[group_end] = current
            counts[group_end] = seen
            group_end += 1
        for m in range(k, group_end):
            for u in range(n_decays):
                current[dims[m], u] += 1.0
            seen[dims[m]] += 1.0
        last_time = t
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
