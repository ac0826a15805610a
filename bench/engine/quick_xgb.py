"""XGBoost 1.7 side of the quick side-by-side (side-by-side.sh): training and prediction only, with
ours.ts's hyper-parameters (lossguide 63 leaves, or max_depth D when given), 2 threads.

Usage: quick_xgb.py DATA.bin ROUNDS [DEPTH] [THREADS=2]
"""
import json
import sys
import time

import numpy as np
import xgboost as xgb

from matrix_file import read_matrix

path, rounds = sys.argv[1], int(sys.argv[2])
depth = int(sys.argv[3]) if len(sys.argv) > 3 else 0
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
x, y = read_matrix(path, None)
n_train = int(len(y) * 0.8)
params = {
    "objective": "binary:logistic", "tree_method": "hist", "nthread": threads,
    "grow_policy": "depthwise" if depth > 0 else "lossguide",
    "max_leaves": 0 if depth > 0 else 63, "max_depth": depth,
    "eta": 0.1, "lambda": 1.0, "alpha": 0.0, "min_child_weight": 1.0, "max_bin": 256, "seed": 0,
}
t = time.perf_counter()
dtrain = xgb.DMatrix(x[:n_train], label=y[:n_train], missing=np.nan, nthread=threads)
booster = xgb.train(params, dtrain, rounds)
train_s = time.perf_counter() - t
x_hold = x[n_train:]
# inplace_predict: XGBoost's fastest path from a NumPy array, and uncached. Booster.predict on one
# DMatrix caches its predictions, so repeating it times a copy of the cache (tens of millions of
# rows/s), which earlier quick runs did.
booster.inplace_predict(x_hold, missing=np.nan)  # untimed warm-up, as on our side
PREDICTIONS = 10
t = time.perf_counter()
cpu = time.process_time()  # the whole process's CPU time, every thread
for _ in range(PREDICTIONS):
    booster.inplace_predict(x_hold, missing=np.nan)
pred_cpu_s = (time.process_time() - cpu) / PREDICTIONS
pred_s = (time.perf_counter() - t) / PREDICTIONS
hold_rows = len(y) - n_train
print(json.dumps({"trainS": train_s, "predRowsPerS": hold_rows / pred_s,
                  "predRowsPerCpuS": hold_rows / pred_cpu_s}))
