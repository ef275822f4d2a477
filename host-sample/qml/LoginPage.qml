// SPDX-License-Identifier: LGPL-2.1-or-later
// Who is at the desk: every later record names them. A failed login is recorded by Desk.login
// (login_failed); this page only shows why it was refused.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsDemo

Page {
    id: page
    objectName: "loginPage"
    property string selectedId: Desk.users.length > 0 ? Desk.users[0].id : ""
    /// The error is shown for an attempt made here, not one left over from an earlier screen.
    property bool attempted: false
    background: Rectangle { color: palette.window }

    /// True when logged in; the page then goes (Main shows the register).
    function logIn(password) {
        attempted = true;
        return Desk.login(selectedId, password);
    }
    onVisibleChanged: attempted = false

    Format { id: fmt }

    // Built when shown: a fresh form for each login, and no layout of what changed while hidden.
    Loader {
        anchors.fill: parent
        active: page.visible
        sourceComponent: RowLayout {
            spacing: 0

            // What the application promises, beside the form: the reason for the ceremony.
            Rectangle {
                color: fmt.brand
                Layout.fillHeight: true
                Layout.preferredWidth: 460
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 48
                    spacing: 18
                    Label {
                        text: qsTr("QMS Desk")
                        color: fmt.brandText
                        font.pixelSize: 38
                        font.bold: true
                    }
                    Label {
                        text: qsTr("Document control for a quality management system (ISO 9001 §7.5)")
                        color: fmt.brandText
                        opacity: 0.85
                        font.pixelSize: 16
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Item { implicitHeight: 12 }
                    Repeater {
                        model: [
                            qsTr("Every view, print, export and change is recorded in an encrypted, hash-chained audit trail."),
                            qsTr("Changes carry a reason, and earlier versions are never lost."),
                            qsTr("Approvals are electronic signatures with a printed name, date, time and meaning (21 CFR 11.50)."),
                            qsTr("When the audit trail cannot record, controlled documents are locked.")
                        ]
                        delegate: RowLayout {
                            required property string modelData
                            spacing: 12
                            Layout.fillWidth: true
                            Rectangle {
                                implicitWidth: 8
                                implicitHeight: 8
                                radius: 4
                                color: "#8fb8e8"
                                Layout.alignment: Qt.AlignTop
                                Layout.topMargin: 6
                            }
                            Label {
                                text: modelData
                                color: fmt.brandText
                                wrapMode: Text.Wrap
                                font.pixelSize: 14
                                Layout.fillWidth: true
                            }
                        }
                    }
                    Item { Layout.fillHeight: true }
                    Label {
                        text: qsTr("Audit log: %1").arg(Trail.logPath)
                        color: fmt.brandText
                        opacity: 0.7
                        font.pixelSize: 12
                        elide: Text.ElideMiddle
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("Recorded through the QmsAudit plugin %1").arg(Trail.pluginVersion)
                        color: fmt.brandText
                        opacity: 0.7
                        font.pixelSize: 12
                    }
                }
            }

            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true

                Pane {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 64, 540)
                    padding: 32
                    background: Rectangle { color: palette.base; border.color: fmt.border; radius: 8 }

                    ColumnLayout {
                        anchors.fill: parent
                        spacing: 12

                        Label {
                            text: qsTr("Log in")
                            font.pixelSize: 26
                            font.bold: true
                        }
                        Label {
                            text: qsTr("Choose who you are")
                            color: palette.placeholderText
                        }
                        Frame {
                            padding: 1
                            Layout.fillWidth: true
                            Layout.preferredHeight: Math.min(users.contentHeight + 2, 330)
                            background: Rectangle { color: palette.base; border.color: fmt.border; radius: 4 }
                            ListView {
                                id: users
                                anchors.fill: parent
                                clip: true
                                model: Desk.users
                                boundsBehavior: Flickable.StopAtBounds
                                ScrollBar.vertical: ScrollBar {}
                                Accessible.name: qsTr("Users")
                                delegate: ItemDelegate {
                                    id: person
                                    required property var modelData
                                    required property int index
                                    readonly property bool chosen: modelData.id === page.selectedId
                                    width: ListView.view.width
                                    highlighted: chosen
                                    onClicked: { page.selectedId = modelData.id; password.forceActiveFocus(); }
                                    Accessible.name: modelData.name + ", " + fmt.rolesLabel(modelData.roles)
                                    contentItem: RowLayout {
                                        spacing: 10
                                        Rectangle {
                                            implicitWidth: 32
                                            implicitHeight: 32
                                            radius: 16
                                            color: person.chosen ? palette.highlightedText : Qt.rgba(0.12, 0.23, 0.37, 0.12)
                                            Label {
                                                anchors.centerIn: parent
                                                text: person.modelData.name.split(" ").map(w => w.charAt(0)).join("").substring(0, 2)
                                                color: person.chosen ? palette.highlight : fmt.brand
                                                font.bold: true
                                            }
                                        }
                                        ColumnLayout {
                                            spacing: 0
                                            Layout.fillWidth: true
                                            Label {
                                                text: person.modelData.name
                                                font.bold: true
                                                color: person.chosen ? palette.highlightedText : palette.text
                                                elide: Text.ElideRight
                                                Layout.fillWidth: true
                                            }
                                            Label {
                                                text: person.modelData.id
                                                font.pixelSize: 11
                                                color: person.chosen ? palette.highlightedText : palette.placeholderText
                                            }
                                        }
                                        Repeater {
                                            model: person.modelData.roles
                                            delegate: RoleChip {
                                                required property string modelData
                                                text: fmt.roleLabel(modelData)
                                                inverted: person.chosen
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        Label {
                            text: qsTr("Password")
                            color: palette.placeholderText
                            Layout.topMargin: 4
                        }
                        TextField {
                            id: password
                            echoMode: TextInput.Password
                            placeholderText: qsTr("Password of %1").arg(fmt.userName(page.selectedId))
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Password")
                            Component.onCompleted: forceActiveFocus()
                            onAccepted: if (loginButton.enabled) loginButton.clicked()
                        }
                        Label {
                            text: qsTr("This is a demonstration: every user's password is “%1”.").arg(Desk.demoPassword)
                            color: palette.placeholderText
                            font.italic: true
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            objectName: "loginError"
                            visible: page.attempted && Desk.lastError.length > 0
                            text: Desk.lastError
                            color: fmt.danger
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                            Accessible.role: Accessible.AlertMessage
                        }
                        PrimaryButton {
                            id: loginButton
                            objectName: "loginButton"
                            text: qsTr("Log in")
                            enabled: page.selectedId.length > 0 && password.text.length > 0
                            Layout.alignment: Qt.AlignRight
                            Layout.preferredWidth: 140
                            onClicked: {
                                if (!page.logIn(password.text)) {
                                    password.text = "";
                                    password.forceActiveFocus();
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
