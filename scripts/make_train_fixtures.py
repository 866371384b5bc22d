#!/usr/bin/env python3
"""Reference values for the built-in trainer (tests/core/train/*.test.ts).

Writes tests/fixtures/train/{reference,production}.csv (seeded numpy data with missing values, a
rare level, a level unseen in the reference, and a numeric-coded categorical) and
tests/fixtures/train/expected.json: for each case, the preprocessing and the coefficients that
scikit-learn fits on the same training rows after the same preprocessing, computed here
independently of the TypeScript code:

- rows: labelled production rows split by the trainer's seeded split (mulberry32 + Fisher-Yates,
  re-implemented below from the C original), ceil(n * fraction) held out; training = the other
  production rows, plus every labelled reference row when data = "reference+production";
- numerical: np.median of the non-missing training values, then mean and np.std (ddof 0) of the
  imputed values (StandardScaler);
- categorical: levels (CSV text; "" = missing) with >= min_frequency training rows, non-missing
  levels in sorted order (numeric order when all are numbers), "" after them, one "other" column last;
- fit: sklearn.linear_model.LogisticRegression(C=C, l1_ratio=0, tol=1e-10, max_iter=10000,
  solver="newton-cholesky") (l1_ratio=0 is the L2 penalty; scikit-learn 1.8 deprecated
  penalty="l2"). The default lbfgs solver is fitted too and its largest difference recorded, but not
  used: sklearn passes lbfgs ftol = 64 * machine epsilon, so it stops on a small relative change of
  the objective whatever `tol` says (scikit-learn 1.2.1: max |gradient| ~1e-3, ~1e-4 away from the
  optimum; 1.9.1: ~1e-5..1e-6, ~2e-6 away); newton-cholesky reaches max |gradient| ~1e-11..1e-9
  (recorded), and its coefficients agree between those two versions to 3e-15.

Also checks an exported model when asked:  python3 scripts/make_train_fixtures.py --check-onnx FILE
(onnx.checker.check_model; onnxruntime when installed). Run with the versions pinned in
scripts/requirements.txt (see tests/fixtures/README.md):
    python3 scripts/make_train_fixtures.py
"""
import csv
import json
import math
import sys
from pathlib import Path

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "train"
SEED = 20261127
M = 0xFFFFFFFF

CASES = [
    {"name": "reference+production C=0.5", "data": "reference+production", "seed": 42, "holdout_fraction": 0.2,
     "C": 0.5, "min_frequency": 5},
    {"name": "production only C=2 min_frequency=1", "data": "production", "seed": 7, "holdout_fraction": 0.25,
     "C": 2.0, "min_frequency": 1},
]
NUMERICAL = ["x_normal", "x_skewed", "x_int"]
CATEGORICAL = ["colour", "grade"]
LABEL = "outcome"


def mulberry32(seed):
    state = seed & M
    while True:
        state = (state + 0x6D2B79F5) & M
        t = state
        t = (t ^ (t >> 15)) * (t | 1) & M
        t ^= (t + ((t ^ (t >> 7)) * (t | 61) & M)) & M
        yield ((t ^ (t >> 14)) & M) / 4294967296


def split_holdout(n, fraction, seed):
    order = list(range(n))
    rnd = mulberry32(seed)
    for i in range(n - 1, 0, -1):
        j = math.floor(next(rnd) * (i + 1))
        order[i], order[j] = order[j], order[i]
    h = min(n, math.ceil(n * fraction - 1e-9))
    return sorted(order[h:]), sorted(order[:h])


def make_table(rng, n, shift):
    x_normal = rng.normal(10 + shift, 3, n)
    x_skewed = rng.lognormal(1 + 0.3 * shift, 0.8, n)
    x_skewed[rng.random(n) < 0.08] = np.nan
    x_int = rng.integers(0, 1000, n).astype(float)
    colours = ["red", "green", "blue", "amber", "violet"] + (["teal"] if shift else [])
    weights = np.array([0.35, 0.25, 0.2, 0.12, 0.08] + ([0.1] if shift else []))
    colour = rng.choice(colours, n, p=weights / weights.sum()).astype(object)
    colour[rng.random(n) < 0.05] = ""
    colour[rng.choice(n, 2, replace=False)] = "ochre"  # rare: 2 rows per file
    grade = rng.integers(1, 5, n)
    logit = (0.4 * (x_normal - 10) - 0.5 * np.nan_to_num(x_skewed - 3) + 0.001 * (x_int - 500)
             + np.select([colour == "red", colour == "blue", colour == ""], [0.8, -0.6, 0.3], 0) + 0.3 * (grade - 2.5))
    y = rng.random(n) < 1 / (1 + np.exp(-logit))
    outcome = np.where(y, "yes", "no").astype(object)
    outcome[rng.random(n) < 0.03] = ""  # unlabelled rows
    return {"x_normal": x_normal.round(4), "x_skewed": x_skewed.round(4), "x_int": x_int,
            "colour": colour, "grade": grade, "outcome": outcome}


