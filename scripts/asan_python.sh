#!/usr/bin/env bash
# Runs the Python tests against an AddressSanitizer build of the extension (clang): the ASan
# runtime is preloaded into the interpreter, leak detection is off (the interpreter itself leaks
# by design). Any ASan report aborts the run and fails.
#   bash scripts/asan_python.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
pybind11_dir=$("$PYTHON" -c "import pybind11; print(pybind11.get_cmake_dir())")
CC=clang CXX=clang++ cmake -S . -B build/asan-py -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTEAMGRAPH_SANITIZE=address -DTEAMGRAPH_BUILD_PYTHON=ON -DTEAMGRAPH_BUILD_TESTS=OFF \
  -DTEAMGRAPH_BUILD_EXAMPLES=OFF -DTEAMGRAPH_INSTALL=OFF -Dpybind11_DIR="$pybind11_dir" \
  -DPython_EXECUTABLE="$(command -v "$PYTHON")" >/dev/null
cmake --build build/asan-py --target _core teamgraph_catalogs | grep -vE "^\[[0-9]+/[0-9]+\] (Building|Linking|Compiling)" || true
# A copy of the package as it is installed (its compiled catalogs too), the instrumented extension in it.
rm -rf build/asan-py/site && mkdir -p build/asan-py/site
cp -r python/teamgraph build/asan-py/site/teamgraph
rm -f build/asan-py/site/teamgraph/_core*.so
cp build/asan-py/python/_core*.so build/asan-py/site/teamgraph/
cp -r build/asan-py/python/catalogs/locale/. build/asan-py/site/teamgraph/locale/
mkdir -p build/asan-py/site/teamgraph/data && cp -r examples/ecommerce-team build/asan-py/site/teamgraph/data/
export LD_PRELOAD=$(clang -print-file-name=libclang_rt.asan-x86_64.so)
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
args=("$@")
[[ ${#args[@]} -eq 0 ]] && args=(tests/python)
PYTHONPATH=build/asan-py/site "$PYTHON" -m pytest -q -p no:cacheprovider -p no:warnings "${args[@]}" \
  --deselect tests/python/test_stub.py::test_stub_is_current
