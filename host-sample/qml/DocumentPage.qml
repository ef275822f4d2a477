// SPDX-License-Identifier: LGPL-2.1-or-later
// One controlled document: content, version, state, its signatures (manifestation, 21 CFR 11.50),
// earlier versions and what this user may do with it. Opening it goes through Desk.open, which
// records the view first. While the trail is down the content is not shown and nothing can be done:
// neither reading nor changing it could be recorded.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsDemo

Page {
    id: page
    objectName: "documentPage"
    /// The document as Desk.open returned it; empty when it could not be opened.
    property var doc: ({})
    property string docId
    property string openError
    /// The path of the last PDF or JSON written, with what it is.
    property string output
    property string actionError
    readonly property bool loaded: doc.id !== undefined
    readonly property bool locked: !Trail.available
    /// The auditor views are offered to the roles that may open them.
    readonly property bool mayAudit: Desk.loggedIn && Desk.can("audit_views")
    signal backRequested()
    signal historyRequested(string type, string id)
    background: Rectangle { color: palette.window }

    /// Opens @p id: records the view, then shows it.
    function load(id) {
        docId = id;
        output = "";
        actionError = "";
        reload();
    }
    function reload() {
        if (docId.length === 0)
            return;
        const opened = Desk.open(docId);
        doc = opened;
        openError = opened.id === undefined ? Desk.lastError : "";
        rebuild();
    }
    function clear() {
        docId = "";
        doc = ({});
        openError = "";
        output = "";
        actionError = "";
        rebuild();
    }
    function rebuild() {
        body.sourceComponent = null;
        body.sourceComponent = bodyComponent;
    }
    function backwards(action) { return action === "reject" || action === "obsolete"; }
    function takeStep(step) {
        actionError = "";
        if (step.needsSignature) {
            signDialog.action = "approve";
            signDialog.needsReason = step.needsReason;
            signDialog.open();
        } else {
            stepDialog.action = step.action;
            stepDialog.needsReason = step.needsReason;
            stepDialog.open();
        }
    }

    // The content comes back by itself with the trail, and that reading is recorded as a view.
    // While it is down no dialog stays open either: they show content, and could not record.
    Connections {
        target: Trail
        function onAvailabilityChanged(available) {
            if (available && page.visible && page.docId.length > 0) {
                page.reload();
                return;
            }
            if (!available) {
                for (const dialog of [signDialog, stepDialog, editDialog, versionDialog])
                    dialog.close();
            }
            page.rebuild();
        }
    }

    Format { id: fmt }

    SignatureDialog {
        id: signDialog
        doc: page.doc
        onSubmitted: (password, reason) => {
            const ok = action === "review" ? Desk.signReview(page.docId, password)
                                           : Desk.advance(page.docId, "approve", reason, password);
            if (!ok) {
                fail(Desk.lastError);
                return;
            }
            close();
            page.reload();
        }
    }
    StepDialog {
        id: stepDialog
        doc: page.doc
        onSubmitted: reason => {
            if (!Desk.advance(page.docId, action, reason, "")) {
                fail(Desk.lastError);
                return;
            }
            close();
            page.reload();
        }
    }
    EditDialog {
        id: editDialog
        doc: page.doc
        onSaved: page.reload()
    }
    DeskDialog {
        id: versionDialog
        objectName: "versionDialog"
        property var version: ({})
        title: qsTr("%1, version %2 (%3)").arg(page.docId).arg(version.version ?? "").arg(version.state ?? "")
        width: Math.min(parent.width - 120, 820)
        height: Math.min(parent.height - 120, 560)
        rejectText: qsTr("Close")
        ColumnLayout {
            anchors.fill: parent
            spacing: 8
            Label { text: versionDialog.version.title ?? ""; font.bold: true; font.pixelSize: 16 }
            Label {
                text: qsTr("Superseded %1. Kept unchanged: earlier values are never obscured.").arg(fmt.utc(versionDialog.version.changedAt))
                color: palette.placeholderText
            }
            ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                TextArea {
                    readOnly: true
                    wrapMode: TextEdit.Wrap
                    text: Trail.available ? (versionDialog.version.content ?? "") : ""
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 20
        spacing: 14

        // Identification: what the register shows too, so it stays while the content is locked.
        // Anchored rather than a RowLayout: Qt 6.4's layout kept the widths of the empty labels
        // of a page shown before its document arrived.
        Item {
            Layout.fillWidth: true
            implicitHeight: Math.max(backButton.implicitHeight, titleLabel.implicitHeight)
            Button {
                id: backButton
                objectName: "backButton"
                text: qsTr("‹  Register")
                anchors.left: parent.left
                anchors.verticalCenter: parent.verticalCenter
                onClicked: page.backRequested()
            }
            Label {
                id: idLabel
                text: page.loaded ? page.doc.id : page.docId
                font.family: "monospace"
                font.pixelSize: 20
                font.bold: true
                color: palette.highlight
                anchors.left: backButton.right
                anchors.leftMargin: 16
                anchors.verticalCenter: parent.verticalCenter
            }
            Label {
                id: titleLabel
                text: page.loaded ? page.doc.title : ""
                font.pixelSize: 22
                font.bold: true
                elide: Text.ElideRight
                anchors.left: idLabel.right
                anchors.leftMargin: 14
                anchors.right: stateChip.left
                anchors.rightMargin: 14
                anchors.verticalCenter: parent.verticalCenter
            }
            StateChip {
                id: stateChip
                visible: page.loaded
                state_: page.doc.state ?? ""
                label: page.doc.stateLabel ?? ""
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
            }
        }
        Label {
            visible: page.loaded
            text: qsTr("%1 · version %2 · owner %3 · updated %4").arg(fmt.typeLabel(page.doc.type)).arg(page.doc.version)
                  .arg(page.doc.ownerName).arg(fmt.utc(page.doc.updatedAt))
            color: palette.placeholderText
            Layout.topMargin: -8
            Layout.leftMargin: backButton.width + 18
        }

        // Rebuilt for every document, state and trail change rather than updated in place:
        // Qt 6.4's layouts kept stale heights here when several of these changed at once.
        Loader {
            id: body
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }

    Component {
        id: bodyComponent
        RowLayout {
            spacing: 16

            // The controlled content and its signatures, or why they are not shown.
            ColumnLayout {
                spacing: 14
                Layout.fillWidth: true
                Layout.fillHeight: true

                Card {
                    title: qsTr("Content")
                    note: page.loaded && !page.locked ? qsTr("version %1").arg(page.doc.version) : ""
                    visible: page.loaded && !page.locked
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    ScrollView {
                        id: contentScroll
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        contentWidth: availableWidth
                        clip: true
                        TextArea {
                            id: contentText
                            objectName: "documentContent"
                            // Bound to the trail too: nothing of the content is in the scene while it is down.
                            text: page.loaded && !page.locked ? page.doc.content : ""
                            visible: page.loaded && !page.locked
                            readOnly: true
                            selectByMouse: true
                            wrapMode: TextEdit.Wrap
                            font.pixelSize: 14
                            padding: 2
                            background: null
                            Accessible.name: qsTr("Content of %1").arg(page.docId)
                        }
                    }
                }
                Card {
                    title: qsTr("Electronic signatures")
                    note: qsTr("21 CFR 11.50 signature manifestation")
                    visible: page.loaded && !page.locked
                    Layout.fillWidth: true
                    SignatureBlock {
                        signatures: page.doc.signatures ?? []
                        version: page.doc.version ?? ""
                        Layout.fillWidth: true
                    }
                }

                // Locked: the trail is down, or the document could not be opened.
                Card {
                    objectName: "documentLocked"
                    visible: page.locked || !page.loaded
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    // Wide as the card: without a child that fills, the column keeps its text's width.
                    Item { Layout.fillHeight: true; Layout.fillWidth: true }
                    Rectangle {
                        implicitWidth: 64
                        implicitHeight: 64
                        radius: 32
                        color: page.locked ? Qt.rgba(0.78, 0.16, 0.16, 0.12) : Qt.rgba(0, 0, 0, 0.06)
                        Layout.alignment: Qt.AlignHCenter
                        // A padlock drawn from two shapes: no icon font is installed with the sample.
                        Rectangle {
                            width: 18; height: 16; radius: 9
                            anchors.horizontalCenter: parent.horizontalCenter
                            y: 14
                            color: "transparent"
                            border.width: 3
                            border.color: page.locked ? fmt.danger : palette.placeholderText
                        }
                        Rectangle {
                            width: 28; height: 20; radius: 3
                            anchors.horizontalCenter: parent.horizontalCenter
                            y: 26
                            color: page.locked ? fmt.danger : palette.placeholderText
                        }
                    }
                    Label {
                        text: page.locked ? qsTr("Content locked") : qsTr("The document could not be opened")
                        font.pixelSize: 20
                        font.bold: true
                        Layout.alignment: Qt.AlignHCenter
                    }
                    Label {
                        text: page.locked
                              ? qsTr("The audit trail cannot record, so the content, signatures and earlier versions of controlled documents are not shown and nothing can be changed: none of it could be recorded. The document opens again by itself when the audit trail records again.")
                              : page.openError
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignHCenter
                        color: page.locked ? palette.text : fmt.danger
                        Layout.preferredWidth: 560
                        Layout.alignment: Qt.AlignHCenter
                    }
                    Item { Layout.fillHeight: true }
                }
            }

            // What may be done with it, and what was before.
            ColumnLayout {
                spacing: 14
                Layout.preferredWidth: 330
                Layout.maximumWidth: 330
                Layout.fillHeight: true

                Card {
                    title: qsTr("Actions")
                    Layout.fillWidth: true
                    enabled: page.loaded && !page.locked

                    // The step forward stands out; sending back or withdrawing does not.
                    Repeater {
                        model: page.loaded ? page.doc.steps.filter(s => !page.backwards(s.action)) : []
                        delegate: PrimaryButton {
                            required property var modelData
                            objectName: "step_" + modelData.action
                            text: fmt.stepLabel(modelData.action)
                            Layout.fillWidth: true
                            onClicked: page.takeStep(modelData)
                        }
                    }
                    PrimaryButton {
                        objectName: "signReviewButton"
                        text: qsTr("Sign review…")
                        visible: page.loaded && page.doc.canSignReview
                        Layout.fillWidth: true
                        onClicked: {
                            page.actionError = "";
                            signDialog.action = "review";
                            signDialog.needsReason = false;
                            signDialog.open();
                        }
                    }
                    Repeater {
                        model: page.loaded ? page.doc.steps.filter(s => page.backwards(s.action)) : []
                        delegate: Button {
                            required property var modelData
                            objectName: "step_" + modelData.action
                            text: fmt.stepLabel(modelData.action)
                            Layout.fillWidth: true
                            onClicked: page.takeStep(modelData)
                        }
                    }
                    Button {
                        objectName: "editButton"
                        text: qsTr("Edit…")
                        enabled: page.loaded && page.doc.canEdit === true && Trail.available
                        Layout.fillWidth: true
                        onClicked: { page.actionError = ""; editDialog.open(); }
                    }
                    Label {
                        visible: page.loaded && !page.doc.canEdit && !page.locked
                        text: !Desk.can("edit") ? qsTr("Only authors edit documents.")
                            : page.doc.state === "released" ? qsTr("Only a draft can be edited: start a revision for a new draft.")
                            : qsTr("Only a draft can be edited.")
                        color: palette.placeholderText
                        font.pixelSize: 11
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Rectangle { implicitHeight: 1; color: fmt.border; Layout.fillWidth: true }
                    RowLayout {
                        spacing: 8
                        Layout.fillWidth: true
                        Button {
                            objectName: "printButton"
                            text: qsTr("Print to PDF")
                            Layout.fillWidth: true
                            onClicked: {
                                const path = Desk.printPdf(page.docId);
                                page.actionError = path.length === 0 ? Desk.lastError : "";
                                page.output = path.length > 0 ? qsTr("Printed to %1").arg(path) : "";
                            }
                        }
                        Button {
                            objectName: "exportButton"
                            text: qsTr("Export")
                            // Offered to the roles that may export (Workflow); a reviewer's copy stays a print.
                            enabled: Desk.can("export")
                            Layout.fillWidth: true
                            onClicked: {
                                const path = Desk.exportDocument(page.docId);
                                page.actionError = path.length === 0 ? Desk.lastError : "";
                                page.output = path.length > 0 ? qsTr("Exported to %1").arg(path) : "";
                            }
                        }
                    }
                    Button {
                        objectName: "auditHistoryButton"
                        visible: page.mayAudit
                        text: qsTr("Audit trail of this document")
                        flat: true
                        Layout.fillWidth: true
                        onClicked: page.historyRequested(page.doc.type, page.doc.id)
                    }
                    TextEdit {
                        objectName: "outputPath"
                        visible: page.output.length > 0
                        text: page.output
                        readOnly: true
                        selectByMouse: true
                        wrapMode: TextEdit.WrapAnywhere
                        color: fmt.success
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "actionError"
                        visible: page.actionError.length > 0
                        text: page.actionError
                        color: fmt.danger
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }

                Card {
                    title: qsTr("Earlier versions")
                    note: page.loaded && !page.locked ? String((page.doc.history ?? []).length) : ""
                    visible: page.loaded && !page.locked
                    Layout.fillWidth: true
                    Layout.maximumHeight: 320
                    ListView {
                        id: versions
                        clip: true
                        spacing: 2
                        model: page.loaded && !page.locked ? page.doc.history.slice().reverse() : []
                        Layout.fillWidth: true
                        Layout.preferredHeight: count > 0 ? contentHeight : 24
                        Layout.fillHeight: true
                        ScrollBar.vertical: ScrollBar {}
                        delegate: ItemDelegate {
                            required property var modelData
                            width: ListView.view.width
                            onClicked: { versionDialog.version = modelData; versionDialog.open(); }
                            contentItem: ColumnLayout {
                                spacing: 1
                                Label {
                                    text: qsTr("Version %1 · %2").arg(modelData.version).arg(modelData.state)
                                    font.bold: true
                                }
                                Label {
                                    text: modelData.title + " · " + fmt.utc(modelData.changedAt)
                                    color: palette.placeholderText
                                    font.pixelSize: 11
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                }
                            }
                        }
                        Label {
                            anchors.verticalCenter: parent.verticalCenter
                            visible: versions.count === 0
                            text: qsTr("None: this is the first version.")
                            color: palette.placeholderText
                        }
                    }
                }
                Item { Layout.fillHeight: true }
            }
        }
    }
}
