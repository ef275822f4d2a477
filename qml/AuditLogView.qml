// SPDX-License-Identifier: LGPL-2.1-or-later
// The log browser: `AuditLogView { log: source }` is all a host writes. Filter bar, a table that
// stays fast at any depth of a 10 M-event log (newest first by default), jumps to the start, end,
// a date or a seq, a details pane, and the export of the filter's events (trail.export). Needs
// trail.view; shown filters are recorded (trail_viewed), exports too (trail_exported).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit

Pane {
    id: view
    required property AuditLogSource log
    readonly property bool permitted: accessGate.granted
    property alias model: eventModel
    property alias table: table
    property alias exportDialog: exportDialog
    /// The details pane asked for the history of a document or the activity of a user.
    signal documentRequested(string type, string id)
    signal userRequested(string id)
    padding: 8
    Accessible.name: qsTr("Audit trail")

    AuditEventModel {
        id: eventModel
        log: view.permitted ? view.log : null
        viewName: "AuditLogView"
    }

    ExportDialog {
        id: exportDialog
        log: view.log
        model: eventModel
        viewName: "AuditLogView"
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        visible: view.permitted

        EventFilterBar {
            model: eventModel
            log: view.log
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: 6
            Layout.fillWidth: true
            Label {
                text: eventModel.totalCount < 0 ? qsTr("Counting…")
                    : qsTr("%1 events").arg(Number(eventModel.totalCount).toLocaleString(Qt.locale("en_US"), "f", 0))
                font.bold: true
                Accessible.name: text
            }
            Label {
                text: eventModel.filterDescription
                elide: Text.ElideRight
                color: palette.placeholderText
                Layout.fillWidth: true
            }
            CheckBox {
                text: qsTr("Newest first")
                checked: eventModel.newestFirst
                onToggled: eventModel.newestFirst = checked
            }
            Button { text: qsTr("Start"); Accessible.name: qsTr("Jump to the start"); onClicked: eventModel.jumpToStart() }
            Button { text: qsTr("End"); Accessible.name: qsTr("Jump to the end"); onClicked: eventModel.jumpToEnd() }
            TextField {
                id: jumpField
                placeholderText: qsTr("date or #seq")
                Accessible.name: qsTr("Jump to a date (YYYY-MM-DD) or a seq (#123)")
                Layout.preferredWidth: 130
                onAccepted: {
                    const value = text.trim();
                    if (/^#?\d+$/.test(value) && (value.startsWith("#") || value.length < 10))
                        eventModel.jumpToSeq(parseInt(value.replace("#", "")));
                    else if (/^\d{4}-\d{2}-\d{2}/.test(value))
                        eventModel.jumpToDate(new Date(value.length === 10 ? value + "T00:00:00Z" : value));
                }
            }
            ColumnChooser {
                columns: table.columns
                onToggled: (column, shown) => table.setColumnVisible(column, shown)
            }
            Button {
                text: qsTr("Export…")
                enabled: (view.log?.permissions ?? []).indexOf("trail.export") >= 0
                Accessible.name: qsTr("Export the events of this filter")
                onClicked: exportDialog.open()
            }
        }
        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            EventTable {
                id: table
                model: eventModel
                focus: true
                SplitView.fillWidth: true
                SplitView.minimumWidth: 400
                onCurrentRowChanged: {
                    details.event = eventModel.get(currentRow);
                    details.eventJson = eventModel.rowAsJson(currentRow);
                }
                Keys.onPressed: event => {
                    if (event.matches(StandardKey.Copy)) {
                        details.copyToClipboard(eventModel.rowAsJson(currentRow));
                        event.accepted = true;
                    }
                }
            }
            EventDetailsPane {
                id: details
                onDocumentRequested: (type, id) => view.documentRequested(type, id)
                onUserRequested: id => view.userRequested(id)
                SplitView.preferredWidth: 380
                SplitView.minimumWidth: 260
            }
        }
        SourceStatusBar {
            log: view.log
            Layout.fillWidth: true
        }
    }
    AccessDeniedPane {
        id: accessGate
        anchors.fill: parent
        log: view.log
        viewName: "AuditLogView"
    }
    SourceStatusBar {
        anchors.bottom: parent.bottom
        width: parent.width
        log: view.log
        visible: view.log?.status !== AuditLogSource.Ready
    }
}
