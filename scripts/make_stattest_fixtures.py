#!/usr/bin/env python3
"""Reference values for the statistical tests and wasm kernels (tests/fixtures/stattests.json).

Every expected value comes from the numpy/scipy call written next to it in CALLS below; the versions
are recorded in the JSON. Data come from numpy.random.default_rng(SEED). NaN is written as null.

    python3 scripts/make_stattest_fixtures.py
"""
import json
import math
import warnings
from pathlib import Path

import numpy as np
import scipy
import scipy.stats

SEED = 20240611
BINS = 10
EPSILON = 1e-4
OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "stattests.json"

CALLS = {
    "ks": "r = scipy.stats.ks_2samp(ref[~np.isnan(ref)], prod[~np.isnan(prod)]); "
    "method = 'exact' if max(n_ref, n_prod) <= 10000 and no 'Exact calculation unsuccessful' warning else 'asymp'",
    "quantiles": "np.quantile(ref_clean, np.linspace(0, 1, bins + 1))",
    "counts": "edges = quantiles.copy(); edges[0] = -np.inf; edges[-1] = np.inf; np.histogram(x_clean, bins=edges)[0] "
    "when the inner edges are distinct; otherwise psi_bins() / psi_counts() below (point-mass bins)",
    "psi_bins": "inner = quantiles[1:-1]; values, reps = np.unique(inner, return_counts=True); a value with reps > 1 "
    "is a point mass: edges [.., v, v, ..] with bins (.., v), [v, v], (v, ..); other edges as numpy gives them",
    "psi": "p = np.maximum(counts / counts.sum(), epsilon); np.sum((p_prod - p_ref) * np.log(p_prod / p_ref))",
    "chi2": "scipy.stats.chi2_contingency(np.array([ref_counts, prod_counts]), correction=False) "
    "over the sorted union of categories seen in either sample (missing = None excluded)",
    "total_variation": "0.5 * np.sum(np.abs(prod_counts / prod_counts.sum() - ref_counts / ref_counts.sum()))",
    "quantile_cases": "np.quantile(np.sort(x), q) for each q",
}

rng = np.random.default_rng(SEED)


def clean(x):
    x = np.asarray(x, dtype=np.float64)
    return x[~np.isnan(x)]


def to_json_list(x):
    return [None if math.isnan(v) else float(v) for v in np.asarray(x, dtype=np.float64)]


def psi(ref_counts, prod_counts, eps):
    p_ref = np.maximum(ref_counts / ref_counts.sum(), eps)
    p_prod = np.maximum(prod_counts / prod_counts.sum(), eps)
    return float(np.sum((p_prod - p_ref) * np.log(p_prod / p_ref)))


def psi_bins(quantiles):
    """The PSI bins rule (src/core/stattests/psiBins.ts), written again from numpy: the inner edges are
    quantiles[1:-1]; a value that occurs more than once among them (it holds more than 1/bins of the
    reference, so numpy.histogram would give it empty duplicate bins and share its bin with the values
    above it) is a point mass and gets its own bin [v, v]; the others stay numpy's edges."""
    inner = np.asarray(quantiles, dtype=np.float64)[1:-1]
    values, reps = np.unique(inner, return_counts=True)
    edges = []
    for v, r in zip(values, reps):
        edges += [float(v), float(v)] if r > 1 else [float(v)]
    return edges, [float(v) for v in values[reps > 1]]


def psi_counts(x, edges, masses):
    """Counts per bin for psi_bins' edges, bin by bin with explicit comparisons (not searchsorted):
    (-inf, e0), then between consecutive edges a and b: [a, a] when a == b, (a, b) after a point
    mass a, else [a, b) as numpy.histogram; the last bin runs to +inf."""
    bounds = [-np.inf] + list(edges) + [np.inf]
    mass = set(masses)
    counts = []
    for i, (a, b) in enumerate(zip(bounds[:-1], bounds[1:])):
        if a == b:
            inside = x == a
        else:
            after_mass = a in mass and i > 0 and bounds[i - 1] == a
            inside = ((x > a) if after_mass else (x >= a)) & (x < b)
        counts.append(float(np.count_nonzero(inside)))
    return np.array(counts)


