// SPDX-License-Identifier: LGPL-2.1-or-later
// Across the top of every screen while the audit trail cannot record: nothing that the trail
// cannot record is done then, so the user must see why documents are locked and that it is not
// their doing.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsDemo

Rectangle {
    id: banner
    objectName: "trailBanner"
    visible: !Trail.available
    color: "#c62828"
    implicitHeight: visible ? row.implicitHeight + 20 : 0
    Accessible.role: Accessible.AlertMessage
    Accessible.name: title.text + " " + detail.text

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 20
        anchors.rightMargin: 20
        spacing: 14

        // A drawn mark rather than an icon font: the sample installs no fonts of its own.
        Rectangle {
            implicitWidth: 26
            implicitHeight: 26
            radius: 13
            color: "#ffffff"
            Layout.alignment: Qt.AlignVCenter
            Label {
                anchors.centerIn: parent
                text: "!"
                color: "#c62828"
                font.bold: true
                font.pixelSize: 17
            }
        }
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            Label {
                id: title
                text: qsTr("Audit trail unavailable: controlled documents are locked")
                color: "#ffffff"
                font.bold: true
                font.pixelSize: 15
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            Label {
                id: detail
                text: Trail.problem.length > 0 ? Trail.problem : qsTr("The audit trail does not record.")
                color: "#ffffff"
                opacity: 0.92
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
        Label {
            text: qsTr("Retrying automatically…")
            color: "#ffffff"
            opacity: 0.85
            font.italic: true
            Layout.alignment: Qt.AlignVCenter
        }
    }
}
