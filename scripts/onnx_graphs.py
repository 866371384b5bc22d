"""ONNX graphs for fitted scikit-learn models, built with onnx.helper the way skl2onnx converts them.

skl2onnx is not installable here (no network); these builders follow its converters
(skl2onnx/operator_converters/linear_classifier.py, random_forest.py, one_hot_encoder.py,
scaler.py, linear_regressor.py, imputer_op.py; skl2onnx 1.17) node for node:
- LogisticRegression -> ai.onnx.ml LinearClassifier (binary: coefficients [-w, w], intercepts
  [-b, b], post_transform LOGISTIC; multinomial: SOFTMAX) -> Normalizer(L1) for binary -> ZipMap
  unless zipmap=False;
- RandomForestClassifier -> TreeEnsembleClassifier (leaf weights = class shares / n_trees);
- ColumnTransformer(StandardScaler, OneHotEncoder) -> Concat, Scaler, OneHotEncoder + Reshape;
- SimpleImputer -> Imputer; LinearRegression -> LinearRegressor (output 'variable').
Each builder returns an onnx.ModelProto; callers check it with python onnxruntime against sklearn.
"""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

ML = 'ai.onnx.ml'
OPSETS = [helper.make_opsetid('', 15), helper.make_opsetid(ML, 3)]


def _model(nodes, inputs, outputs, inits, name, metadata=None):
    graph = helper.make_graph(nodes, name, inputs, outputs, initializer=inits)
    model = helper.make_model(graph, opset_imports=OPSETS, producer_name='drift-monitor scripts/onnx_graphs.py')
    model.ir_version = 8
    for k, v in (metadata or {}).items():
        entry = model.metadata_props.add()
        entry.key, entry.value = k, v
    onnx.checker.check_model(model)
    return model


def _zipmap_output(name, int_classes):
    key = TensorProto.INT64 if int_classes else TensorProto.STRING
    value = helper.make_tensor_type_proto(TensorProto.FLOAT, None)
    return helper.make_value_info(name, helper.make_sequence_type_proto(helper.make_map_type_proto(key, value)))


def _class_attrs(classes):
    if all(isinstance(c, (int, np.integer)) for c in classes):
        return {'classlabels_ints': [int(c) for c in classes]}, True
    return {'classlabels_strings': [str(c) for c in classes]}, False


def _label_output(name, int_classes):
    return helper.make_tensor_value_info(name, TensorProto.INT64 if int_classes else TensorProto.STRING, [None])


def _finish_classifier(nodes, prob_name, classes, zipmap, int_classes):
    """skl2onnx's tail: the probability tensor, optionally through ZipMap (classlabels_* in the same order)."""
    outputs = [_label_output('output_label', int_classes)]
    if zipmap:
        key = 'classlabels_int64s' if int_classes else 'classlabels_strings'
        vals = [int(c) for c in classes] if int_classes else [str(c) for c in classes]
        nodes.append(helper.make_node('ZipMap', [prob_name], ['output_probability'], domain=ML, **{key: vals}))
        outputs.append(_zipmap_output('output_probability', int_classes))
    else:
        nodes.append(helper.make_node('Identity', [prob_name], ['output_probability']))
        outputs.append(helper.make_tensor_value_info('output_probability', TensorProto.FLOAT, [None, len(classes)]))
    return outputs


def linear_classifier_nodes(lr, feature_name, label_name, prob_name):
    """LogisticRegression -> LinearClassifier (+ Normalizer for binary), as skl2onnx emits it."""
    classes = list(lr.classes_)
    attrs, int_classes = _class_attrs(classes)
    coef = lr.coef_.astype(np.float64)
    intercept = lr.intercept_.astype(np.float64)
    if len(classes) == 2:
        coef = np.vstack([-coef, coef])
        intercept = np.concatenate([-intercept, intercept])
        post = 'LOGISTIC'
    else:
        post = 'SOFTMAX'
    raw = prob_name + '_raw' if len(classes) == 2 else prob_name
    nodes = [helper.make_node(
        'LinearClassifier', [feature_name], [label_name, raw], domain=ML,
        coefficients=coef.ravel().tolist(), intercepts=intercept.tolist(), multi_class=0, post_transform=post, **attrs,
    )]
    if len(classes) == 2:
        nodes.append(helper.make_node('Normalizer', [raw], [prob_name], domain=ML, norm='L1'))
    return nodes, classes, int_classes


