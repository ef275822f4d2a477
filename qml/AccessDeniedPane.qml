// SPDX-License-Identifier: LGPL-2.1-or-later
// What a view shows instead of the trail when the viewer lacks the permission (the refusal is recorded).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit

Pane {
    id: pane
    property string permission
    property string viewerName
    property var permissions: []
    Accessible.role: Accessible.AlertMessage
    Accessible.name: title.text

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 640)
        spacing: 12
        Label {
            id: title
            text: qsTr("You do not have access to the audit trail")
            font.pixelSize: 22
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("This view needs the permission “%1”. %2 holds: %3.")
                .arg(pane.permission)
                .arg(pane.viewerName.length > 0 ? pane.viewerName : qsTr("The current user"))
                .arg(pane.permissions.length > 0 ? pane.permissions.join(", ") : qsTr("no audit-trail permissions"))
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("The attempt has been recorded in the audit trail. Ask your QMS administrator for a role that grants it (see the role_permissions setting).")
            wrapMode: Text.Wrap
            color: palette.placeholderText
            Layout.fillWidth: true
        }
    }
}
