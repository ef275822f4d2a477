#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Installs the Debian 12 packages QmsAudit needs to build, test, package and run (root, or sudo):
# the list in packaging/debian/packages.txt. Does nothing when everything is already installed, so
# it is cheap to call every time. The deps.* tests check that the list covers what the project uses.
set -euo pipefail
list="$(cd "$(dirname "$0")/../debian" && pwd)/packages.txt"

mapfile -t packages < <(sed -e 's/#.*//' "$list" | tr -s ' \t' '\n' | sed '/^$/d')
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
