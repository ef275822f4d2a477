#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Renders every auditor view at 1280x800, light and dark, the log view's export dialog with the
# evidence pack chosen, and page 1 of each PDF evidence report (and the management review's first
# page of charts),
# from a log made by `qms-audit generate`, into docs/images/ (the pictures README and docs/reports.md
# show). Offscreen: no display needed.
#   bash packaging/scripts/screenshots.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
source packaging/scripts/require-tools.sh

out="${1:-docs/images}"
bash packaging/scripts/install-deps.sh
require_tools cmake ninja pdftoppm
cmake --preset release >/dev/null
cmake --build --preset release --target qms-audit qms-audit-viewer qmsaudit_qmlplugin

bin=build/release
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$work/demo.key")
"$bin/plugin/cli/qms-audit" generate --log "$work/demo.qmslog" --key-file "$work/demo.key" \
    --events 50000 --months 6 --seed 11 --start 2026-05-01 >/dev/null

# The document shown is the most edited one of this seed, the person the busiest editor.
read -r object actor < <("$bin/plugin/cli/qms-audit" query --log "$work/demo.qmslog" --key-file "$work/demo.key" \
    --action edit --limit 5000 --format jsonl 2>/dev/null | python3 -c '
import collections, json, sys
events = [json.loads(line) for line in sys.stdin]
objects = collections.Counter(e["object"]["type"] + ":" + e["object"]["id"] for e in events)
actors = collections.Counter(e["actor"]["id"] for e in events)
print(objects.most_common(1)[0][0], actors.most_common(1)[0][0])')
# A signed review of July and August and a verification: what the management review shows as
# review coverage and integrity (and its report, below).
"$bin/plugin/cli/qms-audit" review --log "$work/demo.qmslog" --key-file "$work/demo.key" --as a.inspector \
    --kind trail_reviewed --period-from 2026-07-01 --period-to 2026-09-01 --scope "all GMP documents" \
    --result "no findings" --meaning "reviewed as QA auditor" --name "Ann Inspector" >/dev/null
"$bin/plugin/cli/qms-audit" verify --log "$work/demo.qmslog" --key-file "$work/demo.key" --as it.admin >/dev/null
export QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software TZ=UTC LC_ALL=C.UTF-8
viewer=("$bin/qml/viewer/qms-audit-viewer" --log "$work/demo.qmslog" --key-file "$work/demo.key"
        --user "a.inspector" --role auditor --object "$object" --actor "$actor" --from 2026-08-01 --to 2026-11-01 --seed 20261101)
mkdir -p "$out"
"${viewer[@]}" --screenshot "$out" --view all
"${viewer[@]}" --screenshot "$out" --view all --dark
# The management review dashboard needs review.dashboard (a quality manager), and is taller.
"${viewer[@]}" --role quality_manager --period 2026-Q3 --size 1280x2000 --screenshot "$out" --view review
"${viewer[@]}" --role quality_manager --period 2026-Q3 --size 1280x2000 --screenshot "$out" --view review --dark
# The export dialog with the evidence pack chosen (docs/evidence-packs.md), over a log of one month:
# a pack holds at most 25,000 events, as a PDF report does.
"$bin/plugin/cli/qms-audit" generate --log "$work/ws-014.qmslog" --key-file "$work/demo.key" \
    --events 3000 --months 1 --seed 11 --start 2026-10-01 >/dev/null
"$bin/qml/viewer/qms-audit-viewer" --log "$work/ws-014.qmslog" --key-file "$work/demo.key" --user a.inspector --role auditor \
    --export pack --screenshot "$out"

# Page 1 of each PDF evidence report (docs/reports.md), of the same period, document and log.
cli=("$bin/plugin/cli/qms-audit" export --log "$work/demo.qmslog" --key-file "$work/demo.key" --as a.inspector --format pdf)
"${cli[@]}" --action edit --from 2026-08-01 --to 2026-11-01 --out "$work/events.pdf" >/dev/null
"${cli[@]}" --document-report --object-type "${object%%:*}" --object-id "${object#*:}" --out "$work/document.pdf" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/events.pdf" "$out/report-events"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/document.pdf" "$out/report-document"
# The management review report of 2026-Q3 beside Q2: page 1 and the first page of charts.
"$bin/plugin/cli/qms-audit" review-report --log "$work/demo.qmslog" --key-file "$work/demo.key" --as a.inspector \
    --period 2026-Q3 --compare-previous --out "$work/review.pdf" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/review.pdf" "$out/report-management-review"
pdftoppm -png -r 80 -f 2 -l 2 -singlefile "$work/review.pdf" "$out/report-management-review-charts"
echo "screenshots: $(ls "$out"/*.png | wc -l) pictures in $out"
