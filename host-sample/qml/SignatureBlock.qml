// SPDX-License-Identifier: LGPL-2.1-or-later
// The signature manifestation of a version (21 CFR 11.50): for each electronic signature the
// printed name of the signer, the date and time of signing and its meaning, shown with the
// document as 11.50(b) requires, in the words the service wrote (doc.signatures[i].manifestation).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ColumnLayout {
    id: block
    required property var signatures
    property string version
    spacing: 8

    Label {
        visible: block.signatures.length === 0
        text: qsTr("No electronic signatures on version %1 yet.").arg(block.version)
        color: palette.placeholderText
    }
    Repeater {
        model: block.signatures
        delegate: Rectangle {
            id: signature
            required property var modelData
            readonly property color tone: modelData.meaning === "Approved" ? "#2e7d32" : "#1565c0"
            objectName: "signature"
            color: Qt.rgba(tone.r, tone.g, tone.b, 0.05)
            border.color: Qt.rgba(tone.r, tone.g, tone.b, 0.35)
            radius: 4
            Layout.fillWidth: true
            implicitHeight: rows.implicitHeight + 18
            Accessible.role: Accessible.StaticText
            Accessible.name: modelData.manifestation

            Rectangle {
                width: 4
                height: parent.height
                radius: 2
                color: signature.tone
            }
            RowLayout {
                id: rows
                anchors.fill: parent
                anchors.leftMargin: 16
                anchors.rightMargin: 12
                anchors.topMargin: 9
                anchors.bottomMargin: 9
                spacing: 14
                ColumnLayout {
                    spacing: 3
                    Layout.fillWidth: true
                    // The printed name set like the name on a signature line, for the reader's eye.
                    Label {
                        text: signature.modelData.userName
                        font.family: "serif"
                        font.italic: true
                        font.pixelSize: 19
                    }
                    Label {
                        objectName: "signatureManifestation"
                        text: signature.modelData.manifestation
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                Rectangle {
                    implicitWidth: meaning.implicitWidth + 20
                    implicitHeight: meaning.implicitHeight + 8
                    radius: 4
                    color: signature.tone
                    Layout.alignment: Qt.AlignVCenter
                    Label {
                        id: meaning
                        anchors.centerIn: parent
                        text: signature.modelData.meaning.toUpperCase()
                        color: "#ffffff"
                        font.bold: true
                        font.pixelSize: 12
                        font.letterSpacing: 0.8
                    }
                }
            }
        }
    }
}
