#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS (default 60), two
# at a time, after replaying the regression files in tests/data/fuzz-regressions/<target>/. Any
# crash or contract violation fails; the input that caused it is left in build/fuzz/findings/.
#   bash scripts/fuzz.sh [SECONDS]          CI: fixed seed, a fresh corpus from the fixtures, so
#                                            the run is reproducible (up to where time stops it)
#   bash scripts/fuzz.sh SECONDS --deep     longer runs: random seed, the corpus kept between runs
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
deep=${2:-}
CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTEAMGRAPH_BUILD_FUZZERS=ON \
  -DTEAMGRAPH_BUILD_TESTS=OFF -DTEAMGRAPH_BUILD_EXAMPLES=OFF -DTEAMGRAPH_INSTALL=OFF \
  -DTEAMGRAPH_SANITIZE="fuzzer-no-link;address;undefined" >/dev/null
cmake --build build/fuzz | grep -vE "^\[[0-9]+/[0-9]+\] (Building|Linking)" || true
bin=build/fuzz/tests/fuzz
mkdir -p build/fuzz/findings
# Seed corpora from the fixtures. CI starts from them afresh each time; --deep keeps what it grew.
corpus=build/fuzz/corpus
seed=(-seed=1)
if [[ $deep != --deep ]]; then
  corpus=build/fuzz/ci-corpus
  rm -rf "$corpus"
else
  seed=()
fi
for t in fuzz_csv fuzz_json fuzz_org; do mkdir -p "$corpus/$t"; done
cp -n examples/ecommerce-team/*.csv "$corpus/fuzz_csv/" 2>/dev/null || true
for f in tests/data/*/*.csv; do cp -n "$f" "$corpus/fuzz_csv/$(echo "$f" | tr / _)" 2>/dev/null || true; done
cp -n tests/data/json-team/team.json "$corpus/fuzz_json/" 2>/dev/null || true
status=0
for t in fuzz_csv fuzz_json fuzz_org; do
  files=(tests/data/fuzz-regressions/$t/*)
  if [[ -e ${files[0]} ]]; then
    "$bin/$t" "${files[@]}" >/dev/null 2>&1 || { echo "regression files of $t fail"; status=1; }
  fi
done
# CI runs at most as many inputs as were fuzzed clean on a developer machine with the same seed,
# so that a faster CI machine never goes past what was checked (a slower one stops at the time).
declare -A runs=([fuzz_csv]=9500 [fuzz_json]=700000 [fuzz_org]=23000)
run() {
  local t=$1 dict=() limit=()
  [[ $deep != --deep ]] && limit=(-runs="${runs[$t]}")
  [[ $t == fuzz_csv || $t == fuzz_org ]] && dict=(-dict=tests/fuzz/csv.dict)
  [[ $t == fuzz_json ]] && dict=(-dict=tests/fuzz/json.dict)
  if "$bin/$t" "$corpus/$t" "${dict[@]}" "${seed[@]}" "${limit[@]}" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
      -timeout=10 -artifact_prefix="build/fuzz/findings/$t-" -print_final_stats=1 >"build/fuzz/$t.log" 2>&1; then
    echo "$t: $(grep -E '^Done' "build/fuzz/$t.log" | tail -1), no findings"
  else
    echo "$t: FINDING"; tail -30 "build/fuzz/$t.log"; return 1
  fi
}
run fuzz_csv & a=$!
run fuzz_json & b=$!
wait $a || status=1
wait $b || status=1
run fuzz_org || status=1
exit $status