def plain_logistic(lr, features):
    """MatMul + Add + Sigmoid: a single float output [N, 1], P(class 1). Metadata 'features' lists the columns."""
    w = numpy_helper.from_array(lr.coef_.T.astype(np.float32), 'W')
    b = numpy_helper.from_array(lr.intercept_.astype(np.float32), 'B')
    nodes = [
        helper.make_node('MatMul', ['input', 'W'], ['z0']),
        helper.make_node('Add', ['z0', 'B'], ['z']),
        helper.make_node('Sigmoid', ['z'], ['probability']),
    ]
    return _model(
        nodes,
        [helper.make_tensor_value_info('input', TensorProto.FLOAT, [None, len(features)])],
        [helper.make_tensor_value_info('probability', TensorProto.FLOAT, [None, 1])],
        [w, b], 'plain_logistic', metadata={'features': ','.join(features)},
    )


def logistic_regression(lr, n_features, zipmap):
    nodes, classes, int_classes = linear_classifier_nodes(lr, 'float_input', 'output_label', 'probability_tensor')
    outputs = _finish_classifier(nodes, 'probability_tensor', classes, zipmap, int_classes)
    return _model(nodes, [helper.make_tensor_value_info('float_input', TensorProto.FLOAT, [None, n_features])], outputs, [], 'LogisticRegression')


def random_forest(rf, n_features, zipmap):
    """RandomForestClassifier -> TreeEnsembleClassifier: every leaf votes its class shares / n_trees.
    The probabilities match predict_proba; onnxruntime's binary rule makes the label output disagree
    with argmax (recorded in expected.json as agreement_with_sklearn_predict), which is why
    drift-monitor derives labels from the probabilities when it has them. (A class-1-only vote
    fixes the label but gives probabilities [0, p].)"""
    classes = list(rf.classes_)
    attrs, int_classes = _class_attrs(classes)
    if int_classes:  # TreeEnsembleClassifier spells it classlabels_int64s (LinearClassifier: classlabels_ints)
        attrs = {'classlabels_int64s': attrs['classlabels_ints']}
    a = {k: [] for k in ['nodes_treeids', 'nodes_nodeids', 'nodes_featureids', 'nodes_modes', 'nodes_values',
                         'nodes_truenodeids', 'nodes_falsenodeids', 'nodes_missing_value_tracks_true',
                         'class_treeids', 'class_nodeids', 'class_ids', 'class_weights']}
    n_trees = len(rf.estimators_)
    for t, est in enumerate(rf.estimators_):
        tree = est.tree_
        for i in range(tree.node_count):
            leaf = tree.children_left[i] == -1
            a['nodes_treeids'].append(t)
            a['nodes_nodeids'].append(i)
            a['nodes_featureids'].append(0 if leaf else int(tree.feature[i]))
            a['nodes_modes'].append('LEAF' if leaf else 'BRANCH_LEQ')
            a['nodes_values'].append(0.0 if leaf else float(tree.threshold[i]))
            a['nodes_truenodeids'].append(0 if leaf else int(tree.children_left[i]))
            a['nodes_falsenodeids'].append(0 if leaf else int(tree.children_right[i]))
            a['nodes_missing_value_tracks_true'].append(0)
            if leaf:
                shares = tree.value[i][0] / tree.value[i][0].sum()
                for c, s in enumerate(shares):
                    a['class_treeids'].append(t)
                    a['class_nodeids'].append(i)
                    a['class_ids'].append(c)
                    a['class_weights'].append(float(s) / n_trees)
    nodes = [helper.make_node('TreeEnsembleClassifier', ['float_input'], ['output_label', 'probability_tensor'],
                              domain=ML, post_transform='NONE', **a, **attrs)]
    outputs = _finish_classifier(nodes, 'probability_tensor', classes, zipmap, int_classes)
    return _model(nodes, [helper.make_tensor_value_info('float_input', TensorProto.FLOAT, [None, n_features])], outputs, [], 'RandomForestClassifier')


