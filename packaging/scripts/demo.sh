#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# The main job: builds QmsAudit and runs a demo on an encrypted log under ./demo-data/.
# Creates the log and its key on the first run, then records a few hundred events, verifies the
# chain and queries it. Running it again appends to the same log.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

bash packaging/scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target qms-audit

cli="$root/build/release/plugin/cli/qms-audit"
data="$root/demo-data"
log="$data/demo.qmslog"
key="$data/demo.key"
mkdir -p "$data"
chmod 700 "$data"

if [ ! -e "$log" ]; then
    "$cli" init --log "$log" --generate-key-file "$key"
    echo "created $log (key in $key, mode 0600)"
fi
auth=(--log "$log" --key-file "$key")

# A QA week in miniature: views, prints, edits with reasons, approvals, a denied attempt.
python3 - "$@" > "$data/week.jsonl" <<'PY'
import json
users = [("u-anna", "Anna Berger", ["qa_manager"]), ("u-ben", "Ben Ito", ["author"]), ("u-cho", "Cho Park", ["operator"])]
docs = [("procedure", "SOP-%03d" % i, "Procedure %d" % i) for i in range(1, 13)] + \
       [("calibration_record", "CAL-%04d" % i, "Torque wrench calibration %d" % i) for i in range(1, 9)]
for n in range(300):
    uid, name, roles = users[n % 3]
    kind, oid, title = docs[n % len(docs)]
    event = {"actor": {"id": uid, "name": name, "roles": roles},
             "object": {"type": kind, "id": oid, "version": "B", "title": title},
             "occurred_at": "2026-11-%02dT%02d:%02d:00Z" % (16 + n % 5, 8 + n % 9, n % 60),
             "host": {"app": "qms-demo", "version": "1.0", "workstation": "WS-%02d" % (n % 4)}}
    if n % 10 == 3:
        event.update(action="edit", reason="Periodic review %d" % n,
                     changes=[{"field": "interval_days", "old": "365", "new": str(180 + n)}])
    elif n % 10 == 7:
        event.update(action="approve")
    elif n % 25 == 11:
        event.update(action="edit", outcome="denied", reason="Attempted edit without author role")
    else:
        event.update(action=["view", "print", "export"][n % 3])
    print(json.dumps(event))
PY
"$cli" import "${auth[@]}" < "$data/week.jsonl"
"$cli" record "${auth[@]}" --actor u-anna --action release --object-type procedure --object-id SOP-001 \
    --object-version C --object-title "Procedure 1" --reason "Approved at management review"
"$cli" record "${auth[@]}" --actor u-cho --action access_denied --object-type procedure --object-id SOP-004 --outcome denied

echo
echo "== verify"
"$cli" verify "${auth[@]}"
echo
echo "== edits with their reasons (first 5)"
"$cli" query "${auth[@]}" --action edit --limit 5 --format table
echo
echo "== denied attempts"
"$cli" query "${auth[@]}" --outcome denied --format table
echo
echo "== statistics"
"$cli" stats "${auth[@]}" --format json
