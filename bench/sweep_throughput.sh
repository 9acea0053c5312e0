#!/usr/bin/env bash
# Draws per second of a sweep spread over processes, in one run of this script, for bdm
# (compute-bound) and compromise (storage-bound) on a generated scenario:
#   - one process without MPI (the baseline of every ratio below, same model, same run);
#   - `mpirun -np P parley sweep ... --mpi` at P = 1, 2 and 3 ranks (one thread each);
#   - S = 1, 2 and 3 shards (`--shard K/S`, one thread each) run at the same time as separate
#     processes, then `parley merge`; "shards" counts the shards' own seconds (the slowest), and
#     "+merge" adds the merge's wall time.
# docs/distributed.md ("Throughput"). Each case runs REPEATS times and the best is kept.
#
#   bench/sweep_throughput.sh BUILD_DIR [ACTORS ISSUES BDM_DRAWS COMPROMISE_DRAWS REPEATS]
set -euo pipefail
usage="usage: sweep_throughput.sh BUILD_DIR [ACTORS ISSUES BDM_DRAWS COMPROMISE_DRAWS REPEATS]"
build=${1:?$usage}
actors=${2:-20} issues=${3:-6} bdm_draws=${4:-2000} compromise_draws=${5:-100000} repeats=${6:-3}
parley=$build/parley
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${PARLEY_GENERATE:-$build/bench/parley_generate}" "$actors" "$issues" "$work/scenario.yaml" --uncertain
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1  # this script only (Open MPI refuses root otherwise)
has_mpi=0
"$parley" --version | grep -q '^mpi:' && command -v mpirun > /dev/null && has_mpi=1

# The seconds a results database records for its run (`parley show`: computing and storing the
# draws, not starting the process).
recorded() { "$parley" show 1 --db "$1" | sed -n 's/.* threads, \([0-9.]*\) s$/\1/p'; }
min() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc -l)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
max() { if [ "$(echo "$2 > $1" | bc -l)" = 1 ]; then echo "$2"; else echo "$1"; fi; }

# The best of $repeats runs of the command line given, as "WALL CPU": the run's recorded seconds,
# and the CPU seconds (user + system) of the whole command, every rank and mpirun included. On a
# machine that others share, wall times measure the others too; the CPU seconds say what the work
# cost, and the efficiency by CPU (draws per CPU second against one process) what MPI adds.
best() {
  local best_s="" best_cpu="" cpu
  for _ in $(seq "$repeats"); do
    rm -f "$work/x.db" "$work/x.db-journal"
    /usr/bin/time -o "$work/time" -f "%U %S" "$@" > /dev/null 2> /dev/null
    cpu=$(awk '{print $1 + $2}' "$work/time")
    best_s=$(min "$best_s" "$(recorded "$work/x.db")")
    best_cpu=$(min "$best_cpu" "$cpu")
  done
  echo "$best_s $best_cpu"
}

# The best of $repeats runs of $1 shards at once, as "SHARDS MERGED CPU": the slowest shard's
# recorded seconds, that plus the merge's wall seconds, and the CPU seconds of shards and merge.
best_shards() {
  local count=$1 best_s="" best_merged="" best_cpu="" slowest cpu merge_s k
  shift
  for _ in $(seq "$repeats"); do
    rm -f "$work"/shard*.db "$work/all.db"
    for ((k = 0; k < count; k++)); do
      /usr/bin/time -o "$work/time$k" -f "%U %S" "$@" --shard "$k/$count" --db "$work/shard$k.db" > /dev/null 2> /dev/null &
    done
    wait
    slowest=0 cpu=0
    for ((k = 0; k < count; k++)); do
      slowest=$(max "$slowest" "$(recorded "$work/shard$k.db")")
      cpu=$(echo "$cpu + $(awk '{print $1 + $2}' "$work/time$k")" | bc -l)
    done
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -o "$work/time" -f "%U %S" "$parley" merge "$work"/shard*.db --into "$work/all.db" > /dev/null 2> /dev/null
    end=$(date +%s.%N)
    merge_s=$(echo "$end - $start" | bc -l)
    cpu=$(echo "$cpu + $(awk '{print $1 + $2}' "$work/time")" | bc -l)
    best_s=$(min "$best_s" "$slowest")
    best_merged=$(min "$best_merged" "$(echo "$slowest + $merge_s" | bc -l)")
    best_cpu=$(min "$best_cpu" "$cpu")
  done
  echo "$best_s $best_merged $best_cpu"
}

row() {  # model, processes, draws, seconds, cpu seconds, process count
  local r c
  r=$(echo "$3 / $4" | bc -l) c=$(echo "$3 / $5" | bc -l)
  printf '%-11s %-18s %8d %10.0f %7.2f %7.2f %12.0f %7.2f\n' "$1" "$2" "$3" "$r" "$(echo "$r / $rate" | bc -l)" \
    "$(echo "$r / $rate / $6" | bc -l)" "$c" "$(echo "$c / $cpu_rate" | bc -l)"
}

printf '%-11s %-18s %8s %10s %7s %7s %12s %7s\n' model processes draws "draws/s" ratio eff "draws/cpu-s" eff-cpu
for model in bdm compromise; do
  draws=$bdm_draws
  [ "$model" = compromise ] && draws=$compromise_draws
  args=(sweep "$work/scenario.yaml" --model "$model" --draws "$draws" --seed 1 --threads 1 --no-progress)
  read -r base base_cpu < <(best "$parley" "${args[@]}" --db "$work/x.db")
  rate=$(echo "$draws / $base" | bc -l) cpu_rate=$(echo "$draws / $base_cpu" | bc -l)
  printf '%-11s %-18s %8d %10.0f %7.2f %7s %12.0f %7s\n' "$model" "1 (no MPI)" "$draws" "$rate" 1 - "$cpu_rate" -
  if [ "$has_mpi" = 1 ]; then
    for np in 1 2 3; do
      read -r s cpu < <(best mpirun --oversubscribe -np "$np" "$parley" "${args[@]}" --db "$work/x.db" --mpi)
      row "$model" "$np rank(s)" "$draws" "$s" "$cpu" "$np"
    done
  fi
  for count in 1 2 3; do
    read -r s merged cpu < <(best_shards "$count" "$parley" "${args[@]}")
    row "$model" "$count shard(s)" "$draws" "$s" "$cpu" "$count"
    row "$model" "$count shard(s)+merge" "$draws" "$merged" "$cpu" "$count"
  done
done
[ "$has_mpi" = 1 ] || echo "(no MPI rows: this parley was built without MPI, or mpirun is missing)"
