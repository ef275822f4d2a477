// SPDX-License-Identifier: LGPL-2.1-or-later
// Saves the management review report of the period on screen as PDF (the report qms-audit
// review-report writes), built on a worker thread. The path is typed, as in ExportDialog: no file
// dialog (QtQuick.Dialogs would be one more module for hosts to install). A written report is
// recorded with the file's SHA-256 (trail_exported); an existing file is never replaced.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit

Dialog {
    id: dialog
    required property ManagementReview review
    required property AuditLogSource log
    property alias path: pathField.text
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(680, (parent?.width ?? 720) - 40)
    modal: true
    closePolicy: review.reportRunning ? Popup.NoAutoClose : Popup.CloseOnEscape
    title: qsTr("Save the management review as PDF")
    onAboutToShow: if (pathField.text.length === 0 || review.reportOk) pathField.text = review.suggestedReportPath()

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        Label {
            text: qsTr("The management review of %1 (%2)%3: key figures, charts, integrity, audit-trail review coverage, stale documents and anomaly flags, as qms-audit review-report writes it. The log is verified first.")
                .arg(dialog.review.periodLabel).arg(dialog.review.periodRange)
                .arg(dialog.review.comparePrevious && dialog.review.previousLabel.length > 0 ? qsTr(", compared with %1").arg(dialog.review.previousLabel) : "")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextField {
            id: pathField
            objectName: "reportPath"
            placeholderText: qsTr("File to write, e.g. /home/qm/review-2026-q3.pdf")
            Accessible.name: qsTr("File to write")
            selectByMouse: true
            enabled: !dialog.review.reportRunning
            Layout.fillWidth: true
        }
        Label {
            text: dialog.log?.recordsUse ? qsTr("An existing file is never replaced. The report is recorded in the audit trail with the file's SHA-256.")
                                         : dialog.log?.recordingNote ?? ""
            color: palette.placeholderText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ProgressBar {
            visible: dialog.review.reportRunning
            indeterminate: true
            Accessible.name: qsTr("Report progress")
            Layout.fillWidth: true
        }
        Label {
            visible: dialog.review.reportRunning
            text: qsTr("Verifying the log, reading the period and drawing the charts…")
        }
        Label {
            objectName: "reportResult"
            visible: !dialog.review.reportRunning && (dialog.review.reportOk || dialog.review.reportError.length > 0)
            text: dialog.review.reportOk
                  ? qsTr("Wrote the management review %1 (%2 events) to %3.\nSHA-256 %4%5").arg(dialog.review.reportPeriod)
                        .arg(dialog.review.reportEventCount).arg(dialog.review.reportFileName).arg(dialog.review.reportSha256)
                        .arg(dialog.review.reportVerified ? "" : qsTr("\nThe log failed verification: page 1 of the report shows the findings."))
                  : dialog.review.reportError
            color: dialog.review.reportOk ? palette.text : "#c62828"
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
            Accessible.name: text
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "saveReportButton"
            text: qsTr("Save")
            highlighted: true
            enabled: !dialog.review.reportRunning && pathField.text.length > 0
            onClicked: dialog.review.writeReport(pathField.text)
        }
        Button {
            text: qsTr("Close")
            enabled: !dialog.review.reportRunning
            onClicked: dialog.close()
        }
    }
}
