// SPDX-License-Identifier: LGPL-2.1-or-later
// Decides whether the viewer may see a view (`granted`), and is what the view shows instead of the
// trail when not: the source records the refusal (access_denied) once per view and permission.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit

Pane {
    id: pane
    required property AuditLogSource log
    required property string viewName
    property string permission: "trail.view"
    readonly property string viewerName: log?.viewerName ?? ""
    readonly property var permissions: log?.permissions ?? []
    // log.permissions is read so that the binding follows a change of viewer or roles.
    readonly property bool granted: log?.status === AuditLogSource.Ready && log?.permissions !== undefined
                                    && log?.requirePermission(permission, viewName)
    visible: log?.status === AuditLogSource.Ready && !granted
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
            // Only claim the attempt was recorded when it was: a file source without a host trail cannot record.
            text: (pane.log?.recordsUse ? qsTr("The attempt has been recorded in the audit trail.") : (pane.log?.recordingNote ?? ""))
                  + " " + qsTr("Ask your QMS administrator for a role that grants it (see the role_permissions setting).")
            wrapMode: Text.Wrap
            color: palette.placeholderText
            Layout.fillWidth: true
        }
    }
}
