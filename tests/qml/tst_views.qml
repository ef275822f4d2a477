// SPDX-License-Identifier: LGPL-2.1-or-later
// The auditor views over a log the helper filled (auditHelper.fillLog), with the host's trail open
// so that their use is recorded. The oracle is auditHelper.events(), read through the C++ API.
import QtQuick
import QtQuick.Controls
import QtTest
import QmsAudit

Item {
    id: root
    width: 1280
    height: 800

    Component { id: sourceComponent; AuditLogSource {} }
    Component { id: logViewComponent; AuditLogView { anchors.fill: parent } }
    Component { id: historyComponent; DocumentHistoryView { anchors.fill: parent } }
    Component { id: activityComponent; UserActivityView { anchors.fill: parent } }
    Component { id: integrityComponent; IntegrityView { anchors.fill: parent } }

    TestCase {
        id: testCase
        name: "Views"
        when: windowShown

        readonly property int filled: 600

        function initTestCase() {
            auditHelper.watchWarnings()
        }

        function hostSource(roles) {
            verify(auditHelper.fillLog(filled))
            verify(auditHelper.openHostTrail())
            const source = createTemporaryObject(sourceComponent, root,
                                                 { viewer: { id: "aud1", name: "Audrey", roles: roles || ["auditor"] } })
            tryCompare(source, "status", AuditLogSource.Ready, 5000)
            return source
        }
        function logView(source) {
            const view = createTemporaryObject(logViewComponent, root, { log: source })
            verify(view.permitted)
            tryVerify(() => view.model.ready && view.model.totalCount >= 0, 5000)
            // Record the opening now rather than after the debounce delay, which a slow machine
            // could reach mid-test (the log would grow under the assertions), and reload so that
            // the model includes that event. The same filter again records nothing.
            source.flushPendingRecords()
            view.model.apply()
            tryVerify(() => view.model.ready && view.model.totalCount >= 0, 5000)
            return view
        }
        function eventsOf(action) {
            return auditHelper.events().filter(e => e.action === action)
        }
        function cleanup() {
            auditHelper.closeHostTrail()
        }

        function test_logViewShowsNewestFirstWithAnAsyncCount() {
            const source = hostSource()
            const view = logView(source)
            const all = auditHelper.events()
            compare(view.model.totalCount, all.length)
            compare(view.model.get(0).seq, all[all.length - 1].seq)
            verify(view.model.get(0).seq > view.model.get(1).seq)
        }

        function test_filterByGroupOutcomeAndTextMatchesTheOracle() {
            const source = hostSource()
            const view = logView(source)
            view.model.actions = ["change"]
            view.model.text = "calibration"
            tryVerify(() => view.model.ready && view.model.totalCount >= 0 && view.model.filterDescription.indexOf("edit") >= 0, 5000)
            const edits = eventsOf("edit").filter(e => e.reason.indexOf("calibration") >= 0 || e.object.title.toLowerCase().indexOf("calibration") >= 0)
            compare(view.model.totalCount, edits.length)
            for (let row = 0; row < view.model.rows; ++row)
                compare(view.model.get(row).action, "edit")
            view.model.actions = []
            view.model.text = ""
            view.model.outcome = "denied"
            tryVerify(() => view.model.ready && view.model.totalCount === eventsOf("access_denied").length, 5000)
            view.model.outcome = "maybe"
            tryVerify(() => !view.model.filterValid, 2000)
            verify(view.model.filterDescription.indexOf("maybe") >= 0)
        }

        function test_pagingToTheEndAndJumps() {
            const source = hostSource()
            const view = logView(source)
            view.model.maxRows = 200
            let pages = 0
            while (view.model.hasLater && pages < 100) {
                const before = view.model.rows > 0 ? view.model.get(view.model.rows - 1).seq : 0
                view.model.fetchMore(view.model.index(-1, -1))
                tryVerify(() => !view.model.loading && view.model.get(view.model.rows - 1).seq !== before, 5000)
                verify(view.model.rows <= 200)
                ++pages
            }
            compare(view.model.get(view.model.rows - 1).seq, 1)
            view.model.jumpToStart()
            tryVerify(() => view.model.ready && view.model.rows > 0 && view.model.get(0).seq === auditHelper.countEvents(), 5000)
            view.model.jumpToSeq(250)
            tryVerify(() => view.model.rows > 0 && view.model.get(0).seq === 250, 5000)
            view.model.jumpToEnd()
            tryVerify(() => view.model.rows > 0 && view.model.get(view.model.rows - 1).seq === 1, 5000)
        }

        function test_detailsPaneShowsEveryFieldAndTheChange() {
            const source = hostSource()
            const view = logView(source)
            let row = 0
            while (view.model.get(row).action !== "edit")
                ++row
            view.table.setCurrent(row)
            const event = view.model.get(row)
            compare(event.changes.length, 1)
            verify(event.reason.startsWith("CAPA-"))
            const json = JSON.parse(view.model.rowAsJson(row))
            compare(json.seq, event.seq)
            compare(json.changes[0].new, event.changes[0].newValue)
            const pieces = TextDiff.words(event.changes[0].oldValue, event.changes[0].newValue)
            verify(pieces.some(p => p.kind === "added"))
            compare(pieces.filter(p => p.kind !== "removed").map(p => p.text).join(""), event.changes[0].newValue)
        }

        function test_withoutPermissionTheViewRefusesAndRecordsIt() {
            const source = hostSource(["operator"])
            const before = auditHelper.countEvents()
            const view = createTemporaryObject(logViewComponent, root, { log: source })
            verify(!view.permitted)
            compare(view.model.rows, 0)
            tryVerify(() => auditHelper.countEvents() === before + 1, 5000)
            const last = auditHelper.events().pop()
            compare(last.action, "access_denied")
            compare(last.outcome, "denied")
            compare(last.object.type, "audit_trail")
            compare(last.actor.id, "aud1")
            // Showing the refusal again does not record it twice.
            const again = createTemporaryObject(logViewComponent, root, { log: source })
            verify(!again.permitted)
            wait(200)
            compare(auditHelper.countEvents(), before + 1)
        }

        function test_shownFiltersAreRecordedOnceDebounced() {
            const source = hostSource()
            const view = logView(source)
            source.flushPendingRecords()
            tryVerify(() => eventsOf("trail_viewed").length === 1, 5000)
            compare(eventsOf("trail_viewed")[0].attributes.filter, "all events")
            // The source's viewer looked, not the trail's current user ("host-user").
            compare(eventsOf("trail_viewed")[0].actor.id, "aud1")
            // Typing "cal", "cali", "calib" within the delay records only the last.
            for (const text of ["cal", "cali", "calib"]) {
                view.model.text = text
                view.model.apply()
            }
            source.flushPendingRecords()
            tryVerify(() => eventsOf("trail_viewed").length === 2, 5000)
            compare(eventsOf("trail_viewed")[1].attributes.filter, 'text="calib"')
            compare(eventsOf("trail_viewed")[1].attributes.view, "AuditLogView")
            // The same filter again (scrolling, reopening) adds nothing.
            view.model.apply()
            source.flushPendingRecords()
            wait(200)
            compare(eventsOf("trail_viewed").length, 2)
        }

        function test_integrityViewVerifiesAndRecordsTheVerdict() {
            const source = hostSource()
            const view = createTemporaryObject(integrityComponent, root, { log: source })
            view.check.start()
            tryVerify(() => view.check.finished && !view.check.running, 20000)
            verify(view.check.ok, view.check.summary)
            verify(view.check.eventCount >= filled)
            compare(view.check.headHash.length, 64)
            tryVerify(() => eventsOf("trail_verified").length === 1, 5000)
            const verified = eventsOf("trail_verified")[0]
            compare(verified.attributes.result, "ok")
            compare(verified.actor.id, "aud1")
            compare(verified.attributes.head_hash, view.check.headHash)
        }

        function test_documentHistoryShowsChangesAndGroupsReaders() {
            const source = hostSource()
            const view = createTemporaryObject(historyComponent, root, { log: source, objectType: "procedure", objectId: "SOP-3" })
            tryVerify(() => view.historyModel.ready && view.historyModel.totalCount >= 0 && !view.accessSummary.running
                      && view.accessSummary.total > 0, 5000)
            const onDoc = auditHelper.events().filter(e => e.object.type === "procedure" && e.object.id === "SOP-3")
            const changes = onDoc.filter(e => e.action === "edit" || e.action === "approve")
            const accesses = onDoc.filter(e => e.action === "view" || e.action === "print")
            compare(view.historyModel.totalCount, changes.length)
            compare(view.historyModel.get(0).seq, changes[0].seq) // oldest first: the life of the document
            compare(view.accessSummary.total, accesses.length)
            let grouped = 0
            for (const person of view.accessSummary.actors)
                grouped += person.count
            compare(grouped, accesses.length)
        }

        function test_userActivityCountsOnePersonsPeriod() {
            const source = hostSource()
            const view = createTemporaryObject(activityComponent, root, { log: source, actorId: "u2" })
            tryVerify(() => view.activityModel.ready && !view.summary.running && view.summary.total > 0, 5000)
            const mine = auditHelper.events().filter(e => e.actor.id === "u2")
            compare(view.summary.total, mine.length)
            let sum = 0
            for (const entry of view.summary.byAction)
                sum += entry.count
            compare(sum, mine.length)
            compare(view.summary.deniedCount, mine.filter(e => e.outcome === "denied").length)
            verify(view.summary.byDay.length >= 1)
        }

        function test_fileSourceOpensReadOnlyAndSaysItIsNotRecorded() {
            verify(auditHelper.fillLog(20))
            const source = createTemporaryObject(sourceComponent, root,
                                                 { logPath: auditHelper.logPath(), keyFile: auditHelper.keyFile(),
                                                   viewer: { id: "ext", roles: ["auditor"] } })
            tryCompare(source, "status", AuditLogSource.Ready, 5000)
            verify(!source.recordsUse)
            verify(source.recordingNote.length > 0)
            const view = logView(source)
            compare(view.model.totalCount, 20)
            compare(auditHelper.countEvents(), 20) // nothing was written
            const wrong = createTemporaryObject(sourceComponent, root,
                                                { logPath: auditHelper.logPath() + ".missing", keyFile: auditHelper.keyFile() })
            tryCompare(wrong, "status", AuditLogSource.Error, 5000)
            verify(wrong.errorString.length > 0)
        }
    }
}
