#!/usr/bin/env bash
# Runs every test: the GoogleTest suite through ctest (built by `setup.sh --test` in build/py),
# pytest, the GoogleTest suite again under ASan + UBSan, and the fuzz targets for 60 s each. All
# always run; the exit code is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
status=0
echo "== C++ tests (ctest)"
ctest --test-dir build/py --output-on-failure -j2 || { status=1; echo "C++ tests FAILED"; }
echo "== Python tests (pytest)"
"$PYTHON" -m pytest -q -p no:cacheprovider || { status=1; echo "Python tests FAILED"; }
echo "== C++ tests under AddressSanitizer + UndefinedBehaviorSanitizer (clang)"
bash scripts/sanitize.sh 2>&1 | grep -vE "^\[[0-9]+/[0-9]+\] (Building|Linking)" || { status=1; echo "sanitizer step FAILED"; }
echo "== Fuzzing (libFuzzer, ASan + UBSan): 60 s a target"
bash scripts/fuzz.sh "${TEAMGRAPH_FUZZ_SECONDS:-60}" || { status=1; echo "fuzzing step FAILED"; }
[[ $status -eq 0 ]] && echo "== all test steps passed" || echo "== some test steps FAILED"
exit $status
