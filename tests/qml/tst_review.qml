// SPDX-License-Identifier: LGPL-2.1-or-later
// ManagementReviewView over a log the helper filled (auditHelper.fillLog: every event recorded
// now), with the host's trail open. The oracle is auditHelper.events(), read through the C++ API.
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
    }
}
