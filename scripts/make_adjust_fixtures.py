#!/usr/bin/env python3
"""Reference values for adjustPValues (tests/core/adjustPValues.test.ts).

Calls: scipy.stats.false_discovery_control(p, method='bh') for fdr_bh (equal to statsmodels'
multipletests(p, method='fdr_bh')[1]), numpy.minimum(1, p * m) for bonferroni.
Run: python3 scripts/make_adjust_fixtures.py > tests/fixtures/adjust_pvalues.json
"""
import json
import sys

import numpy as np
import scipy
from scipy.stats import false_discovery_control

rng = np.random.default_rng(7)
cases = [
    [0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.04],
    [0.05],
    [1.0, 1.0, 0.0],
    rng.uniform(0, 0.1, 25).tolist(),
    rng.uniform(0, 1, 40).tolist(),
]
out = {
    "generator": "scripts/make_adjust_fixtures.py",
    "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__},
    "calls": {"fdr_bh": "scipy.stats.false_discovery_control(p, method='bh')", "bonferroni": "numpy.minimum(1, p * len(p))"},
    "cases": [
        {
            "p": c,
            "fdr_bh": false_discovery_control(np.array(c), method="bh").tolist(),
            "bonferroni": np.minimum(1.0, np.array(c) * len(c)).tolist(),
        }
        for c in cases
    ],
}
json.dump(out, sys.stdout, indent=1)
print()
