#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# The main job: builds and installs QmsAudit into build/stage, builds host-sample/ against the
# installed package (find_package, as a stranger would) and runs it on its embedded default log
# under ./demo-data/ (created with a fresh key on the first run; later runs append). Then the
# qms-audit tool inspects the same log the way an internal auditor would.
# Nothing here sets LD_LIBRARY_PATH: installed binaries find libqmsaudit through $ORIGIN run paths.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
source packaging/scripts/require-tools.sh

bash packaging/scripts/install-deps.sh
require_tools cmake ninja
cmake --preset release >/dev/null
cmake --build --preset release
cmake --install build/release --prefix "$root/build/stage" >/dev/null
cmake -S host-sample -B build/host-sample -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$root/build/stage" >/dev/null
cmake --build build/host-sample

echo
echo "== host sample"
build/host-sample/qmsaudit-host-sample --data demo-data

cli=("$root/build/stage/bin/qms-audit")
auth=(--log demo-data/qms-host.qmslog --key-file demo-data/qms-host.key)
echo
echo "== qms-audit verify"
"${cli[@]}" verify "${auth[@]}"
echo
echo "== changes, signatures and denied attempts"
"${cli[@]}" query "${auth[@]}" --action edit,sign,access_denied,login_failed --limit 8 --format table
echo
echo "== statistics"
"${cli[@]}" stats "${auth[@]}" --format table
