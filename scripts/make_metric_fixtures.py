"""Writes tests/fixtures/metrics/metrics.json: classification metrics from scikit-learn for
src/core/metrics (calls listed in scripts/metric_reference.py), on seeded cases that reach the edge
paths: a class never predicted (zero_division=0), tied probabilities in ROC AUC, a positive class
other than the second, string multiclass, perfect predictions.

Run: python3 scripts/make_metric_fixtures.py   (numpy, scikit-learn)
"""
import json
import pathlib
import sys

import numpy as np
import sklearn
from sklearn.isotonic import IsotonicRegression

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from metric_reference import metric_values  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / 'tests' / 'fixtures' / 'metrics' / 'metrics.json'


def binary_case(rng, n, positive, ties):
    p1 = rng.random(n)
    if ties:
        p1 = np.round(p1, 1)  # many equal scores
    y = np.where(rng.random(n) < p1, '1', '0')
    proba = np.stack([1 - p1, p1], axis=1)
    pred = np.where(p1 > 0.5, '1', '0')
    return {'classes': ['0', '1'], 'positive': positive, 'y_true': y.tolist(), 'y_pred': pred.tolist(), 'proba': proba.tolist()}


def multiclass_case(rng, n, classes, never_predicted=None):
    raw = rng.dirichlet(np.ones(len(classes)), n)
    y = [classes[rng.choice(len(classes), p=row)] for row in raw]
    pred = [classes[i] for i in raw.argmax(axis=1)]
    if never_predicted is not None:
        pred = [classes[0] if p == never_predicted else p for p in pred]
    return {'classes': classes, 'positive': None, 'y_true': y, 'y_pred': pred, 'proba': raw.tolist()}


def main():
    rng = np.random.default_rng(7)
    cases = {
        'binary': binary_case(rng, 500, '1', False),
        'binary_ties': binary_case(rng, 400, '1', True),
        'binary_positive_0': binary_case(rng, 300, '0', False),
        'multiclass': multiclass_case(rng, 600, ['bird', 'cat', 'dog']),
        'multiclass_never_predicted': multiclass_case(rng, 300, ['a', 'b', 'c', 'd'], never_predicted='c'),
        'perfect': {'classes': ['no', 'yes'], 'positive': 'yes', 'y_true': ['no', 'yes', 'yes', 'no'],
                    'y_pred': ['no', 'yes', 'yes', 'no'], 'proba': [[0.9, 0.1], [0.2, 0.8], [0.4, 0.6], [0.7, 0.3]]},
        'nothing_predicted_positive': {'classes': ['0', '1'], 'positive': '1', 'y_true': ['0', '1', '1', '0', '0'],
                                       'y_pred': ['0', '0', '0', '0', '0'], 'proba': None},
    }
    for case in cases.values():
        proba = None if case['proba'] is None else np.array(case['proba'])
        case['expected'] = metric_values(case['y_true'], case['y_pred'], proba, case['classes'], case['positive'])
    # IsotonicRegression(out_of_bounds='clip').fit(x, y).predict(x_new): the CBPE calibration.
    x = np.round(rng.random(200), 2)  # ties on purpose
    y = (rng.random(200) < x).astype(float)
    x_new = np.concatenate([[-0.5, 0.0, 1.0, 1.5], np.linspace(0, 1, 41), rng.random(20)])
    iso = IsotonicRegression(out_of_bounds='clip').fit(x, y)
    isotonic = {'call': "IsotonicRegression(out_of_bounds='clip').fit(x, y).predict(x_new)",
                'x': x.tolist(), 'y': y.tolist(), 'x_new': x_new.tolist(), 'expected': iso.predict(x_new).tolist()}
    out = {'isotonic': isotonic, 'generator': 'scripts/make_metric_fixtures.py',
           'versions': {'python': sys.version.split()[0], 'numpy': np.__version__, 'scikit-learn': sklearn.__version__},
           'calls': 'scripts/metric_reference.py metric_values (accuracy_score, precision_recall_fscore_support zero_division=0, '
                    'roc_auc_score, confusion_matrix, classification_report output_dict=True)',
           'cases': cases}
    OUT.write_text(json.dumps(out, indent=1) + '\n')


if __name__ == '__main__':
    main()
