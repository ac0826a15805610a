"""XGBoost 1.7 side of the whole-process race (race.sh): everything a Python user's script does,
timed in one process, parsing included. Reads the CSV with pandas (float32, empty cell = NaN),
trains on the first 80% of the rows (depth-wise hist trees of depth DEPTH, eta 0.1, lambda 1,
min_child_weight 1, 256 bins), predicts the last 20% through a DMatrix, as a user would, and
prints one JSON line {readS, trainS, predictS, auc}. DMatrix construction counts in trainS (our
side's binning counts in its trainS too).

Usage: /usr/bin/python3 race_xgb.py DATA.csv ROUNDS DEPTH THREADS
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score

path, rounds, depth, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])

t = time.perf_counter()
frame = pd.read_csv(path, dtype=np.float32)
read_s = time.perf_counter() - t
if "label" not in frame.columns:
    raise SystemExit(f"{path}: no 'label' column in the header")
y = frame.pop("label").to_numpy()
n_train = int(len(y) * 0.8)

params = {
    "objective": "binary:logistic", "tree_method": "hist", "nthread": threads,
    "grow_policy": "depthwise", "max_depth": depth, "max_leaves": 0,
    "eta": 0.1, "lambda": 1.0, "alpha": 0.0, "min_child_weight": 1.0, "max_bin": 256, "seed": 0,
}
t = time.perf_counter()
dtrain = xgb.DMatrix(frame.iloc[:n_train], label=y[:n_train], missing=np.nan, nthread=threads)
booster = xgb.train(params, dtrain, rounds)
train_s = time.perf_counter() - t

t = time.perf_counter()
prob = booster.predict(xgb.DMatrix(frame.iloc[n_train:], missing=np.nan, nthread=threads))
predict_s = time.perf_counter() - t
auc = roc_auc_score(y[n_train:], prob)
print(json.dumps({"readS": read_s, "trainS": train_s, "predictS": predict_s, "auc": auc}))
