#!/usr/bin/env bash
# Usage: tests/report/golden/generate.sh PARLEY_BINARY [OUT_DIR]
# Writes what `parley` prints for the cases the writer tests check (tests/report/*_writer_test.cpp)
# into OUT_DIR (default: this folder), masked so that the files do not depend on the machine, the
# day or the version: the parley version becomes @VERSION@, the results database's folder OUT,
# creation times 2000-01-01T00:00:00Z and run times 0.00 s. Run it from anywhere; it runs the
# commands from the repository root, with the paths the tests name. The files in this folder
# were written by the parley of the commit that added them (before the commands called the
# writers), so the tests prove the writers print what the commands printed.
set -eu
P=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
O=$(realpath -m "${2:-$here}")
R=$(cd "$here/../../.." && pwd)
mkdir -p "$O"
cd "$R"
version=$("$P" --version | head -1 | sed -e 's/^parley //' -e 's/[.]/\\./g')  # as a pattern
F=scenarios/us-russia.yaml
A=scenarios/examples/arms-control.yaml
J=scenarios/examples/arms-control.json
D=tests/data/deu3/deu3-dev.tsv
K=tests/data/ktab/dummyData_3Dim.csv
db=$(mktemp -d)
trap 'rm -rf "$db"' EXIT

# Forecasts (write_forecast, write_trace) and the scenario check (write_scenario_check).
for m in compromise median nbs bdm; do
  for f in table json csv; do "$P" run $F --model $m --format $f > "$O/run-$m-$f.txt"; done
done
"$P" run $F --model smp --format csv > "$O/run-smp-csv.txt"
for f in table json; do "$P" run $A --model smp --format $f > "$O/run-smp-arms-$f.txt"; done
"$P" run scenarios/examples/ec1994-emissions.yaml --model bdm > "$O/run-bdm-ec1994-table.txt"
"$P" run $A --model bdm --trace "$O/trace-bdm-arms.txt" > /dev/null
"$P" run $K --model smp --trace "$O/trace-smp-ktab.txt" > "$O/run-smp-ktab-table.txt"
X=tests/data/decide/sample_data.txt
"$P" run $X --model exchange --rounds 4 > "$O/run-exchange-decide-table.txt"
"$P" run $X --model exchange --rounds 2 --format json --trace "$O/trace-exchange-decide.txt" > "$O/run-exchange-decide-json.txt"
"$P" validate $F > "$O/validate-flagship.txt"
"$P" validate $A > "$O/validate-arms.txt"
"$P" validate $D > "$O/validate-deu.txt"

# The models (write_model_list).
"$P" models > "$O/models.txt"

# Backtests (write_backtest).
for m in compromise bdm; do "$P" backtest $D --model $m > "$O/backtest-$m.txt"; done
"$P" backtest $D --model median --capability gdp --per-issue "$O/backtest-median-gdp-csv.txt" > "$O/backtest-median-gdp.txt"

# Sweeps stored in one database (write_sweep_summary, write_run_list, write_stored_run, write_export).
S="$db/s.db"
common="--no-progress --threads 2 --db $S"
"$P" sweep $F --model compromise --draws 300 $common > "$O/sweep-1-table.txt"
"$P" sweep $F --model bdm --draws 60 --format json $common > "$O/sweep-2-json.txt"
"$P" sweep $A --model median --draws 50 --seed 7 --correlation 0.5 --set us-president.warhead-cap.position=45 --format csv $common \
  > "$O/sweep-3-csv.txt"
"$P" runs --db $S > "$O/runs.txt"
"$P" show 1 --db $S > "$O/show-1-table.txt"
"$P" show 3 --db $S > "$O/show-3-table.txt"
"$P" show 2 --db $S --format json > "$O/show-2-json.txt"
"$P" show 1 --db $S --format csv > "$O/show-1-csv.txt"
for t in outcomes inputs classes summary; do "$P" export 3 --db $S --format csv --table $t > "$O/export-3-$t-csv.txt"; done
"$P" export 3 --db $S --format json --table all > "$O/export-3-all-json.txt"
"$P" export 1 --db $S --format json --table summary > "$O/export-1-summary-json.txt"

# Sensitivity (write_sensitivity).
sens="--model compromise --samples 64 --top 3 --no-progress --threads 2"
for f in table json csv; do "$P" sensitivity $A $sens --format $f > "$O/sensitivity-arms-$f.txt"; done
"$P" sensitivity $A $sens --method tornado > "$O/sensitivity-arms-tornado-table.txt"
"$P" sensitivity $A $sens --method sobol --format json > "$O/sensitivity-arms-sobol-json.txt"
"$P" sensitivity $F --model compromise --samples 16 --top 2 --no-progress --threads 2 > "$O/sensitivity-flagship-table.txt"

# Feasibility (write_feasibility), issue by issue: the flagship's declared linkages left out (--package none).
for f in table json; do "$P" feasibility $F --draws 300 --threads 2 --format $f --package none > "$O/feasibility-$f.txt"; done
for f in table json; do
  "$P" feasibility $F --draws 300 --threads 2 --format $f --package ukraine-terms,sanctions \
    --package arms-control,arctic > "$O/feasibility-package-$f.txt"
done

# Comparisons (write_comparison).
for f in table json csv; do
  "$P" compare $A $J --model compromise --draws 200 --no-progress --threads 2 --format $f > "$O/compare-arms-$f.txt"
  "$P" compare $A $F --model median --draws 40 --seed 3 --no-progress --threads 2 --format $f > "$O/compare-mixed-$f.txt"
done

# The report (build_report): its HTML and the summary `parley report` prints before "report written to".
"$P" report $F --models compromise,median,bdm --draws 60 --threads 2 --no-progress --output "$O/report-flagship-html.txt" \
  | head -n -1 > "$O/report-flagship-summary.txt"
"$P" report $A --models nbs,smp --draws 40 --threads 2 --no-progress --output "$O/report-arms-html.txt" \
  | head -n -1 > "$O/report-arms-summary.txt"

# Masks.
for f in "$O"/*.txt; do
  sed -i -e "s#$db#OUT#g" -e "s#$version#@VERSION@#g" -e 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:]\{8\}Z/2000-01-01T00:00:00Z/g' \
    -e 's/threads, [0-9.]* s$/threads, 0.00 s/' "$f"
done
