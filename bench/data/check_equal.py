#!/usr/bin/python3
"""Cross-check of our feature SQL against the pandas reference (bench/data).

    /usr/bin/python3 bench/data/check_equal.py OURS.csv PANDAS.csv [--rtol 1e-9] [--atol 1e-12]

OURS.csv is the `features` table exported by bench/data/export-features.ts, PANDAS.csv the frame
written by pandas_reference.py --stage features --out. Rows are matched on SK_ID_CURR; every
column present in both is compared NaN-aware: equal when both are missing, or both present with
|a - b| <= rtol * max(|a|, |b|) + atol (atol only absorbs rounding around 0, e.g. a standard
deviation of equal values). Prints, per mismatching column, the count and the worst example
(SK_ID_CURR and both values); exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def read(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(
        path, keep_default_na=False, na_values=[""], dtype={"split": str}, float_precision="round_trip"
    )
    if "SK_ID_CURR" not in frame.columns:
        raise SystemExit(f"{path}: no SK_ID_CURR column")
    return frame.set_index("SK_ID_CURR").sort_index()


def compare(ours: pd.DataFrame, ref: pd.DataFrame, rtol: float, atol: float) -> list[dict]:
    problems: list[dict] = []
    only_ours = ours.index.difference(ref.index)
    only_ref = ref.index.difference(ours.index)
    if len(only_ours) or len(only_ref):
        problems.append(
            {
                "column": "(rows)",
                "count": len(only_ours) + len(only_ref),
                "detail": f"{len(only_ours)} SK_ID_CURR only in ours (e.g. {list(only_ours[:3])}), "
                f"{len(only_ref)} only in pandas (e.g. {list(only_ref[:3])})",
            }
        )
    index = ours.index.intersection(ref.index)
    ours, ref = ours.loc[index], ref.loc[index]
    for column in ours.columns:
        if column not in ref.columns:
            continue
        a, b = ours[column], ref[column]
        if a.dtype == object or b.dtype == object:
            differs = ~((a == b) | (a.isna() & b.isna()))
            gap = differs.astype(float)
        else:
            x, y = a.to_numpy(dtype="float64"), b.to_numpy(dtype="float64")
            both_nan = np.isnan(x) & np.isnan(y)
            with np.errstate(invalid="ignore"):
                gap = np.abs(x - y)
                limit = rtol * np.maximum(np.abs(x), np.abs(y)) + atol
                differs = ~(both_nan | (gap <= limit))
            gap = pd.Series(np.where(np.isnan(gap), np.inf, gap), index=index)
            differs = pd.Series(differs, index=index)
        count = int(differs.sum())
        if count:
            worst = gap[differs].idxmax()
            problems.append(
                {
                    "column": column,
                    "count": count,
                    "detail": f"e.g. SK_ID_CURR {worst}: ours {a.loc[worst]!r}, pandas {b.loc[worst]!r}",
                }
            )
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description="compare our features table with the pandas reference")
    parser.add_argument("ours", type=Path, help="CSV from bench/data/export-features.ts")
    parser.add_argument("pandas", type=Path, help="CSV from pandas_reference.py --stage features --out")
    parser.add_argument("--rtol", type=float, default=1e-9)
    parser.add_argument("--atol", type=float, default=1e-12)
    args = parser.parse_args()

    ours, ref = read(args.ours), read(args.pandas)
    shared = [c for c in ours.columns if c in ref.columns]
    only_ours = [c for c in ours.columns if c not in ref.columns]
    only_ref = [c for c in ref.columns if c not in ours.columns]
    print(f"rows: ours {len(ours)}, pandas {len(ref)}; columns compared: {len(shared)}")
    if only_ours:
        print(f"columns only in ours ({len(only_ours)}): {', '.join(only_ours)}")
    if only_ref:
        print(f"columns only in pandas ({len(only_ref)}): {', '.join(only_ref)}")
    problems = compare(ours, ref, args.rtol, args.atol)
    for p in problems:
        print(f"MISMATCH {p['column']}: {p['count']} row(s); {p['detail']}")
    if problems or only_ours or only_ref:
        print(f"{len(problems)} column(s) differ")
        sys.exit(1)
    print(f"all {len(shared)} shared columns equal within rtol {args.rtol:g}, atol {args.atol:g}")


if __name__ == "__main__":
    main()
