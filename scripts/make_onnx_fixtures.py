"""Writes tests/fixtures/onnx/: a small CSV pair, ONNX models of fitted scikit-learn models
(built in scripts/onnx_graphs.py the way skl2onnx converts them) and expected.json with
what each model predicts (python onnxruntime, checked against sklearn's predict_proba) and the
metrics scikit-learn computes from those predictions (scripts/metric_reference.py).

Run: python3 scripts/make_onnx_fixtures.py   (numpy, pandas, scikit-learn, onnx, onnxruntime)
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
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import onnx_graphs as g  # noqa: E402
from metric_reference import metric_values  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / 'tests' / 'fixtures' / 'onnx'
X = ['x0', 'x1', 'x2', 'x3']
SEED = 20240601


def make_frame(rng, n, shift):
    x = rng.normal(0, 1, (n, 4)) + shift
    color = rng.choice(['red', 'green', 'blue'] + (['purple'] if shift else []), n)
    size = rng.choice(['S', 'M', 'L'], n)
    z = 1.2 * x[:, 0] - 0.8 * x[:, 1] + 0.5 * x[:, 2] + (color == 'red') * 0.9 - 0.3 + rng.logistic(0, 1, n) * 0.8
    y = (z > 0).astype(int)
    score = x[:, 0] + (size == 'L') * 1.5 - (color == 'blue') * 1.0 + rng.normal(0, 0.7, n)
    kind = np.where(score > 1.0, 'bird', np.where(score > -0.3, 'cat', 'dog'))
    df = pd.DataFrame(np.round(x, 4), columns=X)
    df['color'], df['size'], df['y'], df['kind'] = color, size, y, kind
    return df


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    ref = make_frame(rng, 300, 0.0)
    prod = make_frame(rng, 200, 0.6)
    # Production rows with no label yet: excluded from the metrics.
    prod['y'] = prod['y'].astype(object)
    prod.loc[[3, 17, 150], 'y'] = ''
    prod.loc[[5, 60], 'kind'] = ''
    ref.to_csv(OUT / 'reference.csv', index=False)
    prod.to_csv(OUT / 'production.csv', index=False)

    Xr = ref[X].to_numpy(np.float64)
    yr = ref['y'].to_numpy()
    lr = LogisticRegression(C=1.0, max_iter=1000).fit(Xr, yr)
    rf = RandomForestClassifier(n_estimators=3, max_depth=3, random_state=0).fit(Xr, yr)
    pipe = Pipeline([
        ('ct', ColumnTransformer([('num', StandardScaler(), ['x0', 'x1']),
                                  ('cat', OneHotEncoder(handle_unknown='ignore'), ['color', 'size'])])),
        ('lr', LogisticRegression(max_iter=1000)),
    ]).fit(ref, ref['kind'])
    reg = LinearRegression().fit(Xr, Xr[:, 0] * 3 + 2)

    models = {
        'logistic_plain': (g.plain_logistic(lr, X), lr, 'matrix'),
        'linear_zipmap': (g.logistic_regression(lr, 4, zipmap=True), lr, 'matrix'),
        'linear': (g.logistic_regression(lr, 4, zipmap=False), lr, 'matrix'),
        'forest_zipmap': (g.random_forest(rf, 4, zipmap=True), rf, 'matrix'),
        'forest': (g.random_forest(rf, 4, zipmap=False), rf, 'matrix'),
        'pipeline_strings': (g.column_pipeline(pipe, ['x0', 'x1'], ['color', 'size']), pipe, 'columns'),
    }
    onnx.save(g.linear_regression(reg, 4), OUT / 'regressor.onnx')

    expected = {
        'generator': 'scripts/make_onnx_fixtures.py',
        'versions': {'python': sys.version.split()[0], 'numpy': np.__version__, 'pandas': pd.__version__,
                     'scikit-learn': sklearn.__version__, 'onnx': onnx.__version__, 'onnxruntime': ort.__version__},
        'calls': {
            'probabilities': 'onnxruntime.InferenceSession(model).run(None | [tensor outputs], feeds); float32 -> float64',
            'predicted': 'classes[argmax(probabilities, axis=1)] (first maximum), or the label output for ZipMap models',
            'check': 'np.allclose(onnx probabilities, sklearn predict_proba, atol=1e-5) and equal predictions',
            'metrics': 'scripts/metric_reference.py metric_values on rows with a label',
        },
        'seed': SEED,
        'features': X,
        'models': {},
    }
    for name, (model, est, feed) in models.items():
        onnx.save(model, OUT / f'{name}.onnx')
        sess = ort.InferenceSession(model.SerializeToString())
        tensor_outputs = [o.name for o in sess.get_outputs() if o.type.startswith('tensor')]
        classes = [str(c) for c in est.classes_]
        label_col = 'kind' if name == 'pipeline_strings' else 'y'
        positive = '1' if len(classes) == 2 else None
        entry = {'file': f'{name}.onnx', 'label_column': label_col, 'classes': classes, 'positive_class': positive,
                 'zipmap': 'zipmap' in name, 'runs': {}}
        for side, df in [('reference', ref), ('production', prod)]:
            if feed == 'matrix':
                feeds = {sess.get_inputs()[0].name: df[X].to_numpy(np.float32)}
                sk_proba = est.predict_proba(df[X].to_numpy(np.float64))
                sk_pred = [str(c) for c in est.predict(df[X].to_numpy(np.float64))]
            else:
                feeds = {c: df[[c]].to_numpy(np.float32) for c in ['x0', 'x1']}
                feeds.update({c: df[[c]].to_numpy().astype(object).astype(str) for c in ['color', 'size']})
                sk_proba = est.predict_proba(df)
                sk_pred = [str(c) for c in est.predict(df)]
            out = dict(zip(tensor_outputs, sess.run(tensor_outputs, feeds)))
            if 'probability' in out:  # plain logistic: P(class 1) only
                p1 = out['probability'].astype(np.float64).reshape(-1)
                proba = np.stack([1 - p1, p1], axis=1)
            elif 'output_probability' in out:
                proba = out['output_probability'].astype(np.float64)
            else:
                proba = None
            if proba is not None:
                assert np.allclose(proba, sk_proba, atol=1e-5), (name, side, np.abs(proba - sk_proba).max())
                predicted = [classes[i] for i in np.argmax(proba, axis=1)]
            else:
                predicted = [str(v) for v in out['output_label']]
            agree = float(np.mean(np.array(predicted) == np.array(sk_pred)))
            labelled = df[label_col].astype(str) != ''
            idx = np.flatnonzero(labelled.to_numpy())
            y_true = [str(v) for v in df[label_col].to_numpy()[idx]]
            metrics = metric_values(y_true, [predicted[i] for i in idx], None if proba is None else proba[idx], classes, positive)
            run = {'rows': len(df), 'labelled_rows': len(idx), 'predicted': predicted, 'agreement_with_sklearn_predict': agree,
                   'probabilities': None if proba is None else proba.tolist(), 'metrics': metrics}
            if 'output_label' in out:
                run['label_output'] = [str(v) for v in out['output_label']]
            entry['runs'][side] = run
        expected['models'][name] = entry
        print(name, {s: r['agreement_with_sklearn_predict'] for s, r in entry['runs'].items()})
    reg_out = ort.InferenceSession((OUT / 'regressor.onnx').read_bytes()).run(None, {'float_input': Xr[:3].astype(np.float32)})[0]
    expected['regressor_first_rows'] = reg_out.astype(float).ravel().tolist()
    expected['other_models'] = other_models(lr, reg, models['linear'][0], ref[X].to_numpy(np.float32))
    (OUT / 'expected.json').write_text(json.dumps(expected, indent=1) + '\n')


def other_models(lr, reg, linear, xr):
    """Models without expected runs: fixed batch sizes, a probability tensor without class labels, outputs that
    are not probabilities, graphs onnxruntime cannot load or run. Checked here with python onnxruntime."""
    made = {
        'linear_batch1': g.fixed_batch(linear, 1),
        'linear_batch3': g.fixed_batch(linear, 3),
        'softmax_logistic': g.softmax_logistic(lr, 4),
        'raw_scores': g.raw_scores(lr, 4),
        'sigmoid_pair': g.sigmoid_pair(lr, 4),
        'plain_regressor': g.plain_regressor(reg, 4),
        'reshape_fails': g.reshape_fails(4),
        'type_mismatch': g.type_mismatch(4),
        'wide_column': g.wide_column_input(),
    }
    for name, model in made.items():
        onnx.save(model, OUT / f'{name}.onnx')
    run = lambda name, feeds: ort.InferenceSession(made[name].SerializeToString()).run(None, feeds)
    want = lr.predict_proba(xr.astype(np.float64))
    for b in (1, 3):  # the fixed-batch models equal predict_proba batch by batch (the last batch padded)
        sess = ort.InferenceSession(made[f'linear_batch{b}'].SerializeToString())
        pad = (-len(xr)) % b
        xp = np.concatenate([xr, np.repeat(xr[-1:], pad, axis=0)])
        got = np.concatenate([sess.run(['output_probability'], {'float_input': xp[i:i + b]})[0] for i in range(0, len(xp), b)])[:len(xr)]
        assert np.allclose(got, want, atol=1e-5), b
        try:
            sess.run(None, {'float_input': xr[:b + 1]})
            raise AssertionError('a fixed batch size should refuse other sizes')
        except ort.capi.onnxruntime_pybind11_state.InvalidArgument:
            pass
    assert np.allclose(run('softmax_logistic', {'input': xr})[0], want, atol=1e-5)
    scores = run('raw_scores', {'input': xr})[0]
    assert scores.min() < 0 or scores.max() > 1
    pair = run('sigmoid_pair', {'input': xr})[0]
    assert pair.min() >= 0 and pair.max() <= 1 and np.abs(pair.sum(axis=1) - 1).max() > 1e-3
    assert np.abs(run('plain_regressor', {'input': xr})[0].ravel() - reg.predict(xr.astype(np.float64))).max() < 1e-4
    try:
        run('reshape_fails', {'input': xr})
        raise AssertionError('reshape_fails ran')
    except ort.capi.onnxruntime_pybind11_state.Fail:
        pass
    try:
        ort.InferenceSession(made['type_mismatch'].SerializeToString())
        raise AssertionError('type_mismatch loaded')
    except Exception as e:  # onnxruntime: Fail / InvalidGraph, depending on the version
        assert 'type' in str(e).lower(), e
    return {
        'linear_batch1': 'linear.onnx with input and outputs fixed to batch size 1',
        'linear_batch3': 'linear.onnx with input and outputs fixed to batch size 3',
        'softmax_logistic': 'logistic_plain as MatMul + Add + Softmax [N, 2]: probabilities only, no label output or class labels',
        'raw_scores': 'the logits of softmax_logistic without the Softmax: float [N, 2], not probabilities',
        'sigmoid_pair': 'Sigmoid of two logits: values in [0, 1], rows not summing to 1',
        'plain_regressor': 'LinearRegression as MatMul + Add: one float output, values outside [0, 1]',
        'reshape_fails': 'loads, fails at every run (Reshape to a constant [3, 5])',
        'type_mismatch': 'passes onnx.checker, onnxruntime refuses to load it (Add float + int64)',
        'wide_column': 'one input per column, "x0" is [N, 2]',
    }


if __name__ == '__main__':
    main()
