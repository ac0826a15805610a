"""XGBoost 1.7 side of the engine benchmark. Trains on the first 80% of the rows of a CLB1 file,
scores the last 20%, and prints one JSON line of measurements (wall and CPU seconds).

Usage: xgb_side.py DATA.bin ROUNDS [MAX_ROWS]
"""
import json
import sys
import time

import numpy as np
import xgboost as xgb
from sklearn.metrics import roc_auc_score

from matrix_file import read_matrix

path, rounds = sys.argv[1], int(sys.argv[2])
max_rows = int(sys.argv[3]) if len(sys.argv) > 3 and int(sys.argv[3]) > 0 else None
x, y = read_matrix(path, max_rows)
n_train = int(len(y) * 0.8)
x_train, y_train, x_hold, y_hold = x[:n_train], y[:n_train], x[n_train:], y[n_train:]

params = {
    "objective": "binary:logistic",
    "tree_method": "hist",
    "nthread": 2,
    "grow_policy": "lossguide",
    "max_leaves": 63,
    "max_depth": 0,
    "eta": 0.1,
    "lambda": 1.0,
    "alpha": 0.0,
    "min_child_weight": 1.0,
    "max_bin": 256,
    "seed": 0,
}


def clock():
    return time.perf_counter(), time.process_time()


def since(start):
    wall, cpu = clock()
    return wall - start[0], cpu - start[1]


t = clock()
dtrain = xgb.DMatrix(x_train, label=y_train, missing=np.nan, nthread=2)
booster = xgb.train(params, dtrain, rounds)
train_wall, train_cpu = since(t)

# Prediction: inplace_predict on the holdout array (XGBoost's fastest uncached path; predict() on
# a DMatrix seen before returns its cache), one untimed warm-up, then the median of three calls.
booster.inplace_predict(x_hold, missing=np.nan)
walls = []
for _ in range(3):
    t = clock()
    prob = booster.inplace_predict(x_hold, missing=np.nan)
    walls.append(since(t)[0])
predict_wall = sorted(walls)[1]
auc = roc_auc_score(y_hold, prob)

n_shap = min(10_000, len(y_hold))
dshap = xgb.DMatrix(x_hold[:n_shap], missing=np.nan, nthread=2)
t = clock()
booster.predict(dshap, pred_contribs=True)
shap_wall, shap_cpu = since(t)

# One-row explanation: a fresh one-row DMatrix per request, as a service would do it.
latencies = []
for i in range(200):
    t0 = time.perf_counter()
    booster.predict(xgb.DMatrix(x_hold[i : i + 1], missing=np.nan), pred_contribs=True)
    latencies.append(time.perf_counter() - t0)

# The latency target is for 300 trees of depth 6: a second, depth-wise model trained on
# at most 50,000 rows (to keep the run short), explained like the first.
DEPTH6_ROUNDS, DEPTH6_ROWS = 300, 50_000
params6 = {**params, "grow_policy": "depthwise", "max_depth": 6, "max_leaves": 0}
n6 = min(DEPTH6_ROWS, n_train)
booster6 = xgb.train(params6, xgb.DMatrix(x_train[:n6], label=y_train[:n6], missing=np.nan, nthread=2),
                     DEPTH6_ROUNDS)
t = clock()
booster6.predict(dshap, pred_contribs=True)
shap6_wall, _ = since(t)
latencies6 = []
for i in range(200):
    t0 = time.perf_counter()
    booster6.predict(xgb.DMatrix(x_hold[i : i + 1], missing=np.nan), pred_contribs=True)
    latencies6.append(time.perf_counter() - t0)

print(
    json.dumps(
        {
            "side": "xgboost",
            "version": xgb.__version__,
            "trainRows": n_train,
            "holdoutRows": len(y_hold),
            "cols": x.shape[1],
            "rounds": rounds,
            "trainWall": train_wall,
            "trainCpu": train_cpu,
            "auc": auc,
            "predictRowsPerSec": len(y_hold) / predict_wall,
            "shapRows": n_shap,
            "shapRowsPerSec": n_shap / shap_wall,
            "oneRowShapMedianMs": float(np.median(latencies) * 1000),
            "depth6TrainRows": n6,
            "depth6Rounds": DEPTH6_ROUNDS,
            "depth6ShapRowsPerSec": n_shap / shap6_wall,
            "depth6OneRowShapMedianMs": float(np.median(latencies6) * 1000),
        }
    )
)
