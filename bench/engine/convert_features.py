"""Converts the exported Home Credit feature table (bench/data/export-features.ts) into a CLB1
matrix file: train-split rows only, shuffled with a fixed seed (so the last 20% is a random
holdout), TARGET as the label, every other column except SK_ID_CURR and split as a feature.

Usage: convert_features.py FEATURES.csv OUT.bin
"""
import sys

import numpy as np
import pandas as pd

from matrix_file import write_matrix

frame = pd.read_csv(sys.argv[1], low_memory=False)
frame = frame[frame["split"] == "train"]
labels = frame["TARGET"].to_numpy(dtype=np.float32)
features = frame.drop(columns=["SK_ID_CURR", "split", "TARGET"])
bad = [c for c in features.columns if not pd.api.types.is_numeric_dtype(features[c])]
if bad:
    raise SystemExit(f"non-numeric feature columns: {bad}")
x = features.to_numpy(dtype=np.float32)
order = np.random.default_rng(0).permutation(len(labels))
write_matrix(sys.argv[2], x[order], labels[order])
print(f"wrote {sys.argv[2]}: {x.shape[0]} x {x.shape[1]}, {labels.mean():.4f} positives")
