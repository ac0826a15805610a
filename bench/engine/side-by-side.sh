#!/usr/bin/env bash
# Quick side-by-side on a loaded machine: XGBoost 1.7 (quick_xgb.py) and one or more copies of our
# engine (quick-ours.ts under each ROOT, e.g. a copy of the repository at an older commit),
# alternated PAIRS times so that every side shares the same conditions; prints each run and the
# median ratios ours/XGBoost (training wall time, prediction rows/s).
#
#   [THREADS=N] bash bench/engine/side-by-side.sh DATA.bin ROUNDS DEPTH PAIRS ROOT...
#
# THREADS (default 2) is XGBoost's nthread and ours. On a machine loaded far beyond its cores,
# XGBoost's OpenMP threads wait for each other at every barrier while one of them is descheduled
# (its training went from 25 s to over 7 minutes at a load of 14 on 2 cores); THREADS=1 then
# compares the two engines per core.
set -euo pipefail
DATA=$1 ROUNDS=$2 DEPTH=$3 PAIRS=$4; shift 4
HERE=$(cd "$(dirname "$0")" && pwd)
THREADS=${THREADS:-2}
echo "threads: $THREADS; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A TRAIN PRED
for p in $(seq "$PAIRS"); do
  X=$(cd "$HERE" && /usr/bin/python3 quick_xgb.py "$DATA" "$ROUNDS" "$DEPTH" "$THREADS")
  echo "pair $p xgboost $X"
  xt=$(echo "$X" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["trainS"])')
  xp=$(echo "$X" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["predRowsPerS"])')
  for root in "$@"; do
    O=$(cd "$root" && node --import tsx bench/engine/quick-ours.ts "$DATA" "$ROUNDS" "$THREADS" "$DEPTH")
    echo "pair $p $root $O"
    ot=$(echo "$O" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["trainS"])')
    op=$(echo "$O" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["predRowsPerS"])')
    TRAIN[$root]="${TRAIN[$root]:-} $(/usr/bin/python3 -c "print($ot/$xt)")"
    PRED[$root]="${PRED[$root]:-} $(/usr/bin/python3 -c "print($op/$xp)")"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for root in "$@"; do
  /usr/bin/python3 -c "
import statistics,sys
t=[float(v) for v in '${TRAIN[$root]}'.split()]; p=[float(v) for v in '${PRED[$root]}'.split()]
print(f'$root: training wall ours/xgboost median {statistics.median(t):.2f}x (runs {\" \".join(f\"{v:.2f}\" for v in t)}); prediction rows/s ours/xgboost median {statistics.median(p):.2f}x (runs {\" \".join(f\"{v:.2f}\" for v in p)})')"
done
