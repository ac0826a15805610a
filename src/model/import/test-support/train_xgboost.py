"""Trains a small XGBoost model "elsewhere" for src/model/import/xgboost-run.test.ts.

Reads a CSV of SK_ID_CURR, TARGET and feature columns (written by the test from the Parquet
export through DuckDB: Debian's python3 has no Parquet reader), fits binary:logistic and saves
the JSON model with the feature names.

    python3 train_xgboost.py TRAIN.csv MODEL.json
"""
import csv
import sys

import numpy as np
import xgboost as xgb

path, out = sys.argv[1], sys.argv[2]
with open(path, newline="") as f:
    header = next(csv.reader(f))
data = np.genfromtxt(path, delimiter=",", skip_header=1, dtype=float, missing_values="", filling_values=np.nan)
labels = data[:, header.index("TARGET")]
features = [i for i, name in enumerate(header) if name not in ("SK_ID_CURR", "TARGET")]
matrix = xgb.DMatrix(data[:, features], label=labels, missing=np.nan, feature_names=[header[i] for i in features])
params = {"objective": "binary:logistic", "max_depth": 3, "eta": 0.1, "tree_method": "hist", "seed": 1, "nthread": 1}
booster = xgb.train(params, matrix, num_boost_round=80)
booster.save_model(out)
