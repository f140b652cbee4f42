#!/usr/bin/env bash
# Runs every test: the GoogleTest suite through ctest (built by `setup.sh --test` in build/py),
# pytest, the GoogleTest suite again under ASan + UBSan (and TSan for the concurrency tests), pytest
# against an ASan build of the extension (less the tests that start other programs), and the fuzz
# targets for 60 s each. All always run; the exit code is non-zero if any failed.
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
echo "== Python tests against an ASan build of the extension"
bash scripts/asan_python.sh tests/python --deselect tests/python/test_notebook.py::test_quickstart_notebook_runs \
  --deselect tests/python/test_batch.py::test_dask_local_cluster_matches_single_process \
  --deselect tests/python/test_outputs.py::test_html_report_renders_in_headless_chromium \
  --deselect tests/python/test_outputs.py::test_chinese_html_report_has_no_missing_glyphs \
  || { status=1; echo "ASan Python step FAILED"; }
echo "== Fuzzing (libFuzzer, ASan + UBSan): 60 s a target"
bash scripts/fuzz.sh "${TEAMGRAPH_FUZZ_SECONDS:-60}" || { status=1; echo "fuzzing step FAILED"; }
[[ $status -eq 0 ]] && echo "== all test steps passed" || echo "== some test steps FAILED"
exit $status
