// SPDX-License-Identifier: LGPL-2.1-or-later
// The life of one document across its versions: every change with its reason and old → new
// (word level), signatures with their meaning, workflow steps, and, grouped by person, who
// viewed, printed or exported it; and its audit-trail PDF (every event on it, trail.export). Needs
// trail.view.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit

Pane {
    id: view
    required property AuditLogSource log
    property string objectType
    property string objectId
    readonly property bool permitted: accessGate.granted
    readonly property bool dark: palette.window.hslLightness < 0.5
    property alias historyModel: history
    property alias accessModel: access
    property alias accessSummary: readers
    property alias exportDialog: exportDialog
    padding: 12
    Accessible.name: qsTr("Document history")

    AuditEventModel {
        id: history
        log: view.permitted ? view.log : null
        viewName: "DocumentHistoryView"
        objectType: view.objectType
        objectId: view.objectId
        actions: ["change", "workflow"]
        newestFirst: false
    }
    AuditEventModel {
        id: access
        log: view.permitted ? view.log : null
        objectType: view.objectType
        objectId: view.objectId
        actions: ["access"]
    }
    ActivitySummary {
        id: readers
        model: access
    }
    // The report takes the document from the history's filter and covers its whole trail.
    ExportDialog {
        id: exportDialog
        log: view.log
        model: history
        viewName: "DocumentHistoryView"
        documentTrail: true
        documentName: (view.objectType + " " + view.objectId).trim()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        visible: view.permitted

        Label {
            text: history.rows > 0 ? qsTr("%1 %2 — %3").arg(view.objectType).arg(view.objectId).arg(history.get(history.rows - 1).objectTitle)
                                   : qsTr("%1 %2").arg(view.objectType).arg(view.objectId)
            font.pixelSize: 22
            font.bold: true
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: 8
            Layout.fillWidth: true
            Label {
                text: qsTr("%1 changes and workflow steps · %2 accesses by %3 people")
                    .arg(Math.max(history.totalCount, 0)).arg(readers.total).arg(readers.actors.length)
                color: palette.placeholderText
                Layout.fillWidth: true
            }
            Button {
                objectName: "trailPdfButton"
                text: qsTr("Audit trail as PDF…")
                enabled: view.objectId.length > 0 && (view.log?.permissions ?? []).indexOf("trail.export") >= 0
                Accessible.name: qsTr("Save the audit trail of this document as a PDF report")
                onClicked: exportDialog.open()
            }
        }
        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true

            ListView {
                id: timeline
                SplitView.fillWidth: true
                SplitView.minimumWidth: 420
                clip: true
                spacing: 8
                model: history
                ScrollBar.vertical: ScrollBar {}
                Accessible.name: qsTr("Changes and workflow steps")
                delegate: Rectangle {
                    required property int index
                    required property var recordedAt
                    required property string actorId
                    required property string actorName
                    required property string action
                    required property string actionCategory
                    required property string objectVersion
                    required property string reason
                    required property string signatureMeaning
                    required property string outcome
                    required property var changes
                    width: ListView.view.width - 14
                    height: card.implicitHeight + 16
                    radius: 6
                    color: palette.base
                    border.color: actionCategory === "change" ? "#1565c0" : "#6a1b9a"
                    ColumnLayout {
                        id: card
                        anchors.fill: parent
                        anchors.margins: 8
                        spacing: 4
                        RowLayout {
                            Label { text: action; font.bold: true; font.capitalization: Font.AllUppercase }
                            Label { text: objectVersion ? qsTr("version %1").arg(objectVersion) : "" }
                            Label { text: outcome !== "success" ? outcome : ""; color: "#c62828" }
                            Item { Layout.fillWidth: true }
                            Label {
                                text: recordedAt.toISOString().substring(0, 19).replace("T", " ") + " UTC · " + (actorName || actorId)
                                color: palette.placeholderText
                            }
                        }
                        Label {
                            visible: reason.length > 0
                            text: qsTr("Reason: %1").arg(reason)
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: signatureMeaning.length > 0
                            text: qsTr("Signed: “%1”").arg(signatureMeaning)
                            font.italic: true
                        }
                        Repeater {
                            model: changes
                            delegate: Label {
                                required property var modelData
                                text: "<b>" + modelData.field + "</b>: " + TextDiff.html(modelData.oldValue, modelData.newValue,
                                          view.dark ? "#7f2a2a" : "#ffd6d6", view.dark ? "#1f5f2a" : "#c9f2cf")
                                textFormat: Text.RichText
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: history.ready && history.rows === 0
                    text: qsTr("No changes recorded for this document.")
                    color: palette.placeholderText
                }
            }
            ListView {
                id: people
                SplitView.preferredWidth: 380
                clip: true
                model: readers.actors
                ScrollBar.vertical: ScrollBar {}
                Accessible.name: qsTr("Who viewed, printed or exported it")
                header: Label {
                    text: readers.running ? qsTr("Counting accesses…") : qsTr("Who viewed, printed or exported it")
                    font.bold: true
                    bottomPadding: 6
                }
                delegate: ItemDelegate {
                    id: person
                    required property var modelData
                    property bool expanded: false
                    width: ListView.view.width
                    onClicked: expanded = !expanded
                    Accessible.name: modelData.id
                    contentItem: ColumnLayout {
                        spacing: 2
                        RowLayout {
                            Label { text: (person.expanded ? "▾ " : "▸ ") + (person.modelData.name || person.modelData.id); font.bold: true; Layout.fillWidth: true; elide: Text.ElideRight }
                            Label { text: person.modelData.count }
                        }
                        Label {
                            visible: person.expanded
                            text: Object.keys(person.modelData.actions).sort().map(a => a + " × " + person.modelData.actions[a]).join(", ")
                                  + "\n" + qsTr("last on %1").arg(person.modelData.lastAt.toISOString().substring(0, 10))
                            color: palette.placeholderText
                        }
                    }
                }
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
        viewName: "DocumentHistoryView"
    }
}