def write_csv(path, t, n):
    cols = NUMERICAL + CATEGORICAL + [LABEL]
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for i in range(n):
            row = []
            for c in cols:
                v = t[c][i]
                if isinstance(v, float) and math.isnan(v):
                    row.append("")
                elif c in ("x_int", "grade"):
                    row.append(str(int(v)))
                else:
                    row.append(repr(float(v)) if isinstance(v, float) else str(v))
            w.writerow(row)


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    return {c: [r[j] for r in body] for j, c in enumerate(header)}, len(body)


def sort_levels(levels):
    try:
        return sorted(levels, key=float)
    except ValueError:
        return sorted(levels)  # code-point order = JS code-unit order for these ASCII levels


def run_case(case, ref, n_ref, prod, n_prod):
    labelled_prod = [i for i in range(n_prod) if prod[LABEL][i] != ""]
    train_j, hold_j = split_holdout(len(labelled_prod), case["holdout_fraction"], case["seed"])
    stacked = {c: ref[c] + prod[c] for c in ref}
    train = ([i for i in range(n_ref) if ref[LABEL][i] != ""] if case["data"] == "reference+production" else [])
    train += [n_ref + labelled_prod[j] for j in train_j]
    hold = [n_ref + labelled_prod[j] for j in hold_j]

    def numeric(c, rows):
        return np.array([float(stacked[c][i]) if stacked[c][i] != "" else np.nan for i in rows])

    steps, blocks_train, blocks_hold = [], [], []
    for c in NUMERICAL:
        x = numeric(c, train)
        med = float(np.median(x[~np.isnan(x)]))
        xi = np.where(np.isnan(x), med, x)
        mean, std = float(np.mean(xi)), float(np.std(xi))
        scale = std if std > 0 else 1.0
        steps.append({"name": c, "kind": "numerical", "median": med, "mean": mean, "scale": scale})
        for rows, blocks in ((train, blocks_train), (hold, blocks_hold)):
            v = numeric(c, rows)
            blocks.append(((np.where(np.isnan(v), med, v) - mean) / scale)[:, None])
    for c in CATEGORICAL:
        values = [stacked[c][i] for i in train]
        counts = {}
        for v in values:
            counts[v] = counts.get(v, 0) + 1
        kept = sort_levels([v for v, k in counts.items() if v != "" and k >= case["min_frequency"]])
        if counts.get("", 0) >= case["min_frequency"]:
            kept.append("")
        steps.append({"name": c, "kind": "categorical", "levels": kept})
        for rows, blocks in ((train, blocks_train), (hold, blocks_hold)):
            onehot = np.zeros((len(rows), len(kept) + 1))
            for r, i in enumerate(rows):
                v = stacked[c][i]
                onehot[r, kept.index(v) if v in kept else len(kept)] = 1
            blocks.append(onehot)
    X, Xh = np.hstack(blocks_train), np.hstack(blocks_hold)
    y = np.array([stacked[LABEL][i] == "yes" for i in train], dtype=int)
    yh = np.array([stacked[LABEL][i] == "yes" for i in hold], dtype=int)
    call = f"LogisticRegression(C={case['C']}, l1_ratio=0, tol=1e-10, max_iter=10000, solver='newton-cholesky')"
    lr = LogisticRegression(C=case["C"], l1_ratio=0, tol=1e-10, max_iter=10000, solver="newton-cholesky").fit(X, y)
    lb = LogisticRegression(C=case["C"], l1_ratio=0, tol=1e-10, max_iter=10000).fit(X, y)
    diff = float(np.max(np.abs(np.r_[lr.coef_[0], lr.intercept_] - np.r_[lb.coef_[0], lb.intercept_])))

    def grad_max(m):  # gradient of sum(log-loss) + ||w||^2 / (2C) at the fitted parameters
        p = 1 / (1 + np.exp(-(X @ m.coef_[0] + m.intercept_[0])))
        return float(np.max(np.abs(np.r_[X.T @ (p - y) + m.coef_[0] / case["C"], np.sum(p - y)])))
    gradients = {"newton-cholesky": grad_max(lr), "lbfgs": grad_max(lb)}
    ph = lr.predict_proba(Xh)[:, 1]
    pred = (ph > 0.5).astype(int)
    tp, fp, fn = int(np.sum((pred == 1) & (yh == 1))), int(np.sum((pred == 1) & (yh == 0))), int(np.sum((pred == 0) & (yh == 1)))
    return {
        **case, "call": call, "classes": ["no", "yes"],
        "rows": {"train": len(train), "holdout": len(hold)},
        "holdout_rows": [labelled_prod[j] for j in hold_j],
        "preprocessing": steps,
        "coef": lr.coef_[0].tolist(), "intercept": float(lr.intercept_[0]), "n_iter": int(lr.n_iter_[0]),
        "lbfgs_vs_newton_cholesky_max_abs_diff": diff, "max_abs_gradient": gradients,
        "holdout_probabilities": ph.tolist(),
        "holdout_f1": (2 * tp / (2 * tp + fp + fn)) if (2 * tp + fp + fn) else 0.0,
        "holdout_accuracy": float(np.mean(pred == yh)),
    }


