#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# The main job: builds and installs QmsAudit into build/stage, builds QMS Desk (host-sample/)
# against the installed package (find_package, as a stranger would) and runs it on its embedded
# default data folder ./qms-demo/ (created on the first run, with a year of demonstration history
# recorded through the plugin; later runs reuse it). With a display the application opens; without
# one it runs the headless demo and prints where its outputs are. Extra arguments go to the
# application (e.g. --data DIR, --demo-data MONTHS).
# Nothing here sets LD_LIBRARY_PATH: installed binaries find libqmsaudit through $ORIGIN run paths,
# and QMS Desk loads QmsAudit only at run time (the Qt plugin and the QML module).
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
exec build/host-sample/qmsaudit-host-sample --data qms-demo "$@"
