#!/usr/bin/env python3
"""Times sklearn LogisticRegression.fit on the rows scripts/bench-train.mjs exported (the trainer's
preprocessed training matrix: standardised numericals + one-hot columns, dense float64) and prints
JSON: median fit seconds per solver and the largest coefficient difference from ours.
Usage: /usr/bin/python3 scripts/bench_train_sklearn.py <dir> <reps>"""
import json
import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse
import sklearn
from sklearn.linear_model import LogisticRegression

d, reps = Path(sys.argv[1]), int(sys.argv[2])
meta = json.loads((d / "meta.json").read_text())
n, k, m, p = meta["rows"], meta["k"], meta["m"], meta["columns"]
X = np.zeros((n, p))
X[:, :k] = np.fromfile(d / "numeric.f64", dtype="<f8").reshape(n, k)
hot = np.fromfile(d / "hot.i32", dtype="<i4").reshape(n, m)
X[np.repeat(np.arange(n), m), hot.ravel()] = 1.0
y = np.fromfile(d / "y.u8", dtype=np.uint8).astype(int)
ours = np.r_[meta["coef"], meta["intercept"]]
# seed_baseline.py's ColumnTransformer outputs a sparse CSR matrix here (density < sparse_threshold 0.3).
Xs = scipy.sparse.csr_matrix(X)
fits = {}
for name, data, kw in [("lbfgs max_iter=1000 (seed baseline), sparse CSR", Xs, {"max_iter": 1000}),
                       ("lbfgs max_iter=1000, dense", X, {"max_iter": 1000}),
                       ("newton-cholesky tol=1e-10, dense", X, {"solver": "newton-cholesky", "tol": 1e-10, "max_iter": 10000})]:
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        lr = LogisticRegression(C=1.0, **kw).fit(data, y)
        times.append(time.perf_counter() - t0)
    fits[name] = {"median_s": float(np.median(times)), "n_iter": int(lr.n_iter_[0]),
                  "max_abs_diff": float(np.max(np.abs(np.r_[lr.coef_[0], lr.intercept_] - ours)))}
print(json.dumps({"sklearn": sklearn.__version__, "numpy": np.__version__, "fits": fits}))