def ks_case(name, ref, prod, bins=BINS):
    ref = np.asarray(ref, dtype=np.float64)
    prod = np.asarray(prod, dtype=np.float64)
    a, b = clean(ref), clean(prod)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = scipy.stats.ks_2samp(a, b)
    fell_back = any("Exact calculation unsuccessful" in str(w.message) for w in caught)
    method = "exact" if max(len(a), len(b)) <= 10000 and not fell_back else "asymp"
    q = np.quantile(a, np.linspace(0, 1, bins + 1))
    edges = q.copy()
    edges[0], edges[-1] = -np.inf, np.inf
    ref_counts = np.histogram(a, bins=edges)[0].astype(np.float64)
    prod_counts = np.histogram(b, bins=edges)[0].astype(np.float64)
    psi_edges, masses = psi_bins(q)
    if masses:
        ref_counts = psi_counts(a, psi_edges, masses)
        prod_counts = psi_counts(b, psi_edges, masses)
    else:
        # Distinct edges: the rule is numpy.histogram itself; check the bin-by-bin counting agrees.
        assert np.array_equal(psi_counts(a, psi_edges, masses), ref_counts)
        assert np.array_equal(psi_counts(b, psi_edges, masses), prod_counts)
    return {
        "name": name,
        "ref": to_json_list(ref),
        "prod": to_json_list(prod),
        "bins": bins,
        "epsilon": EPSILON,
        "expected": {
            "n_ref": len(a),
            "n_prod": len(b),
            "statistic": float(r.statistic),
            "p_value": float(r.pvalue),
            "method": method,
            "quantiles": [float(v) for v in q],
            "psi_edges": psi_edges,
            "psi_point_masses": masses,
            "ref_counts": [float(v) for v in ref_counts],
            "prod_counts": [float(v) for v in prod_counts],
            "psi": psi(ref_counts, prod_counts, EPSILON),
        },
    }


def chi2_case(name, ref, prod):
    seen = sorted({v for v in list(ref) + list(prod) if v is not None})
    ref_counts = np.array([sum(1 for v in ref if v == c) for c in seen], dtype=np.float64)
    prod_counts = np.array([sum(1 for v in prod if v == c) for c in seen], dtype=np.float64)
    r = scipy.stats.chi2_contingency(np.array([ref_counts, prod_counts]), correction=False)
    tv = 0.5 * np.sum(np.abs(prod_counts / prod_counts.sum() - ref_counts / ref_counts.sum()))
    return {
        "name": name,
        "ref": list(ref),
        "prod": list(prod),
        "epsilon": EPSILON,
        "expected": {
            "categories": seen,
            "ref_counts": [float(v) for v in ref_counts],
            "prod_counts": [float(v) for v in prod_counts],
            "statistic": float(r.statistic),
            "p_value": float(r.pvalue),
            "dof": int(r.dof),
            "psi": psi(ref_counts, prod_counts, EPSILON),
            "total_variation": float(tv),
            "only_in_production": [c for c, rc, pc in zip(seen, ref_counts, prod_counts) if rc == 0 and pc > 0][:20],
            "only_in_reference": [c for c, rc, pc in zip(seen, ref_counts, prod_counts) if pc == 0 and rc > 0][:20],
        },
    }


def numerical_cases():
    cases = []
    cases.append(ks_case("small exact", rng.normal(0, 1, 8), rng.normal(0.5, 1, 7), bins=4))
    cases.append(ks_case("small exact, 50 vs 60", rng.normal(0, 1, 50), rng.normal(0.3, 1.2, 60)))
    cases.append(ks_case("exact with ties (rounded)", np.round(rng.normal(0, 1, 300), 1), np.round(rng.normal(0.1, 1, 250), 1)))
    same = rng.normal(3, 2, 400)
    cases.append(ks_case("identical samples", same, same.copy()))
    cases.append(ks_case("disjoint samples", rng.uniform(0, 1, 40), rng.uniform(2, 3, 30)))
    cases.append(ks_case("exact, 3000 vs 4000", rng.normal(0, 1, 3000), rng.normal(0.05, 1, 4000)))
    cases.append(
        ks_case("large asymptotic (rounded to 1e-6)", np.round(rng.normal(0, 1, 12000), 6), np.round(rng.normal(0.03, 1.05, 11000), 6))
    )
    cases.append(
        ks_case("large asymptotic, heavy ties", np.round(rng.exponential(1, 15000), 1), np.round(rng.exponential(1.1, 12000), 1))
    )
    ints = np.arange(100, dtype=np.float64)
    cases.append(ks_case("values exactly on edges", ints, rng.integers(0, 100, 150).astype(np.float64)))
    cases.append(ks_case("heavy ties (5 distinct values)", rng.integers(0, 5, 500).astype(np.float64), rng.integers(0, 6, 400).astype(np.float64)))
    cases.append(ks_case("constant reference", np.full(200, 5.0), np.concatenate([np.full(50, 5.0), rng.normal(5, 1, 100)])))
    ref = rng.normal(0, 1, 300)
    ref[rng.choice(300, 30, replace=False)] = np.nan
    prod = rng.normal(0.2, 1, 200)
    prod[rng.choice(200, 50, replace=False)] = np.nan
    cases.append(ks_case("NaNs present (excluded)", ref, prod))
    cases.append(
        ks_case(
            "negative values, -0 and +0",
            np.concatenate([[-0.0, 0.0, -0.0], -rng.exponential(1, 60), rng.exponential(1, 60)]),
            np.concatenate([[0.0, -0.0], -rng.exponential(2, 40), rng.exponential(0.5, 40)]),
        )
    )
    cases.append(ks_case("one value each", [1.5], [2.5], bins=3))
    cases.append(ks_case("bins = 1", rng.normal(0, 1, 30), rng.normal(1, 1, 30), bins=1))
    return cases


