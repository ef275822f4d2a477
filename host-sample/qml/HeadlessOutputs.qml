// SPDX-License-Identifier: LGPL-2.1-or-later
// The headless demo's evidence, made with the QmsAudit QML module's own types on the host's trail,
// as the auditor and the manager would make them in the views: a document's events as CSV and its
// audit-trail PDF, a verification of the whole log, and the management-review report PDF.
// HeadlessDemo sets the properties, calls runAuditor() or runManager() and waits for done().
import QtQuick
import QmsAudit

QtObject {
    id: root

    property var viewer: ({})
    property string documentId
    property string csvPath
    property string trailPdfPath
    property string reviewPdfPath
    property string period
    property var results: ({})

    property bool succeeded: false
    property string failure
    signal done()

    function finish(ok, message) {
        succeeded = ok
        failure = message
        done()
    }

    property AuditLogSource source: AuditLogSource {
        viewer: root.viewer
    }
    property AuditEventModel documentEvents: AuditEventModel {
        log: root.source
        viewName: "Document history"
        objectId: root.documentId
        newestFirst: false
    }
    property EventExport csv: EventExport {
        log: root.source
        model: root.documentEvents
        viewName: "Document history"
        format: EventExport.CsvSpreadsheetSafe
        path: root.csvPath
        onFinishedChanged: if (finished) root.csvFinished()
    }
    property EventExport trailPdf: EventExport {
        log: root.source
        model: root.documentEvents
        viewName: "Document history"
        format: EventExport.DocumentTrailPdf
        path: root.trailPdfPath
        onFinishedChanged: if (finished) root.trailPdfFinished()
    }
    property IntegrityCheck integrity: IntegrityCheck {
        log: root.source
        onFinishedChanged: if (finished) root.integrityFinished()
    }
    property ManagementReview review: ManagementReview {
        log: root.source
        readsFigures: false // the report reads what it needs itself
        onReportFinished: ok => root.reviewFinished(ok)
    }

    property string phase
    property bool waitingForSource: false

    function whenReady(next) {
        if (source.status === AuditLogSource.Ready)
            next()
        else if (source.status === AuditLogSource.Error)
            finish(false, "the audit log cannot be read: " + source.errorString)
        else
            Qt.callLater(function() { whenReady(next) })
    }

    function runAuditor() {
        phase = "auditor"
        whenReady(function() {
            if (!csv.start())
                finish(false, "CSV export: " + csv.errorString)
        })
    }
    function csvFinished() {
        if (!csv.ok)
            return finish(false, "CSV export: " + csv.errorString)
        results.csvEvents = csv.eventCount
        results.csvSha256 = csv.sha256
        if (!trailPdf.start())
            finish(false, "audit-trail PDF: " + trailPdf.errorString)
    }
    function trailPdfFinished() {
        if (!trailPdf.ok)
            return finish(false, "audit-trail PDF: " + trailPdf.errorString)
        results.trailPdfEvents = trailPdf.eventCount
        results.trailPdfSha256 = trailPdf.sha256
        integrity.start()
    }
    function integrityFinished() {
        results.verified = integrity.ok
        results.eventCount = integrity.eventCount
        results.lastSeq = integrity.lastSeq
        results.headHash = integrity.headHash
        results.summary = integrity.summary
        results.findings = integrity.findings
        results.elapsedMs = integrity.elapsedMs
        finish(true, "")
    }

    function runManager() {
        phase = "manager"
        whenReady(function() {
            review.period = root.period
            if (!review.writeReport(root.reviewPdfPath))
                finish(false, "management-review report: " + review.reportError)
        })
    }
    function reviewFinished(ok) {
        if (!ok)
            return finish(false, "management-review report: " + review.reportError)
        results.reviewPeriod = review.reportPeriod
        results.reviewEvents = review.reportEventCount
        results.reviewSha256 = review.reportSha256
        results.reviewVerified = review.reportVerified
        finish(true, "")
    }
}
