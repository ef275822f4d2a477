// SPDX-License-Identifier: LGPL-2.1-or-later
// AuditLogView on a 1 M-event log (the CTest fixture qml.fixture.largeLog, opened read-only as the
// standalone viewer opens a copied log): the count, paging through every row to the end with a
// bounded window, the keyboard's jumps and pages, and what the table draws at the end.
import QtQuick
import QtQuick.Controls
import QtTest
import QmsAudit

Item {
    id: root
    width: 1280
    height: 800

    readonly property int events: 1000000

    AuditLogSource {
        id: source
        logPath: auditHelper.environment("QMSAUDIT_LARGE_LOG")
        keyFile: auditHelper.environment("QMSAUDIT_LARGE_KEY")
        viewer: ({ id: "aud1", name: "Audrey", roles: ["auditor"] })
    }
    Component { id: logViewComponent; AuditLogView { anchors.fill: parent } }

    TestCase {
        name: "LargeLog"
        when: windowShown

        function initTestCase() {
            auditHelper.watchWarnings()
            verify(source.logPath.length > 0, "QMSAUDIT_LARGE_LOG names the fixture's log (run through ctest)")
            tryCompare(source, "status", AuditLogSource.Ready, 30000)
        }

        function settle(view) {
            tryVerify(() => view.model.ready && !view.model.loading && view.model.rows > 0, 10000)
        }
        /// The seqs of the window, checked to be consecutive newest first (every event is listed).
        function checkConsecutive(model) {
            for (let row = 1; row < model.rows; ++row) {
                if (model.get(row).seq !== model.get(row - 1).seq - 1)
                    fail("row " + row + " is seq " + model.get(row).seq + " after " + model.get(row - 1).seq)
            }
        }
        /// The table cell that draws @p text in the seq column, if the table shows it.
        function seqCellShown(view, seq) {
            const table = findChild(view, "eventTableView")
            verify(table, "the EventTable's TableView")
            for (let row = 0; row < view.model.rows; ++row) {
                if (view.model.get(row).seq !== seq)
                    continue
                const cell = table.itemAtCell(Qt.point(0, row))
                return cell !== null && cell.display === String(seq)
            }
            return false
        }

        function test_pagingToTheEndOfAMillionEvents() {
            const view = createTemporaryObject(logViewComponent, root, { log: source })
            verify(view.permitted)
            settle(view)
            const model = view.model
            tryCompare(model, "totalCount", events, 30000)
            compare(model.get(0).seq, events)
            verify(seqCellShown(view, events))

            // The keyboard pages down (PageDown, from the table) across the window's start: rows
            // come at the end, drop from the start, and the current row follows.
            view.table.forceActiveFocus()
            for (let i = 0; i < 120; ++i) {
                keyClick(Qt.Key_PageDown)
                tryVerify(() => !model.loading, 5000)
            }
            verify(model.rows <= model.maxRows)
            verify(model.hasEarlier, "rows dropped from the window's start")
            checkConsecutive(model)
            const current = model.get(view.table.currentRow).seq
            verify(current < events - 1000, "paged past the first thousand rows: " + current)
            tryVerify(() => seqCellShown(view, current), 5000, "the current row is drawn")

            // Every page to the end, as scrolling asks for them: the window stays bounded and each
            // page continues the one before, down to seq 1.
            let pages = 0
            let last = model.get(model.rows - 1).seq
            while (model.hasLater) {
                model.fetchMore(model.index(-1, -1))
                while (model.loading)
                    wait(1)
                const now = model.get(model.rows - 1).seq
                if (now !== last - Math.min(100, last - 1))
                    fail("page " + pages + " ended at seq " + now + " after " + last)
                if (model.rows > model.maxRows)
                    fail("the window grew to " + model.rows + " rows")
                last = now
                ++pages
            }
            compare(last, 1)
            verify(pages > (events - 3000) / 100, "paged through the whole log: " + pages + " pages")
            checkConsecutive(model)
            view.table.setCurrent(model.rows - 1)
            tryVerify(() => seqCellShown(view, 1), 5000)
            compare(model.totalCount, events)

            // Ctrl+Home and Ctrl+End jump there at once; PageUp from the end walks back.
            keyClick(Qt.Key_Home, Qt.ControlModifier)
            settle(view)
            compare(model.get(0).seq, events)
            keyClick(Qt.Key_End, Qt.ControlModifier)
            settle(view)
            compare(model.get(model.rows - 1).seq, 1)
            view.table.setCurrent(model.rows - 1)
            for (let i = 0; i < 10; ++i) {
                keyClick(Qt.Key_PageUp)
                tryVerify(() => !model.loading, 5000)
            }
            checkConsecutive(model)
            verify(model.get(view.table.currentRow).seq > 100, "PageUp walked back past the last page")
        }
    }
}
