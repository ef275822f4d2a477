// SPDX-License-Identifier: LGPL-2.1-or-later
// One line under a view: which log, who looks at it, and whether that is recorded.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit

RowLayout {
    id: bar
    required property AuditLogSource log
    property string extra: ""
    spacing: 12

    Label {
        text: bar.log?.status === AuditLogSource.Error ? qsTr("Cannot open the log: %1").arg(bar.log?.errorString)
            : bar.log?.status === AuditLogSource.Loading ? qsTr("Opening %1…").arg(bar.log?.logPath)
            : qsTr("Log %1 · viewer %2").arg(bar.log?.logName).arg(bar.log?.viewerName || qsTr("unknown"))
        color: bar.log?.status === AuditLogSource.Error ? "#c62828" : palette.text
        elide: Text.ElideMiddle
        // Whole up to 400 px, elided in the middle beyond; not tied to the bar's width, which is
        // still 0 when a hidden view is laid out (the name then stayed empty).
        Layout.minimumWidth: Math.min(implicitWidth, 400)
        Layout.maximumWidth: 400
        Accessible.name: text
    }
    Label {
        visible: text.length > 0
        text: (bar.log?.recordError.length > 0 ? bar.log?.recordError : bar.log?.recordingNote) ?? ""
        color: bar.log?.recordError.length > 0 ? "#c62828" : palette.placeholderText
        elide: Text.ElideRight
        horizontalAlignment: Text.AlignRight
        Layout.fillWidth: true
        Layout.preferredWidth: 0 // takes what the log's name leaves
        Accessible.name: text
    }
    Label {
        visible: bar.extra.length > 0
        text: bar.extra
    }
}
