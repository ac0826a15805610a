"""Oracle for the engine's agreement test: trains XGBoost 1.7 (hist, lossguide) on a CSV and
writes margins and SHAP contributions. Usage: xgboost_oracle.py DIR PARAMS_JSON ROUNDS.
Reads DIR/x.csv (NaN = missing) and DIR/y.csv; writes DIR/margin.csv and DIR/contrib.csv."""
import json
import sys

import numpy as np
import xgboost as xgb

folder, params, rounds = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
x = np.loadtxt(f"{folder}/x.csv", delimiter=",", ndmin=2)
y = np.loadtxt(f"{folder}/y.csv")
matrix = xgb.DMatrix(x, label=y, missing=np.nan)
booster = xgb.train(params, matrix, rounds)
np.savetxt(f"{folder}/margin.csv", booster.predict(matrix, output_margin=True), fmt="%.9g")
np.savetxt(f"{folder}/contrib.csv", booster.predict(matrix, pred_contribs=True), fmt="%.9g", delimiter=",")
