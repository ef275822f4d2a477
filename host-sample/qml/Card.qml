// SPDX-License-Identifier: LGPL-2.1-or-later
// A titled white panel on the window's grey: how the pages group what belongs together.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Pane {
    id: card
    property string title
    /// Beside the title, right-aligned (a count, a hint).
    property string note
    default property alias content: body.data
    padding: 16
    background: Rectangle { color: palette.base; border.color: "#d5d8dc"; radius: 6 }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        RowLayout {
            visible: card.title.length > 0
            spacing: 8
            Layout.fillWidth: true
            Label {
                text: card.title
                font.bold: true
                font.pixelSize: 15
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            Label {
                visible: card.note.length > 0
                text: card.note
                color: palette.placeholderText
            }
        }
        ColumnLayout {
            id: body
            spacing: 8
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
