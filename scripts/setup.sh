#!/usr/bin/env bash
# Installs everything teamgraph needs on a fresh Debian machine, then builds and installs the
# Python package (which carries the C++ library).
#
#   bash scripts/setup.sh          # system packages, Python dependencies, `pip install .`
#   bash scripts/setup.sh --test   # the same plus what the tests need, with the C++ tests built
#
# Re-running is quick: system packages are only installed when missing, and the package is only
# rebuilt when a source file changed (the CMake build in build/py is kept and is incremental).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=main
[[ "${1:-}" == "--test" ]] && mode=test
PYTHON=${PYTHON:-python3}

# 1. System packages (Boost.Graph, Eigen, nlohmann-json, GoogleTest, Google Benchmark; a CJK font for
# the charts of a report in Chinese).
packages=(g++ libboost-graph-dev libeigen3-dev nlohmann-json3-dev libgtest-dev libbenchmark-dev fonts-noto-cjk)
# Tests also need chromium (the HTML report renders headless) and clang with its sanitizer runtimes.
[[ $mode == test ]] && packages+=(chromium clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. Python build and runtime dependencies (no build isolation: the build directory is reused).
pip() { "$PYTHON" -m pip --disable-pip-version-check -q "$@"; }
requirements=(scikit-build-core'>=0.10' pybind11'==3.1.0' cmake'>=3.20' ninja numpy'>=1.24' pandas'>=2.0' networkx'>=3.0'
              matplotlib'>=3.7' pyarrow'>=12' babel'>=2.12' openpyxl'>=3.1' icalendar'>=5'
              'tomli>=1.1; python_version < "3.11"')
[[ $mode == test ]] && requirements+=(pytest'>=7' pybind11-stubgen'==3.0.0' jsonschema'>=4' nbclient'>=0.8' nbformat'>=5'
                                      ipykernel'>=6' 'dask[dataframe,distributed]>=2024.1' hypothesis'>=6')
stamp_dir=build
mkdir -p "$stamp_dir"
req_stamp="$stamp_dir/.requirements-$mode"
if [[ ! -f $req_stamp || "$(cat "$req_stamp")" != "${requirements[*]}" ]]; then
  echo "setup: installing Python packages"
  pip install "${requirements[@]}"
  echo "${requirements[*]}" >"$req_stamp"
fi

# 3. The package itself, rebuilt only when a source changed.
tests=OFF
[[ $mode == test ]] && tests=ON
sources_hash=$( { echo "tests=$tests"; find CMakeLists.txt VERSION pyproject.toml cmake include src python examples benchmarks \
  tests/CMakeLists.txt tests/cpp tests/consumer tests/consumer_subdirectory tests/fuzz \
  -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum; } | sha256sum | cut -d' ' -f1)
pkg_stamp="$stamp_dir/.installed"
if [[ -f $pkg_stamp && "$(cat "$pkg_stamp")" == "$sources_hash" ]] && "$PYTHON" -c "import teamgraph" 2>/dev/null; then
  echo "setup: teamgraph is up to date"
else
  echo "setup: building and installing teamgraph (C++ tests: $tests)"
  TEAMGRAPH_BUILD_TESTS=$tests pip install --no-build-isolation --no-deps .
  echo "$sources_hash" >"$pkg_stamp"
  command -v pyenv >/dev/null 2>&1 && pyenv rehash || true
fi
