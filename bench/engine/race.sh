#!/usr/bin/env bash
# Whole-process race of issue 17: XGBoost 1.7 (race_xgb.py, pandas read_csv) against our engine
# (race-ours.ts, DuckDB read_csv) on the same CSV, each side ONE process doing what a user's
# script does (read the CSV, train on the first 80% of the rows, predict the last 20%, AUC), so
# that parsing and start-up count. Each process runs under /usr/bin/time -v (wall, CPU user+sys,
# peak RSS); the sides alternate PAIRS times so both share the same conditions. Prints a Markdown
# report: every run, then the median ratios ours/XGBoost and the AUC difference.
#
#   bash bench/engine/race.sh [--rows 250000] [--cols 100] [--rounds 200] [--depth 6]
#                             [--threads 2] [--pairs 2]
#
# The defaults are the issue's race (250,000 x 100, 10% missing, 200 rounds of depth 6, 2
# threads): run it on a quiet machine. The CSV is made once (gen_synthetic.py seed 42, then
# bin_to_csv.py) and cached as data/bench/engine/race-<rows>x<cols>.csv.
set -euo pipefail
cd "$(dirname "$0")/../.."

ARGS="$*"
ROWS=250000 COLS=100 ROUNDS=200 DEPTH=6 THREADS=2 PAIRS=2
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS=$2; shift 2 ;;
    --cols) COLS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --depth) DEPTH=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --pairs) PAIRS=$2; shift 2 ;;
    *) echo "race: unknown option $1" >&2; exit 2 ;;
  esac
done

PY=/usr/bin/python3 # has numpy, pandas, xgboost and sklearn; the python3 on PATH does not
DIR=data/bench/engine
CSV=$DIR/race-${ROWS}x${COLS}.csv
OUT=$(mktemp -d "${TMPDIR:-/tmp}/creditlens-race.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
mkdir -p "$DIR"

# Stops the race with a message naming the step, and that step's error output.
fail() { # STEP LOG
  echo "race: $1 failed; its output:" >&2
  cat "$2" >&2 || true
  exit 1
}

if [ ! -f "$CSV" ]; then
  echo "== making $CSV" >&2
  $PY bench/engine/gen_synthetic.py "$OUT/data.bin" "$ROWS" "$COLS" 42 >"$OUT/gen.log" 2>&1 ||
    fail "generating the synthetic matrix" "$OUT/gen.log"
  (cd bench/engine && $PY bin_to_csv.py "$OUT/data.bin" "$OLDPWD/$CSV") >"$OUT/csv.log" 2>&1 ||
    fail "writing the CSV" "$OUT/csv.log"
  rm -f "$OUT/data.bin"
fi

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# Runs one side as one process under /usr/bin/time -v; keeps its JSON line and its time report.
run_side() { # NAME PAIR CMD...
  local name=$1 pair=$2; shift 2
  local base=$OUT/$pair-$name
  echo "== pair $pair: $name" >&2
  /usr/bin/time -v -o "$base.time" "$@" >"$base.json" 2>"$base.err" ||
    fail "pair $pair, the $name side" "$base.err"
  grep -q '^{' "$base.json" || fail "pair $pair, the $name side (no JSON line)" "$base.err"
}

for p in $(seq "$PAIRS"); do
  run_side xgboost "$p" $PY bench/engine/race_xgb.py "$CSV" "$ROUNDS" "$DEPTH" "$THREADS"
  run_side ours "$p" node --import tsx bench/engine/race-ours.ts "$CSV" "$ROUNDS" "$DEPTH" "$THREADS"
done

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

$PY - "$OUT" "$PAIRS" "$CSV" "$ROUNDS" "$DEPTH" "$THREADS" "$LOAD_BEFORE" "$LOAD_AFTER" \
  "bash bench/engine/race.sh $ARGS" <<'PY' || fail "the report" /dev/null
import json, statistics, sys

out, pairs, csv, rounds, depth, threads, load_before, load_after, command = sys.argv[1:]


def time_report(path):
    """Wall seconds, CPU seconds (user + sys) and peak RSS in MiB from a /usr/bin/time -v file."""
    fields = {}
    for line in open(path):
        key, _, value = line.strip().rpartition(': ')
        fields[key] = value
    wall = 0.0
    for part in fields['Elapsed (wall clock) time (h:mm:ss or m:ss)'].split(':'):
        wall = wall * 60 + float(part)
    cpu = float(fields['User time (seconds)']) + float(fields['System time (seconds)'])
    return wall, cpu, int(fields['Maximum resident set size (kbytes)']) / 1024


rows, ratios = [], {'wall': [], 'CPU': [], 'peak RSS': [], 'AUC ours - xgboost': []}
for p in range(1, int(pairs) + 1):
    run = {}
    for side in ('xgboost', 'ours'):
        wall, cpu, rss = time_report(f'{out}/{p}-{side}.time')
        inner = json.loads(open(f'{out}/{p}-{side}.json').read().strip().splitlines()[-1])
        run[side] = (wall, cpu, rss)
        rows.append(f"| {p} | {side} | {wall:.1f} | {cpu:.1f} | {rss:.0f} | {inner['readS']:.2f} | "
                    f"{inner['trainS']:.2f} | {inner['predictS']:.3f} | {inner['auc']:.4f} |")
        run[side + 'auc'] = inner['auc']
    for i, key in enumerate(('wall', 'CPU', 'peak RSS')):
        ratios[key].append(run['ours'][i] / run['xgboost'][i])
    ratios['AUC ours - xgboost'].append(run['oursauc'] - run['xgboostauc'])

print(f"## Whole-process race: {csv}, {rounds} rounds of depth {depth}, {threads} threads\n")
print("| pair | side | wall s | CPU s | peak RSS MiB | read s | train s | predict s | AUC |")
print("|---|---|---|---|---|---|---|---|---|")
print('\n'.join(rows))
print()
for key, values in ratios.items():
    fmt = '{:+.4f}' if key.startswith('AUC') else '{:.2f}x'
    print(f"- {key}: median {fmt.format(statistics.median(values))} "
          f"(pairs {' '.join(fmt.format(v) for v in values)})"
          + ('' if key.startswith('AUC') else ' ours/xgboost'))
print(f"\nload average before {load_before}, after {load_after}; command: `{command}`")
PY
