#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Builds the Debian packages into build/packages/ with CPack from the release build:
# libqmsaudit0 (runtime), libqmsaudit-dev, qmsaudit-tools (docs/packages.md). Then
# `bash packaging/scripts/try-debs.sh` installs and exercises them on this machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
source packaging/scripts/require-tools.sh

bash packaging/scripts/install-deps.sh
require_tools cmake cpack dpkg-deb dpkg-shlibdeps file lintian
cmake --preset release >/dev/null
cmake --build --preset release
rm -rf build/packages
(cd build/release && cpack -B ../packages)
rm -rf build/packages/_CPack_Packages
echo
for deb in build/packages/*.deb; do
    echo "$deb: $(dpkg-deb -f "$deb" Depends)"
done
lintian --fail-on error build/packages/*.deb
