#!/usr/bin/env python3
"""PSI under the point-mass rule for the real pairs' numerical features whose reference deciles collapse
(tests/fixtures/real_point_mass_psi.json, used by tests/cli/realData.test.ts).

real_expectations.json holds seed_baseline.py's PSI, which bins at numpy's reference deciles as
they are: where a value holds more than 1/bins of the reference those edges repeat and the value shares
its bin with the values above it. Drift Monitor gives such a value its own bin (src/core/stattests/psiBins.ts),
so for those features its PSI differs from the baseline's. This script recomputes them with the numpy
implementation of the rule in make_stattest_fixtures.py (psi_bins, psi_counts: numpy.quantile plus
bin-by-bin counting), on the same files, and lists only the features that have a point mass.

Usage: python3 scripts/make_real_point_mass_psi.py > tests/fixtures/real_point_mass_psi.json
(reads the committed pairs listed in tests/fixtures/real/pairs.json)
"""
import json
import os
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_stattest_fixtures import psi, psi_bins, psi_counts  # noqa: E402

BINS = 10  # config psi.bins (default)
EPSILON = 1e-4  # config psi.epsilon (default)
MAX_CATEGORICAL_UNIQUE = 20  # config columns.max_categorical_unique (default)
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures")
EXPECTATIONS = os.path.join(FIXTURES, "real_expectations.json")
PAIRS = os.path.join(FIXTURES, "real", "pairs.json")
# The tool's missing markers (data.missing_values); pandas' defaults cover all but "?".
NA = ["", "NA", "NaN", "null", "?"]


def read(path):
    with open(path) as f:
        first = f.readline()
    sep = ";" if ";" in first and "," not in first else ","
    return pd.read_csv(path, sep=sep, na_values=NA, keep_default_na=False)


def main():
    pairs = json.load(open(EXPECTATIONS))["pairs"]
    dirs = {name: os.path.join(FIXTURES, p["dir"]) for name, p in json.load(open(PAIRS)).items()}
    out = {"generator": "scripts/make_real_point_mass_psi.py", "versions": {"numpy": np.__version__, "pandas": pd.__version__},
           "bins": BINS, "epsilon": EPSILON, "pairs": {}}
    for name, spec in pairs.items():
        ref, prod = (read(os.path.join(dirs[name], side + ".csv")) for side in ("reference", "production"))
        found = {}
        for feature in spec["features"]:
            if not (pd.api.types.is_numeric_dtype(ref[feature]) and pd.api.types.is_numeric_dtype(prod[feature])):
                continue
            a = ref[feature].to_numpy(dtype=np.float64)
            b = prod[feature].to_numpy(dtype=np.float64)
            a, b = a[~np.isnan(a)], b[~np.isnan(b)]
            # Only features Drift Monitor types numerical: numbers with more than max_categorical_unique
            # distinct values over both files (README, "Column types").
            if len(np.unique(np.concatenate([a, b]))) <= MAX_CATEGORICAL_UNIQUE:
                continue
            q = np.quantile(a, np.linspace(0, 1, BINS + 1))
            edges, masses = psi_bins(q)
            if not masses:
                continue
            rc, pc = psi_counts(a, edges, masses), psi_counts(b, edges, masses)
            found[feature] = {"psi": psi(rc, pc, EPSILON), "point_masses": masses, "edges": edges,
                              "reference_counts": rc.tolist(), "production_counts": pc.tolist(),
                              "baseline_psi": spec["features"][feature].get("psi")}
        out["pairs"][name] = found
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
