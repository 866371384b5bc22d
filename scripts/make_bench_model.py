"""Writes .bench/logistic_1m.onnx: a plain logistic model (MatMul + Add + Sigmoid, metadata features
num_0..num_9 except num_3, which has gaps) fitted on the first 100k rows of .bench/gen_1000000/reference.csv, for
scripts/bench-model.mjs (scoring speed on the 1M-row pair). Not committed (.bench/ is scratch).

Run: python3 scripts/make_bench_model.py
"""
import pathlib
import sys

import numpy as np
import onnx
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import onnx_graphs as g  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
# num_3 has missing values, which a plain MatMul model cannot take.
FEATURES = [f'num_{i}' for i in range(10) if i != 3]

df = pd.read_csv(ROOT / '.bench/gen_1000000/reference.csv', nrows=100_000)
X = df[FEATURES].to_numpy(np.float64)
X = np.where(np.isnan(X), np.nanmean(X, axis=0), X)
scaler = StandardScaler().fit(X)
lr = LogisticRegression(max_iter=1000).fit(scaler.transform(X), df['label'])
# Fold the scaler into the weights so the graph stays MatMul + Add + Sigmoid.
lr.coef_ = lr.coef_ / scaler.scale_
lr.intercept_ = lr.intercept_ - (lr.coef_ * scaler.mean_).sum(axis=1)
onnx.save(g.plain_logistic(lr, FEATURES), ROOT / '.bench/logistic_1m.onnx')
print('wrote .bench/logistic_1m.onnx')