def point_mass_cases():
    """Reference samples where a value holds more than 1/bins of the rows. Own generator, so the
    cases above keep their data."""
    g = np.random.default_rng(SEED + 1)
    cases = []
    # pdays-like: -1 ("never contacted") on 80% of the reference rows, 55% in production.
    ref = np.where(g.random(600) < 0.8, -1.0, g.integers(1, 400, 600).astype(np.float64))
    prod = np.where(g.random(500) < 0.55, -1.0, g.integers(1, 400, 500).astype(np.float64))
    cases.append(ks_case("point mass at the minimum (pdays-like)", ref, prod))
    ref = np.where(g.random(800) < 0.3, 0.0, np.round(g.normal(0, 2, 800), 3))
    prod = np.where(g.random(700) < 0.15, 0.0, np.round(g.normal(0, 2, 700), 3))
    cases.append(ks_case("point mass in the middle", ref, prod))
    cases.append(ks_case("point mass at the maximum (capped)", np.minimum(np.round(g.exponential(5, 700), 2), 8.0),
                         np.minimum(np.round(g.exponential(6, 600), 2), 9.0)))
    ref = np.select([g.random(900) < 0.25, g.random(900) < 0.35], [0.0, 1.0], np.round(g.uniform(-3, 5, 900), 2))
    prod = np.select([g.random(800) < 0.1, g.random(800) < 0.5], [0.0, 1.0], np.round(g.uniform(-3, 5, 800), 2))
    cases.append(ks_case("two point masses", ref, prod))
    cases.append(ks_case("all values equal", np.full(300, 7.0),
                         np.concatenate([np.full(150, 7.0), np.round(g.normal(7, 1, 100), 2)])))
    return cases


def categorical_cases():
    letters = np.array(list("abcdef"))
    cases = []
    ref = list(rng.choice(letters[:4], 500, p=[0.4, 0.3, 0.2, 0.1]))
    prod = list(rng.choice(letters[:4], 400, p=[0.3, 0.3, 0.2, 0.2]))
    cases.append(chi2_case("four categories, mix change", ref, prod))
    cases.append(chi2_case("identical", ref, list(ref)))
    ref = list(rng.choice(letters[:3], 300))
    prod = list(rng.choice(letters[:4], 300, p=[0.3, 0.3, 0.3, 0.1]))
    cases.append(chi2_case("category unseen in reference", ref, prod))
    ref = list(rng.choice(letters[:5], 300))
    prod = list(rng.choice(letters[1:4], 200))
    cases.append(chi2_case("categories unseen in production", ref, prod))
    cases.append(chi2_case("one category", ["x"] * 30, ["x"] * 12))
    ref = [None if rng.random() < 0.1 else str(v) for v in rng.choice(letters, 200)]
    prod = [None if rng.random() < 0.3 else str(v) for v in rng.choice(letters, 150)]
    cases.append(chi2_case("missing values (excluded)", ref, prod))
    ref = [f"c{v:02d}" for v in rng.integers(0, 25, 400)]
    prod = [f"c{v:02d}" for v in rng.integers(10, 50, 400)]
    cases.append(chi2_case("many unseen categories (lists capped at 20)", ref, prod))
    ref = list(rng.choice(letters[:2], 20000, p=[0.5, 0.5]))
    prod = list(rng.choice(letters[:2], 20000, p=[0.49, 0.51]))
    cases.append(chi2_case("large, small shift", ref, prod))
    return [{**c, "ref": [None if v is None else str(v) for v in c["ref"]], "prod": [None if v is None else str(v) for v in c["prod"]]} for c in cases]


def quantile_cases():
    qs = [0.0, 0.1, 0.25, 0.3, 0.30000000000000004, 0.5, 0.7, 0.75, 0.9, 0.99, 1.0, 1 / 3, 2 / 3]
    cases = []
    for name, x in [
        ("normal 101", rng.normal(0, 1, 101)),
        ("normal 1000", rng.normal(10, 3, 1000)),
        ("ties", np.round(rng.normal(0, 1, 50), 0)),
        ("single value", np.array([4.25])),
        ("two values", np.array([-1.0, 3.0])),
        ("wide range", np.concatenate([rng.normal(0, 1e-8, 20), rng.normal(1e8, 1, 20)])),
    ]:
        s = np.sort(x)
        cases.append({"name": name, "sorted": to_json_list(s), "q": qs, "expected": [float(np.quantile(s, q)) for q in qs]})
    return cases


def main():
    data = {
        "generator": "scripts/make_stattest_fixtures.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__},
        "seed": SEED,
        "calls": CALLS,
        "numerical": numerical_cases() + point_mass_cases(),
        "categorical": categorical_cases(),
        "quantiles": quantile_cases(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, separators=(",", ":"), allow_nan=False) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
