#!/usr/bin/env bash
# Benchmark of `canopy wta` against the reference solvers of ../shared/bench/wta.
#
# usage: bench/wta/run.sh [--seeds "1 2 3"] [--ref-dir DIR] [--work DIR]
#   PYTHON   a Python with numpy (and highspy to run the reference), default python3
#
# For each seed: generates the Ahuja et al. instances, runs every solver through the command
# line (--time-limit-ms 100 up to 100 weapons, 250 for 200 weapons), and prints per instance
# objective, gap to the best known value and time beside the reference figures. The reference
# (solve_reference.py --ils-time 5) is read from REF_DIR/ref_s<seed>.json; when that file is
# missing it is computed once (minutes per seed). Then the Andersen, Pavlikov and Toffolo
# instances are solved with a 1 s limit and compared with their published optima.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="$root/../shared/bench/wta"
seeds="1 2 3"
work="$(mktemp -d)"
ref_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) seeds="$2"; shift 2 ;;
    --ref-dir) ref_dir="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -f "$shared/gen_instances.py" ] || {
  echo "benchmark harness not found under $shared (examples/wta-five-weapons.json runs without it)" >&2
  exit 1
}
ref_dir="${ref_dir:-$work}"
py="${PYTHON:-python3}"
mkdir -p "$work" "$ref_dir"

(cd "$root" && cargo build --release -q -p canopy-cli)
canopy="$root/target/release/canopy"
solvers="auto ils exact greedy"

limit_for() { # weapons -> time limit in ms
  if [ "$1" -ge 200 ]; then echo 250; else echo 100; fi
}

for seed in $seeds; do
  inst="$work/inst_s$seed"
  "$py" "$shared/gen_instances.py" "$inst" --seed "$seed" > /dev/null
  ref="$ref_dir/ref_s$seed.json"
  if [ ! -f "$ref" ]; then
    echo "computing the reference for seed $seed (minutes)..." >&2
    (cd "$shared" && "$py" solve_reference.py "$inst" --out "$ref" \
      --sol-dir "$ref_dir/refsol_s$seed" --ils-time 5 --milp-time 120 > /dev/null)
  fi
  for solver in $solvers; do
    out="$work/sol_s$seed/$solver"
    mkdir -p "$out"
    for f in "$inst"/*.json; do
      name="$(basename "$f" .json)"
      weapons="$("$py" -c "import json,sys; print(json.load(open(sys.argv[1]))['weapons'])" "$f")"
      "$canopy" wta "$f" --time-limit-ms "$(limit_for "$weapons")" --solver "$solver" \
        --out "$out/$name.json"
    done
  done
  "$py" "$root/bench/wta/table.py" "$inst" "$ref" "$work/sol_s$seed" $solvers
done

# Andersen, Pavlikov and Toffolo (2022): published optima, 1 s limit, default solver
out="$work/sol_andersen"
mkdir -p "$out"
for f in "$shared"/andersen/wta_*.json; do
  "$canopy" wta "$f" --time-limit-ms 1000 --out "$out/$(basename "$f")"
done
"$py" "$root/bench/wta/table.py" --andersen "$shared/andersen" "$out"
