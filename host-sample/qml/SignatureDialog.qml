// SPDX-License-Identifier: LGPL-2.1-or-later
// An electronic signature (21 CFR Part 11): the signer sees what they sign and what it means,
// re-enters their password, and is told that it binds like a handwritten signature (11.100(c)).
// The page does the signing (Desk.advance or Desk.signReview) and calls fail() when refused.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsDemo

DeskDialog {
    id: dialog
    objectName: "signatureDialog"
    /// The document as Desk.open returned it.
    property var doc: ({})
    /// "approve" or "review": what the signature does.
    property string action: "approve"
    property string meaning: action === "review" ? qsTr("Reviewed") : qsTr("Approved")
    property bool needsReason: false
    property string error
    signal submitted(string password, string reason)

    function fail(message) {
        error = message;
        password.text = "";
        password.forceActiveFocus();
    }

    acceptText: qsTr("Sign")
    acceptEnabled: password.text.length > 0 && (!dialog.needsReason || reason.text.trim().length > 0) && Trail.available
    acceptObjectName: "signButton"
    onAcceptClicked: submitted(password.text, reason.text)
    title: qsTr("Electronic signature")
    width: Math.min(parent.width - 80, 600)
    onAboutToShow: {
        error = "";
        password.text = "";
        reason.text = "";
        password.forceActiveFocus();
    }

    Format { id: fmt }

    ColumnLayout {
        anchors.fill: parent
        spacing: 12

        Label {
            objectName: "signatureStatement"
            text: (dialog.action === "review" ? qsTr("By signing you confirm your review of version %1 of %2.")
                                              : qsTr("By signing you approve version %1 of %2."))
                  .arg(dialog.doc.version ?? "").arg((dialog.doc.id ?? "") + " “" + (dialog.doc.title ?? "") + "”")
            font.pixelSize: 15
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Rectangle {
            color: Qt.rgba(0.12, 0.23, 0.37, 0.07)
            border.color: Qt.rgba(0.12, 0.23, 0.37, 0.35)
            radius: 4
            Layout.fillWidth: true
            implicitHeight: meaningRow.implicitHeight + 20
            GridLayout {
                id: meaningRow
                anchors.fill: parent
                anchors.margins: 10
                columns: 2
                columnSpacing: 14
                rowSpacing: 4
                Label { text: qsTr("Meaning"); color: palette.placeholderText }
                Label { objectName: "signatureMeaning"; text: dialog.meaning; font.bold: true; font.pixelSize: 15 }
                Label { text: qsTr("Signer"); color: palette.placeholderText }
                Label { text: qsTr("%1 (%2)").arg(Desk.user.name ?? "").arg(Desk.user.id ?? "") }
                Label { text: qsTr("Date and time"); color: palette.placeholderText }
                Label { text: qsTr("recorded when you sign, in UTC") }
            }
        }
        Label {
            text: qsTr("Re-enter your password to sign")
            color: palette.placeholderText
        }
        TextField {
            id: password
            objectName: "signaturePassword"
            echoMode: TextInput.Password
            Layout.fillWidth: true
            Accessible.name: qsTr("Password")
            onAccepted: if (dialog.acceptEnabled) dialog.submitted(password.text, reason.text)
        }
        Label {
            visible: dialog.needsReason
            text: qsTr("Reason (recorded in the audit trail)")
            color: palette.placeholderText
        }
        TextField {
            id: reason
            visible: dialog.needsReason
            Layout.fillWidth: true
            Accessible.name: qsTr("Reason")
        }
        Label {
            text: qsTr("Your electronic signature is the legally binding equivalent of your handwritten signature. It is recorded in the audit trail with your printed name, the date and time, and its meaning, and it is shown with the document wherever the document is shown.")
            wrapMode: Text.Wrap
            font.italic: true
            color: palette.placeholderText
            Layout.fillWidth: true
        }
        Label {
            objectName: "signatureError"
            visible: dialog.error.length > 0
            text: dialog.error
            color: fmt.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
