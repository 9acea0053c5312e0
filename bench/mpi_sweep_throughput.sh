#!/usr/bin/env bash
# Draws per second of `parley sweep --mpi` at 1, 2 and 3 ranks (one thread each) beside one process
# without MPI, for bdm (compute-bound) and compromise (storage-bound), on a generated scenario; the
# ratios are against the one-process run of the same model in the same run of this script
# (docs/distributed-mpi.md, "Throughput"). Each case runs REPEATS times and the best is kept.
#
#   bench/mpi_sweep_throughput.sh BUILD_DIR [ACTORS ISSUES BDM_DRAWS COMPROMISE_DRAWS REPEATS]
set -euo pipefail
build=${1:?usage: mpi_sweep_throughput.sh BUILD_DIR [ACTORS ISSUES BDM_DRAWS COMPROMISE_DRAWS REPEATS]}
actors=${2:-20} issues=${3:-6} bdm_draws=${4:-2000} compromise_draws=${5:-100000} repeats=${6:-3}
parley=$build/parley
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bench/parley_generate" "$actors" "$issues" "$work/scenario.yaml" --uncertain
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1  # this script only (Open MPI refuses root otherwise)

# Seconds of the best of $repeats runs of the command line given: the sweep's own time as the run
# records it (`parley show`: computing and storing the draws, not starting the processes).
best() {
  local best_s="" s
  for _ in $(seq "$repeats"); do
    rm -f "$work/x.db" "$work/x.db-journal"
    "$@" > /dev/null
    s=$("$parley" show 1 --db "$work/x.db" | sed -n 's/.* threads, \([0-9.]*\) s$/\1/p')
    if [ -z "$best_s" ] || [ "$(echo "$s < $best_s" | bc -l)" = 1 ]; then best_s=$s; fi
  done
  echo "$best_s"
}

printf '%-11s %-14s %10s %12s %8s %10s\n' model processes draws "draws/s" ratio efficiency
for model in bdm compromise; do
  draws=$bdm_draws
  [ "$model" = compromise ] && draws=$compromise_draws
  args=(sweep "$work/scenario.yaml" --model "$model" --draws "$draws" --seed 1 --threads 1 --no-progress --db "$work/x.db")
  base=$(best "$parley" "${args[@]}")
  base_rate=$(echo "$draws / $base" | bc -l)
  printf '%-11s %-14s %10d %12.0f %8.2f %10s\n' "$model" "1 (no MPI)" "$draws" "$base_rate" 1 -
  for np in 1 2 3; do
    s=$(best mpirun --oversubscribe -np "$np" "$parley" "${args[@]}" --mpi)
    rate=$(echo "$draws / $s" | bc -l)
    printf '%-11s %-14s %10d %12.0f %8.2f %10.2f\n' "$model" "$np rank(s)" "$draws" "$rate" "$(echo "$rate / $base_rate" | bc -l)" \
      "$(echo "$rate / $base_rate / $np" | bc -l)"
  done
done
