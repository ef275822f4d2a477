// SPDX-License-Identifier: LGPL-2.1-or-later
// How QMS Desk asks before it records something: a titled white panel over a dimmed window, the
// question in the middle, Cancel and one primary action at the bottom. The primary action does not
// close the dialog by itself: the page closes it when the service did what was asked, and shows
// the service's refusal in the dialog otherwise.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Dialog {
    id: dialog
    /// The primary button's text; empty: only the close button.
    property string acceptText
    property bool acceptEnabled: true
    property string acceptObjectName
    property string rejectText: qsTr("Cancel")
    signal acceptClicked()

    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    padding: 24
    topPadding: 12
    bottomPadding: 8

    Overlay.modal: Rectangle { color: Qt.rgba(0.06, 0.1, 0.16, 0.45) }
    background: Rectangle { color: palette.base; radius: 8; border.color: "#b9c1ca" }
    header: Label {
        text: dialog.title
        font.pixelSize: 18
        font.bold: true
        elide: Text.ElideRight
        leftPadding: 24
        rightPadding: 24
        topPadding: 20
        bottomPadding: 4
    }
    footer: Pane {
        padding: 16
        leftPadding: 24
        rightPadding: 24
        background: null
        RowLayout {
            anchors.fill: parent
            spacing: 10
            Item { Layout.fillWidth: true }
            Button {
                text: dialog.rejectText
                onClicked: dialog.reject()
            }
            PrimaryButton {
                objectName: dialog.acceptObjectName
                visible: dialog.acceptText.length > 0
                text: dialog.acceptText
                enabled: dialog.acceptEnabled
                onClicked: dialog.acceptClicked()
            }
        }
    }
}
