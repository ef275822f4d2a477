// SPDX-License-Identifier: LGPL-2.1-or-later
// A document's workflow state as a coloured chip: the register and the document page read the
// state at a glance, and the colour is never the only cue (the label is always there).
import QtQuick
import QtQuick.Controls

Rectangle {
    id: chip
    required property string state_
    required property string label
    readonly property color tone: ({
        draft: "#546e7a",
        in_review: "#b26a00",
        approved: "#00796b",
        released: "#2e7d32",
        obsolete: "#757575"
    })[state_] ?? "#546e7a"

    implicitWidth: text.implicitWidth + 20
    implicitHeight: text.implicitHeight + 6
    radius: height / 2
    color: Qt.rgba(tone.r, tone.g, tone.b, 0.13)
    border.color: tone
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("State: %1").arg(label)

    Label {
        id: text
        anchors.centerIn: parent
        text: chip.label
        color: chip.tone
        font.bold: true
        font.pixelSize: 12
        font.strikeout: chip.state_ === "obsolete"
    }
}
