#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Installs the .debs from build/packages/ (package.sh makes them) on this machine with apt-get, uses
# them as an administrator and a developer would, then removes them again:
#   qms-audit --version; qms-audit init, record and verify on a sample log;
#   a consumer CMake project (tests/install/consumer) built with find_package(QmsAudit) from /usr;
#   a QML file with `import QmsAudit`, loaded with no import path set.
# Root (or sudo) needed. Leaves the machine as it found it, also when a step fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
source packaging/scripts/require-tools.sh
require_tools apt-get cmake ninja

shopt -s nullglob
debs=(build/packages/*.deb)
[ ${#debs[@]} -eq 3 ] || { echo "try-debs: want 3 .debs in build/packages (run packaging/scripts/package.sh), have ${#debs[@]}" >&2; exit 1; }
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
work=$(mktemp -d)
remove() {
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get purge -y -qq libqmsaudit0 libqmsaudit-dev qmsaudit-tools >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap remove EXIT

echo "== apt-get install ${debs[*]}"
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${debs[@]/#/./}" >/dev/null
unset LD_LIBRARY_PATH QML_IMPORT_PATH QML2_IMPORT_PATH

echo "== qms-audit as installed: $(command -v qms-audit)"
qms-audit --version
qms-audit init --log "$work/sample.qmslog" --generate-key-file "$work/sample.key"
qms-audit record --log "$work/sample.qmslog" --key-file "$work/sample.key" --actor admin --action view \
    --object-type procedure --object-id SOP-001 >/dev/null
qms-audit verify --log "$work/sample.qmslog" --key-file "$work/sample.key"
test -f /usr/share/man/man1/qms-audit.1.gz

echo "== a consumer project: find_package(QmsAudit) from /usr"
cmake -S tests/install/consumer -B "$work/consumer" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/consumer-core" "$work/sample.qmslog" "$work/sample.key"
pkg-config --modversion qmsaudit

echo "== import QmsAudit with no import path set"
"$work/consumer/consumer-qml" tests/install/consumer/importqmsaudit.qml

echo "== removing the packages"
remove
trap - EXIT
for p in libqmsaudit0 libqmsaudit-dev qmsaudit-tools; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        echo "try-debs: $p is still installed" >&2
        exit 1
    fi
done
[ ! -e /usr/bin/qms-audit ] || { echo "try-debs: /usr/bin/qms-audit is still there" >&2; exit 1; }
echo "try-debs: OK"
