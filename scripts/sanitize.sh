#!/usr/bin/env bash
# Builds the C++ tests with clang, AddressSanitizer + UndefinedBehaviorSanitizer,
# -fno-sanitize-recover=all and _GLIBCXX_ASSERTIONS, and runs them; then the concurrency tests
# under ThreadSanitizer. Any report fails.
#   bash scripts/sanitize.sh            (after `bash scripts/setup.sh --test`, which installs clang)
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
CC=clang CXX=clang++ cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTEAMGRAPH_SANITIZE="address;undefined" -DTEAMGRAPH_INSTALL=OFF -DTEAMGRAPH_BUILD_EXAMPLES=ON >/dev/null
cmake --build build/asan
ctest --test-dir build/asan --output-on-failure -j2

# ThreadSanitizer on the concurrency tests.
CC=clang CXX=clang++ cmake -S . -B build/tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTEAMGRAPH_SANITIZE=thread -DTEAMGRAPH_INSTALL=OFF -DTEAMGRAPH_BUILD_EXAMPLES=OFF >/dev/null
cmake --build build/tsan --target teamgraph_tests
TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1} \
  build/tsan/tests/teamgraph_tests --gtest_filter='Concurrency.*' --gtest_brief=1
