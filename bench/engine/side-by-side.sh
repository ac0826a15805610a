#!/usr/bin/env bash
# Quick side-by-side on a loaded machine: XGBoost 1.7 (quick_xgb.py) and one or more copies of our
# engine (quick-ours.ts under each ROOT, e.g. a copy of the repository at an older commit),
# alternated PAIRS times so that every side shares the same conditions; prints each run and the
# median ratios ours/XGBoost (training wall time, prediction rows/s in wall time and per CPU
# second of the whole process). Each ROOT runs its own bench/engine/quick-ours.ts (copy this
# one into older copies so that every side measures alike).
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
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
for p in $(seq "$PAIRS"); do
  X=$(cd "$HERE" && /usr/bin/python3 quick_xgb.py "$DATA" "$ROUNDS" "$DEPTH" "$THREADS")
  echo "pair $p xgboost $X" | tee -a "$LOG"
  for root in "$@"; do
    O=$(cd "$root" && node --import tsx bench/engine/quick-ours.ts "$DATA" "$ROUNDS" "$THREADS" "$DEPTH")
    echo "pair $p $root $O" | tee -a "$LOG"
  done
  echo "pair $p load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# Median ratios ours/XGBoost per measure, each pair's runs against that pair's XGBoost run.
/usr/bin/python3 - "$LOG" "$@" <<'PY'
import json, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    _, pair, side, payload = line.split(' ', 3)
    runs.setdefault(side, {})[pair] = json.loads(payload)
xgb = runs['xgboost']
for root in sys.argv[2:]:
    parts = []
    for key, what in (('trainS', 'training wall'), ('predRowsPerS', 'prediction rows/s'),
                      ('predRowsPerCpuS', 'prediction rows per CPU s')):
        ratios = [ours[key] / xgb[p][key] for p, ours in runs[root].items() if key in ours]
        if ratios:
            parts.append(f"{what} ours/xgboost median {statistics.median(ratios):.2f}x "
                         f"(runs {' '.join(f'{v:.2f}' for v in ratios)})")
    print(f"{root}: " + '; '.join(parts))
PY
