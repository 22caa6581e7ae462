#!/usr/bin/env bash
# Tracking benchmark: canopy track beside Stone Soup, scored the same way.
#
#   bench/tracking/run.sh [--seed N] [--scales "small medium large"] [--no-stonesoup]
#                         [--work DIR] [--repeats K]
#
# For each scale it generates a scenario with the shared generator, runs Stone Soup's GNN and
# JPDA-EHM reference trackers (small and medium only: large takes hours in Stone Soup), runs
# `canopy track` (release build, default configuration, timed end to end as a process, best
# of K runs) and prints every tracker through the shared scorer. Medium is scored over its
# first 120 s (as the references are run); canopy always processes the whole file, and
# detections per second = rows of detections.csv / wall time of the whole process.
#
# Environment: SHARED (default: ../shared beside the repository), VENV (default:
# /tmp/canopy-track-bench-venv, created on first use with numpy, scipy and stonesoup).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${SHARED:-$repo/../shared}"
bench="$shared/bench/tracking"
venv="${VENV:-/tmp/canopy-track-bench-venv}"
seed=101
scales="small medium large"
stonesoup=1
work=""
repeats=3

while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed="$2"; shift 2 ;;
    --scales) scales="$2"; shift 2 ;;
    --no-stonesoup) stonesoup=0; shift ;;
    --work) work="$2"; shift 2 ;;
    --repeats) repeats="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -f "$bench/gen_scenario.py" ] || { echo "benchmark files not found under $bench (set SHARED)" >&2; exit 1; }
work="${work:-$(mktemp -d /tmp/canopy-track-bench.XXXXXX)}"
mkdir -p "$work"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet numpy scipy
fi
py="$venv/bin/python"
if [ "$stonesoup" = 1 ] && ! "$py" -c "import stonesoup" 2>/dev/null; then
  "$venv/bin/pip" install --quiet stonesoup scipy || { echo "stonesoup install failed: references skipped" >&2; stonesoup=0; }
fi

(cd "$repo" && cargo build --release --quiet -p canopy-cli)
canopy="$repo/target/release/canopy"

summary="$work/summary.tsv"
printf "scale\ttracker\tgospa_m\tid_switches\tmissed_per_t\tfalse_per_t\tdetections_per_s\n" > "$summary"

score() { # scale dir tracks label tmax_args dets_per_s
  local json="$work/score-$4.json"
  "$py" "$bench/score.py" "$2" "$3" $5 --label "$4" --json "$json"
  "$py" - "$json" "$1" "$4" "$6" >> "$summary" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]}\t{sys.argv[3]}\t{j['gospa_mean']:.0f}\t{j['id_switches']}\t"
      f"{j['mean_missed']:.2f}\t{j['mean_false']:.2f}\t{sys.argv[4]}")
PY
}

for scale in $scales; do
  dir="$work/$scale-$seed"
  [ -f "$dir/detections.csv" ] || "$py" "$bench/gen_scenario.py" --scale "$scale" --seed "$seed" --out "$dir"
  tmax_args=""
  [ "$scale" = medium ] && tmax_args="--t-max 120"
  n_det=$(($(wc -l < "$dir/detections.csv") - 1))

  best=""
  for _ in $(seq "$repeats"); do
    start=$(date +%s.%N)
    "$canopy" track "$dir" --out "$dir/tracks_canopy.csv" 2>/dev/null
    end=$(date +%s.%N)
    best=$("$py" -c "a='$best'; b=$end-$start; print(b if not a else min(float(a), b))")
  done
  rate=$("$py" -c "print(f'{$n_det/$best:.0f}')")
  echo "canopy $scale-$seed: $n_det detections, best of $repeats wall $(printf %.3f "$best") s, $rate detections/s"
  score "$scale" "$dir" "$dir/tracks_canopy.csv" "canopy-$scale" "$tmax_args" "$rate"

  if [ "$stonesoup" = 1 ] && [ "$scale" != large ]; then
    for tracker in gnn jpda-ehm; do
      # Reference results are reused when the work dir already holds them.
      [ -f "$dir/results/run_$tracker.json" ] || "$py" "$bench/run_stonesoup.py" "$dir" --tracker "$tracker" $tmax_args
      ss_rate=$("$py" -c "import json; print(f\"{json.load(open('$dir/results/run_$tracker.json'))['detections_per_s']:.0f}\")")
      score "$scale" "$dir" "$dir/results/tracks_$tracker.csv" "stonesoup-$tracker-$scale" "$tmax_args" "$ss_rate"
    done
  elif [ "$scale" = large ]; then
    echo "stonesoup large: skipped (about 11 times slower than real time in Stone Soup)"
  fi
done

echo
echo "seed $seed, work dir $work"
column -t -s $'\t' "$summary"
