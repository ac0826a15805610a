"""Reference values for src/model/evaluation/sklearn-agreement.test.ts, from scikit-learn.

Reads {"labels": [...], "scores": [...], "probs": [...]} as JSON on stdin and writes the metrics
and the isotonic fitted values as JSON on stdout. Run with /usr/bin/python3 (Debian's sklearn)."""
import json
import sys

import numpy as np
import sklearn
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score

data = json.load(sys.stdin)
labels = np.asarray(data["labels"], dtype=float)
scores = np.asarray(data["scores"], dtype=float)
probs = np.asarray(data["probs"], dtype=float)
isotonic = IsotonicRegression(out_of_bounds="clip").fit(probs, labels)
json.dump(
    {
        "sklearn": sklearn.__version__,
        "rocAuc": roc_auc_score(labels, scores),
        "prAuc": average_precision_score(labels, scores),
        "brier": brier_score_loss(labels, probs),
        "logLoss": log_loss(labels, probs),
        "isotonicFitted": isotonic.predict(probs).tolist(),
    },
    sys.stdout,
)
