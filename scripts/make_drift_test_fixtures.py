#!/usr/bin/env python3
"""Reference values for the drift tests added after KS, chi-square and PSI (tests/fixtures/drift_tests.json):
Wasserstein (raw and normed), Jensen-Shannon and Hellinger distances on shared bins, Cramer-von Mises
two-sample, Anderson-Darling k-sample (k = 2) and Fisher's exact test on 2x2 tables.

Every expected value comes from the scipy/numpy call written next to it in CALLS; the versions are
recorded in the JSON (pinned in scripts/requirements.txt). Data come from numpy.random.default_rng(SEED).

    python3 scripts/make_drift_test_fixtures.py
"""
import json
import warnings
from pathlib import Path

import numpy as np
import scipy
import scipy.spatial.distance
import scipy.stats

SEED = 20261129
OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "drift_tests.json"

CALLS = {
    "wasserstein": "scipy.stats.wasserstein_distance(ref, prod)",
    "wasserstein_normed": "wasserstein / max(np.std(ref), 0.001) (Evidently's wasserstein: population std of the reference)",
    "jensenshannon": "scipy.spatial.distance.jensenshannon(ref_counts, prod_counts) (natural log; counts normalised by scipy)",
    "hellinger": "p, q = counts / counts.sum(); np.sqrt(np.sum((np.sqrt(p) - np.sqrt(q)) ** 2)) / np.sqrt(2)",
    "cvm": "scipy.stats.cramervonmises_2samp(ref, prod, method='auto') (exact when max(n) <= 20)",
    "cvm_asymptotic": "scipy.stats.cramervonmises_2samp(ref, prod, method='asymptotic')",
    "anderson": "scipy.stats.anderson_ksamp([ref, prod], variant='midrank'): statistic and pvalue "
    "(interpolated on log significance, capped to [0.001, 0.25])",
    "fisher": "scipy.stats.fisher_exact([[ref_a, ref_b], [prod_a, prod_b]], alternative='two-sided')",
}

rng = np.random.default_rng(SEED)


def fl(x):
    return [float(v) for v in np.asarray(x, dtype=np.float64)]


def numerical_case(name, ref, prod):
    ref = np.asarray(ref, dtype=np.float64)
    prod = np.asarray(prod, dtype=np.float64)
    w = scipy.stats.wasserstein_distance(ref, prod)
    out = {
        "name": name,
        "ref": fl(ref),
        "prod": fl(prod),
        "expected": {
            "wasserstein": float(w),
            "reference_std": float(np.std(ref)),
            "wasserstein_normed": float(w / max(np.std(ref), 0.001)),
        },
    }
    e = out["expected"]
    if ref.size >= 2 and prod.size >= 2:
        r = scipy.stats.cramervonmises_2samp(ref, prod)
        e["cvm_statistic"] = float(r.statistic)
        e["cvm_p_value"] = float(r.pvalue)
        e["cvm_method"] = "exact" if max(ref.size, prod.size) <= 20 else "asymptotic"
        if max(ref.size, prod.size) <= 20:
            a = scipy.stats.cramervonmises_2samp(ref, prod, method="asymptotic")
            e["cvm_asymptotic_p_value"] = float(a.pvalue)
    if np.unique(np.concatenate([ref, prod])).size >= 2:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a = scipy.stats.anderson_ksamp([ref, prod], variant="midrank")
        e["anderson_statistic"] = float(a.statistic)
        e["anderson_p_value"] = float(a.pvalue)
    return out


def binned_case(name, ref_counts, prod_counts):
    rc = np.asarray(ref_counts, dtype=np.float64)
    pc = np.asarray(prod_counts, dtype=np.float64)
    p, q = rc / rc.sum(), pc / pc.sum()
    return {
        "name": name,
        "ref_counts": fl(rc),
        "prod_counts": fl(pc),
        "expected": {
            "jensenshannon": float(scipy.spatial.distance.jensenshannon(rc, pc)),
            "hellinger": float(np.sqrt(np.sum((np.sqrt(p) - np.sqrt(q)) ** 2)) / np.sqrt(2)),
        },
    }


def fisher_case(name, table):
    r = scipy.stats.fisher_exact(table, alternative="two-sided")
    # The odds ratio is inf when a cell off the diagonal is 0: written as null (JSON has no inf).
    odds = None if np.isinf(r.statistic) else float(r.statistic)
    return {"name": name, "table": table, "expected": {"odds_ratio": odds, "p_value": float(r.pvalue)}}


numerical = [
    numerical_case("tiny disjoint", [1, 2, 3], [4, 5, 6]),
    numerical_case("tiny equal", [1, 2, 3], [1, 2, 3]),
    numerical_case("tiny ties", [1, 1, 2, 2, 3], [1, 2, 2, 2, 4, 4]),
    numerical_case("small normal shift", rng.normal(0, 1, 12), rng.normal(0.8, 1, 15)),
    numerical_case("small exact 20", rng.normal(0, 1, 20), rng.normal(0, 1.5, 20)),
    numerical_case("normal same 200/150", rng.normal(0, 1, 200), rng.normal(0, 1, 150)),
    numerical_case("normal shift 300/250", rng.normal(0, 1, 300), rng.normal(0.3, 1, 250)),
    numerical_case("scale change 500/400", rng.normal(5, 2, 500), rng.normal(5, 3, 400)),
    numerical_case("integers with ties 400/300", rng.integers(0, 8, 400), rng.integers(1, 9, 300)),
    numerical_case("disjoint 50/40", rng.uniform(0, 1, 50), rng.uniform(2, 3, 40)),
    numerical_case("constant reference", [3.0] * 30, rng.normal(3, 1, 25)),
    numerical_case("exponential 2000/1500", rng.exponential(1, 2000), rng.exponential(1.1, 1500)),
]

binned = [
    binned_case("equal", [10, 20, 30], [10, 20, 30]),
    binned_case("proportional", [10, 20, 30], [20, 40, 60]),
    binned_case("shifted", [50, 30, 20], [20, 30, 50]),
    binned_case("disjoint", [5, 5, 0, 0], [0, 0, 7, 3]),
    binned_case("empty bins", [100, 0, 50, 25], [90, 10, 40, 0]),
    binned_case("deciles", rng.integers(80, 120, 10), rng.integers(50, 150, 10)),
]

fisher = [
    fisher_case("small", [[8, 2], [1, 5]]),
    fisher_case("equal rows", [[5, 5], [5, 5]]),
    fisher_case("zero cell", [[0, 10], [6, 4]]),
    fisher_case("symmetric ties", [[3, 1], [1, 3]]),
    fisher_case("one-sided extreme", [[10, 0], [0, 10]]),
    fisher_case("unbalanced", [[1, 40], [6, 30]]),
    fisher_case("larger", [[120, 380], [160, 340]]),
    fisher_case("bank default", [[2, 19998], [9, 19991]]),
]

data = {
    "generated_by": "scripts/make_drift_test_fixtures.py",
    "versions": {"numpy": np.__version__, "scipy": scipy.__version__},
    "seed": SEED,
    "calls": CALLS,
    "numerical": numerical,
    "binned": binned,
    "fisher": fisher,
}
OUT.write_text(json.dumps(data, indent=1) + "\n")
print(f"wrote {OUT}")
