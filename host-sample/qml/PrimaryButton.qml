// SPDX-License-Identifier: LGPL-2.1-or-later
// The one action a screen or dialog is for (log in, sign, save, the next workflow step), in the
// application's colour; every other button keeps the style's look, as in the QmsAudit views.
import QtQuick
import QtQuick.Controls

Button {
    id: button
    readonly property color tone: "#2360a5"
    implicitHeight: 32
    leftPadding: 16
    rightPadding: 16
    contentItem: Label {
        text: button.text
        color: button.enabled ? "#ffffff" : Qt.rgba(1, 1, 1, 0.85)
        font.bold: true
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: 4
        color: !button.enabled ? "#a9b7c8" : button.down ? Qt.darker(button.tone, 1.25) : button.hovered ? Qt.lighter(button.tone, 1.12) : button.tone
        border.color: button.visualFocus ? "#0b2a4a" : "transparent"
        border.width: 2
    }
}
