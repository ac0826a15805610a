"""Independent reference for the monitoring tests: sklearn's ROC AUC and the DeLong variance from
its definition (every positive-negative pair, O(n^2) with numpy), read from stdin as JSON
{"labels": [...], "scores": [...], "development": AUC_dev, "probabilities": [...]}, written to
stdout as JSON {"auc", "se", "lower", "upper", "statistic", "pValue", "brier"}: the 95 % Wald
interval clipped to [0, 1] (scipy's normal quantile), the one-sided drop test against the
development AUC (scipy's normal survival function) and the Brier score of the probabilities."""
import json
import sys

import numpy as np
from scipy.stats import norm
from sklearn.metrics import brier_score_loss, roc_auc_score

data = json.load(sys.stdin)
y = np.asarray(data["labels"], dtype=float)
s = np.asarray(data["scores"], dtype=float)
pos = s[y == 1]
neg = s[y == 0]
psi = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
v10 = psi.mean(axis=1)
v01 = psi.mean(axis=0)
var = v10.var(ddof=1) / len(pos) + v01.var(ddof=1) / len(neg)
auc = float(roc_auc_score(y, s))
se = float(np.sqrt(var))
z = norm.ppf(0.975)
statistic = (data["development"] - auc) / se
probabilities = np.asarray(data["probabilities"], dtype=float)
print(
    json.dumps(
        {
            "auc": auc,
            "se": se,
            "lower": max(0.0, auc - z * se),
            "upper": min(1.0, auc + z * se),
            "statistic": statistic,
            "pValue": float(norm.sf(statistic)),
            "brier": float(brier_score_loss(y, probabilities)),
        }
    )
)
