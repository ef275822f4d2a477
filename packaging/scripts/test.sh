#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Builds QmsAudit and runs every test (the README's test command; .ci/run calls it).
set -euo pipefail
cd "$(dirname "$0")/../.."
source packaging/scripts/require-tools.sh

bash packaging/scripts/install-deps.sh
require_tools cmake ninja ctest python3 readelf dpkg-query
export QT_QPA_PLATFORM=offscreen TZ=UTC LC_ALL=C.UTF-8
cmake --preset release
cmake --build --preset release
ctest --preset release -j "$(nproc)"
