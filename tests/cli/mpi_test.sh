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
    # --mpi does not store a sensitivity analysis: with --db (or --shard, --resume) it is refused.
    set +e
    mpi 2 sensitivity "$scenario" --model compromise --samples 8 --db sens.db --mpi > sens.out 2> sens.err
    code=$?
    set -e
    [ "$code" -eq 2 ] || fail "sensitivity --mpi --db: expected exit 2, got $code: $(cat sens.err)"
    grep -q -e "--mpi" sens.err || fail "sensitivity --mpi --db: the message must name --mpi: $(cat sens.err)"
    [ ! -e sens.db ] && [ ! -s sens.out ] || fail "sensitivity --mpi --db: nothing may be written"
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
    ;;
  *) fail "unknown case $case_name" ;;
esac
echo "ok: $case_name"