def column_pipeline(pipe, numeric, categorical, zipmap=False):
    """Pipeline(ColumnTransformer([('num', [SimpleImputer ->] StandardScaler, numeric), ('cat', OneHotEncoder, categorical)]),
    LogisticRegression): one input per column, float [N, 1] or string [N, 1], as skl2onnx makes from a DataFrame."""
    ct = pipe.steps[0][1]
    lr = pipe.steps[-1][1]
    num_pipe = ct.named_transformers_['num']
    ohe = ct.named_transformers_['cat']
    inputs = [helper.make_tensor_value_info(c, TensorProto.FLOAT, [None, 1]) for c in numeric]
    inputs += [helper.make_tensor_value_info(c, TensorProto.STRING, [None, 1]) for c in categorical]
    nodes, inits = [], []
    nodes.append(helper.make_node('Concat', numeric, ['num_concat'], axis=1))
    last = 'num_concat'
    steps = num_pipe.steps if hasattr(num_pipe, 'steps') else [('scaler', num_pipe)]
    for name, step in steps:
        if type(step).__name__ == 'SimpleImputer':
            nodes.append(helper.make_node('Imputer', [last], ['num_imputed'], domain=ML,
                                          imputed_value_floats=step.statistics_.astype(float).tolist(),
                                          replaced_value_float=float('nan')))
            last = 'num_imputed'
        else:  # StandardScaler: Scaler computes (x - offset) * scale
            nodes.append(helper.make_node('Scaler', [last], ['num_scaled'], domain=ML,
                                          offset=step.mean_.astype(float).tolist(),
                                          scale=(1.0 / step.scale_).astype(float).tolist()))
            last = 'num_scaled'
    parts = [last]
    for j, col in enumerate(categorical):
        cats = [str(c) for c in ohe.categories_[j]]
        nodes.append(helper.make_node('OneHotEncoder', [col], [f'{col}_ohe'], domain=ML, cats_strings=cats, zeros=1))
        # OneHotEncoder on [N, 1] gives [N, 1, C]; skl2onnx reshapes to [N, C].
        inits.append(numpy_helper.from_array(np.array([-1, len(cats)], dtype=np.int64), f'{col}_shape'))
        nodes.append(helper.make_node('Reshape', [f'{col}_ohe', f'{col}_shape'], [f'{col}_flat']))
        parts.append(f'{col}_flat')
    nodes.append(helper.make_node('Concat', parts, ['features'], axis=1))
    lin_nodes, classes, int_classes = linear_classifier_nodes(lr, 'features', 'output_label', 'probability_tensor')
    nodes += lin_nodes
    outputs = _finish_classifier(nodes, 'probability_tensor', classes, zipmap, int_classes)
    return _model(nodes, inputs, outputs, inits, 'pipeline')


def linear_regression(reg, n_features):
    nodes = [helper.make_node('LinearRegressor', ['float_input'], ['variable'], domain=ML,
                              coefficients=reg.coef_.astype(float).ravel().tolist(),
                              intercepts=[float(reg.intercept_)])]
    return _model(nodes, [helper.make_tensor_value_info('float_input', TensorProto.FLOAT, [None, n_features])],
                  [helper.make_tensor_value_info('variable', TensorProto.FLOAT, [None, 1])], [], 'LinearRegression')


def fixed_batch(model, batch):
    """The same model with the first dimension of every input and output fixed to `batch`, as an exporter
    that traces one example batch writes it (torch.onnx.export without dynamic_axes)."""
    m = onnx.ModelProto()
    m.CopyFrom(model)
    for v in list(m.graph.input) + list(m.graph.output):
        if v.type.HasField('tensor_type') and len(v.type.tensor_type.shape.dim) > 0:
            v.type.tensor_type.shape.dim[0].dim_value = batch
    m.graph.name = f'{m.graph.name}_batch{batch}'
    onnx.checker.check_model(m)
    return m


def _dense(name, w, b, tail, outputs, inputs, first='input'):
    """MatMul + Add on `first`, then the `tail` nodes; w [F, C], b [C]."""
    inits = [numpy_helper.from_array(np.asarray(w, np.float32), 'W'), numpy_helper.from_array(np.asarray(b, np.float32), 'B')]
    nodes = [helper.make_node('MatMul', [first, 'W'], ['z0']), helper.make_node('Add', ['z0', 'B'], ['z'])] + tail
    return _model(nodes, inputs, outputs, inits, name)


