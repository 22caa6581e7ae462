#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600) under AFL++, two at a time (one per core),
# from the corpus in corpus/<target>/ into out/<target>/, then prints each target's figures.
# Run from fuzz/ after `cargo afl build --release`. See README.md.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
targets=(scenario overlay zone track_bench wta_instance mc_parts record_table serve_request)
export AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
mkdir -p out
for ((i = 0; i < ${#targets[@]}; i += 2)); do
    for target in "${targets[@]:i:2}"; do
        # -t: a valid scenario runs a whole night, which may take seconds on a busy machine.
        cargo afl fuzz -i "corpus/$target" -o "out/$target" -V "$seconds" -t 10000 \
            -- target/release/canopy-fuzz-afl "$target" >"out/$target.log" 2>&1 &
    done
    wait
done
for target in "${targets[@]}"; do
    stats="out/$target/default/fuzzer_stats"
    printf '%-14s' "$target"
    for key in run_time execs_done execs_per_sec corpus_count edges_found total_edges bitmap_cvg saved_crashes saved_hangs; do
        printf ' %s=%s' "$key" "$(awk -F' *: *' -v k="$key" '$1 == k {print $2}' "$stats")"
    done
    echo
done
