#!/usr/bin/env bash
# Engine benchmark: our gradient-boosting engine against XGBoost 1.7 (hist, lossguide, 63 leaves,
# eta 0.1, lambda 1, min_child_weight 1, 256 bins, 2 threads) on the same data, split and
# hyper-parameters, one after the other (never at the same time). Prints a Markdown table.
#
#   bash bench/engine/run.sh [--rows N] [--cols N] [--rounds N] [--hc-rows N] [--hc-rounds N]
#                            [--no-synthetic] [--no-hc]
#
# Defaults are the issue's full sizes: synthetic 300,000 x 200 and the full Home Credit train
# split, 300 rounds each. --hc-rows 0 means every row. Data files go under data/bench/engine/.
set -euo pipefail
cd "$(dirname "$0")/../.."

ARGS="$*"
ROWS=300000 COLS=200 ROUNDS=300 HC_ROWS=0 HC_ROUNDS=300 SYNTHETIC=1 HC=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS=$2; shift 2 ;;
    --cols) COLS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --hc-rows) HC_ROWS=$2; shift 2 ;;
    --hc-rounds) HC_ROUNDS=$2; shift 2 ;;
    --no-synthetic) SYNTHETIC=0; shift ;;
    --no-hc) HC=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

PY=/usr/bin/python3
DIR=data/bench/engine
OUT=$(mktemp -d "${TMPDIR:-/tmp}/creditlens-engine-bench.XXXXXX")
mkdir -p "$DIR"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# Runs one side under /usr/bin/time -v; keeps its JSON line and its peak RSS.
run_side() { # NAME LABEL CMD...
  local name=$1 label=$2; shift 2
  echo "== $label: $name" >&2
  /usr/bin/time -v -o "$OUT/$label-$name.time" "$@" > "$OUT/$label-$name.json"
  grep 'Maximum resident' "$OUT/$label-$name.time" | awk '{print $NF}' > "$OUT/$label-$name.rss"
}

run_pair() { # LABEL FILE ROUNDS MAX_ROWS
  local label=$1 file=$2 rounds=$3 max_rows=$4
  run_side xgboost "$label" "$PY" bench/engine/xgb_side.py "$file" "$rounds" "$max_rows"
  run_side ours "$label" node --import tsx bench/engine/ours.ts "$file" "$rounds" "$max_rows"
}

if [ "$SYNTHETIC" = 1 ]; then
  SYN="$DIR/synthetic-${ROWS}x${COLS}.bin"
  [ -f "$SYN" ] || "$PY" bench/engine/gen_synthetic.py "$SYN" "$ROWS" "$COLS" 42 >&2
  run_pair synthetic "$SYN" "$ROUNDS" 0
fi
if [ "$HC" = 1 ]; then
  HCBIN="$DIR/home-credit-train.bin"
  if [ ! -f "$HCBIN" ]; then
    node --import tsx bench/data/export-features.ts data/bench/full/creditlens.duckdb "$DIR/hc-features.csv" >&2
    "$PY" bench/engine/convert_features.py "$DIR/hc-features.csv" "$HCBIN" >&2
  fi
  run_pair home-credit "$HCBIN" "$HC_ROUNDS" "$HC_ROWS"
fi

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
"$PY" bench/engine/report.py "$OUT" "bash bench/engine/run.sh $ARGS" "$LOAD_BEFORE" "$LOAD_AFTER"
