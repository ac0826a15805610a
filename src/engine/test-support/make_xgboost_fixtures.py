"""Writes the committed XGBoost fixtures of src/engine/fixtures/ (run from anywhere):

    /usr/bin/python3 src/engine/test-support/make_xgboost_fixtures.py
    npx biome format --write src/engine/fixtures   # the committed files are biome-formatted

Each case trains a SMALL model with Debian's python3-xgboost (1.7) on seeded data with missing
values and writes two files:
  NAME.model.json     booster.save_model(...) as XGBoost writes it (the format we import);
  NAME.expected.json  {"xgboost": version, "rows": [[...]] (null = missing),
                       "margin": predict(output_margin=True), "contrib": predict(pred_contribs=True)}
for the first EVAL_ROWS training rows plus edge_rows (at thresholds and out of range). The tests compare against these without Python."""
import json
import os
import sys

import numpy as np
import xgboost as xgb

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")
NUM_ROWS, NUM_COLS, EVAL_ROWS = 2000, 6, 250
NAMES = ["income", "debt_ratio", "age_years", "ext_score", "n_loans", "tenure"]


def data(seed, regression):
    rng = np.random.default_rng(seed)
    # Values rounded to 3 decimals keep the JSON small; some columns have few distinct values.
    x = np.round(rng.normal(size=(NUM_ROWS, NUM_COLS)), 3)
    x[:, 4] = rng.integers(0, 8, NUM_ROWS)
    x[rng.random((NUM_ROWS, NUM_COLS)) < 0.12] = np.nan
    z = np.nan_to_num(x, nan=0.0)
    signal = 1.2 * z[:, 0] - 0.8 * z[:, 1] + 0.5 * z[:, 2] * (z[:, 3] > 0) + 0.3 * z[:, 4]
    signal += np.where(np.isnan(x[:, 3]), 0.7, 0.0)
    if regression:
        return x, signal + rng.normal(scale=0.3, size=NUM_ROWS)
    return x, (rng.random(NUM_ROWS) < 1 / (1 + np.exp(-signal))).astype(float)


def edge_rows(booster, x):
    """Rows that probe routing: a value exactly at a split threshold (goes right), the float64
    just below it (float32 rounds it back up, so it also goes right), and values far outside the
    training range. XGBoost reads them as float32, which is the semantics we must reproduce."""
    rng = np.random.default_rng(99)
    tree = json.loads(booster.save_raw("json").decode())["learner"]["gradient_booster"]["model"]["trees"][0]
    rows = []
    for node, left in enumerate(tree["left_children"]):
        if left == -1:
            continue
        f, t = tree["split_indices"][node], tree["split_conditions"][node]
        t64 = float(np.float32(t))
        for value in (t64, np.nextafter(t64, -np.inf)):
            row = x[rng.integers(len(x))].copy()
            row[f] = value
            rows.append(row)
    for value in (1e6, -1e6, 1e30, -1e30):
        row = x[rng.integers(len(x))].copy()
        row[rng.integers(NUM_COLS)] = value
        rows.append(row)
    return np.array(rows)


CASES = {
    "binary-depth4": dict(
        seed=1, regression=False, names=True,
        params=dict(objective="binary:logistic", tree_method="hist", max_depth=4, eta=0.3),
    ),
    "regression-depth4": dict(
        seed=2, regression=True, names=False,
        params=dict(objective="reg:squarederror", tree_method="hist", max_depth=4, eta=0.3),
    ),
    "binary-monotone": dict(
        seed=3, regression=False, names=True,
        params=dict(objective="binary:logistic", tree_method="hist", max_depth=4, eta=0.3,
                    monotone_constraints="(1,-1,0,0,0,0)"),
    ),
    # The shape of the agreement test that once disagreed on SHAP: lossguide, 31 leaves, L1.
    "binary-lossguide31": dict(
        seed=4, regression=False, names=False,
        params=dict(objective="binary:logistic", tree_method="hist", grow_policy="lossguide",
                    max_depth=0, max_leaves=31, eta=0.3, reg_alpha=0.3),
    ),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, case in CASES.items():
        x, y = data(case["seed"], case["regression"])
        names = NAMES if case["names"] else None
        train = xgb.DMatrix(x, label=y, missing=np.nan, feature_names=names)
        booster = xgb.train({**case["params"], "seed": 0, "nthread": 1}, train, num_boost_round=20)
        booster.save_model(os.path.join(OUT, f"{name}.model.json"))
        rows = np.vstack([x[:EVAL_ROWS], edge_rows(booster, x)])
        dm = xgb.DMatrix(rows, missing=np.nan, feature_names=names)
        expected = {
            "xgboost": xgb.__version__,
            "rows": [[None if np.isnan(v) else float(v) for v in row] for row in rows],
            "margin": [float(v) for v in booster.predict(dm, output_margin=True)],
            "contrib": [[float(v) for v in row] for row in booster.predict(dm, pred_contribs=True)],
        }
        with open(os.path.join(OUT, f"{name}.expected.json"), "w") as f:
            json.dump(expected, f, separators=(",", ":"))
        print(name, file=sys.stderr)


if __name__ == "__main__":
    main()
