#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Installs the Debian 12 packages QmsAudit needs to build, test and run (root, or sudo).
# Does nothing when everything is already installed, so it is cheap to call every time.
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-declarative-dev qml6-module-qtquick qml6-module-qtqml-workerscript qml6-module-qttest
    libsqlcipher-dev libsqlcipher0 sqlcipher sqlite3
    libpoco-dev libssl-dev
    libgtest-dev libgmock-dev libbenchmark-dev libsqlite3-dev
    fiu-utils strace
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "qmsaudit: installing Debian packages: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
