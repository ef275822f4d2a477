# SPDX-License-Identifier: LGPL-2.1-or-later
# Sourced by the scripts here. `require_tools a b c` stops the script, naming what is missing, when
# a tool is not on PATH. The dependency guard (check-deps.py) reads these lines too, so every tool
# a script declares must come from a package in packaging/debian/packages.txt.
require_tools() {
    local missing=() tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "qmsaudit: missing tools: ${missing[*]} (packaging/scripts/install-deps.sh installs them)" >&2
        exit 2
    fi
}
