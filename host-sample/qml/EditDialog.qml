// SPDX-License-Identifier: LGPL-2.1-or-later
// Editing a draft: the new title and content, the reason the trail requires, and a preview of
// exactly what will be recorded as old → new (word level, as the auditor views show it).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit
import QmsDemo

DeskDialog {
    id: dialog
    objectName: "editDialog"
    property var doc: ({})
    property string error
    signal saved()
    readonly property bool titleChanged_: titleField.text.trim() !== (doc.title ?? "")
    readonly property bool contentChanged_: content.text !== (doc.content ?? "")

    acceptText: qsTr("Save change")
    acceptEnabled: (dialog.titleChanged_ || dialog.contentChanged_) && reason.text.trim().length > 0 && Trail.available
    acceptObjectName: "editSaveButton"
    onAcceptClicked: save()
    title: qsTr("Edit %1, version %2").arg(doc.id ?? "").arg(doc.version ?? "")
    width: Math.min(parent.width - 80, 1080)
    height: Math.min(parent.height - 60, 680)
    onAboutToShow: {
        error = "";
        titleField.text = doc.title ?? "";
        content.text = doc.content ?? "";
        reason.text = "";
        content.forceActiveFocus();
    }

    function save() {
        if (!Desk.edit(doc.id, titleField.text, content.text, reason.text)) {
            error = Desk.lastError;
            return;
        }
        close();
        saved();
    }

    Format { id: fmt }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        RowLayout {
            spacing: 12
            Layout.fillWidth: true
            Label { text: qsTr("Title") }
            TextField {
                id: titleField
                objectName: "editTitle"
                Layout.fillWidth: true
            }
        }
        RowLayout {
            spacing: 16
            Layout.fillWidth: true
            Layout.fillHeight: true

            ColumnLayout {
                spacing: 4
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                Label { text: qsTr("Content"); font.bold: true }
                ScrollView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    TextArea {
                        id: content
                        objectName: "editContent"
                        wrapMode: TextEdit.Wrap
                        background: Rectangle { color: palette.base; border.color: content.activeFocus ? palette.highlight : fmt.border; radius: 3 }
                    }
                }
            }
            ColumnLayout {
                spacing: 4
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                Label { text: qsTr("Preview: what the audit trail will record"); font.bold: true }
                Frame {
                    padding: 10
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    background: Rectangle { color: Qt.rgba(0, 0, 0, 0.025); border.color: fmt.border; radius: 3 }
                    ScrollView {
                        id: previewScroll
                        anchors.fill: parent
                        contentWidth: availableWidth
                        clip: true
                        ColumnLayout {
                            width: previewScroll.availableWidth
                            spacing: 10
                            Label {
                                visible: !dialog.titleChanged_ && !dialog.contentChanged_
                                text: qsTr("Nothing changed yet.")
                                color: palette.placeholderText
                            }
                            Label {
                                objectName: "titlePreview"
                                visible: dialog.titleChanged_
                                text: "<b>" + qsTr("title") + "</b>: " + TextDiff.html(dialog.doc.title ?? "", titleField.text.trim(), "#ffd6d6", "#c9f2cf")
                                textFormat: Text.RichText
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                objectName: "contentPreview"
                                visible: dialog.contentChanged_
                                text: "<b>" + qsTr("content") + "</b>: " + TextDiff.html(dialog.doc.content ?? "", content.text, "#ffd6d6", "#c9f2cf")
                                textFormat: Text.RichText
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
                Label {
                    text: qsTr("Struck through on red: the old words, kept in the trail. On green: the new ones.")
                    color: palette.placeholderText
                    font.pixelSize: 11
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }
        RowLayout {
            spacing: 12
            Layout.fillWidth: true
            Label { text: qsTr("Reason for the change") }
            TextField {
                id: reason
                objectName: "editReason"
                placeholderText: qsTr("Required: why the document changes (e.g. CAPA-9, annual review)")
                Layout.fillWidth: true
                onAccepted: if (dialog.acceptEnabled) dialog.save()
            }
        }
        Label {
            visible: dialog.error.length > 0
            text: dialog.error
            color: fmt.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
