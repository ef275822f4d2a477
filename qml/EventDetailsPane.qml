// SPDX-License-Identifier: LGPL-2.1-or-later
// Every field of one event (a map from AuditEventModel.get()), each change as old → new with
// the changed words highlighted, and a button that copies the event as a line of JSON.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit

Pane {
    id: pane
    property var event: ({})
    property string eventJson: ""
    signal documentRequested(string type, string id)
    signal userRequested(string id)
    readonly property bool hasEvent: event !== undefined && event.seq !== undefined
    readonly property bool dark: palette.window.hslLightness < 0.5
    Accessible.name: qsTr("Event details")

    function copyToClipboard(text) {
        clipboard.text = text;
        clipboard.selectAll();
        clipboard.copy();
    }
    function when(date) {
        return date && !isNaN(date.getTime()) ? date.toISOString().replace(".000Z", "Z") : "";
    }

    TextEdit { id: clipboard; visible: false }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: parent.width
            spacing: 8

            Label {
                visible: !pane.hasEvent
                text: qsTr("Select an event to see every field.")
                color: palette.placeholderText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            RowLayout {
                visible: pane.hasEvent
                Layout.fillWidth: true
                Label {
                    text: pane.hasEvent ? qsTr("Event %1").arg(pane.event.seq) : ""
                    font.pixelSize: 18
                    font.bold: true
                    Layout.fillWidth: true
                }
                Button {
                    text: qsTr("Copy row")
                    Accessible.name: qsTr("Copy this event as JSON")
                    onClicked: pane.copyToClipboard(pane.eventJson)
                }
            }
            RowLayout {
                visible: pane.hasEvent
                Button {
                    text: qsTr("Document history")
                    Accessible.name: qsTr("Show the history of this event's object")
                    onClicked: pane.documentRequested(pane.event.objectType, pane.event.objectId)
                }
                Button {
                    text: qsTr("User activity")
                    Accessible.name: qsTr("Show the activity of this event's user")
                    onClicked: pane.userRequested(pane.event.actorId)
                }
            }
            GridLayout {
                visible: pane.hasEvent
                columns: 2
                columnSpacing: 12
                rowSpacing: 4
                Layout.fillWidth: true
                Repeater {
                    model: pane.hasEvent ? [
                        [qsTr("Recorded (UTC)"), pane.when(pane.event.recordedAt)],
                        [qsTr("Occurred (UTC)"), pane.when(pane.event.occurredAt)],
                        [qsTr("User"), pane.event.actorName ? pane.event.actorName + " (" + pane.event.actorId + ")" : pane.event.actorId],
                        [qsTr("Roles"), (pane.event.actorRoles || []).join(", ")],
                        [qsTr("Action"), pane.event.action + " · " + pane.event.actionCategory],
                        [qsTr("Outcome"), pane.event.outcome],
                        [qsTr("Object"), pane.event.objectType + " " + pane.event.objectId + (pane.event.objectVersion ? " v" + pane.event.objectVersion : "")],
                        [qsTr("Title"), pane.event.objectTitle],
                        [qsTr("Reason"), pane.event.reason],
                        [qsTr("Signature meaning"), pane.event.signatureMeaning],
                        [qsTr("Session"), pane.event.session],
                        [qsTr("Host"), [pane.event.hostApp, pane.event.hostVersion, pane.event.workstation].filter(s => s).join(" · ")],
                        [qsTr("Hash"), pane.event.hash]
                    ].filter(pair => pair[1] !== undefined && pair[1] !== "") : []
                    delegate: RowLayout {
                        required property var modelData
                        Layout.columnSpan: 2
                        Layout.fillWidth: true
                        Label {
                            text: modelData[0]
                            color: palette.placeholderText
                            Layout.preferredWidth: 130
                            Layout.alignment: Qt.AlignTop
                        }
                        TextEdit {
                            text: modelData[1]
                            readOnly: true
                            selectByMouse: true
                            wrapMode: Text.WrapAnywhere
                            color: palette.text
                            Layout.fillWidth: true
                            Accessible.name: modelData[0]
                        }
                    }
                }
            }
            Label {
                visible: pane.hasEvent && (pane.event.changes || []).length > 0
                text: qsTr("Changes")
                font.bold: true
            }
            Repeater {
                model: pane.hasEvent ? (pane.event.changes || []) : []
                delegate: ColumnLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 2
                    Label { text: modelData.field; font.italic: true }
                    Label {
                        text: TextDiff.html(modelData.oldValue, modelData.newValue,
                                            pane.dark ? "#7f2a2a" : "#ffd6d6", pane.dark ? "#1f5f2a" : "#c9f2cf")
                        textFormat: Text.RichText
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                        Accessible.name: qsTr("%1 changed from %2 to %3").arg(modelData.field).arg(modelData.oldValue).arg(modelData.newValue)
                    }
                    Label {
                        text: qsTr("was: %1").arg(modelData.oldValue.length > 0 ? modelData.oldValue : qsTr("(empty)"))
                        color: palette.placeholderText
                        wrapMode: Text.Wrap
                        font.pixelSize: 11
                        Layout.fillWidth: true
                    }
                }
            }
            Label {
                visible: pane.hasEvent && Object.keys(pane.event.attributes || {}).length > 0
                text: qsTr("Attributes")
                font.bold: true
            }
            Repeater {
                model: pane.hasEvent ? Object.keys(pane.event.attributes || {}).sort() : []
                delegate: Label {
                    required property string modelData
                    text: modelData + " = " + pane.event.attributes[modelData]
                    wrapMode: Text.WrapAnywhere
                    Layout.fillWidth: true
                }
            }
        }
    }
}
