#!/usr/bin/env bash
# `--mpi` end to end (docs/distributed.md, "MPI"): mpirun --oversubscribe -np 2 and -np 3 against one
# process, byte for byte. Registered by tests/CMakeLists.txt only when parley is built with MPI,
# with OMPI_ALLOW_RUN_AS_ROOT(_CONFIRM) set for the test alone (Open MPI refuses root otherwise).
#
#   mpi_test.sh CASE PARLEY MPIEXEC SOURCE_DIR WORK_DIR
#   CASE: sweep | dead-rank | sensitivity | errors
set -euo pipefail
case_name=$1 parley=$2 mpiexec=$3 source=$4 work=$5
scenario=$source/scenarios/examples/arms-control.yaml
rm -rf "$work" && mkdir -p "$work" && cd "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }
mpi() { local np=$1; shift; "$mpiexec" --oversubscribe -np "$np" "$parley" "$@"; }
# The four exports of run $1 of database $2, into files named $3.TABLE.csv.
exports() {
  for table in outcomes inputs classes summary; do
    "$parley" export "$1" -f csv --table "$table" --db "$2" > "$3.$table.csv"
  done
}
same_exports() {
  for table in outcomes inputs classes summary; do
    cmp -s "$1.$table.csv" "$2.$table.csv" || fail "$2: export --table $table differs from $1 ($(diff "$1.$table.csv" "$2.$table.csv" | head -5))"
  done
}
# The printed summary without the lines that name the run and its database.
summary() { grep -v -e '"run"' -e '"db"' -e 'stored as run' "$1" || true; }

sweep_args=(sweep "$scenario" --model compromise --draws 3000 --seed 7 --threads 1 --no-progress)

