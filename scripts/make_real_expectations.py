#!/usr/bin/env python3
"""Oracle expectations for the real-data end-to-end tests (tests/cli/realData.test.ts).

For every pair committed under tests/fixtures (tests/fixtures/real/pairs.json, cut by
`node scripts/real-pairs.mjs`), run the Python baseline script
(../shared/bench/seed_baseline.py: pandas read_csv + scipy.stats.ks_2samp + chi2_contingency(correction=False)
+ numpy quantile PSI) and keep, per feature, its type, statistics and flag, plus the verdict.
';'-separated files are re-written with ',' first because the baseline reads with pandas' default separator.
Columns our tool skips by rule (IDs, dates) are passed to the baseline as --drop so both test the same features.

Usage (the versions pinned in scripts/requirements.txt, see tests/fixtures/README.md):
  python3 scripts/make_real_expectations.py > tests/fixtures/real_expectations.json
($DRIFT_BENCH: the folder holding seed_baseline.py, default ../shared/bench beside the repository.)
"""
import contextlib
import io
import json
import os
import sys
import tempfile

import numpy as np
import pandas as pd
import scipy

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "tests", "fixtures")
sys.path.insert(0, os.environ.get("DRIFT_BENCH", os.path.join(HERE, "..", "..", "shared", "bench")))
import seed_baseline  # noqa: E402

PAIRS = {
    "adult": {"label": "income", "drop": []},
    "bank": {"label": "y", "drop": []},
    "electricity": {"label": "target", "drop": []},
    "bike": {"label": None, "drop": ["yr", "instant", "dteday"]},
    "generated": {"label": "label", "drop": ["id", "timestamp"]},
}


def main():
    with open(os.path.join(FIXTURES, "real", "pairs.json")) as f:
        dirs = {name: os.path.join(FIXTURES, p["dir"]) for name, p in json.load(f).items()}
    out = {"generator": "scripts/make_real_expectations.py",
           "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "pandas": pd.__version__,
                        "scipy": scipy.__version__},
           "baseline": "../shared/bench/seed_baseline.py main([...])", "pairs": {}}
    tmp = tempfile.mkdtemp()
    for name, spec in PAIRS.items():
        paths = {}
        for side in ("reference", "production"):
            p = os.path.join(dirs[name], side + ".csv")
            with open(p) as f:
                first = f.readline()
            if ";" in first and "," not in first:
                df = pd.read_csv(p, sep=";")
                q = os.path.join(tmp, f"{name}_{side}.csv")
                df.to_csv(q, index=False)
                p = q
            paths[side] = p
        args = ["--reference", paths["reference"], "--production", paths["production"],
                "--out", os.path.join(tmp, name + ".json")]
        if spec["label"]:
            args += ["--label", spec["label"]]
        if spec["drop"]:
            args += ["--drop", ",".join(spec["drop"])]
        with contextlib.redirect_stderr(io.StringIO()):
            rep = seed_baseline.main(args)
        feats = {}
        for f in rep["features"]:
            e = {"type": f["type"], "drifted": bool(f["drifted"]), "drift_score": f.get("drift_score")}
            if "ks" in f:
                e["ks"] = {"statistic": f["ks"]["statistic"], "p_value": f["ks"]["pvalue"], "method": f["ks"]["method"]}
            if "chi2" in f:
                e["chi2"] = {"statistic": f["chi2"]["statistic"], "p_value": f["chi2"]["pvalue"], "dof": f["chi2"]["dof"]}
            if "psi" in f:
                e["psi"] = f["psi"]["psi"]
            feats[f["feature"]] = e
        s = rep["summary"]
        out["pairs"][name] = {
            "label": spec["label"], "baseline_drop": spec["drop"],
            "rows": {"reference": rep["inputs"]["n_rows_reference"], "production": rep["inputs"]["n_rows_production"]},
            "overall_drift": s["overall_drift"], "drifted_features": s["drifted_features"],
            "n_features": s["n_features"], "features": feats,
        }
    json.dump(seed_baseline._clean(out), sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
