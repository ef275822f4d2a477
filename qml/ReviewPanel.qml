// SPDX-License-Identifier: LGPL-2.1-or-later
// The review side of SamplingView: mark events reviewed, record a finding, sign the statement
// "audit trail reviewed for period X, scope Y, result R". Each is a review_recorded event on the
// host trail; the panel shows its seq, or why it was not recorded.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit

ScrollView {
    id: panel
    required property TrailReview review
    required property AuditLogSource log
    /// The events a review covers: the selected rows, else every drawn event.
    property var seqs: []
    contentWidth: availableWidth
    clip: true

    function day(text) {
        return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? new Date(text.trim() + "T00:00:00Z") : new Date(NaN);
    }

    ColumnLayout {
        width: panel.availableWidth
        spacing: 8

        Label { text: qsTr("Review"); font.bold: true; font.pixelSize: 16 }
        Label {
            objectName: "reviewNote"
            visible: !panel.review.canRecord
            text: panel.review.note
            color: palette.placeholderText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextArea {
            id: comment
            placeholderText: qsTr("Comment: what was checked; for a finding, what was found")
            Accessible.name: qsTr("Review comment")
            wrapMode: TextEdit.Wrap
            enabled: panel.review.canRecord
            Layout.fillWidth: true
            Layout.preferredHeight: 72
        }
        RowLayout {
            spacing: 6
            Button {
                text: qsTr("Mark %1 reviewed").arg(panel.seqs.length)
                enabled: panel.review.canRecord && panel.seqs.length > 0
                Accessible.name: qsTr("Mark the events reviewed")
                onClicked: if (panel.review.markReviewed(panel.seqs, comment.text)) comment.text = ""
            }
            Button {
                text: qsTr("Record finding")
                enabled: panel.review.canRecord && panel.seqs.length > 0
                Accessible.name: qsTr("Record a finding in the events")
                onClicked: if (panel.review.recordFinding(panel.seqs, comment.text)) comment.text = ""
            }
        }

        MenuSeparator { Layout.fillWidth: true }
        Label { text: qsTr("Signed statement"); font.bold: true }
        Label {
            text: qsTr("“Audit trail reviewed for period X, scope Y, result R”, signed by %1; the time and the meaning are part of the signature.")
                      .arg(panel.log?.viewerName || qsTr("the viewer"))
            color: palette.placeholderText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        GridLayout {
            columns: 2
            columnSpacing: 8
            rowSpacing: 4
            enabled: panel.review.canRecord
            Layout.fillWidth: true
            Label { text: qsTr("Period from") }
            TextField { id: periodFrom; placeholderText: qsTr("YYYY-MM-DD"); Accessible.name: qsTr("Period from"); Layout.fillWidth: true }
            Label { text: qsTr("to (inclusive)") }
            TextField { id: periodTo; placeholderText: qsTr("YYYY-MM-DD"); Accessible.name: qsTr("Period to"); Layout.fillWidth: true }
            Label { text: qsTr("Scope") }
            TextField { id: scope; placeholderText: qsTr("e.g. all GMP documents"); Accessible.name: qsTr("Scope"); Layout.fillWidth: true }
            Label { text: qsTr("Result") }
            TextField { id: result; placeholderText: qsTr("e.g. no findings"); Accessible.name: qsTr("Result"); Layout.fillWidth: true }
            Label { text: qsTr("Meaning") }
            TextField { id: meaning; placeholderText: qsTr("e.g. reviewed as QA auditor"); Accessible.name: qsTr("Meaning of the signature"); Layout.fillWidth: true }
        }
        Button {
            text: qsTr("Sign statement")
            enabled: panel.review.canRecord
            Accessible.name: qsTr("Sign the review statement")
            onClicked: {
                const to = panel.day(periodTo.text);
                // "to" is inclusive for people; the record states the period as [from, to).
                if (panel.review.signStatement(panel.day(periodFrom.text), isNaN(to.getTime()) ? to : new Date(to.getTime() + 24 * 3600 * 1000),
                                               scope.text, result.text, meaning.text, comment.text))
                    comment.text = "";
            }
        }

        Label {
            objectName: "reviewRecorded"
            visible: panel.review.recordedSeq > 0 && panel.review.errorString.length === 0
            text: qsTr("Recorded: %1, seq %2").arg(panel.review.recordedKind).arg(panel.review.recordedSeq)
            color: "#2e7d32"
            Accessible.name: text
        }
        Label {
            objectName: "reviewError"
            visible: text.length > 0
            text: panel.review.errorString
            color: "#c62828"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }
}
