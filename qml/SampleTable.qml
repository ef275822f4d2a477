// SPDX-License-Identifier: LGPL-2.1-or-later
// The drawn events of a sample (EventSample.events): a tick box per row for the reviews, the
// random picks and then the targeted ones, denied and failed events tinted like EventTable's.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ListView {
    id: list
    property var events: []
    property var selectedSeqs: []
    signal toggled(int seq, bool on)
    readonly property var columns: [
        { key: "seq", title: qsTr("Seq"), width: 70 },
        { key: "pick", title: qsTr("Pick"), width: 80 },
        { key: "recordedAt", title: qsTr("Recorded (UTC)"), width: 220 },
        { key: "actor", title: qsTr("User"), width: 90 },
        { key: "action", title: qsTr("Action"), width: 110 },
        { key: "object", title: qsTr("Object"), width: 150 },
        { key: "title", title: qsTr("Title"), width: 240 },
        { key: "outcome", title: qsTr("Outcome"), width: 80 }
    ]
    model: events
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    headerPositioning: ListView.OverlayHeader
    ScrollBar.vertical: ScrollBar {}
    Accessible.role: Accessible.Table
    Accessible.name: qsTr("Drawn events")

    header: Rectangle {
        z: 2
        width: list.width
        implicitHeight: 30
        color: palette.button
        Row {
            x: 34
            anchors.verticalCenter: parent.verticalCenter
            Repeater {
                model: list.columns
                Label {
                    required property var modelData
                    width: modelData.width
                    leftPadding: 6
                    text: modelData.title
                    font.bold: true
                    elide: Text.ElideRight
                }
            }
        }
    }
    delegate: Rectangle {
        id: row
        required property var modelData
        required property int index
        readonly property bool ticked: list.selectedSeqs.indexOf(modelData.seq) >= 0
        width: list.width
        implicitHeight: 28
        color: modelData.outcome !== "success" ? Qt.rgba(0.85, 0.2, 0.2, 0.16) : index % 2 ? palette.alternateBase : palette.base
        CheckBox {
            x: 2
            anchors.verticalCenter: parent.verticalCenter
            padding: 0
            checked: row.ticked
            Accessible.name: qsTr("Select seq %1").arg(row.modelData.seq)
            onToggled: list.toggled(row.modelData.seq, checked)
        }
        Row {
            x: 34
            anchors.verticalCenter: parent.verticalCenter
            Repeater {
                model: list.columns
                Label {
                    required property var modelData
                    width: modelData.width
                    leftPadding: 6
                    text: row.modelData[modelData.key]
                    elide: Text.ElideRight
                    font.italic: modelData.key === "pick" && row.modelData.pick === "targeted"
                }
            }
        }
    }
    Label {
        anchors.centerIn: parent
        visible: list.count === 0
        text: qsTr("No sample drawn yet.")
        color: palette.placeholderText
    }
}
