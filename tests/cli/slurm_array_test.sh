#!/bin/bash
# Runs the Slurm job-array recipe of docs/distributed.md on this machine: every task of
# docs/distributed/sweep-array.sbatch (the --array range read from its #SBATCH line) in turn with
# SLURM_ARRAY_TASK_ID set, then docs/distributed/merge.sbatch, and checks that the merged run
# exports the same bytes as the same sweep run in one process.
# Usage: slurm_array_test.sh PARLEY SOURCE_DIR
set -euo pipefail
PARLEY=$1
SOURCE=$2
SCRIPT="$SOURCE/docs/distributed/sweep-array.sbatch"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/parley-slurm-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

range=$(sed -n 's/^#SBATCH --array=\([0-9]*\)-\([0-9]*\)$/\1 \2/p' "$SCRIPT")
[ -n "$range" ] || { echo "no '#SBATCH --array=A-B' line in $SCRIPT"; exit 1; }
read -r first last <<<"$range"
shards=$(sed -n 's/^SHARDS=\([0-9]*\)$/\1/p' "$SCRIPT")
[ "$first" = 0 ] && [ "$shards" = $((last + 1)) ] || { echo "--array=$first-$last does not match SHARDS=$shards"; exit 1; }

export PARLEY SCENARIO="$SOURCE/scenarios/examples/arms-control.yaml" DRAWS=23 SEED=5 MODEL=compromise OUT=shards SLURM_CPUS_PER_TASK=1
for k in $(seq "$first" "$last"); do
  SLURM_ARRAY_TASK_ID=$k bash "$SCRIPT" >"task-$k.log" 2>&1 || { cat "task-$k.log"; exit 1; }
  grep -q "^shard $k of $shards: " "task-$k.log" || { echo "task $k did not run shard $k of $shards:"; cat "task-$k.log"; exit 1; }
done
bash "$SOURCE/docs/distributed/merge.sbatch" >merge.log 2>&1 || { cat merge.log; exit 1; }
grep -q "^merged $shards shards (23 draws) into run 1 of shards/all.db" merge.log || { cat merge.log; exit 1; }

mkdir one && (cd one && "$PARLEY" sweep "$SCENARIO" --model compromise --draws 23 --seed 5 --no-progress --db all.db >/dev/null)
for table in outcomes inputs classes summary; do
  cmp <(cd one && "$PARLEY" export 1 -f csv --table $table --db all.db) <(cd shards && "$PARLEY" export 1 -f csv --table $table --db all.db) ||
    { echo "the merged $table differ from the one-process sweep's"; exit 1; }
done
strip_created() { sed 's/"created": "[^"]*"/"created": ""/'; }
cmp <(cd one && "$PARLEY" export 1 -f json --table all --db all.db | strip_created) \
  <(cd shards && "$PARLEY" export 1 -f json --table all --db all.db | strip_created) ||
  { echo "the merged JSON export differs from the one-process sweep's"; exit 1; }
echo "the job array's $shards shards merged equal the one-process sweep"
