// SPDX-License-Identifier: LGPL-2.1-or-later
// The auditor's workspace: samples drawn in SamplingView, reviews recorded from it, and exports
// from it, from AuditLogView and from DocumentHistoryView (a document's audit-trail PDF), over a
// log the helper filled, with the host's trail open or the file read-only. The oracles are read
// through the C++ API: auditHelper.events() and auditHelper.drawSample() (EventSampler on a
// reader of its own), and the exported files themselves (PDFs through pdftotext).
import QtQuick
import QtQuick.Controls
import QtTest
import QmsAudit

Item {
    id: root
    width: 1280
    height: 800

    Component { id: sourceComponent; AuditLogSource {} }
    Component { id: samplingComponent; SamplingView { anchors.fill: parent } }
    Component { id: logViewComponent; AuditLogView { anchors.fill: parent } }
    Component { id: documentViewComponent; DocumentHistoryView { anchors.fill: parent } }
    // What a host without a view creates for a document's audit-trail PDF.
    Component { id: modelComponent; AuditEventModel {} }
    Component { id: exportComponent; EventExport { format: EventExport.DocumentTrailPdf; viewName: "QmsDesk" } }

    TestCase {
        id: testCase
        name: "Workspace"
        when: windowShown

        readonly property int filled: 600
        readonly property var csvColumns: ["seq", "recorded_at", "occurred_at", "actor_id", "actor_name", "actor_roles", "action",
                                           "object_type", "object_id", "object_version", "object_title", "outcome", "reason", "changes",
                                           "signature_meaning", "session", "host_app", "host_version", "host_workstation", "attributes", "hash"]

        function initTestCase() {
            auditHelper.watchWarnings()
        }
        function cleanup() {
            auditHelper.closeHostTrail()
        }

        function hostSource(roles, count) {
            verify(auditHelper.fillLog(count || filled))
            verify(auditHelper.openHostTrail())
            const source = createTemporaryObject(sourceComponent, root,
                                                 { viewer: { id: "aud1", name: "Audrey", roles: roles || ["auditor"] } })
            tryCompare(source, "status", AuditLogSource.Ready, 5000)
            return source
        }
        function samplingView(source) {
            const view = createTemporaryObject(samplingComponent, root, { log: source })
            verify(view.permitted)
            tryVerify(() => view.population.ready, 5000)
            return view
        }
        function draw(view) {
            view.sample.draw()
            verify(view.sample.running, "the draw did not start")
            tryVerify(() => !view.sample.running, 10000)
            verify(view.sample.drawn, view.sample.errorString)
        }
        function eventsOf(action) {
            return auditHelper.events().filter(e => e.action === action)
        }
        function eventAt(seq) {
            return auditHelper.events().find(e => e.seq === seq)
        }
        function numbers(list) {
            return list.map(n => Number(n))
        }
        /// RFC 4180: quoted cells with doubled quotes, CRLF between records.
        function parseCsv(text) {
            const records = []
            let record = [], cell = "", quoted = false
            for (let i = 0; i < text.length; ++i) {
                const c = text[i]
                if (quoted) {
                    if (c === '"' && text[i + 1] === '"') { cell += '"'; ++i }
                    else if (c === '"') quoted = false
                    else cell += c
                } else if (c === '"') {
                    quoted = true
                } else if (c === ",") {
                    record.push(cell); cell = ""
                } else if (c === "\r" && text[i + 1] === "\n") {
                    record.push(cell); records.push(record); record = []; cell = ""; ++i
                } else {
                    cell += c
                }
            }
            if (cell.length > 0 || record.length > 0) { record.push(cell); records.push(record) }
            return records
        }

        function test_sampleIsReproducibleAndEqualsTheLibrarysDraw() {
            const source = hostSource()
            const view = samplingView(source)
            view.population.actions = ["view", "print"]
            view.sample.size = 20
            view.sample.seed = "20261015"
            tryVerify(() => view.population.ready && view.population.filterDescription === "action=view,print", 5000)
            draw(view)
            const first = view.sample // the same object on each draw: keep what the first draw gave
            const seqs = numbers(first.seqs)
            const lastSeq = first.lastSeq
            const digest = first.populationDigest
            const populationSize = first.populationSize
            compare(seqs.length, 20)
            compare(lastSeq, auditHelper.countEvents() - eventsOf("trail_viewed").length) // the draw's own record came after it
            const oracle = auditHelper.drawSample({ actions: ["view", "print"], size: 20, seed: "20261015", upToSeq: lastSeq })
            compare(oracle.error, undefined)
            compare(seqs, numbers(oracle.seqs))
            compare(digest, oracle.populationDigest)
            compare(first.populationSize, oracle.populationSize)
            compare(first.populationSize, auditHelper.events().filter(e => (e.action === "view" || e.action === "print") && e.seq <= lastSeq).length)
            // Every row shown is the event of its seq.
            for (const row of first.events)
                compare(row.action, eventAt(row.seq).action)

            // The draw is recorded with everything it takes to draw it again.
            tryVerify(() => eventsOf("trail_viewed").length === 1, 5000)
            const recorded = eventsOf("trail_viewed")[0]
            compare(recorded.actor.id, "aud1")
            compare(recorded.attributes.view, "SamplingView")
            compare(recorded.attributes.filter, "action=view,print")
            compare(recorded.attributes.sample_seed, "20261015")
            compare(Number(recorded.attributes.sample_up_to_seq), lastSeq)
            compare(recorded.attributes.population_sha256, digest)
            compare(Number(recorded.attributes.event_count), 20)

            // New matching events later: the same filter, last seq and seed draw the same sample.
            for (let i = 0; i < 30; ++i)
                verify(AuditTrail.viewed("procedure", "SOP-9" + i, "Added after the draw") > 0, AuditTrail.lastError)
            view.sample.upToSeq = lastSeq
            draw(view)
            compare(numbers(view.sample.seqs), seqs)
            compare(view.sample.populationDigest, digest)
            // Without a last seq the population grows, and so does its digest.
            view.sample.upToSeq = 0
            draw(view)
            verify(view.sample.lastSeq > lastSeq)
            compare(view.sample.populationSize, populationSize + 30)
            verify(view.sample.populationDigest !== digest)
            // A new seed draws something else.
            const seed = view.sample.newSeed()
            verify(/^\d{9}$/.test(seed), seed)
            compare(view.sample.seed, seed)
        }

        function test_stratifiedSampleAndEveryDeniedAttempt() {
            const source = hostSource()
            const view = samplingView(source)
            view.sample.size = 10
            view.sample.seed = "7"
            view.sample.stratified = true
            view.sample.allDenied = true
            draw(view)
            const oracle = auditHelper.drawSample({ size: 10, seed: "7", upToSeq: view.sample.lastSeq, stratified: true, allDenied: true })
            compare(numbers(view.sample.seqs), numbers(oracle.seqs))
            compare(numbers(view.sample.targetedSeqs), numbers(oracle.targetedSeqs))
            const population = auditHelper.events().filter(e => e.seq <= view.sample.lastSeq)
            // Targeted: every denied attempt of the population, listed apart from the random picks.
            compare(numbers(view.sample.targetedSeqs), population.filter(e => e.outcome === "denied").map(e => e.seq))
            compare(view.sample.events.filter(row => row.pick === "targeted").length, view.sample.targetedSeqs.length)
            // Stratified: each action group gets its share of the 10 picks (largest remainder: floor or ceiling).
            const groupOf = { view: "access", print: "access", edit: "change", approve: "workflow", access_denied: "security", started: "system" }
            let strataTotal = 0
            for (const stratum of view.sample.strata) {
                const members = population.filter(e => groupOf[e.action] === stratum.group)
                compare(stratum.count, members.length, stratum.group)
                strataTotal += stratum.count
                const picked = numbers(view.sample.seqs).filter(seq => groupOf[eventAt(seq).action] === stratum.group).length
                const share = 10 * stratum.count / population.length
                verify(picked >= Math.floor(share) && picked <= Math.ceil(share), stratum.group + ": " + picked + " for a share of " + share)
            }
            compare(strataTotal, population.length)
            compare(view.sample.definition.sample_stratified, "yes")
            compare(view.sample.definition.sample_targeted, "denied")
        }

        function test_markReviewedRecordsTheSeqsTheCommentAndThePopulation() {
            const source = hostSource()
            const view = samplingView(source)
            view.sample.size = 5
            draw(view)
            const picked = numbers(view.sample.seqs).slice(0, 2).reverse()
            view.selectedSeqs = picked
            compare(view.reviewedSeqs, picked)
            verify(view.review.canRecord)
            verify(view.review.markReviewed(view.reviewedSeqs, "Checked against the batch records"), view.review.errorString)
            const seq = view.review.recordedSeq
            verify(seq > 0)
            compare(view.review.recordedKind, "events_reviewed")
            verify(findChild(view, "reviewRecorded").visible)
            const review = eventAt(seq)
            compare(review.action, "review_recorded")
            compare(review.actor.id, "aud1")
            compare(review.reason, "Checked against the batch records")
            compare(review.attributes.kind, "events_reviewed")
            compare(review.attributes.seqs, picked.slice().sort((a, b) => a - b).join(","))
            // The sample's population, so that an inspector can re-draw it and check it is unchanged.
            compare(review.attributes.population_sha256, view.sample.populationDigest)
            compare(Number(review.attributes.up_to_seq), view.sample.lastSeq)
            compare(review.attributes.filter, "all events")
            // Nothing selected: the review covers every drawn event.
            view.selectedSeqs = []
            compare(view.reviewedSeqs.length, view.sample.events.length)
        }

        function test_findingWithoutACommentIsRefusedVisibly() {
            const source = hostSource()
            const view = samplingView(source)
            view.sample.size = 3
            draw(view)
            const before = auditHelper.countEvents()
            verify(!view.review.recordFinding(view.sample.seqs, "   "))
            verify(view.review.errorString.indexOf("what was found") >= 0, view.review.errorString)
            const error = findChild(view, "reviewError")
            verify(error.visible)
            compare(error.text, view.review.errorString)
            wait(200)
            compare(auditHelper.countEvents(), before) // nothing written
            verify(view.review.recordFinding(view.sample.seqs, "Edit without a CAPA reference"), view.review.errorString)
            verify(!error.visible)
            const finding = eventAt(view.review.recordedSeq)
            compare(finding.attributes.kind, "finding")
            compare(finding.reason, "Edit without a CAPA reference")
            compare(finding.attributes.seqs, numbers(view.sample.seqs).join(","))
        }

        function test_signedStatementRecordsPeriodScopeResultAndMeaning() {
            const source = hostSource()
            const view = samplingView(source)
            const from = new Date("2026-07-01T00:00:00Z"), to = new Date("2026-10-01T00:00:00Z")
            verify(!view.review.signStatement(from, to, "all GMP documents", "no findings", "", ""))
            verify(view.review.errorString.indexOf("meaning") >= 0, view.review.errorString)
            verify(view.review.signStatement(from, to, "all GMP documents", "no findings", "reviewed as QA auditor", "Q3 review"),
                   view.review.errorString)
            compare(view.review.recordedKind, "trail_reviewed")
            const statement = eventAt(view.review.recordedSeq)
            compare(statement.action, "review_recorded")
            compare(statement.actor.id, "aud1")
            compare(statement.actor.name, "Audrey")
            compare(statement.signature_meaning, "reviewed as QA auditor")
            compare(statement.reason, "Q3 review")
            compare(statement.attributes.kind, "trail_reviewed")
            compare(statement.attributes.period_from, "2026-07-01T00:00:00.000000Z")
            compare(statement.attributes.period_to, "2026-10-01T00:00:00.000000Z")
            compare(statement.attributes.scope, "all GMP documents")
            compare(statement.attributes.result, "no findings")
            // The signer must be named in print.
            source.viewer = { id: "aud2", roles: ["auditor"] }
            verify(!view.review.signStatement(from, to, "all", "no findings", "reviewed", ""))
            verify(view.review.errorString.indexOf("aud2") >= 0, view.review.errorString)
        }

        function test_readOnlySourceCannotRecordAReview() {
            verify(auditHelper.fillLog(50))
            const source = createTemporaryObject(sourceComponent, root,
                                                 { logPath: auditHelper.logPath(), keyFile: auditHelper.keyFile(),
                                                   viewer: { id: "ext", name: "External", roles: ["auditor"] } })
            tryCompare(source, "status", AuditLogSource.Ready, 5000)
            const view = samplingView(source)
            view.sample.size = 4
            draw(view) // drawing only reads
            verify(!view.review.canRecord)
            verify(view.review.note.indexOf("read-only") >= 0, view.review.note)
            verify(findChild(view, "reviewNote").visible)
            verify(!view.review.markReviewed(view.sample.seqs, "looked at"))
            verify(view.review.errorString.length > 0)
            compare(auditHelper.countEvents(), 50) // nothing was written, not even the draw
        }

        function test_csvExportReadsBackFieldByFieldAndIsRecordedWithItsSha256() {
            const source = hostSource()
            const view = createTemporaryObject(logViewComponent, root, { log: source })
            verify(view.permitted)
            view.model.actions = ["edit"]
            tryVerify(() => view.model.ready && view.model.totalCount > 0 && view.model.filterDescription === "action=edit", 5000)
            const exporter = view.exportDialog.exporter
            compare(exporter.format, EventExport.CsvSpreadsheetSafe) // what the views offer by default
            exporter.format = EventExport.Csv
            const path = auditHelper.temporaryPath("edits.csv")
            exporter.path = path
            verify(exporter.start(), exporter.errorString)
            tryVerify(() => exporter.finished && !exporter.running, 10000)
            verify(exporter.ok, exporter.errorString)
            const edits = eventsOf("edit")
            compare(exporter.eventCount, edits.length)
            compare(exporter.written, edits.length)
            compare(exporter.total, edits.length)

            const records = parseCsv(auditHelper.readText(path))
            compare(records[0], csvColumns)
            compare(records.length, edits.length + 1)
            for (let i = 0; i < edits.length; ++i) {
                const e = edits[i], row = records[i + 1]
                const cells = {}
                csvColumns.forEach((name, column) => cells[name] = row[column])
                compare(Number(cells.seq), e.seq)
                compare(cells.recorded_at, e.recorded_at)
                compare(cells.occurred_at, e.occurred_at ?? "") // the JSON form leaves out an event without one
                compare(cells.actor_id, e.actor.id)
                compare(cells.actor_name, e.actor.name)
                compare(JSON.parse(cells.actor_roles), e.actor.roles)
                compare(cells.action, e.action)
                compare(cells.object_type, e.object.type)
                compare(cells.object_id, e.object.id)
                compare(cells.object_version, e.object.version)
                compare(cells.object_title, e.object.title)
                compare(cells.outcome, e.outcome)
                compare(cells.reason, e.reason)
                compare(JSON.parse(cells.changes), e.changes)
                compare(cells.signature_meaning, e.signature_meaning)
                compare(cells.session, e.session)
                compare(cells.host_app, e.host.app)
                compare(cells.host_version, e.host.version)
                compare(cells.host_workstation, e.host.workstation)
                compare(JSON.parse(cells.attributes), e.attributes)
                compare(cells.hash, e.hash)
            }

            tryVerify(() => eventsOf("trail_exported").length === 1, 5000)
            const exported = eventsOf("trail_exported")[0]
            compare(exported.actor.id, "aud1")
            compare(exported.attributes.view, "AuditLogView")
            compare(exported.attributes.format, "csv")
            compare(exported.attributes.file, "edits.csv")
            compare(exported.attributes.filter, "action=edit")
            compare(Number(exported.attributes.event_count), edits.length)
            compare(exported.attributes.sha256, auditHelper.sha256Of(path))
            compare(exporter.sha256, exported.attributes.sha256)
            // An export never overwrites a file.
            verify(!exporter.start())
            verify(exporter.errorString.indexOf("exists") >= 0, exporter.errorString)
            compare(eventsOf("trail_exported").length, 1)
        }

        function test_sampleExportHoldsTheDrawnEventsAndNamesTheSample() {
            const source = hostSource()
            const view = samplingView(source)
            view.sample.size = 8
            view.sample.allDenied = true
            draw(view)
            const exporter = view.exportDialog.exporter
            exporter.format = EventExport.JsonLines
            const path = auditHelper.temporaryPath("sample.jsonl")
            exporter.path = path
            verify(exporter.start(), exporter.errorString)
            tryVerify(() => exporter.finished && !exporter.running, 10000)
            verify(exporter.ok, exporter.errorString)
            const lines = auditHelper.readText(path).split("\n").filter(line => line.length > 0).map(line => JSON.parse(line))
            compare(lines.map(e => e.seq), numbers(view.sample.seqs).concat(numbers(view.sample.targetedSeqs)))
            for (const line of lines)
                compare(line.hash, eventAt(line.seq).hash)
            tryVerify(() => eventsOf("trail_exported").length === 1, 5000)
            const exported = eventsOf("trail_exported")[0]
            compare(exported.attributes.view, "SamplingView")
            compare(exported.attributes.format, "jsonl")
            compare(exported.attributes.sha256, auditHelper.sha256Of(path))
            compare(exported.attributes.sample_seed, view.sample.drawnSeed)
            compare(exported.attributes.population_sha256, view.sample.populationDigest)
            compare(Number(exported.attributes.event_count), lines.length)
            // A sample has no PDF report and no evidence pack: the dialog does not offer them, and says why.
            view.exportDialog.open()
            tryVerify(() => view.exportDialog.opened, 5000)
            const offered = findChild(view, "exportFormat").model.map(format => format.value)
            compare(offered, [EventExport.CsvSpreadsheetSafe, EventExport.Csv, EventExport.JsonLines])
            verify(findChild(view, "sampleFormatsNote").visible)
            exporter.format = EventExport.Pdf
            exporter.path = auditHelper.temporaryPath("sample.pdf")
            verify(!exporter.start())
            verify(!auditHelper.fileExists(auditHelper.temporaryPath("sample.pdf")))
            exporter.format = EventExport.EvidencePack
            exporter.signingKeyFile = auditHelper.checkpointKey("test-ed25519.pem")
            exporter.path = auditHelper.temporaryPath("sample.zip")
            verify(!exporter.start())
            verify(exporter.errorString.indexOf("an evidence pack covers a filter's events") >= 0, exporter.errorString)
            verify(!auditHelper.fileExists(auditHelper.temporaryPath("sample.zip")))
            compare(eventsOf("trail_exported").length, 1)
        }

        /// The log view's export dialog with the evidence pack chosen, as an auditor chooses it.
        function packDialog(view, name) {
            const dialog = view.exportDialog
            dialog.open()
            tryVerify(() => dialog.opened, 5000)
            const keyField = findChild(view, "signingKeyField")
            verify(!keyField.visible) // only for the pack
            const formatBox = findChild(view, "exportFormat")
            formatBox.currentIndex = formatBox.indexOfValue(EventExport.EvidencePack)
            formatBox.activated(formatBox.currentIndex)
            compare(dialog.exporter.format, EventExport.EvidencePack)
            verify(findChild(view, "exportPath").text.endsWith(".zip"), findChild(view, "exportPath").text)
            verify(keyField.visible)
            verify(findChild(view, "packNote").visible)
            findChild(view, "exportPath").text = auditHelper.temporaryPath(name)
            return dialog
        }
        function exportFromDialog(view) {
            const exporter = view.exportDialog.exporter
            findChild(view, "exportButton").clicked()
            tryVerify(() => exporter.finished && !exporter.running, 30000)
        }

        function test_evidencePackFromTheLogViewVerifiesAndIsRecorded() {
            const source = hostSource()
            const view = createTemporaryObject(logViewComponent, root, { log: source })
            view.model.actions = ["approve"]
            tryVerify(() => view.model.ready && view.model.filterDescription === "action=approve", 5000)
            const dialog = packDialog(view, "approvals.zip")
            const exporter = dialog.exporter
            const path = auditHelper.temporaryPath("approvals.zip")
            const keyField = findChild(view, "signingKeyField")
            const result = findChild(view, "exportResult")

            // No key, then a key of another type: refused, said, and nothing written or recorded.
            exportFromDialog(view)
            verify(!exporter.ok)
            verify(exporter.errorString.indexOf("signing key file") >= 0, exporter.errorString)
            compare(result.text, exporter.errorString)
            keyField.text = auditHelper.checkpointKey("ec-p256.pem")
            exportFromDialog(view)
            verify(!exporter.ok)
            verify(exporter.errorString.indexOf("Ed25519") >= 0, exporter.errorString)
            verify(exporter.errorString.indexOf("PRIVATE") < 0, exporter.errorString)
            compare(result.text, exporter.errorString)
            verify(!auditHelper.fileExists(path))

            // The test key, as the file: URL a file dialog gives.
            keyField.text = "file://" + auditHelper.checkpointKey("test-ed25519.pem")
            exportFromDialog(view)
            verify(exporter.ok, exporter.errorString)
            verify(exporter.verified)
            const approvals = eventsOf("approve")
            compare(exporter.eventCount, approvals.length)
            compare(exporter.written, approvals.length)
            compare(exporter.total, approvals.length)

            // The pack checks against the test key's public half, and holds exactly the filter's events.
            const pack = auditHelper.verifyPack(path)
            compare(pack.error, undefined)
            compare(pack.findings, [])
            verify(pack.ok)
            verify(pack.trusted)
            compare(pack.files, ["README.txt", "SHA256SUMS", "SHA256SUMS.sig", "checkpoint", "events.jsonl", "proofs.jsonl",
                                 "public-key.pem", "report.pdf"])
            compare(numbers(pack.seqs), approvals.map(e => e.seq))
            compare(pack.eventCount, approvals.length)
            compare(pack.treeSize, exporter.treeSize)
            verify(pack.treeSize >= filled) // the verified head: the filled log and the views' own records
            compare(pack.origin, exporter.origin)
            verify(pack.origin.startsWith("qmsaudit/"), pack.origin)
            compare(pack.keyName, pack.origin)
            verify(result.text.indexOf("at tree size " + pack.treeSize) >= 0, result.text)

            // Recorded as `qms-audit export --pack` records it, after the head the pack covers.
            tryVerify(() => eventsOf("trail_exported").length === 1, 5000)
            const exported = eventsOf("trail_exported")[0]
            verify(exported.seq > pack.treeSize)
            compare(exported.actor.id, "aud1")
            compare(exported.attributes.view, "AuditLogView")
            compare(exported.attributes.format, "pack")
            compare(exported.attributes.file, "approvals.zip")
            compare(exported.attributes.filter, "action=approve")
            compare(exported.attributes.report, "events")
            compare(exported.attributes.verification, "ok")
            compare(Number(exported.attributes.event_count), approvals.length)
            compare(Number(exported.attributes.tree_size), pack.treeSize)
            compare(exported.attributes.origin, pack.origin)
            compare(exported.attributes.sha256, auditHelper.sha256Of(path))
            compare(exporter.sha256, exported.attributes.sha256)
            verify(JSON.stringify(exported.attributes).indexOf("ed25519") < 0) // the key file is not recorded

            // An export never overwrites a file.
            const sha256 = auditHelper.sha256Of(path)
            exportFromDialog(view)
            verify(!exporter.ok)
            verify(exporter.errorString.indexOf("exists") >= 0, exporter.errorString)
            compare(auditHelper.sha256Of(path), sha256)
            compare(eventsOf("trail_exported").length, 1)
        }

        function test_evidencePackOfALogThatFailsVerificationIsRefused() {
            const source = hostSource()
            compare(auditHelper.tamperWithEvent(7), "")
            const view = createTemporaryObject(logViewComponent, root, { log: source })
            view.model.actions = ["approve"]
            tryVerify(() => view.model.ready && view.model.filterDescription === "action=approve", 5000)
            packDialog(view, "tampered.zip")
            findChild(view, "signingKeyField").text = auditHelper.checkpointKey("test-ed25519.pem")
            exportFromDialog(view)
            const exporter = view.exportDialog.exporter
            verify(!exporter.ok)
            verify(!exporter.cancelled)
            verify(exporter.errorString.indexOf("failed verification; no evidence pack is signed") >= 0, exporter.errorString)
            compare(findChild(view, "exportResult").text, exporter.errorString)
            verify(!auditHelper.fileExists(auditHelper.temporaryPath("tampered.zip")))
            wait(200)
            compare(eventsOf("trail_exported").length, 0)
        }

        function test_pdfReportIsWrittenInTheBackgroundAndRecorded() {
            const source = hostSource()
            const view = createTemporaryObject(logViewComponent, root, { log: source })
            view.model.actions = ["approve"]
            tryVerify(() => view.model.ready && view.model.filterDescription === "action=approve", 5000)
            const exporter = view.exportDialog.exporter
            exporter.format = EventExport.Pdf
            const path = auditHelper.temporaryPath("approvals.pdf")
            exporter.path = path
            verify(exporter.start(), exporter.errorString)
            tryVerify(() => exporter.finished && !exporter.running, 30000)
            verify(exporter.ok, exporter.errorString)
            verify(exporter.verified)
            compare(exporter.eventCount, eventsOf("approve").length)
            verify(auditHelper.readText(path).startsWith("%PDF-"))
            tryVerify(() => eventsOf("trail_exported").length === 1, 5000)
            const exported = eventsOf("trail_exported")[0]
            compare(exported.attributes.format, "pdf")
            compare(exported.attributes.report, "events")
            compare(exported.attributes.verification, "ok")
            compare(exported.attributes.sha256, auditHelper.sha256Of(path))
        }

        function test_cancelledExportLeavesNoFileAndNoRecord() {
            const source = hostSource(["auditor"], 30000)
            const view = createTemporaryObject(logViewComponent, root, { log: source })
            tryVerify(() => view.model.ready, 5000)
            const exporter = view.exportDialog.exporter
            const path = auditHelper.temporaryPath("everything.csv")
            exporter.path = path
            verify(exporter.start(), exporter.errorString)
            exporter.cancel()
            tryVerify(() => exporter.finished && !exporter.running, 30000)
            verify(exporter.cancelled, "the export ended before the cancel: " + exporter.written + " events")
            verify(!exporter.ok)
            verify(findChild(view, "exportResult").text.indexOf("no file") >= 0)
            verify(!auditHelper.fileExists(path))
            wait(200)
            compare(eventsOf("trail_exported").length, 0)
        }

        function test_withoutPermissionExportAndReviewAreRefusedAndRecorded() {
            const source = hostSource(["it_admin"]) // trail.view only
            const view = samplingView(source)
            view.sample.size = 3
            draw(view)
            verify(!view.review.canRecord)
            verify(view.review.note.indexOf("trail.review") >= 0, view.review.note)
            verify(!view.review.markReviewed(view.sample.seqs, "looked at"))
            const exporter = view.exportDialog.exporter
            const path = auditHelper.temporaryPath("refused.csv")
            exporter.path = path
            verify(!exporter.start())
            verify(exporter.errorString.indexOf("trail.export") >= 0, exporter.errorString)
            verify(!auditHelper.fileExists(path))
            tryVerify(() => eventsOf("access_denied").filter(e => e.object.type === "audit_trail").length === 2, 5000)
            const denied = eventsOf("access_denied").filter(e => e.object.type === "audit_trail")
            compare(denied.map(e => e.actor.id), ["aud1", "aud1"])
            verify(denied.some(e => e.reason.indexOf("trail.review") >= 0))
            verify(denied.some(e => e.reason.indexOf("trail.export") >= 0))
            compare(eventsOf("review_recorded").length, 0)
            compare(eventsOf("trail_exported").length, 0)
        }

        /// Events on procedure SOP-3 (fillLog: every seventh), whatever their action.
        function eventsOnSop3() {
            return auditHelper.events().filter(e => e.object.type === "procedure" && e.object.id === "SOP-3")
        }
        /// A document's audit-trail PDF as a host writes it: a model naming the document (no log: it
        /// reads nothing itself) and an export of it.
        function documentExport(source, path, objectId) {
            const model = createTemporaryObject(modelComponent, root, { objectType: "procedure", objectId: objectId ?? "SOP-3" })
            return createTemporaryObject(exportComponent, root, { log: source, model: model, path: path })
        }

        function test_documentTrailPdfFromTheDocumentHistoryIsWrittenAndRecorded() {
            const source = hostSource()
            const view = createTemporaryObject(documentViewComponent, root, { log: source, objectType: "procedure", objectId: "SOP-3" })
            verify(view.permitted)
            tryVerify(() => view.historyModel.ready, 5000)
            const button = findChild(view, "trailPdfButton")
            verify(button.enabled)
            button.clicked()
            const dialog = view.exportDialog
            tryVerify(() => dialog.opened, 5000)
            const exporter = dialog.exporter
            compare(exporter.format, EventExport.DocumentTrailPdf)
            verify(!findChild(view, "exportFormat").visible) // the one format of this dialog
            const pathField = findChild(view, "exportPath")
            verify(pathField.text.endsWith("-SOP-3-audit-trail-" + new Date().toISOString().substring(0, 10) + ".pdf"), pathField.text)
            const path = auditHelper.temporaryPath("sop-3-trail.pdf")
            pathField.text = path
            exportFromDialog(view)
            verify(exporter.ok, exporter.errorString)
            verify(exporter.verified)

            // Every event on the document, views and prints too: not only the changes the history lists.
            const onDocument = eventsOnSop3()
            verify(onDocument.some(e => e.action === "view") && onDocument.some(e => e.action === "edit"))
            compare(exporter.eventCount, onDocument.length)
            verify(auditHelper.readText(path).startsWith("%PDF-"))
            const text = auditHelper.pdfText(path)
            verify(text.indexOf("Audit trail of procedure SOP-3") >= 0, text.substring(0, 400))
            verify(text.indexOf("CAPA-31") >= 0) // the reason of an edit of SOP-3 (i = 31)
            verify(findChild(view, "exportResult").text.indexOf(exporter.sha256) >= 0)

            // Recorded as `qms-audit export --document-report` records it: the document is the filter.
            tryVerify(() => eventsOf("trail_exported").length === 1, 5000)
            const exported = eventsOf("trail_exported")[0]
            compare(exported.actor.id, "aud1")
            compare(exported.attributes.view, "DocumentHistoryView")
            compare(exported.attributes.format, "pdf")
            compare(exported.attributes.report, "document")
            compare(exported.attributes.filter, "object_type=procedure; object_id=SOP-3")
            compare(exported.attributes.file, "sop-3-trail.pdf")
            compare(exported.attributes.sha256, auditHelper.sha256Of(path))
            compare(exported.attributes.verification, "ok")
            compare(Number(exported.attributes.event_count), onDocument.length)
        }

        function test_documentTrailPdfNeedsADocumentAndNeverReplacesAFile() {
            const source = hostSource()
            // The log browser offers the format only while its filter names an object.
            const logView = createTemporaryObject(logViewComponent, root, { log: source })
            tryVerify(() => logView.model.ready, 5000)
            const formatBox = findChild(logView, "exportFormat")
            compare(formatBox.indexOfValue(EventExport.DocumentTrailPdf), -1)
            logView.model.objectId = "SOP-3"
            tryVerify(() => formatBox.indexOfValue(EventExport.DocumentTrailPdf) >= 0, 5000)

            const path = auditHelper.temporaryPath("trail.pdf")
            const unnamed = documentExport(source, path, "")
            verify(!unnamed.start())
            verify(unnamed.errorString.indexOf("object id") >= 0, unnamed.errorString)
            verify(!auditHelper.fileExists(path))

            const first = documentExport(source, path)
            verify(first.start(), first.errorString)
            tryVerify(() => first.finished && !first.running, 30000)
            verify(first.ok, first.errorString)
            const written = auditHelper.sha256Of(path)
            tryVerify(() => eventsOf("trail_exported").length === 1, 5000)
            compare(eventsOf("trail_exported")[0].attributes.view, "QmsDesk")

            const again = documentExport(source, "file://" + path, "SOP-4")
            verify(!again.start())
            verify(again.errorString.indexOf("exists") >= 0, again.errorString)
            compare(auditHelper.sha256Of(path), written)
            wait(200)
            compare(eventsOf("trail_exported").length, 1)
        }

        function test_documentTrailPdfNeedsTheExportPermission() {
            const source = hostSource(["it_admin"]) // trail.view only
            const view = createTemporaryObject(documentViewComponent, root, { log: source, objectType: "procedure", objectId: "SOP-3" })
            verify(view.permitted)
            verify(!findChild(view, "trailPdfButton").enabled)
            const exporter = view.exportDialog.exporter
            const path = auditHelper.temporaryPath("refused.pdf")
            exporter.path = path
            verify(!exporter.start())
            verify(exporter.errorString.indexOf("trail.export") >= 0, exporter.errorString)
            verify(!auditHelper.fileExists(path))
            tryVerify(() => eventsOf("access_denied").filter(e => e.object.type === "audit_trail").length === 1, 5000)
            const denied = eventsOf("access_denied").filter(e => e.object.type === "audit_trail")[0]
            compare(denied.actor.id, "aud1")
            verify(denied.reason.indexOf("DocumentHistoryView") >= 0 && denied.reason.indexOf("trail.export") >= 0, denied.reason)
            compare(eventsOf("trail_exported").length, 0)
        }

        function test_documentTrailPdfOfAReadOnlyLogFile() {
            verify(auditHelper.fillLog(filled)) // no host trail: the file is only read
            const source = createTemporaryObject(sourceComponent, root, {
                logPath: auditHelper.logPath(), keyFile: auditHelper.keyFile(),
                viewer: { id: "aud1", name: "Audrey", roles: ["auditor"] } })
            tryCompare(source, "status", AuditLogSource.Ready, 5000)
            verify(!source.recordsUse)
            const path = auditHelper.temporaryPath("copied-sop-3.pdf")
            const exporter = documentExport(source, path)
            verify(exporter.start(), exporter.errorString)
            tryVerify(() => exporter.finished && !exporter.running, 30000)
            verify(exporter.ok, exporter.errorString)
            verify(exporter.verified)
            compare(exporter.eventCount, eventsOnSop3().length)
            compare(exporter.sha256, auditHelper.sha256Of(path))
            verify(auditHelper.pdfText(path).indexOf("OK " + filled + " events") >= 0)
            wait(200)
            compare(auditHelper.countEvents(), filled) // the copy is not written to
        }
    }
}
