# parley — the two set-up commands (see README.md):
#   make demo   install missing Debian packages, build in Release, run the example scenario
#   make test   install missing Debian packages, build and run every test (also under ASan+UBSan),
#               and run each fuzzer briefly when clang is available
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PACKAGES := cmake ninja-build g++ pkg-config libyaml-dev libsimdjson-dev nlohmann-json3-dev libpugixml-dev libeigen3-dev \
            libfmt-dev libcli11-dev libsqlite3-dev libssl-dev libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev libcpp-httplib-dev coinor-libclp-dev openmpi-bin libopenmpi-dev \
            clang libclang-rt-14-dev chromium \
            python3 python3-dev pybind11-dev python3-pybind11 python3-numpy python3-pandas python3-pytest python3-matplotlib \
            python3-tqdm python3-nbclient python3-nbformat python3-ipykernel
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 15
# The libFuzzer targets of fuzz/CMakeLists.txt: make fuzz builds these and nothing else of build/fuzz,
# then runs each for FUZZ_SECONDS, JOBS of them at a time (a fuzzer uses one core).
FUZZERS := scenario_yaml scenario_json ktab_csv ktab_xml deu_table decide_input expression api_request
DEMO_SCENARIO ?= scenarios/examples/arms-control.yaml

.PHONY: deps configure build-cli build demo skill test test-release test-random test-sanitize fuzz bench format tidy clean

deps:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# WERROR=ON (make test, CI) turns warnings into errors; a newcomer's make demo only warns.
WERROR ?= OFF

configure: deps
	cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DPARLEY_WERROR=$(WERROR) >/dev/null

# The parley executable and nothing else: what make demo needs.
build-cli: configure
	cmake --build build/release -j $(JOBS) --target parley_exe

build: configure
	cmake --build build/release -j $(JOBS)

demo: build-cli
	./build/release/parley validate $(DEMO_SCENARIO)
	@echo
	./build/release/parley run $(DEMO_SCENARIO) --model compromise
	@echo
	./build/release/parley run $(DEMO_SCENARIO) --model median
	@echo
	./build/release/parley run $(DEMO_SCENARIO) --model nbs
	@echo
	./build/release/parley run scenarios/examples/ec1994-emissions.yaml --model bdm
	@echo
	rm -f build/demo.db build/demo.db-journal
	./build/release/parley sweep $(DEMO_SCENARIO) --model compromise --draws 20000 --db build/demo.db
	@echo
	./build/release/parley sensitivity $(DEMO_SCENARIO) --model compromise --top 3
	@echo
	./build/release/parley feasibility scenarios/us-russia.yaml
	@echo
	./build/release/parley report scenarios/us-russia.yaml --draws 2000 --output build/us-russia-report.html

test-release: WERROR = ON
test-release: build
	ctest --test-dir build/release --output-on-failure -j $(JOBS)

# Every test, the property tests with a fresh random seed (make test uses a fixed one): a failure prints the seed
# and rapidcheck's reproduce= string; re-run with RC_PARAMS="seed=N".
test-random: build
	@seed=$$(od -An -N4 -tu4 /dev/urandom | tr -d ' '); echo "RC_PARAMS=seed=$$seed"; \
	RC_PARAMS="seed=$$seed" ctest --test-dir build/release --output-on-failure -j $(JOBS)

# -g1 (line tables only): the sanitizers' reports keep their function:file:line frames, and the
# build is about a fifth cheaper than with full debug information (CONTRIBUTING.md, "Build time").
test-sanitize: deps
	cmake -S . -B build/sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DPARLEY_SANITIZE=ON -DPARLEY_WERROR=ON >/dev/null
	cmake --build build/sanitize -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir build/sanitize --output-on-failure -j $(JOBS)

fuzz: deps
	@if command -v clang++ >/dev/null; then \
	  CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo '-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG' \
	    -DPARLEY_FUZZ=ON >/dev/null; \
	  cmake --build build/fuzz -j $(JOBS) --target $(addprefix fuzz_,$(FUZZERS)); \
	  for t in $(FUZZERS); do mkdir -p build/fuzz/corpus/$$t; done; \
	  printf '%s\n' $(FUZZERS) | xargs -P $(JOBS) -I {} bash -c \
	    'echo "fuzzing {} for $(FUZZ_SECONDS) s"; \
	     ./build/fuzz/fuzz/fuzz_{} -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -print_final_stats=0 -artifact_prefix=build/fuzz/{}- \
	       build/fuzz/corpus/{} fuzz/seeds/{} 2>build/fuzz/{}.log || { tail -40 build/fuzz/{}.log; exit 255; }'; \
	else echo "clang++ not found: fuzzers skipped"; fi

test: test-release test-sanitize fuzz

# The skill table parley ships (data/skill/deu3-dev.csv, docs/skill.md): every model cross-validated on
# the DEU III dev data. Commit the file it writes; the build compiles it in.
SKILL_COMMAND := backtest tests/data/deu3/deu3-dev.tsv --cross-validate --capability council --folds 5 --repeats 20 --seed 1
skill: build-cli
	./build/release/parley $(SKILL_COMMAND) --skill-out data/skill/deu3-dev.csv

bench: build
	./build/release/bench/parley_bench
	./build/release/bench/parley_exchange_bench

# Reformat every tracked C++ file with .clang-format.
format:
	git ls-files '*.cpp' '*.hpp' '*.hpp.in' | grep -v '^tests/data/' | xargs clang-format -i

# Static checks (.clang-tidy) on the library and CLI sources, from a configured tree without
# precompiled headers (clang-tidy cannot read GCC's .gch files); nothing needs to be built.
tidy: deps
	cmake -S . -B build/tidy -G Ninja -DCMAKE_BUILD_TYPE=Release -DPARLEY_PCH=OFF >/dev/null
	git ls-files 'src/*.cpp' | xargs clang-tidy -p build/tidy --quiet

clean:
	rm -rf build
