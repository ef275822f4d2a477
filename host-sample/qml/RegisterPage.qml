// SPDX-License-Identifier: LGPL-2.1-or-later
// The register of controlled documents. It shows titles and states only: opening a document is
// what reads its content, and that is recorded as a view. While the trail is down the register
// still lists the titles, but nothing opens.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsDemo

Page {
    id: page
    objectName: "registerPage"
    signal openRequested(string id)
    signal created(string id)
    readonly property var documents: Desk.documents
    readonly property var columns: [
        { title: qsTr("ID"), width: 120 },
        { title: qsTr("Title"), width: -1 },
        { title: qsTr("Type"), width: 150 },
        { title: qsTr("Version"), width: 70 },
        { title: qsTr("State"), width: 120 },
        { title: qsTr("Owner"), width: 160 },
        { title: qsTr("Updated (UTC)"), width: 140 }
    ]
    background: Rectangle { color: palette.window }

    Format { id: fmt }

    NewDocumentDialog {
        id: newDialog
        onCreated: id => page.created(id)
    }

    // Built when shown: Qt 6.4's layouts leave items that appeared while a page was hidden (the
    // author's "New document" button at login) where they were, over the title.
    Loader {
        anchors.fill: parent
        anchors.margins: 20
        active: page.visible
        sourceComponent: ColumnLayout {
            spacing: 12

            RowLayout {
                spacing: 10
                Layout.fillWidth: true
                ColumnLayout {
                    spacing: 2
                    Label {
                        text: qsTr("Document register")
                        font.pixelSize: 24
                        font.bold: true
                    }
                    Label {
                        readonly property bool filtered: page.documents.filterText.length > 0 || page.documents.stateFilter.length > 0
                        text: filtered ? (page.documents.count === 1 ? qsTr("1 document matches") : qsTr("%1 documents match").arg(page.documents.count))
                                       : (page.documents.count === 1 ? qsTr("1 controlled document") : qsTr("%1 controlled documents").arg(page.documents.count))
                        color: palette.placeholderText
                    }
                }
                Item { Layout.fillWidth: true }
                TextField {
                    id: search
                    objectName: "registerSearch"
                    placeholderText: qsTr("Search id or title")
                    text: page.documents.filterText
                    Layout.preferredWidth: 260
                    Accessible.name: qsTr("Search the register by id or title")
                    onTextEdited: page.documents.filterText = text
                }
                ComboBox {
                    id: stateBox
                    objectName: "registerStateFilter"
                    textRole: "title"
                    valueRole: "state"
                    Layout.preferredWidth: 150
                    Accessible.name: qsTr("Show documents in this state")
                    model: [
                        { state: "", title: qsTr("All states") },
                        { state: "draft", title: qsTr("Draft") },
                        { state: "in_review", title: qsTr("In review") },
                        { state: "approved", title: qsTr("Approved") },
                        { state: "released", title: qsTr("Released") },
                        { state: "obsolete", title: qsTr("Obsolete") }
                    ]
                    onActivated: page.documents.stateFilter = currentValue
                    Component.onCompleted: currentIndex = Math.max(0, indexOfValue(page.documents.stateFilter))
                }
                PrimaryButton {
                    objectName: "newDocumentButton"
                    text: qsTr("New document…")
                    visible: Desk.loggedIn && Desk.can("create")
                    enabled: Trail.available
                    onClicked: newDialog.open()
                }
            }

            Label {
                visible: !Trail.available
                text: qsTr("Documents cannot be opened or created while the audit trail is down: their use could not be recorded.")
                color: fmt.danger
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            Frame {
                padding: 0
                Layout.fillWidth: true
                Layout.fillHeight: true
                background: Rectangle { color: palette.base; border.color: fmt.border; radius: 4 }

                ColumnLayout {
                    anchors.fill: parent
                    spacing: 0

                    // The header is laid out with the same widths as the rows below it.
                    Rectangle {
                        color: Qt.rgba(0.12, 0.23, 0.37, 0.06)
                        Layout.fillWidth: true
                        implicitHeight: 38
                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: 14
                            anchors.rightMargin: 14
                            spacing: 12
                            Repeater {
                                model: page.columns
                                delegate: Label {
                                    required property var modelData
                                    text: modelData.title
                                    font.bold: true
                                    color: palette.text
                                    elide: Text.ElideRight
                                    Layout.preferredWidth: modelData.width > 0 ? modelData.width : 200
                                    Layout.fillWidth: modelData.width < 0
                                }
                            }
                        }
                        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: fmt.border }
                    }

                    ListView {
                        id: list
                        objectName: "registerList"
                        clip: true
                        model: page.documents
                        boundsBehavior: Flickable.StopAtBounds
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        ScrollBar.vertical: ScrollBar {}
                        Accessible.name: qsTr("Controlled documents")
                        delegate: ItemDelegate {
                            id: row
                            required property int index
                            required property string docId
                            required property string type
                            required property string title
                            required property string version
                            required property string state
                            required property string stateLabel
                            required property string owner
                            required property string updatedAt
                            width: ListView.view.width
                            height: 44
                            leftPadding: 14
                            rightPadding: 14
                            enabled: Trail.available
                            hoverEnabled: true
                            Accessible.name: qsTr("%1 %2, version %3, %4").arg(docId).arg(title).arg(version).arg(stateLabel)
                            onClicked: page.openRequested(docId)
                            background: Rectangle {
                                color: row.hovered ? Qt.rgba(0.24, 0.48, 0.84, 0.10)
                                     : row.index % 2 ? Qt.rgba(0, 0, 0, 0.025) : "transparent"
                                Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Qt.rgba(0, 0, 0, 0.06) }
                            }
                            contentItem: RowLayout {
                                spacing: 12
                                Label {
                                    text: row.docId
                                    font.family: "monospace"
                                    color: Trail.available ? palette.highlight : palette.text
                                    font.bold: true
                                    Layout.preferredWidth: page.columns[0].width
                                }
                                Label {
                                    text: row.title
                                    elide: Text.ElideRight
                                    color: palette.text
                                    Layout.fillWidth: true
                                    Layout.preferredWidth: 200
                                }
                                Label {
                                    text: fmt.typeLabel(row.type)
                                    color: palette.text
                                    elide: Text.ElideRight
                                    Layout.preferredWidth: page.columns[2].width
                                }
                                Label {
                                    text: row.version
                                    color: palette.text
                                    horizontalAlignment: Text.AlignLeft
                                    Layout.preferredWidth: page.columns[3].width
                                }
                                Item {
                                    implicitHeight: chip.implicitHeight
                                    Layout.preferredWidth: page.columns[4].width
                                    StateChip {
                                        id: chip
                                        state_: row.state
                                        label: row.stateLabel
                                        anchors.verticalCenter: parent.verticalCenter
                                    }
                                }
                                Label {
                                    text: fmt.userName(row.owner)
                                    color: palette.text
                                    elide: Text.ElideRight
                                    Layout.preferredWidth: page.columns[5].width
                                }
                                Label {
                                    text: row.updatedAt
                                    color: palette.placeholderText
                                    Layout.preferredWidth: page.columns[6].width
                                }
                            }
                        }
                        Label {
                            anchors.centerIn: parent
                            visible: list.count === 0
                            text: page.documents.filterText.length > 0 || page.documents.stateFilter.length > 0
                                  ? qsTr("No document matches the search.") : qsTr("The register is empty.")
                            color: palette.placeholderText
                        }
                    }
                }
            }
        }
    }
}