def softmax_logistic(lr, n_features):
    """Binary LogisticRegression as MatMul + Add + Softmax over the logits [-z/2, z/2] (softmax of that is
    [1 - sigmoid(z), sigmoid(z)]): a probability tensor [N, 2] and no label output, no class labels."""
    w = lr.coef_.ravel() / 2
    b = float(lr.intercept_[0]) / 2
    return _dense('softmax_logistic', np.stack([-w, w], axis=1), [-b, b], [helper.make_node('Softmax', ['z'], ['probabilities'], axis=1)],
                  [helper.make_tensor_value_info('probabilities', TensorProto.FLOAT, [None, 2])],
                  [helper.make_tensor_value_info('input', TensorProto.FLOAT, [None, n_features])])


def raw_scores(lr, n_features):
    """The same logits without the Softmax: a float [N, 2] output that is not probabilities."""
    w = lr.coef_.ravel() / 2
    b = float(lr.intercept_[0]) / 2
    return _dense('raw_scores', np.stack([-w, w], axis=1), [-b, b], [helper.make_node('Identity', ['z'], ['scores'])],
                  [helper.make_tensor_value_info('scores', TensorProto.FLOAT, [None, 2])],
                  [helper.make_tensor_value_info('input', TensorProto.FLOAT, [None, n_features])])


def sigmoid_pair(lr, n_features):
    """A Sigmoid on each of the two logits: every value in [0, 1] but rows do not sum to 1."""
    w = lr.coef_.ravel()
    b = float(lr.intercept_[0])
    return _dense('sigmoid_pair', np.stack([w, w / 3], axis=1), [b, b - 1], [helper.make_node('Sigmoid', ['z'], ['probabilities'])],
                  [helper.make_tensor_value_info('probabilities', TensorProto.FLOAT, [None, 2])],
                  [helper.make_tensor_value_info('input', TensorProto.FLOAT, [None, n_features])])


def plain_regressor(reg, n_features):
    """LinearRegression as MatMul + Add (no LinearRegressor operator to recognise it by): one float output [N, 1]."""
    return _dense('plain_regressor', reg.coef_.reshape(-1, 1), [float(reg.intercept_)], [helper.make_node('Identity', ['z'], ['variable'])],
                  [helper.make_tensor_value_info('variable', TensorProto.FLOAT, [None, 1])],
                  [helper.make_tensor_value_info('input', TensorProto.FLOAT, [None, n_features])])


def reshape_fails(n_features):
    """Loads, but every run fails: a Reshape of the [N, F] input to a constant [3, 5] (N * F is never 15)."""
    inits = [numpy_helper.from_array(np.array([3, 5], np.int64), 'shape'),
             numpy_helper.from_array(np.ones((5, 2), np.float32), 'W')]
    nodes = [helper.make_node('Reshape', ['input', 'shape'], ['r']),
             helper.make_node('MatMul', ['r', 'W'], ['z']),
             helper.make_node('Softmax', ['z'], ['probabilities'], axis=1)]
    return _model(nodes, [helper.make_tensor_value_info('input', TensorProto.FLOAT, [None, n_features])],
                  [helper.make_tensor_value_info('probabilities', TensorProto.FLOAT, [None, 2])], inits, 'reshape_fails')


def type_mismatch(n_features):
    """Passes onnx.checker.check_model but onnxruntime refuses to load it: an Add of a float input and an int64 constant."""
    inits = [numpy_helper.from_array(np.ones((n_features,), np.int64), 'K')]
    nodes = [helper.make_node('Add', ['input', 'K'], ['z']), helper.make_node('Softmax', ['z'], ['probabilities'], axis=1)]
    return _model(nodes, [helper.make_tensor_value_info('input', TensorProto.FLOAT, [None, n_features])],
                  [helper.make_tensor_value_info('probabilities', TensorProto.FLOAT, [None, n_features])], inits, 'type_mismatch')


def wide_column_input():
    """One input per column where "x0" is [N, 2] (two values per row): Concat(x0, x1) + MatMul + Softmax."""
    inits = [numpy_helper.from_array(np.array([[1, -1], [0.5, 0], [0, 0.5]], np.float32), 'W')]
    nodes = [helper.make_node('Concat', ['x0', 'x1'], ['c'], axis=1), helper.make_node('MatMul', ['c', 'W'], ['z']),
             helper.make_node('Softmax', ['z'], ['probabilities'], axis=1)]
    return _model(nodes, [helper.make_tensor_value_info('x0', TensorProto.FLOAT, [None, 2]),
                          helper.make_tensor_value_info('x1', TensorProto.FLOAT, [None, 1])],
                  [helper.make_tensor_value_info('probabilities', TensorProto.FLOAT, [None, 2])], inits, 'wide_column')
