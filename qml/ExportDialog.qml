// SPDX-License-Identifier: LGPL-2.1-or-later
// Exports what a view shows (a filter's events, or a drawn sample) to a file: CSV (spreadsheet-safe
// unless the verbatim form is chosen), JSON Lines, the PDF events report, the PDF audit trail of
// the document the filter names, or an evidence pack signed with the auditor's key (a filter's
// events only), on a worker thread with progress and cancel. A finished export is recorded with
// the file's SHA-256 (trail_exported).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit

Dialog {
    id: dialog
    required property AuditLogSource log
    property AuditEventModel model: null
    property EventSample sample: null
    property string viewName: "AuditLogView"
    /// Only the audit-trail PDF of the document the model's filter names (DocumentHistoryView).
    property bool documentTrail: false
    /// "procedure SOP-017": the document the model's filter names (a view that knows it sets it: reading the
    /// model while its own bindings are still pending made a binding loop).
    property string documentName: model ? (model.objectType + " " + model.objectId).trim() : ""
    property alias exporter: exporter
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(680, (parent?.width ?? 720) - 40)
    modal: true
    closePolicy: exporter.running ? Popup.NoAutoClose : Popup.CloseOnEscape
    title: sample ? qsTr("Export the sample") : documentTrail ? qsTr("Audit trail of %1 as PDF").arg(documentName) : qsTr("Export events")
    onAboutToShow: if (pathField.text.length === 0 || exporter.finished) pathField.text = exporter.suggestedPath()

    EventExport {
        id: exporter
        log: dialog.log
        model: dialog.sample ? null : dialog.model
        sample: dialog.sample
        viewName: dialog.viewName
        format: dialog.documentTrail ? EventExport.DocumentTrailPdf : EventExport.CsvSpreadsheetSafe
        path: pathField.text
        signingKeyFile: keyField.text
        onFormatChanged: formatBox.currentIndex = formatBox.indexOfValue(format)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        Label {
            text: dialog.sample ? qsTr("The %1 drawn events of the sample with seed %2 (%3)").arg(dialog.sample.events.length)
                                      .arg(dialog.sample.drawnSeed).arg(dialog.sample.filterDescription)
                : dialog.documentTrail ? qsTr("Every event on %1, all versions, with the old and new value of every change and the meaning of every signature: the report that qms-audit export --document-report writes. The log is verified first.").arg(dialog.documentName)
                : qsTr("%1 events: %2").arg(dialog.model ? Number(dialog.model.totalCount).toLocaleString(Qt.locale("en_US"), "f", 0) : 0)
                                      .arg(dialog.model?.filterDescription ?? "")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ComboBox {
            id: formatBox
            objectName: "exportFormat"
            textRole: "title"
            valueRole: "value"
            visible: !dialog.documentTrail
            Accessible.name: qsTr("Format")
            Layout.fillWidth: true
            model: {
                if (dialog.documentTrail)
                    return [{ value: EventExport.DocumentTrailPdf, title: qsTr("PDF audit trail of %1").arg(dialog.documentName) }];
                const formats = [{ value: EventExport.CsvSpreadsheetSafe, title: qsTr("CSV, safe to open in a spreadsheet") },
                                 { value: EventExport.Csv, title: qsTr("CSV, verbatim (for programs, and to compare with the log)") },
                                 { value: EventExport.JsonLines, title: qsTr("JSON Lines (every field, read back by qms-audit import)") }];
                if (!dialog.sample) {
                    formats.push({ value: EventExport.Pdf, title: qsTr("PDF events report (verified, for people; at most 25,000 events)") });
                    formats.push({ value: EventExport.EvidencePack, title: qsTr("Evidence pack (zip: events, report, proofs, signed checkpoint)") });
                    // The document's whole trail, not only the events the rest of the filter lets through.
                    if ((dialog.model?.objectId ?? "").length > 0)
                        formats.push({ value: EventExport.DocumentTrailPdf, title: qsTr("PDF audit trail of %1 (every event on it, all versions)").arg(dialog.documentName) });
                }
                return formats;
            }
            onActivated: {
                exporter.format = currentValue;
                pathField.text = pathField.text.replace(/\.(csv|jsonl|pdf|zip)$/, "") + [".csv", ".csv", ".jsonl", ".pdf", ".zip", ".pdf"][currentValue];
            }
        }
        Label {
            objectName: "sampleFormatsNote"
            visible: dialog.sample !== null
            text: qsTr("The PDF report and the evidence pack cover a filter's events, not a sample: make them from the audit log view.")
            color: palette.placeholderText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextField {
            id: pathField
            objectName: "exportPath"
            placeholderText: qsTr("File to write, e.g. /home/auditor/q3-edits.csv")
            Accessible.name: qsTr("File to write")
            selectByMouse: true
            enabled: !exporter.running
            Layout.fillWidth: true
        }
        TextField {
            id: keyField
            objectName: "signingKeyField"
            visible: exporter.format === EventExport.EvidencePack
            placeholderText: qsTr("Signing key: a PEM Ed25519 private key, e.g. /home/auditor/checkpoint-key.pem")
            Accessible.name: qsTr("Signing key file")
            selectByMouse: true
            enabled: !exporter.running
            Layout.fillWidth: true
        }
        Label {
            objectName: "packNote"
            visible: keyField.visible
            text: qsTr("Signed with this key, the pack lets an inspector check the events offline (qms-audit verify-pack, or unzip, sha256sum and openssl). Hand over the public key separately. A log that fails verification gets no pack.")
            color: palette.placeholderText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: dialog.log?.recordsUse ? qsTr("An existing file is never overwritten. The export is recorded in the audit trail with the file's SHA-256.")
                                         : dialog.log?.recordingNote ?? ""
            color: palette.placeholderText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ProgressBar {
            visible: exporter.running || exporter.finished
            indeterminate: exporter.running && exporter.total < 0
            value: exporter.total > 0 ? exporter.written / exporter.total : exporter.ok ? 1 : 0
            Accessible.name: qsTr("Export progress")
            Layout.fillWidth: true
        }
        Label {
            visible: exporter.running
            text: exporter.total < 0 ? qsTr("Verifying the log for the report…")
                : exporter.format !== EventExport.EvidencePack ? qsTr("%1 of %2 events written…").arg(exporter.written).arg(exporter.total)
                : exporter.written < exporter.total ? qsTr("Collecting the proofs of %1 events and signing the checkpoint…").arg(exporter.total)
                : qsTr("Writing the pack…")
        }
        Label {
            objectName: "exportResult"
            visible: exporter.finished && !exporter.running
            text: exporter.ok ? qsTr("Wrote %1 events to %2.\nSHA-256 %3%4").arg(exporter.eventCount).arg(exporter.fileName).arg(exporter.sha256)
                                    .arg((exporter.format === EventExport.Pdf || exporter.format === EventExport.DocumentTrailPdf) && !exporter.verified ? qsTr("\nThe log failed verification: page 1 of the report shows the findings.")
                                         : exporter.treeSize > 0 ? qsTr("\nCheckpoint %1 at tree size %2.").arg(exporter.origin).arg(exporter.treeSize) : "")
                : exporter.cancelled ? qsTr("Cancelled: no file was written.") : exporter.errorString
            color: exporter.ok || exporter.cancelled ? palette.text : "#c62828"
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
            Accessible.name: text
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "exportButton"
            text: qsTr("Export")
            highlighted: true
            enabled: !exporter.running && pathField.text.length > 0
            onClicked: exporter.start()
        }
        Button {
            text: qsTr("Cancel export")
            enabled: exporter.running
            onClicked: exporter.cancel()
        }
        Button {
            text: qsTr("Close")
            enabled: !exporter.running
            onClicked: dialog.close()
        }
    }
}
