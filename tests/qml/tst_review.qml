// SPDX-License-Identifier: LGPL-2.1-or-later
// ManagementReviewView over a log the helper filled (auditHelper.fillLog: every event recorded
// now), with the host's trail open, and its report as PDF, also from a log file read-only. The
// oracle is auditHelper.events(), read through the C++ API; the PDFs are read back with pdftotext.
import QtQuick
import QtQuick.Controls
import QtTest
import QmsAudit

Item {
    id: root
    width: 1280
    height: 1600

    Component { id: sourceComponent; AuditLogSource {} }
    Component { id: reviewComponent; ManagementReviewView { anchors.fill: parent } }
    Component { id: checkComponent; IntegrityCheck {} }
    /// What a host that only writes the report creates: no dashboard, nothing read for one.
    Component { id: reportOnlyComponent; ManagementReview { readsFigures: false } }

    TestCase {
        id: testCase
        name: "ManagementReview"
        when: windowShown

        readonly property int filled: 500
        /// The events are recorded now: this year holds them all.
        readonly property string year: String(new Date().getUTCFullYear())

        function initTestCase() {
            auditHelper.watchWarnings()
        }
        function cleanup() {
            auditHelper.closeHostTrail()
        }

        function hostSource(roles) {
            verify(auditHelper.fillLog(filled))
            verify(auditHelper.openHostTrail())
            const source = createTemporaryObject(sourceComponent, root,
                                                 { viewer: { id: "qm1", name: "Quinn Manager", roles: roles || ["quality_manager"] } })
            tryCompare(source, "status", AuditLogSource.Ready, 5000)
            return source
        }
        function openView(source, period) {
            const view = createTemporaryObject(reviewComponent, root, { log: source, period: period })
            verify(view.permitted)
            tryVerify(() => view.review.ready && !view.review.running, 10000)
            return view
        }
        function figure(view, name) {
            return view.review.keyFigures.find(f => f.name === name)
        }
        function eventsOf(action) {
            return auditHelper.events().filter(e => e.action === action)
        }
        /// Waits for the report writeReport() started; fails with its error.
        function waitForReport(review) {
            tryVerify(() => !review.reportRunning, 60000)
            verify(review.reportOk, review.reportError)
        }
        function findChart(item, title) {
            if (item.title === title && item.count !== undefined)
                return item
            const children = item.children ?? []
            for (let i = 0; i < children.length; ++i) {
                const found = findChart(children[i], title)
                if (found)
                    return found
            }
            return null
        }

        function test_keyFiguresAndWeeklyChartsEqualTheEvents() {
            const source = hostSource()
            const view = openView(source, year)
            const all = auditHelper.events()
            compare(view.review.periodLabel, year)
            compare(figure(view, "events").value, all.length)
            compare(figure(view, "changes").value, eventsOf("edit").length)
            compare(figure(view, "approvals").value, eventsOf("approve").length)
            compare(figure(view, "denied attempts").value, eventsOf("access_denied").length)
            compare(figure(view, "changes without a reason").value, 0)
            // The previous year is empty: everything went up.
            compare(figure(view, "events").previous, 0)
            compare(figure(view, "events").direction, "up")

            // One row per ISO week of the year; the weeks add up to the period, group by group.
            const weeks = view.review.weeks
            verify(weeks.length >= 52 && weeks.length <= 54, weeks.length)
            let total = 0, change = 0, access = 0, denied = 0
            for (const w of weeks) {
                total += w.total
                change += w.change
                access += w.access
                denied += w.denied
            }
            compare(total, all.length)
            compare(change, eventsOf("edit").length)
            compare(access, eventsOf("view").length + eventsOf("print").length)
            compare(denied, eventsOf("access_denied").length)

            // The charts are drawn from those figures: the stacked chart has a set per action group.
            const activity = findChart(view, "Activity per ISO week by action group")
            verify(activity)
            compare(activity.count, 1)
            const series = activity.series(0)
            compare(series.count, view.review.actionGroups.length)
            compare(series.at(0).label, "access")
            compare(series.at(0).count, weeks.length)
            compare(series.at(0).values.reduce((s, v) => s + v, 0), access)
            const documents = findChart(view, "Top accessed documents")
            compare(documents.series(0).at(0).count, view.review.topDocuments.length)
            verify(view.review.topDocuments.length > 0)
        }

        function test_coverageFollowsRecordedReviewStatements() {
            const source = hostSource()
            const month = new Date().toISOString().substring(0, 7)
            const nextMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1)).toISOString().substring(0, 10)
            const view = openView(source, year)
            compare(view.review.coverage.length, 12)
            compare(view.review.reviewedMonths, 0)
            for (const m of view.review.coverage)
                compare(m.state, "not_reviewed")

            // A signed statement for this month, recorded on the trail like any review.
            verify(AuditTrail.record({
                action: "review_recorded",
                actor: { id: "a.inspector", name: "Ann Inspector" },
                object: { type: "audit_trail", id: source.logId },
                reason: "sampled 40 events, nothing found",
                signature_meaning: "reviewed as QA auditor",
                attributes: { kind: "trail_reviewed", period_from: month + "-01T00:00:00Z", period_to: nextMonth + "T00:00:00Z",
                              scope: "all procedures", result: "no findings" }
            }) > 0)
            verify(AuditTrail.flush())
            view.review.refresh()
            tryVerify(() => view.review.reviewedMonths === 1 && !view.review.running, 10000)
            const covered = view.review.coverage.find(m => m.month === month)
            compare(covered.state, "reviewed")
            compare(covered.coveredPercent, 100)
            compare(covered.statements.length, 1)
            compare(covered.statements[0].reviewer, "Ann Inspector")
            compare(covered.statements[0].meaning, "reviewed as QA auditor")
            compare(covered.statements[0].result, "no findings")
            compare(view.review.coverage.filter(m => m.state === "not_reviewed").length, 11)
        }

        function test_integrityStatusNamesTheHeadAndTheLastVerification() {
            const source = hostSource()
            let view = openView(source, year)
            compare(view.review.integrity.lastVerification, undefined)
            verify(view.review.integrity.headSeq >= filled)
            compare(view.review.integrity.headHash.length, 64)
            compare(view.review.integrity.eventsSinceLastPass, view.review.integrity.headSeq)

            const check = createTemporaryObject(checkComponent, root, { log: source })
            check.start()
            tryVerify(() => check.finished && !check.running, 20000)
            verify(check.ok, check.summary)
            tryVerify(() => eventsOf("trail_verified").length === 1, 5000)
            view.review.refresh()
            tryVerify(() => !view.review.running && view.review.integrity.lastVerification !== undefined, 10000)
            const last = view.review.integrity.lastVerification
            compare(last.result, "ok")
            compare(last.seq, eventsOf("trail_verified")[0].seq)
            compare(last.lastSeq, check.lastSeq)
            compare(view.review.integrity.lastPassedVerification.seq, last.seq)
            compare(view.review.integrity.eventsSinceLastPass, view.review.integrity.headSeq - check.lastSeq)
        }

        function test_anomalyFlagsArriveAfterTheFiguresOnAThreadOfTheirOwn() {
            const source = hostSource()
            const view = openView(source, year)
            tryVerify(() => view.review.anomaliesReady, 20000)
            verify(!view.review.anomaliesRunning)
            compare(view.review.anomalyError, "")
            // fillLog's 100 access_denied events by 5 users in one instant: denied bursts.
            verify(view.review.anomalyCounts.denied_burst > 0, JSON.stringify(view.review.anomalyCounts))
            let counted = 0
            for (const rule in view.review.anomalyCounts)
                counted += view.review.anomalyCounts[rule]
            compare(counted, view.review.anomalyCount)
            const burst = view.review.anomalies.find(f => f.rule === "denied_burst")
            verify(burst.seqs.length > 0)
            const denied = eventsOf("access_denied").map(e => e.seq)
            for (const seq of burst.seqs)
                verify(denied.indexOf(seq) >= 0, "seq " + seq + " is not a denied attempt")
        }

        function test_periodsComparePreviousAndBadPeriodsSayWhy() {
            const source = hostSource()
            const view = openView(source, year + "-Q1")
            compare(view.review.previousLabel, (Number(year) - 1) + "-Q4")
            compare(view.review.periodRange, year + "-01-01 – " + year + "-03-31")
            view.review.comparePrevious = false
            tryVerify(() => !view.review.running && view.review.ready && view.review.previousLabel === "", 10000)
            compare(figure(view, "events").previous, undefined)
            view.period = "2026-Q5"
            tryVerify(() => view.review.errorString.length > 0, 5000)
            verify(view.review.errorString.indexOf("2026-Q3") >= 0, view.review.errorString) // names the accepted forms
            verify(!view.review.ready)
        }

        function test_openingIsRecordedAndNeedsTheDashboardPermission() {
            const source = hostSource()
            const view = openView(source, year)
            source.flushPendingRecords()
            tryVerify(() => eventsOf("trail_viewed").length === 1, 5000)
            const viewed = eventsOf("trail_viewed")[0]
            compare(viewed.attributes.view, "ManagementReviewView")
            compare(viewed.actor.id, "qm1")
            verify(viewed.attributes.filter.indexOf(year + "-01-01") >= 0, viewed.attributes.filter)

            // An auditor holds trail.view but not review.dashboard: refused, and the refusal recorded once.
            const auditor = createTemporaryObject(sourceComponent, root, { viewer: { id: "aud1", name: "Audrey", roles: ["auditor"] } })
            tryCompare(auditor, "status", AuditLogSource.Ready, 5000)
            const before = auditHelper.countEvents()
            const refused = createTemporaryObject(reviewComponent, root, { log: auditor, period: year })
            verify(!refused.permitted)
            tryVerify(() => auditHelper.countEvents() === before + 1, 5000)
            const denied = auditHelper.events().pop()
            compare(denied.action, "access_denied")
            compare(denied.actor.id, "aud1")
            compare(refused.review.ready, false)
            compare(refused.review.keyFigures.length, 0)
        }

        function test_reportPdfIsWrittenFromTheViewAndRecordedWithItsSha256() {
            const source = hostSource()
            const view = openView(source, year)
            const button = findChild(view, "saveReportPdfButton")
            verify(button.enabled)
            button.clicked()
            tryVerify(() => view.reportDialog.opened, 5000)
            verify(view.reportDialog.path.endsWith("-management-review-" + year + ".pdf"), view.reportDialog.path)
            const path = auditHelper.temporaryPath("review-" + year + ".pdf")
            view.reportDialog.path = path
            findChild(view.reportDialog.footer, "saveReportButton").clicked()
            verify(view.review.reportRunning, view.review.reportError)
            waitForReport(view.review)
            verify(view.review.reportVerified)
            compare(view.review.reportPeriod, year)
            compare(view.review.reportFileName, "review-" + year + ".pdf")
            compare(view.review.reportSha256, auditHelper.sha256Of(path))
            verify(findChild(view.reportDialog.contentItem, "reportResult").text.indexOf(view.review.reportSha256) >= 0)

            // The PDF qms-audit review-report writes: its title, the period, the log verified intact.
            verify(auditHelper.readText(path).startsWith("%PDF-"))
            const text = auditHelper.pdfText(path)
            verify(text.indexOf("Management review " + year) >= 0, text.substring(0, 400))
            verify(text.indexOf("Key figures") >= 0)
            verify(/OK \d+ events, head [0-9a-f]{64}/.test(text), text.substring(0, 2000))

            // Recorded as the command records it, by the viewer, with the file's SHA-256.
            tryVerify(() => eventsOf("trail_exported").length === 1, 5000)
            const exported = eventsOf("trail_exported")[0]
            compare(exported.actor.id, "qm1")
            compare(exported.object.type, "audit_trail")
            compare(exported.attributes.view, "ManagementReviewView")
            compare(exported.attributes.format, "pdf")
            compare(exported.attributes.report, "management_review")
            compare(exported.attributes.file, "review-" + year + ".pdf")
            compare(exported.attributes.sha256, auditHelper.sha256Of(path))
            compare(exported.attributes.verification, "ok")
            compare(exported.attributes.period, year)
            compare(exported.attributes.compared_with, String(Number(year) - 1))
            compare(exported.attributes.rules_sha256.length, 64)
            verify(exported.attributes.filter.indexOf("from=" + year + "-01-01") >= 0, exported.attributes.filter)
            // Every event before the report is in its year; the report counted them all.
            compare(Number(exported.attributes.event_count), view.review.reportEventCount)
            verify(view.review.reportEventCount >= filled && view.review.reportEventCount < exported.seq, view.review.reportEventCount)
            verify(Number(exported.attributes.flag_count) > 0, exported.attributes.flag_count) // fillLog's denied bursts
        }

        function test_reportNeverReplacesAnExistingFile() {
            const source = hostSource()
            const review = createTemporaryObject(reportOnlyComponent, root, { log: source, period: year })
            const path = auditHelper.temporaryPath("review.pdf")
            verify(review.writeReport(path), review.reportError)
            waitForReport(review)
            const written = auditHelper.sha256Of(path)
            tryVerify(() => eventsOf("trail_exported").length === 1, 5000)

            review.period = year + "-Q1"
            verify(!review.writeReport("file://" + path)) // a file: URL names the same file
            verify(!review.reportOk)
            verify(review.reportError.indexOf("exists") >= 0, review.reportError)
            compare(review.reportSha256, "")
            compare(auditHelper.sha256Of(path), written)
            wait(200)
            compare(eventsOf("trail_exported").length, 1)
        }

        function test_reportNeedsTheDashboardPermission() {
            // An auditor holds trail.view and trail.export, not review.dashboard.
            const source = hostSource(["auditor"])
            const review = createTemporaryObject(reportOnlyComponent, root, { log: source, period: year })
            const before = auditHelper.countEvents()
            const path = auditHelper.temporaryPath("refused.pdf")
            verify(!review.writeReport(path))
            verify(!review.reportRunning)
            verify(review.reportError.indexOf("review.dashboard") >= 0, review.reportError)
            verify(!auditHelper.fileExists(path))
            tryVerify(() => auditHelper.countEvents() === before + 1, 5000)
            const denied = auditHelper.events().pop()
            compare(denied.action, "access_denied")
            compare(denied.actor.id, "qm1")
            verify(denied.reason.indexOf("review.dashboard") >= 0, denied.reason)
            // Asked again: refused again, the refusal recorded once per view and permission.
            verify(!review.writeReport(path))
            wait(200)
            compare(auditHelper.countEvents(), before + 1)
            compare(eventsOf("trail_exported").length, 0)
            verify(!auditHelper.fileExists(path))
        }

        function test_hostWritesTheReportWithoutShowingTheDashboard() {
            const source = hostSource()
            const review = createTemporaryObject(reportOnlyComponent, root, { log: source, period: year, comparePrevious: false })
            const path = auditHelper.temporaryPath("host-review.pdf")
            verify(review.writeReport(path), review.reportError)
            waitForReport(review)
            verify(!review.ready) // nothing was read for a dashboard
            verify(auditHelper.pdfText(path).indexOf("Management review " + year) >= 0)
            source.flushPendingRecords()
            tryVerify(() => eventsOf("trail_exported").length === 1, 5000)
            compare(eventsOf("trail_viewed").length, 0) // nothing was shown, so nothing is recorded as viewed
            const exported = eventsOf("trail_exported")[0]
            compare(exported.attributes.sha256, auditHelper.sha256Of(path))
            compare(exported.attributes.compared_with, undefined)
        }

        function test_reportOfAReadOnlyLogFileIsWrittenAndNotRecordedInIt() {
            verify(auditHelper.fillLog(filled)) // no host trail: the file is only read
            const source = createTemporaryObject(sourceComponent, root, {
                logPath: auditHelper.logPath(), keyFile: auditHelper.keyFile(),
                viewer: { id: "qm1", name: "Quinn Manager", roles: ["quality_manager"] } })
            tryCompare(source, "status", AuditLogSource.Ready, 5000)
            verify(!source.recordsUse)
            const view = openView(source, year)
            verify(findChild(view.reportDialog.contentItem, "reportResult") !== null)
            const path = auditHelper.temporaryPath("copied-review.pdf")
            verify(view.review.writeReport(path), view.review.reportError)
            waitForReport(view.review)
            compare(view.review.reportEventCount, filled)
            compare(view.review.reportSha256, auditHelper.sha256Of(path))
            const text = auditHelper.pdfText(path)
            verify(text.indexOf("OK " + filled + " events, head ") >= 0, text.substring(0, 2000))
            wait(200)
            compare(auditHelper.countEvents(), filled) // the copy is not written to
        }
    }
}
