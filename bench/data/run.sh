#!/usr/bin/env bash
# Data-layer benchmark: ours (generate, ingest, features) and the pandas reference (load, features)
# on the same files, in one run, each step under /usr/bin/time -v (wall seconds, peak RSS). Prints
# a Markdown report on stdout (the lead pastes it into BENCHMARKS.md); step logs go to the run dir.
#
#   bash bench/data/run.sh [--clients N] [--test-clients M] [--dir DIR] [--reuse] [--check]
#
#   --clients N        train clients (default 307511, the Kaggle application_train size)
#   --test-clients M   test clients (default 48744, the Kaggle application_test size)
#   --dir DIR          where the CSV files, database and logs go (default data/bench/full at full
#                      scale, data/bench/N-M otherwise)
#   --reuse            skip generate when the eight CSV files are already in DIR/csv
#   --check            also export our features table, write the pandas frame and compare them
#                      (check_equal.py); slow at full scale (two CSV files of ~1 GB)
set -euo pipefail

cd "$(dirname "$0")/../.."
REPO=$(pwd)
PYTHON=/usr/bin/python3
FULL_CLIENTS=307511
FULL_TEST_CLIENTS=48744

clients=$FULL_CLIENTS
test_clients=$FULL_TEST_CLIENTS
dir=''
reuse=0
check=0
command_line="bash bench/data/run.sh $*"
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --test-clients) test_clients=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --reuse) reuse=1; shift ;;
    --check) check=1; shift ;;
    -h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$dir" ]; then
  if [ "$clients" = "$FULL_CLIENTS" ] && [ "$test_clients" = "$FULL_TEST_CLIENTS" ]; then
    dir=data/bench/full
  else
    dir=data/bench/$clients-$test_clients
  fi
fi
csv=$dir/csv
db=$dir/creditlens.duckdb
logs=$dir/logs
mkdir -p "$csv" "$logs"
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is required (apt-get install time)" >&2; exit 2; }

FILES="application_train application_test bureau bureau_balance previous_application POS_CASH_balance installments_payments credit_card_balance"
all_files_present() {
  for f in $FILES; do [ -f "$csv/$f.csv" ] || return 1; done
}

# step NAME CMD...: runs CMD under /usr/bin/time -v; sets SECONDS_<NAME> (wall), CPU_<NAME> (user +
# system seconds), GB_<NAME> (peak RSS) and OK_<NAME>.
step() {
  local name=$1
  shift
  echo "== $name: $*" >&2
  local start end status=0
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$logs/$name.time" "$@" >"$logs/$name.out" 2>"$logs/$name.err" || status=$?
  end=$(date +%s.%N)
  local kb cpu
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$logs/$name.time")
  cpu=$(awk -F': ' '/(User|System) time/ {s += $2} END {print s + 0}' "$logs/$name.time")
  printf -v "CPU_$name" '%.1f' "$cpu"
  printf -v "SECONDS_$name" '%.1f' "$(echo "$end - $start" | bc -l)"
  printf -v "GB_$name" '%.2f' "$(echo "${kb:-0} / 1048576" | bc -l)"
  if [ "$status" -eq 0 ]; then
    printf -v "OK_$name" '%s' 1
  else
    printf -v "OK_$name" '%s' 0
    echo "   failed (exit $status), see $logs/$name.err:" >&2
    tail -5 "$logs/$name.err" >&2
  fi
}

if [ "$reuse" -eq 1 ] && all_files_present; then
  echo "== generate: reusing $csv" >&2
  SECONDS_generate=''
  CPU_generate=''
  GB_generate=''
  OK_generate=reused
else
  step generate node bin/creditlens.js generate --out "$csv" --clients "$clients" --test-clients "$test_clients"
fi
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
step ingest node bin/creditlens.js ingest "$csv" --db "$db" --quiet
step features node bin/creditlens.js features --db "$db"
step pandas_load "$PYTHON" bench/data/pandas_reference.py "$csv" --stage load
step pandas_features "$PYTHON" bench/data/pandas_reference.py "$csv" --stage features

check_report=''
if [ "$check" -eq 1 ]; then
  echo "== check: exporting both feature frames and comparing" >&2
  node --import tsx bench/data/export-features.ts "$db" "$dir/features-ours.csv" >&2
  "$PYTHON" bench/data/pandas_reference.py "$csv" --stage features --out "$dir/features-pandas.csv" >/dev/null
  check_report=$("$PYTHON" bench/data/check_equal.py "$dir/features-ours.csv" "$dir/features-pandas.csv" || true)
fi

# pandas timings from its JSON line: the features row counts the feature computation only (the
# process also loads the CSV files first, which the load row measures).
json_field() { # FILE PYTHON-EXPRESSION-ON-d
  "$PYTHON" -c "import json,sys; d=json.loads(open(sys.argv[1]).read().strip().splitlines()[-1]); print($2)" "$1" 2>/dev/null || echo ''
}
pandas_features_compute=$(json_field "$logs/pandas_features.out" "round(d['seconds']['features'], 1)")
pandas_features_cpu=$(json_field "$logs/pandas_features.out" "round(d['cpu_seconds']['features'], 1)")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
pandas_stage_times=$(json_field "$logs/pandas_features.out" "', '.join(f'{k} {v:.1f} s' for k, v in d['seconds'].items())")
row_counts=$(json_field "$logs/pandas_load.out" "', '.join(f'{k} {v:,}' for k, v in d['rows'].items())")
feature_shape=$(json_field "$logs/pandas_features.out" "f\"{d['features']['rows']:,} rows x {d['features']['columns']} features\"")
ours_features_line=$(grep -h '^features:' "$logs/features.out" 2>/dev/null | tail -1 || true)