def evaluate_graph(model, feeds):
    """Runs our exported graph with numpy, op by op (only the ops the exporter writes), reading every
    number back through the onnx package's protobuf parser: an independent check of the encoding."""
    from onnx import helper, numpy_helper
    env = dict(feeds)
    for t in model.graph.initializer:
        env[t.name] = numpy_helper.to_array(t)
    for node in model.graph.node:
        a = {x.name: helper.get_attribute_value(x) for x in node.attribute}
        x = [env[i] for i in node.input]
        op = node.op_type
        if op == "Concat":
            y = np.concatenate(x, axis=a["axis"])
        elif op == "Imputer":
            y = np.where(np.isnan(x[0]), np.array(a["imputed_value_floats"], dtype=np.float32), x[0])
        elif op == "Scaler":
            y = (x[0] - np.array(a["offset"], dtype=np.float32)) * np.array(a["scale"], dtype=np.float32)
        elif op == "LabelEncoder" and "keys_strings" in a:
            keys = [k.decode() for k in a["keys_strings"]]
            y = np.vectorize(lambda v: a["values_int64s"][keys.index(v)] if v in keys else a["default_int64"], otypes=[np.int64])(x[0])
        elif op == "LabelEncoder":
            y = np.array([a["values_strings"][int(v)].decode() for v in x[0]], dtype=object)
        elif op == "OneHotEncoder":
            y = (x[0][..., None] == np.array(a["cats_int64s"])).astype(np.float32)
        elif op == "Reshape":
            y = x[0].reshape(x[1])
        elif op == "MatMul":
            y = x[0] @ x[1]
        elif op == "Add":
            y = x[0] + x[1]
        elif op == "Sub":
            y = x[0] - x[1]
        elif op == "Sigmoid":
            y = 1 / (1 + np.exp(-x[0]))
        elif op == "ArgMax":
            y = np.argmax(x[0], axis=a["axis"])
        elif op == "Gather":
            y = x[0][x[1]]
        else:
            raise ValueError(f"unexpected op {op}")
        env[node.output[0]] = y
    return env


def check_onnx(path):
    """check_model (plain: onnx 1.12's full_check has no type inference for ai.onnx.ml Scaler /
    OneHotEncoder outputs and fails on any such graph), then the graph evaluated with numpy on the
    production holdout rows of case 0 against sklearn's probabilities in expected.json."""
    import onnx
    model = onnx.load(path)
    onnx.checker.check_model(model)
    print(f"onnx {onnx.__version__}: check_model passed for {path} "
          f"(ir_version {model.ir_version}, opsets {[(o.domain, o.version) for o in model.opset_import]})")
    meta = {p.key: p.value for p in model.metadata_props}
    case = json.loads((OUT / "expected.json").read_text())["cases"][0]
    assert meta["positive_class"] == "yes" and json.loads(meta["feature_columns"]) == NUMERICAL + CATEGORICAL, meta
    prod, _ = read_csv(OUT / "production.csv")
    rows = case["holdout_rows"]
    feeds = {c: np.array([[float(prod[c][i]) if prod[c][i] != "" else np.nan] for i in rows], dtype=np.float32) for c in NUMERICAL}
    feeds.update({c: np.array([[prod[c][i]] for i in rows], dtype=object) for c in CATEGORICAL})
    env = evaluate_graph(model, feeds)
    diff = float(np.max(np.abs(env["probabilities"][:, 1] - np.array(case["holdout_probabilities"]))))
    print(f"numpy evaluation of the graph vs sklearn predict_proba on {len(rows)} holdout rows: max |diff| {diff:.2e}")
    assert diff < 1e-5, diff  # float32 graph vs float64 sklearn
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        print("onnxruntime is not installed for this python: runtime check skipped (the JS tests run onnxruntime-web)")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--check-onnx":
        check_onnx(sys.argv[2])
        return
    rng = np.random.default_rng(SEED)
    OUT.mkdir(parents=True, exist_ok=True)
    write_csv(OUT / "reference.csv", make_table(rng, 700, 0), 700)
    write_csv(OUT / "production.csv", make_table(rng, 500, 1), 500)
    ref, n_ref = read_csv(OUT / "reference.csv")
    prod, n_prod = read_csv(OUT / "production.csv")
    out = {
        "generator": "scripts/make_train_fixtures.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "sklearn": sklearn.__version__},
        "seed": SEED, "label": LABEL, "numerical": NUMERICAL, "categorical": CATEGORICAL,
        "cases": [run_case(c, ref, n_ref, prod, n_prod) for c in CASES],
    }
    (OUT / "expected.json").write_text(json.dumps(out, indent=1) + "\n")
    for c in out["cases"]:
        print(c["name"], "n_iter", c["n_iter"], "max |gradient|", c["max_abs_gradient"],
              "lbfgs vs newton-cholesky", c["lbfgs_vs_newton_cholesky_max_abs_diff"])


if __name__ == "__main__":
    main()
