// SPDX-License-Identifier: LGPL-2.1-or-later
// Verifies the whole log on a worker thread, with progress and cancel: event count, head hash and
// time taken, or the first bad seq and what is wrong. Each run is recorded (trail_verified).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit

Pane {
    id: view
    required property AuditLogSource log
    readonly property bool permitted: accessGate.granted
    property alias check: integrity
    padding: 16
    Accessible.name: qsTr("Integrity check")

    IntegrityCheck {
        id: integrity
        log: view.log
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 14
        visible: view.permitted

        Label {
            text: qsTr("Integrity of %1").arg(view.log?.logName)
            font.pixelSize: 22
            font.bold: true
        }
        Label {
            text: qsTr("Recomputes the hash chain of every event, checks every stored column against it, checks each page of the encrypted file, the text index and the summary tables. The log is only read.")
            wrapMode: Text.Wrap
            color: palette.placeholderText
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: 8
            Button {
                text: integrity.finished ? qsTr("Verify again") : qsTr("Verify")
                enabled: !integrity.running
                highlighted: true
                Accessible.name: qsTr("Verify the log")
                onClicked: integrity.start()
            }
            Button {
                text: qsTr("Cancel")
                enabled: integrity.running
                Accessible.name: qsTr("Cancel the verification")
                onClicked: integrity.cancel()
            }
        }
        ProgressBar {
            value: integrity.progress
            visible: integrity.running || integrity.finished
            Layout.fillWidth: true
            Accessible.name: qsTr("Verification progress")
        }
        Label {
            visible: integrity.running
            text: qsTr("%1 events checked…").arg(Number(integrity.checkedEvents).toLocaleString(Qt.locale("en_US"), "f", 0))
        }
        Rectangle {
            visible: integrity.finished && !integrity.running
            radius: 6
            color: integrity.ok ? Qt.rgba(0.18, 0.6, 0.3, 0.18) : integrity.cancelled ? Qt.rgba(0.6, 0.6, 0.6, 0.18) : Qt.rgba(0.85, 0.2, 0.2, 0.2)
            border.color: integrity.ok ? "#2e7d32" : integrity.cancelled ? palette.mid : "#c62828"
            Layout.fillWidth: true
            implicitHeight: verdict.implicitHeight + 24
            ColumnLayout {
                id: verdict
                anchors.fill: parent
                anchors.margins: 12
                spacing: 6
                Label {
                    text: integrity.ok ? qsTr("Intact") : integrity.cancelled ? qsTr("Cancelled") : qsTr("Integrity failure")
                    font.pixelSize: 20
                    font.bold: true
                    Accessible.name: text
                }
                GridLayout {
                    columns: 2
                    columnSpacing: 16
                    Label { text: qsTr("Events checked"); color: palette.placeholderText }
                    Label { text: Number(integrity.eventCount).toLocaleString(Qt.locale("en_US"), "f", 0) }
                    Label { text: qsTr("Last seq"); color: palette.placeholderText }
                    Label { text: integrity.lastSeq }
                    Label { text: qsTr("Head hash"); color: palette.placeholderText; visible: integrity.ok }
                    TextEdit { text: integrity.headHash; readOnly: true; selectByMouse: true; color: palette.text; visible: integrity.ok; font.family: "monospace" }
                    Label { text: qsTr("First bad seq"); color: palette.placeholderText; visible: integrity.firstBadSeq > 0 }
                    Label { text: integrity.firstBadSeq; visible: integrity.firstBadSeq > 0; font.bold: true }
                    Label { text: qsTr("Time taken"); color: palette.placeholderText }
                    Label { text: qsTr("%1 s").arg((integrity.elapsedMs / 1000).toFixed(1)) }
                }
                Label {
                    text: integrity.summary
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }
        ListView {
            visible: integrity.findings.length > 0
            model: integrity.findings
            clip: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            header: Label { text: qsTr("Findings"); font.bold: true; bottomPadding: 4 }
            delegate: Label {
                required property var modelData
                width: ListView.view.width
                text: (modelData.seq > 0 ? qsTr("seq %1: ").arg(modelData.seq) : "") + modelData.kind + " — " + modelData.detail
                wrapMode: Text.Wrap
            }
        }
        Item { Layout.fillHeight: true; visible: integrity.findings.length === 0 }
        SourceStatusBar {
            log: view.log
            Layout.fillWidth: true
        }
    }
    AccessDeniedPane {
        id: accessGate
        anchors.fill: parent
        log: view.log
        viewName: "IntegrityView"
    }
}
