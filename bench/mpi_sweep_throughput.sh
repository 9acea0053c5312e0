#!/usr/bin/env bash
# Draws per second of `parley sweep --mpi` at 1, 2 and 3 ranks (one thread each) beside one process
# without MPI, for bdm (compute-bound) and compromise (storage-bound), on a generated scenario; the
# ratios are against the one-process run of the same model in the same run of this script
# (docs/distributed.md, "MPI", "Throughput"). Each case runs REPEATS times and the best is kept.
#
#   bench/mpi_sweep_throughput.sh BUILD_DIR [ACTORS ISSUES BDM_DRAWS COMPROMISE_DRAWS REPEATS]
set -euo pipefail
build=${1:?usage: mpi_sweep_throughput.sh BUILD_DIR [ACTORS ISSUES BDM_DRAWS COMPROMISE_DRAWS REPEATS]}
actors=${2:-20} issues=${3:-6} bdm_draws=${4:-2000} compromise_draws=${5:-100000} repeats=${6:-3}
parley=$build/parley
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${PARLEY_GENERATE:-$build/bench/parley_generate}" "$actors" "$issues" "$work/scenario.yaml" --uncertain
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1  # this script only (Open MPI refuses root otherwise)

# The best of $repeats runs of the command line given, as "WALL CPU": the sweep's own seconds as the
# run records them (`parley show`: computing and storing the draws, not starting the processes),
# and the CPU seconds (user + system) of the whole command, every rank and mpirun included. On a
# machine that others share, wall times measure the others too; the CPU seconds say what the work
# cost, and the efficiency by CPU (draws per CPU second against one process) what MPI adds.
best() {
  local best_s="" best_cpu="" s cpu
  for _ in $(seq "$repeats"); do
    rm -f "$work/x.db" "$work/x.db-journal"
    /usr/bin/time -o "$work/time" -f "%U %S" "$@" > /dev/null 2> /dev/null
    cpu=$(awk '{print $1 + $2}' "$work/time")
    s=$("$parley" show 1 --db "$work/x.db" | sed -n 's/.* threads, \([0-9.]*\) s$/\1/p')
    if [ -z "$best_s" ] || [ "$(echo "$s < $best_s" | bc -l)" = 1 ]; then best_s=$s; fi
    if [ -z "$best_cpu" ] || [ "$(echo "$cpu < $best_cpu" | bc -l)" = 1 ]; then best_cpu=$cpu; fi
  done
  echo "$best_s $best_cpu"
}

printf '%-11s %-12s %8s %10s %7s %7s %12s %7s\n' model processes draws "draws/s" ratio eff "draws/cpu-s" eff-cpu
for model in bdm compromise; do
  draws=$bdm_draws
  [ "$model" = compromise ] && draws=$compromise_draws
  args=(sweep "$work/scenario.yaml" --model "$model" --draws "$draws" --seed 1 --threads 1 --no-progress --db "$work/x.db")
  read -r base base_cpu < <(best "$parley" "${args[@]}")
  rate=$(echo "$draws / $base" | bc -l) cpu_rate=$(echo "$draws / $base_cpu" | bc -l)
  printf '%-11s %-12s %8d %10.0f %7.2f %7s %12.0f %7s\n' "$model" "1 (no MPI)" "$draws" "$rate" 1 - "$cpu_rate" -
  for np in 1 2 3; do
    read -r s cpu < <(best mpirun --oversubscribe -np "$np" "$parley" "${args[@]}" --mpi)
    r=$(echo "$draws / $s" | bc -l) c=$(echo "$draws / $cpu" | bc -l)
    printf '%-11s %-12s %8d %10.0f %7.2f %7.2f %12.0f %7.2f\n' "$model" "$np rank(s)" "$draws" "$r" "$(echo "$r / $rate" | bc -l)" \
      "$(echo "$r / $rate / $np" | bc -l)" "$c" "$(echo "$c / $cpu_rate" | bc -l)"
  done
done
