#!/usr/bin/env python3
"""Reference accuracy for the gradient-boosted trees trainer (tests/core/train/gbtSklearn.test.ts).

On the linear training fixture (tests/fixtures/train, written by make_train_fixtures.py), for
case 0 of its expected.json (reference + production rows, seed 42, 20 % of the labelled production
rows held out, min_frequency 5), fits

    sklearn.ensemble.HistGradientBoostingClassifier(loss="log_loss", learning_rate=0.1,
        max_iter=100, max_depth=3, max_leaf_nodes=None, min_samples_leaf=20,
        l2_regularization=0.0, max_bins=255, early_stopping=False, random_state=0)

on the matrix our trees see: the raw numerical columns (missing = NaN, sklearn's native missing
value support) and the one-hot columns of each categorical (kept levels, then "other"), on exactly
the trainer's training rows (the split re-implemented in make_train_fixtures.py). Writes the
accuracy on the held-out rows and on the training rows, with the versions, to
tests/fixtures/train/gbt_expected.json.

Exact equality with our trainer is not expected: sklearn bins with its own quantile rule (on a
subsample above 2e5 rows, midpoints in float64), and ties between equal-gain splits, float
summation order and float32 rounding of leaf values all differ; the models agree in spirit, so the
test compares accuracies with a tolerance.

Run with a python that has scikit-learn >= 1.4 (the pyenv one):  python3 scripts/make_gbt_fixtures.py
"""
import json
import sys
from pathlib import Path

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_train_fixtures import CATEGORICAL, LABEL, NUMERICAL, OUT, read_csv, split_holdout  # noqa: E402

PARAMS = dict(loss="log_loss", learning_rate=0.1, max_iter=100, max_depth=3, max_leaf_nodes=None,
              min_samples_leaf=20, l2_regularization=0.0, max_bins=255, early_stopping=False, random_state=0)


def main():
    expected = json.loads((OUT / "expected.json").read_text())
    case = expected["cases"][0]
    ref, n_ref = read_csv(OUT / "reference.csv")
    prod, n_prod = read_csv(OUT / "production.csv")
    labelled_prod = [i for i in range(n_prod) if prod[LABEL][i] != ""]
    train_j, hold_j = split_holdout(len(labelled_prod), case["holdout_fraction"], case["seed"])
    stacked = {c: ref[c] + prod[c] for c in ref}
    train = [i for i in range(n_ref) if ref[LABEL][i] != ""] + [n_ref + labelled_prod[j] for j in train_j]
    hold = [n_ref + labelled_prod[j] for j in hold_j]
    levels = {s["name"]: s["levels"] for s in case["preprocessing"] if s["kind"] == "categorical"}

    def matrix(rows):
        cols = [np.array([float(stacked[c][i]) if stacked[c][i] != "" else np.nan for i in rows])[:, None] for c in NUMERICAL]
        for c in CATEGORICAL:
            kept = levels[c]
            onehot = np.zeros((len(rows), len(kept) + 1))
            for r, i in enumerate(rows):
                v = stacked[c][i]
                onehot[r, kept.index(v) if v in kept else len(kept)] = 1
            cols.append(onehot)
        return np.hstack(cols)

    X, Xh = matrix(train), matrix(hold)
    y = np.array([stacked[LABEL][i] == "yes" for i in train], dtype=int)
    yh = np.array([stacked[LABEL][i] == "yes" for i in hold], dtype=int)
    model = HistGradientBoostingClassifier(**PARAMS).fit(X, y)
    out = {
        "generator": "scripts/make_gbt_fixtures.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "sklearn": sklearn.__version__},
        "call": "HistGradientBoostingClassifier(" + ", ".join(f"{k}={v!r}" for k, v in PARAMS.items()) + ")",
        "case": case["name"],
        "rows": {"train": len(train), "holdout": len(hold)},
        "n_iter": int(model.n_iter_),
        "holdout_accuracy": float(np.mean(model.predict(Xh) == yh)),
        "train_accuracy": float(np.mean(model.predict(X) == y)),
        "holdout_probabilities": [float(p) for p in model.predict_proba(Xh)[:, 1]],
    }
    (OUT / "gbt_expected.json").write_text(json.dumps(out, indent=1) + "\n")
    print(out["versions"], out["rows"], "holdout accuracy", out["holdout_accuracy"], "train accuracy", out["train_accuracy"])


if __name__ == "__main__":
    main()
