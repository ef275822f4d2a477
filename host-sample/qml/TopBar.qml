// SPDX-License-Identifier: LGPL-2.1-or-later
// The bar across the top once someone is logged in: where they are, who they are, and the way out.
// Every section is offered to everyone; the audit sections check the role when opened, so that a
// refused attempt is recorded rather than hidden.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsDemo

Rectangle {
    id: bar
    /// "register", "document", "trail" or "review": which section is lit.
    property string section: "register"
    signal registerRequested()
    signal trailRequested()
    signal reviewRequested()
    signal logoutRequested()

    color: fmt.brand
    implicitHeight: 52

    Format { id: fmt }

    component NavButton: AbstractButton {
        id: nav
        property bool current: false
        implicitWidth: caption.implicitWidth + 32
        implicitHeight: 52
        Accessible.role: Accessible.PageTab
        Accessible.name: text
        contentItem: Label {
            id: caption
            text: nav.text
            color: "#ffffff" // inline components do not see the file's ids (fmt)
            opacity: nav.current || nav.hovered ? 1 : 0.78
            font.pixelSize: 14
            font.bold: nav.current
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            color: nav.current ? Qt.rgba(1, 1, 1, 0.12) : nav.hovered ? Qt.rgba(1, 1, 1, 0.06) : "transparent"
            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 3
                color: "#8fb8e8"
                visible: nav.current
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 20
        anchors.rightMargin: 16
        spacing: 4

        Label {
            text: qsTr("QMS Desk")
            color: fmt.brandText
            font.pixelSize: 19
            font.bold: true
            Layout.rightMargin: 24
        }
        NavButton {
            objectName: "navRegister"
            text: qsTr("Register")
            current: bar.section === "register" || bar.section === "document"
            onClicked: bar.registerRequested()
        }
        NavButton {
            objectName: "navTrail"
            text: qsTr("Audit trail")
            current: bar.section === "trail"
            onClicked: bar.trailRequested()
        }
        NavButton {
            objectName: "navReview"
            text: qsTr("Management review")
            current: bar.section === "review"
            onClicked: bar.reviewRequested()
        }
        Item { Layout.fillWidth: true }

        ColumnLayout {
            spacing: 1
            Layout.rightMargin: 8
            Label {
                text: Desk.user.name ?? ""
                color: fmt.brandText
                font.bold: true
                Layout.alignment: Qt.AlignRight
            }
            Label {
                text: Desk.user.id ?? ""
                color: fmt.brandText
                opacity: 0.7
                font.pixelSize: 11
                Layout.alignment: Qt.AlignRight
            }
        }
        Repeater {
            model: Desk.user.roles ?? []
            delegate: RoleChip {
                required property string modelData
                text: fmt.roleLabel(modelData)
                inverted: true
            }
        }
        Button {
            objectName: "logoutButton"
            text: qsTr("Log out")
            flat: true
            Layout.leftMargin: 12
            palette.buttonText: fmt.brandText
            Accessible.name: qsTr("Log out")
            onClicked: bar.logoutRequested()
            contentItem: Label {
                text: parent.text
                color: fmt.brandText
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                implicitWidth: 90
                implicitHeight: 32
                radius: 4
                color: parent.hovered ? Qt.rgba(1, 1, 1, 0.12) : "transparent"
                border.color: Qt.rgba(1, 1, 1, 0.45)
            }
        }
    }
}
