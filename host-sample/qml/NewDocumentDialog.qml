// SPDX-License-Identifier: LGPL-2.1-or-later
// A new draft in the register (authors only). The trail requires a reason for every change, the
// creation included, so the dialog asks for one.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsDemo

DeskDialog {
    id: dialog
    objectName: "newDocumentDialog"
    signal created(string id)
    property string error
    acceptText: qsTr("Create draft")
    acceptEnabled: titleField.text.trim().length > 0 && reason.text.trim().length > 0 && Trail.available
    acceptObjectName: "createDraftButton"
    onAcceptClicked: create()
    title: qsTr("New document")
    width: Math.min(parent.width - 80, 680)
    onAboutToShow: {
        error = "";
        typeBox.currentIndex = 0;
        titleField.text = "";
        content.text = "";
        reason.text = qsTr("New controlled document");
        titleField.forceActiveFocus();
    }

    Format { id: fmt }

    function create() {
        const id = Desk.create(typeBox.currentValue, titleField.text, content.text, reason.text);
        if (id.length === 0) {
            error = Desk.lastError;
            return;
        }
        close();
        created(id);
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        GridLayout {
            columns: 2
            columnSpacing: 12
            rowSpacing: 8
            Layout.fillWidth: true
            Label { text: qsTr("Type") }
            ComboBox {
                id: typeBox
                textRole: "title"
                valueRole: "type"
                Layout.fillWidth: true
                model: ["procedure", "work_instruction", "form", "calibration_record"].map(t => ({ type: t, title: fmt.typeLabel(t) }))
            }
            Label { text: qsTr("Title") }
            TextField {
                id: titleField
                placeholderText: qsTr("Calibration of torque wrenches")
                Layout.fillWidth: true
            }
            Label { text: qsTr("Content"); Layout.alignment: Qt.AlignTop; Layout.topMargin: 6 }
            ScrollView {
                Layout.fillWidth: true
                Layout.preferredHeight: 200
                TextArea {
                    id: content
                    wrapMode: TextEdit.Wrap
                    background: Rectangle { color: palette.base; border.color: content.activeFocus ? palette.highlight : fmt.border; radius: 3 }
                    placeholderText: qsTr("Purpose, scope, responsibilities, procedure…")
                }
            }
            Label { text: qsTr("Reason") }
            TextField {
                id: reason
                Layout.fillWidth: true
                Accessible.name: qsTr("Reason for the creation, recorded in the audit trail")
            }
        }
        Label {
            text: qsTr("The document starts as a draft, version 1, owned by you. Its creation is recorded in the audit trail with this reason.")
            color: palette.placeholderText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
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
