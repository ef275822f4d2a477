// SPDX-License-Identifier: LGPL-2.1-or-later
// A role as a small chip: what a person may do depends on it, so it is shown wherever they are.
import QtQuick
import QtQuick.Controls

Rectangle {
    id: chip
    required property string text
    property color tone: palette.highlight
    property bool inverted: false

    implicitWidth: label.implicitWidth + 14
    implicitHeight: label.implicitHeight + 4
    radius: 4
    color: inverted ? Qt.rgba(1, 1, 1, 0.16) : Qt.rgba(tone.r, tone.g, tone.b, 0.12)
    border.color: inverted ? Qt.rgba(1, 1, 1, 0.45) : Qt.rgba(tone.r, tone.g, tone.b, 0.55)

    Label {
        id: label
        anchors.centerIn: parent
        text: chip.text
        font.pixelSize: 11
        color: chip.inverted ? "#ffffff" : chip.tone
    }
}
