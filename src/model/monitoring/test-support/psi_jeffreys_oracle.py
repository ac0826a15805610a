"""Independent reference for the monitoring tests (numpy, scipy): reads JSON from stdin
{"reference": [...], "window": [...], "jeffreys": [[d, n, pd], ...]} (null = missing) and writes
{"edges", "reference", "window", "psi", "jeffreys": [[lower, upper, p], ...]}: decile edges of the
reference (numpy's default quantiles, duplicates dropped), right-closed bins plus a missing bin,
the PSI with shares floored at 1e-4, and the Jeffreys interval and p-value from scipy's beta."""
import json
import sys

import numpy as np
from scipy.stats import beta

data = json.load(sys.stdin)
ref = np.array([np.nan if v is None else v for v in data["reference"]], dtype=float)
win = np.array([np.nan if v is None else v for v in data["window"]], dtype=float)
edges = np.unique(np.quantile(ref[~np.isnan(ref)], np.arange(1, 10) / 10))


def counts(values):
    present = values[~np.isnan(values)]
    at = np.searchsorted(edges, present, side="left")  # first edge >= v
    c = np.bincount(at, minlength=len(edges) + 1).tolist()
    return c + [int(np.isnan(values).sum())]


r = np.array(counts(ref), dtype=float)
w = np.array(counts(win), dtype=float)
rs, ws = r / r.sum(), w / w.sum()
both_empty = (rs == 0) & (ws == 0)
rf, wf = np.maximum(rs, 1e-4), np.maximum(ws, 1e-4)
psi = float(np.sum(np.where(both_empty, 0, (wf - rf) * np.log(wf / rf))))
jeffreys = []
for d, n, pd in data["jeffreys"]:
    a, b = d + 0.5, n - d + 0.5
    lower = 0.0 if d == 0 else float(beta.ppf(0.025, a, b))
    upper = 1.0 if d == n else float(beta.ppf(0.975, a, b))
    jeffreys.append([lower, upper, float(beta.cdf(pd, a, b))])
print(json.dumps({"edges": edges.tolist(), "reference": counts(ref), "window": counts(win),
                  "psi": psi, "jeffreys": jeffreys}))