sum() { printf '%.1f' "$(echo "$1 + $2" | bc -l)"; }
ratio() { # PANDAS OURS
  if [ -n "$1" ] && [ -n "$2" ] && [ "$(echo "$2 > 0" | bc -l)" = 1 ]; then
    printf '%.2f' "$(echo "$1 / $2" | bc -l)"
  else
    echo '—'
  fi
}
verdict() { # OK SECONDS GB TARGET_SECONDS
  if [ "$1" = reused ]; then echo 'not run (--reuse)'; return; fi
  if [ "$1" != 1 ]; then echo 'FAIL (error)'; return; fi
  local time_ok mem_ok
  time_ok=$(echo "$2 <= $4" | bc -l)
  mem_ok=$(echo "$3 <= 4" | bc -l)
  if [ "$time_ok" = 1 ] && [ "$mem_ok" = 1 ]; then echo pass; else echo FAIL; fi
}
cell() { # OK VALUE
  if [ "$1" = 1 ]; then echo "$2"; elif [ "$1" = reused ]; then echo '—'; else echo "failed"; fi
}

mem_total=$(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
scale='full scale'
[ "$clients" = "$FULL_CLIENTS" ] && [ "$test_clients" = "$FULL_TEST_CLIENTS" ] || scale='reduced scale'

cat <<EOF
### Data layer, $scale: $clients train + $test_clients test clients

| step | ours wall (s) | ours CPU (s) | ours peak (GB) | pandas wall (s) | pandas CPU (s) | pandas peak (GB) | pandas / ours, wall | pandas / ours, CPU | target (ours) | ours vs target |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|
| generate | $(cell "$OK_generate" "$SECONDS_generate") | $(cell "$OK_generate" "$CPU_generate") | $(cell "$OK_generate" "$GB_generate") | — | — | — | — | — | ≤ 120 s, ≤ 4 GB | $(verdict "$OK_generate" "${SECONDS_generate:-0}" "${GB_generate:-0}" 120) |
| ingest / pandas load | $(cell "$OK_ingest" "$SECONDS_ingest") | $(cell "$OK_ingest" "$CPU_ingest") | $(cell "$OK_ingest" "$GB_ingest") | $(cell "$OK_pandas_load" "$SECONDS_pandas_load") | $(cell "$OK_pandas_load" "$CPU_pandas_load") | $(cell "$OK_pandas_load" "$GB_pandas_load") | $(ratio "$SECONDS_pandas_load" "$SECONDS_ingest") | $(ratio "$CPU_pandas_load" "$CPU_ingest") | ≤ 60 s, ≤ 4 GB | $(verdict "$OK_ingest" "$SECONDS_ingest" "$GB_ingest" 60) |
| features | $(cell "$OK_features" "$SECONDS_features") | $(cell "$OK_features" "$CPU_features") | $(cell "$OK_features" "$GB_features") | $(cell "$OK_pandas_features" "$pandas_features_compute") | $(cell "$OK_pandas_features" "$pandas_features_cpu") | $(cell "$OK_pandas_features" "$GB_pandas_features") | $(ratio "$pandas_features_compute" "$SECONDS_features") | $(ratio "$pandas_features_cpu" "$CPU_features") | ≤ 60 s, ≤ 4 GB | $(verdict "$OK_features" "$SECONDS_features" "$GB_features" 60) |
| ingest + features, end to end | $(cell "$OK_features" "$(sum "$SECONDS_ingest" "$SECONDS_features")") | $(cell "$OK_features" "$(sum "$CPU_ingest" "$CPU_features")") | | $(cell "$OK_pandas_features" "$SECONDS_pandas_features") | $(cell "$OK_pandas_features" "$CPU_pandas_features") | | $(ratio "$SECONDS_pandas_features" "$(sum "$SECONDS_ingest" "$SECONDS_features")") | $(ratio "$CPU_pandas_features" "$(sum "$CPU_ingest" "$CPU_features")") | | |

- Wall and CPU (user + system, all threads) seconds of the whole process, start-up included, and
  the maximum resident set size, from \`/usr/bin/time -v\`. CPU seconds are the fairer ratio when
  the machine is busy (see the load average below).
- Ours: \`node bin/creditlens.js generate | ingest | features\` (DuckDB, written to disk).
- pandas: \`bench/data/pandas_reference.py --stage load | features\` (in memory, nothing
  written). Its "features" row counts the feature computation only (its own timers: the same
  process first loads the CSV files, which is why its peak includes the loaded tables); the
  end-to-end row compares ingest + features with the whole pandas process.
- pandas stages: ${pandas_stage_times:-n/a}.
- Our features command: ${ours_features_line:-n/a}
- pandas feature frame: ${feature_shape:-n/a}.
- Rows: ${row_counts:-n/a}.
- Command: \`$command_line\`, $(date -u '+%Y-%m-%d %H:%M UTC').
- Machine: $(nproc) cores ($cpu), $mem_total RAM; load average $load_before before the steps, $load_after after; Node $(node --version), $("$PYTHON" -c 'import pandas, numpy; print(f"pandas {pandas.__version__}, numpy {numpy.__version__}")').
EOF
if [ -n "$check_report" ]; then
  echo '- Cross-check (check_equal.py, ours against pandas):'
  echo "$check_report" | sed 's/^/  /'
fi
