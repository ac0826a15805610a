"""Writes a CLB1 matrix (matrix_file.py) as the CSV of the whole-process race (race.sh): a header
`label,f0,...`, the label first, missing values as empty cells. Values are written with 9
significant digits, which round-trips float32, so both sides read back exactly the binary
file's matrix (the race then differs from the binary-file benchmarks only by the parsing).
The CSV is written to OUT.tmp and renamed, so an interrupted run never leaves a truncated cache.

Usage: /usr/bin/python3 bin_to_csv.py DATA.bin OUT.csv
"""
import os
import sys

import pandas as pd

from matrix_file import read_matrix

src, out = sys.argv[1], sys.argv[2]
x, y = read_matrix(src)
frame = pd.DataFrame(x, columns=[f"f{c}" for c in range(x.shape[1])])
frame.insert(0, "label", y)
tmp = out + ".tmp"
frame.to_csv(tmp, index=False, float_format="%.9g", na_rep="")
os.replace(tmp, out)
print(f"wrote {out}: {x.shape[0]} x {x.shape[1]} features and a label")
