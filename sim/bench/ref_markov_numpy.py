"""The reference workload (scenarios/reference_markov.toml) as vectorised NumPy: the baseline
the engine's speed is compared with.

Each week every citizen draws one uniform u and moves with a single searchsorted over the
transition rows' cumulative cut points, each row offset by its state (state + u falls among
its own row's cuts only). Prints one JSON line; with --check it also compares the occupancy
at weeks 52, 260 and T-1 with p0 . P^w and fails when a share is more than 5 binomial
standard errors away.
"""
import argparse
import json
import resource
import sys
import time
import tomllib

import numpy as np

# The matrix's states, in the engine's order (it leaves ui_benefit and partial_return_to_work out).
STATES = ["self_support", "cash_benefit", "sickness_benefit", "waiting_flexjob", "flexjob",
          "rehabilitation", "disability_pension", "other_benefit", "exited"]


def load(path):
    with open(path, "rb") as f:
        doc = tomllib.load(f)
    order = doc["transition_matrix"]["states"]
    assert order == STATES, "the transition matrix must list these states in this order"
    P = np.array(doc["transition_matrix"]["rows"], dtype=np.float64)
    shares = doc["population"]["state_shares"]
    p0 = np.array([shares.get(s, 0.0) for s in STATES], dtype=np.float64)
    return int(doc["population"]["size"]), int(doc["weeks"]), p0 / p0.sum(), P


def simulate(n, weeks, p0, P, seed):
    rng = np.random.default_rng(seed)
    k = len(p0)
    # Cut points of row s, shifted by s; the last cut (the row's total, 1) is left out.
    cuts = (np.arange(k)[:, None] + np.cumsum(P, axis=1)[:, :-1]).ravel()
    state = np.searchsorted(np.cumsum(p0)[:-1], rng.random(n), side="right").astype(np.int64)
    occupancy = np.empty((weeks, k), dtype=np.int64)
    u = np.empty(n, dtype=np.float64)
    for w in range(weeks):
        occupancy[w] = np.bincount(state, minlength=k)
        if w == weeks - 1:
            break
        rng.random(out=u)
        u += state
        # Row s has k-1 cuts, all of them above every cut of the rows before it.
        state = np.searchsorted(cuts, u, side="right") - (k - 1) * state
    return occupancy


def check(occupancy, n, p0, P):
    worst = 0.0
    for w in (52, 260, occupancy.shape[0] - 1):
        expected = p0 @ np.linalg.matrix_power(P, w)
        se = np.sqrt(np.maximum(expected * (1 - expected), 1e-12) / n)
        z = np.abs(occupancy[w] / n - expected) / se
        worst = max(worst, float(z.max()))
    return worst


def peak_resident_bytes():
    """This process's own peak resident memory (VmHWM); ru_maxrss would carry over the parent's
    size from before exec."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default="scenarios/reference_markov.toml")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    n, weeks, p0, P = load(args.scenario)
    start = time.perf_counter()
    occupancy = simulate(n, weeks, p0, P, args.seed)
    seconds = time.perf_counter() - start
    out = {"scenario": "reference_markov (numpy)", "threads": 1, "citizens": n,
           "citizen_weeks": n * weeks, "seconds": seconds,
           "peak_rss_bytes": peak_resident_bytes()}
    if args.check:
        out["largest_z"] = check(occupancy, n, p0, P)
    print(json.dumps(out))
    if args.check and out["largest_z"] > 5:
        sys.exit(1)


if __name__ == "__main__":
    main()
