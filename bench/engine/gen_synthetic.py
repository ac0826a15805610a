"""Writes the seeded synthetic benchmark matrix: ROWS x COLS float32, 10% missing values
(missing completely at random), about 8% positives. The label depends on 20 of the features
(linear terms, a few interactions and thresholds) so both learners have real signal to find.

Usage: gen_synthetic.py OUT.bin ROWS COLS [SEED]
"""
import sys

import numpy as np

from matrix_file import write_matrix

out, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 42
rng = np.random.default_rng(seed)
x = rng.standard_normal((rows, cols), dtype=np.float32)
informative = min(20, cols)
coef = rng.normal(0, 0.6, informative)
logit = x[:, :informative].astype(np.float64) @ coef
logit += 0.8 * (x[:, 0] > 0.5) * x[:, 1] - 0.6 * np.abs(x[:, 2]) + 0.5 * np.sin(2 * x[:, 3])
# Intercept chosen by bisection so the expected positive rate is 8%.
lo, hi = -20.0, 20.0
for _ in range(60):
    mid = (lo + hi) / 2
    rate = np.mean(1 / (1 + np.exp(-(logit + mid))))
    lo, hi = (mid, hi) if rate < 0.08 else (lo, mid)
p = 1 / (1 + np.exp(-(logit + lo)))
y = (rng.random(rows) < p).astype(np.float32)
x[rng.random((rows, cols)) < 0.10] = np.nan
write_matrix(out, x, y)
print(f"wrote {out}: {rows} x {cols}, {y.mean():.4f} positives, seed {seed}")
