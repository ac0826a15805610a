"""Independent reference for the monitoring tests: sklearn's ROC AUC and the DeLong variance from
its definition (every positive-negative pair, O(n^2) with numpy), read from stdin as JSON
{"labels": [...], "scores": [...]}, written to stdout as JSON {"auc", "se"}."""
import json
import sys

import numpy as np
from sklearn.metrics import roc_auc_score

data = json.load(sys.stdin)
y = np.asarray(data["labels"], dtype=float)
s = np.asarray(data["scores"], dtype=float)
pos = s[y == 1]
neg = s[y == 0]
psi = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
v10 = psi.mean(axis=1)
v01 = psi.mean(axis=0)
var = v10.var(ddof=1) / len(pos) + v01.var(ddof=1) / len(neg)
print(json.dumps({"auc": roc_auc_score(y, s), "se": float(np.sqrt(var))}))
