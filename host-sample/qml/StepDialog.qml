// SPDX-License-Identifier: LGPL-2.1-or-later
// A workflow step without a signature (submit, reject, release, revise, obsolete): says what the
// step does to which version and asks for the reason the trail requires. The page takes the step
// and calls fail() when the service refuses it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsDemo

DeskDialog {
    id: dialog
    objectName: "stepDialog"
    property var doc: ({})
    property string action
    property bool needsReason: false
    property string error
    signal submitted(string reason)

    function fail(message) { error = message; }

    readonly property string what: {
        const v = doc.version ?? "";
        const name = (doc.id ?? "") + " “" + (doc.title ?? "") + "”";
        switch (action) {
        case "submit": return qsTr("Version %1 of %2 goes to review. It cannot be edited while it is in review.").arg(v).arg(name);
        case "reject": return qsTr("Version %1 of %2 goes back to its author as a draft.").arg(v).arg(name);
        case "release": return qsTr("Version %1 of %2 is released: it becomes the version in force.").arg(v).arg(name);
        case "revise": return qsTr("A new draft, version %1 of %2, is started. Version %3 stays in the document's history.").arg(Number(v) + 1).arg(name).arg(v);
        case "obsolete": return qsTr("%1 is withdrawn: version %2 is no longer in force.").arg(name).arg(v);
        }
        return "";
    }

    acceptText: fmt.stepLabel(dialog.action).replace("…", "")
    acceptEnabled: (!dialog.needsReason || reason.text.trim().length > 0) && Trail.available
    acceptObjectName: "stepButton"
    onAcceptClicked: submitted(reason.text)
    title: fmt.stepLabel(action).replace("…", "")
    width: Math.min(parent.width - 80, 560)
    onAboutToShow: {
        error = "";
        reason.text = "";
        if (needsReason)
            reason.forceActiveFocus();
    }

    Format { id: fmt }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        Label {
            text: dialog.what
            wrapMode: Text.Wrap
            font.pixelSize: 15
            Layout.fillWidth: true
        }
        Label {
            visible: dialog.needsReason
            text: qsTr("Reason (required; recorded in the audit trail)")
            color: palette.placeholderText
        }
        TextField {
            id: reason
            objectName: "stepReason"
            visible: dialog.needsReason
            Layout.fillWidth: true
            Accessible.name: qsTr("Reason")
            onAccepted: if (dialog.acceptEnabled) dialog.submitted(reason.text)
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
