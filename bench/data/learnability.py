"""Is the data learnable the way the real Home Credit data is? XGBoost 1.7 on our feature table.

Trains the reference gradient boosting (Debian's XGBoost 1.7, hist, 2 threads) on the train split of
an exported `features` table twice, with the application features only and with every feature, and
reports holdout ROC-AUC of both. On the real data, application features alone give ≈0.75–0.76 and
well-engineered history aggregates ≈0.79; the synthetic generator aims at the same shape.

    node --import tsx bench/data/export-features.ts data/creditlens.duckdb /tmp/features.csv
    /usr/bin/python3 bench/data/learnability.py /tmp/features.csv [--max-rows 120000] [--seed 0]
"""

import argparse
import json
import time

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

# Feature-name prefixes of the history groups (src/data/features/sql/*.sql).
HISTORY_PREFIXES = ("BUREAU_", "PREV_", "POS_", "INST_", "CC_")


def holdout_auc(x_train, y_train, x_test, y_test, seed):
    model = xgb.XGBClassifier(
        tree_method="hist", n_estimators=2000, learning_rate=0.05, max_depth=6,
        subsample=0.8, colsample_bytree=0.5, min_child_weight=5, reg_lambda=1.0,
        n_jobs=2, random_state=seed, early_stopping_rounds=50, eval_metric="auc",
    )
    # Early stopping on a slice of the training part, never on the holdout.
    x_fit, x_stop, y_fit, y_stop = train_test_split(
        x_train, y_train, test_size=0.15, stratify=y_train, random_state=seed
    )
    model.fit(x_fit, y_fit, eval_set=[(x_stop, y_stop)], verbose=False)
    return roc_auc_score(y_test, model.predict_proba(x_test)[:, 1]), model.best_iteration


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("features_csv")
    parser.add_argument("--max-rows", type=int, default=120_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    frame = pd.read_csv(args.features_csv)
    train = frame[frame["split"] == "train"]
    if len(train) > args.max_rows:
        train = train.sample(args.max_rows, random_state=args.seed)
    y = train["TARGET"].to_numpy()
    features = [c for c in train.columns if c not in ("SK_ID_CURR", "split", "TARGET")]
    application = [c for c in features if not c.startswith(HISTORY_PREFIXES)]
    x = train[features].to_numpy(dtype=np.float32)
    x_train, x_test, y_train, y_test = train_test_split(
        x, y, test_size=0.25, stratify=y, random_state=args.seed
    )
    app_idx = [features.index(c) for c in application]
    started = time.time()
    auc_app, rounds_app = holdout_auc(
        x_train[:, app_idx], y_train, x_test[:, app_idx], y_test, args.seed
    )
    auc_all, rounds_all = holdout_auc(x_train, y_train, x_test, y_test, args.seed)
    print(json.dumps({
        "rows": int(len(train)), "default_rate": round(float(y.mean()), 4),
        "features_application": len(application), "features_all": len(features),
        "auc_application_only": round(auc_app, 4), "rounds_application_only": rounds_app,
        "auc_all": round(auc_all, 4), "rounds_all": rounds_all,
        "history_gain": round(auc_all - auc_app, 4), "seconds": round(time.time() - started, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
