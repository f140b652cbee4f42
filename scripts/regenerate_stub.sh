#!/usr/bin/env bash
# Regenerates python/teamgraph/_core.pyi from the installed extension (tests/python/test_stub.py
# fails when the committed stub is out of date).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
"${PYTHON:-python3}" -m pybind11_stubgen teamgraph._core -o "$tmp" >/dev/null
cp "$tmp/teamgraph/_core.pyi" python/teamgraph/_core.pyi
rm -rf "$tmp"
echo "updated python/teamgraph/_core.pyi"
