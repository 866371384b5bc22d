"""Writes public/demo/model.onnx: a churn classifier for the demo pair (public/demo/*.csv), fitted on
the reference file, so the dashboard's demo and `drift-monitor --model` show drift, an F1 drop on
production (the pair's concept drift) and the performance alert.

Model: Pipeline(ColumnTransformer([('num', SimpleImputer(mean) -> StandardScaler, NUMERIC),
('cat', OneHotEncoder(handle_unknown='ignore'), CATEGORICAL)]), LogisticRegression(max_iter=1000)),
exported as skl2onnx does with zipmap=False (scripts/onnx_graphs.py column_pipeline): one input per
column, outputs output_label (int64) and output_probability (float [N, 2]).

Run: python3 scripts/make_demo_model.py   (numpy, pandas, scikit-learn, onnx, onnxruntime)
"""
import json
import pathlib
import sys

import numpy as np
import onnx
import onnxruntime as ort
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import onnx_graphs as g  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEMO = ROOT / 'public' / 'demo'
NUMERIC = ['age', 'tenure_months', 'monthly_charges', 'support_calls', 'satisfaction', 'data_usage_gb']
CATEGORICAL = ['contract', 'payment_method', 'region']
LABEL = 'churned'


def main():
    ref = pd.read_csv(DEMO / 'reference.csv')
    prod = pd.read_csv(DEMO / 'production.csv')
    pipe = Pipeline([
        ('ct', ColumnTransformer([
            ('num', Pipeline([('impute', SimpleImputer(strategy='mean')), ('scale', StandardScaler())]), NUMERIC),
            ('cat', OneHotEncoder(handle_unknown='ignore'), CATEGORICAL),
        ])),
        ('lr', LogisticRegression(max_iter=1000)),
    ]).fit(ref, ref[LABEL])
    model = g.column_pipeline(pipe, NUMERIC, CATEGORICAL)
    entry = model.metadata_props.add()
    entry.key, entry.value = 'generator', 'scripts/make_demo_model.py'
    onnx.save(model, DEMO / 'model.onnx')

    sess = ort.InferenceSession((DEMO / 'model.onnx').read_bytes())
    summary = {'versions': {'scikit-learn': sklearn.__version__, 'onnx': onnx.__version__, 'onnxruntime': ort.__version__}}
    for name, df in [('reference', ref), ('production', prod)]:
        feeds = {c: df[[c]].to_numpy(np.float32) for c in NUMERIC}
        feeds.update({c: df[[c]].to_numpy().astype(str) for c in CATEGORICAL})
        proba = sess.run(['output_probability'], feeds)[0]
        assert np.allclose(proba, pipe.predict_proba(df), atol=1e-5)
        pred = proba.argmax(axis=1)
        summary[name] = {'f1': float(f1_score(df[LABEL], pred)), 'churn_rate': float(df[LABEL].mean())}
    print(json.dumps(summary, indent=1))


if __name__ == '__main__':
    main()