case $case_name in
  sweep)
    "$parley" "${sweep_args[@]}" --db one.db -f json > one.json
    exports 1 one.db one
    for np in 2 3; do
      mpi "$np" "${sweep_args[@]}" --db "np$np.db" -f json --mpi > "np$np.json"
      exports 1 "np$np.db" "np$np"
      same_exports one "np$np"
      diff <(summary one.json) <(summary "np$np.json") > /dev/null || fail "np $np: the printed summary differs"
    done
    # --threads 2 per rank: the same draws.
    mpi 2 sweep "$scenario" --model compromise --draws 3000 --seed 7 --threads 2 --no-progress --db t2.db --mpi > /dev/null
    exports 1 t2.db t2
    same_exports one t2
    # --shard with --mpi: shard 0 over two ranks, shard 1 in one process; merged, the one-process run.
    mpi 2 "${sweep_args[@]}" --shard 0/2 --db s0.db --mpi > /dev/null
    "$parley" "${sweep_args[@]}" --shard 1/2 --db s1.db > /dev/null
    "$parley" merge s0.db s1.db --into merged.db > /dev/null
    exports 1 merged.db merged
    same_exports one merged
    ;;
  dead-rank)
    "$parley" "${sweep_args[@]}" --db one.db > /dev/null
    exports 1 one.db one
    # The workers die after their first block: each still holds the second block it was handed,
    # so the run cannot be complete; the job ends, the database holds whole blocks only.
    for how in plain mpi; do
      set +e
      PARLEY_TEST_MPI_ABORT_AFTER=1 mpi 3 "${sweep_args[@]}" --db "$how.db" --mpi > /dev/null 2> "$how.err"
      code=$?
      set -e
      [ "$code" -ne 0 ] || fail "$how: a dead rank must end the job with a non-zero exit"
      "$parley" show 1 --db "$how.db" > "$how.show" || fail "$how: the database does not read after the rank died"
      stored=$(sed -n 's/^run 1 of .*: [a-z]* (\([0-9]*\) of 3000 draws stored)$/\1/p' "$how.show")
      [ -n "$stored" ] && [ "$stored" -lt 3000 ] || fail "$how: expected a run with draws missing, got: $(head -1 "$how.show")"
      if [ "$how" = plain ]; then
        "$parley" sweep --resume 1 --db "$how.db" --threads 1 --no-progress > resumed.out
      else
        mpi 2 sweep --resume 1 --db "$how.db" --no-progress --mpi > resumed.out
      fi
      exports 1 "$how.db" "$how"
      same_exports one "$how"
    done
    # The same for a sensitivity analysis stored over ranks: whole blocks of rows, and the resumed
    # run prints the one process's indices.
    sens=(sensitivity "$scenario" --model compromise --samples 64 --seed 5 --threads 1 -f json)
    "$parley" "${sens[@]}" > sens.one
    set +e
    PARLEY_TEST_MPI_ABORT_AFTER=1 mpi 3 "${sens[@]}" --db sens.db --mpi > /dev/null 2> sens.err
    code=$?
    set -e
    [ "$code" -ne 0 ] || fail "sensitivity: a dead rank must end the job with a non-zero exit"
    "$parley" runs --db sens.db -f json > sens.runs || fail "sensitivity: the database does not read after the rank died"
    rows=$(sed -n 's/^ *"draws": \([0-9]*\),$/\1/p' sens.runs) stored=$(sed -n 's/^ *"stored": \([0-9]*\),$/\1/p' sens.runs)
    [ -n "$stored" ] && [ "$stored" -lt "$rows" ] || fail "sensitivity: expected rows missing, got $stored of $rows"
    mpi 2 sensitivity --resume 1 --db sens.db -f json --mpi > sens.resumed
    cmp -s sens.one sens.resumed || fail "sensitivity: the resumed run's indices differ"
    ;;
  sensitivity)
    for format in table json csv; do
      args=(sensitivity "$scenario" --model compromise --samples 48 --seed 5 --threads 1 -f "$format")
      "$parley" "${args[@]}" > "one.$format"
      for np in 2 3; do
        mpi "$np" "${args[@]}" --mpi > "np$np.$format"
        cmp -s "one.$format" "np$np.$format" || fail "sensitivity -f $format: np $np differs ($(diff "one.$format" "np$np.$format" | head -5))"
      done
    done
    mpi 2 sensitivity "$scenario" --model compromise --method tornado --threads 1 --mpi > tornado.mpi
    "$parley" sensitivity "$scenario" --model compromise --method tornado --threads 1 > tornado.one
    cmp -s tornado.one tornado.mpi || fail "sensitivity --method tornado differs"
    # --mpi with --db: rank 0 stores the rows every rank computes, and prints the one process's
    # indices; a shard over ranks, merged with a shard of one process, then --resume --mpi: the same.
    stored_args=(sensitivity "$scenario" --model compromise --samples 16 --seed 5 --threads 1 -f json)
    "$parley" "${stored_args[@]}" > stored.one
    for np in 2 3; do
      mpi "$np" "${stored_args[@]}" --db "stored$np.db" --mpi > "stored.np$np"
      cmp -s stored.one "stored.np$np" || fail "sensitivity --mpi --db: np $np differs ($(diff stored.one "stored.np$np" | head -5))"
    done
    "$parley" runs --db stored2.db | grep -q "sensitivity analysis" || fail "sensitivity --mpi --db: no sensitivity run stored"
    mpi 2 "${stored_args[@]}" --shard 0/2 --db shard0.db --mpi > /dev/null
    "$parley" "${stored_args[@]}" --shard 1/2 --db shard1.db > /dev/null
    "$parley" merge shard0.db shard1.db --into shards.db > /dev/null
    mpi 2 sensitivity --resume 1 --db shards.db -f json --mpi > stored.merged
    cmp -s stored.one stored.merged || fail "sensitivity --mpi --shard, merged and resumed: differs"
    ;;
  errors)
    # Bad input on every rank: exit non-zero, rank 0's message once, nothing on standard output.
    printf 'not: [a scenario\n' > bad.yaml
    set +e
    mpi 3 sweep bad.yaml --draws 10 --db bad.db --mpi > bad.out 2> bad.err
    code=$?
    set -e
    [ "$code" -ne 0 ] || fail "a bad scenario must fail"
    [ "$(grep -c '^parley: ' bad.err)" -eq 1 ] || fail "expected one message from rank 0, got: $(cat bad.err)"
    grep -q "bad.yaml" bad.err || fail "the message must name the file: $(cat bad.err)"
    [ ! -s bad.out ] || fail "no output expected"
    set +e
    mpi 2 sensitivity bad.yaml --mpi > bad.out 2> bad.err
    code=$?
    set -e
    [ "$code" -ne 0 ] || fail "sensitivity: a bad scenario must fail"
    [ "$(grep -c '^parley: ' bad.err)" -eq 1 ] || fail "sensitivity: expected one message from rank 0, got: $(cat bad.err)"
    # --resume of a run that does not exist: rank 0's error, the workers end quietly.
    "$parley" sweep "$scenario" --draws 10 --db one.db --no-progress > /dev/null
    set +e
    mpi 2 sweep --resume 9 --db one.db --mpi > bad.out 2> bad.err
    code=$?
    set -e
    [ "$code" -ne 0 ] || fail "resume of no run must fail"
    [ "$(grep -c '^parley: ' bad.err)" -eq 1 ] || fail "resume: expected one message, got: $(cat bad.err)"
    # sensitivity --mpi --db with a bad --shard: rank 0's message alone, exit 2, no database.
    set +e
    mpi 3 sensitivity "$scenario" --samples 8 --db shard.db --shard 2/2 --mpi > bad.out 2> bad.err
    code=$?
    set -e
    [ "$code" -eq 2 ] || fail "sensitivity --shard 2/2: expected exit 2, got $code"
    [ "$(grep -c '^parley: ' bad.err)" -eq 1 ] || fail "sensitivity --shard 2/2: expected one message, got: $(cat bad.err)"
    [ ! -e shard.db ] && [ ! -s bad.out ] || fail "sensitivity --shard 2/2: nothing may be written"
    ;;
  *) fail "unknown case $case_name" ;;
esac
echo "ok: $case_name"
