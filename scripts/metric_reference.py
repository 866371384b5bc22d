"""Classification metrics as scikit-learn computes them: the reference values for src/core/metrics.

Calls (recorded in every fixture): accuracy_score, precision_recall_fscore_support(average=
'binary'|'macro'|'weighted', zero_division=0), roc_auc_score (binary: y == positive vs the
positive-class probability; multiclass: multi_class='ovr', average='macro'), confusion_matrix(labels=classes),
classification_report(labels=classes, output_dict=True, zero_division=0).
"""
import numpy as np
from sklearn.metrics import (accuracy_score, classification_report, confusion_matrix,
                             precision_recall_fscore_support, roc_auc_score)


def metric_values(y_true, y_pred, proba, classes, positive):
    """y_true, y_pred: lists of class names (str); proba: array [n, len(classes)] or None."""
    y_true = np.asarray(y_true, dtype=object)
    y_pred = np.asarray(y_pred, dtype=object)
    out = {'rows': int(len(y_true)), 'accuracy': float(accuracy_score(y_true, y_pred))}
    for avg in ['macro', 'weighted']:
        p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, labels=classes, average=avg, zero_division=0)
        out[f'precision_{avg}'], out[f'recall_{avg}'], out[f'f1_{avg}'] = float(p), float(r), float(f)
    if len(classes) == 2:
        p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, labels=classes, pos_label=positive,
                                                     average='binary', zero_division=0)
        out['precision'], out['recall'], out['f1'] = float(p), float(r), float(f)
    else:
        out['precision'], out['recall'], out['f1'] = out['precision_macro'], out['recall_macro'], out['f1_macro']
    auc = None
    if proba is not None:
        present = set(y_true)
        if len(classes) == 2 and len(present) == 2:
            auc = float(roc_auc_score(y_true == positive, proba[:, classes.index(positive)]))
        elif len(classes) > 2 and present == set(classes):
            auc = float(roc_auc_score(y_true, proba, multi_class='ovr', average='macro', labels=classes))
    out['roc_auc'] = auc
    out['confusion_matrix'] = confusion_matrix(y_true, y_pred, labels=classes).tolist()
    report = classification_report(y_true, y_pred, labels=classes, output_dict=True, zero_division=0)
    out['per_class'] = {c: {k: float(report[c][k]) for k in ['precision', 'recall', 'f1-score', 'support']} for c in classes}
    return out
