// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "qmlauditeventmodel.h"
#include "qmlauditlogsource.h"
#include "qmleventsample.h"

#include <qmsaudit/trailexportrecord.h>

#include <QFutureWatcher>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>

namespace QmsAudit {

/**
 * Exports the events of a model's filter, or a drawn sample, to a file on a worker thread:
 * CSV (spreadsheet-safe by default, or verbatim), JSON Lines, the PDF events report
 * (QmsAudit::Report), the PDF audit-trail report of the document the filter names
 * (DocumentTrailReport, as `qms-audit export --document-report` makes it), or an evidence pack
 * signed with the key in signingKeyFile (EvidencePackExport, as `qms-audit export --pack` makes
 * it; a filter's events only). Progress
 * counts the events written; a cancelled or failed export leaves no file (EventExportFile,
 * ReportDocument::savePdf, EvidencePackExport). A finished export is recorded through the source
 * as trail_exported with the filter and the file's SHA-256 (a pack also with its tree size and
 * origin), as `qms-audit export` records it. Needs trail.export; an existing file is never
 * overwritten.
 */
class QmlEventExport : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(EventExport)
    Q_PROPERTY(QmsAudit::QmlAuditLogSource *log MEMBER m_source NOTIFY logChanged)
    /**
     * The events of its filter are exported (unless sample is set). DocumentTrailPdf takes only the
     * object type and id from it: the report is that document's whole trail.
     */
    Q_PROPERTY(QmsAudit::QmlAuditEventModel *model MEMBER m_model NOTIFY logChanged)
    /// A drawn sample: its events are exported, random picks then targeted ones (CSV or JSON Lines;
    /// the PDF report and the evidence pack cover a filter's events).
    Q_PROPERTY(QmsAudit::QmlEventSample *sample MEMBER m_sample NOTIFY logChanged)
    /// Recorded as the "view" of trail_exported, and named in access_denied.
    Q_PROPERTY(QString viewName MEMBER m_viewName NOTIFY logChanged)
    Q_PROPERTY(Format format MEMBER m_format NOTIFY formatChanged)
    /// The file to write: a path or a file: URL.
    Q_PROPERTY(QString path MEMBER m_path NOTIFY pathChanged)
    /**
     * EvidencePack: the PEM Ed25519 private key that signs the pack (as `openssl genpkey -algorithm
     * ed25519` makes it, readable by its owner only), a path or a file: URL. Read through
     * SigningKeyFileProvider when the export runs; never logged nor recorded.
     */
    Q_PROPERTY(QString signingKeyFile MEMBER m_signingKeyFile NOTIFY signingKeyFileChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    Q_PROPERTY(qint64 written READ written NOTIFY progressChanged)
    /// Events to write; -1 until known (a PDF report knows them once the log is verified).
    Q_PROPERTY(qint64 total READ total NOTIFY progressChanged)
    /// Whether an export ended (the fields below describe it).
    Q_PROPERTY(bool finished READ isFinished NOTIFY resultChanged)
    Q_PROPERTY(bool ok READ isOk NOTIFY resultChanged)
    Q_PROPERTY(bool cancelled READ isCancelled NOTIFY resultChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY resultChanged)
    /// The written file's name and SHA-256 (hex), as recorded.
    Q_PROPERTY(QString fileName READ fileName NOTIFY resultChanged)
    Q_PROPERTY(QString sha256 READ sha256 NOTIFY resultChanged)
    Q_PROPERTY(qint64 eventCount READ eventCount NOTIFY resultChanged)
    /// PDF reports: whether the log passed the verification their page 1 states (a pack is only made of a log that did).
    Q_PROPERTY(bool verified READ isVerified NOTIFY resultChanged)
    /// EvidencePack: the tree size its checkpoint signs, and that checkpoint's origin.
    Q_PROPERTY(qint64 treeSize READ treeSize NOTIFY resultChanged)
    Q_PROPERTY(QString origin READ origin NOTIFY resultChanged)

public:
    /**
     * DocumentTrailPdf: every event on the object the model's filter names (objectId; objectType
     * may stay empty while the id names objects of one type), all versions, with old and new
     * values and signature meanings, whatever else the filter narrows. Appended last: the values
     * of the others stay as they were.
     */
    enum Format { CsvSpreadsheetSafe, Csv, JsonLines, Pdf, EvidencePack, DocumentTrailPdf };
    Q_ENUM(Format)

    explicit QmlEventExport(QObject *parent = nullptr);
    ~QmlEventExport() override; ///< cancels an export and waits for it

    bool isRunning() const;
    qint64 written() const;
    qint64 total() const;
    bool isFinished() const;
    bool isOk() const;
    bool isCancelled() const;
    QString errorString() const;
    QString fileName() const;
    QString sha256() const;
    qint64 eventCount() const;
    bool isVerified() const;
    qint64 treeSize() const;
    QString origin() const;

    /// A file in the user's documents folder named after the log, the day and the format.
    Q_INVOKABLE QString suggestedPath() const;
    /// Starts the export; false (and errorString) when it cannot start.
    Q_INVOKABLE bool start();
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void logChanged();
    void formatChanged();
    void pathChanged();
    void signingKeyFileChanged();
    void runningChanged();
    void progressChanged();
    void resultChanged();

private:
    struct Outcome;
    bool refuse(const QString &message);
    void finish();
    void setProgress(qint64 written, qint64 total);

    QPointer<QmlAuditLogSource> m_source;
    QPointer<QmlAuditEventModel> m_model;
    QPointer<QmlEventSample> m_sample;
    QString m_viewName = QStringLiteral("AuditLogView");
    Format m_format = CsvSpreadsheetSafe;
    QString m_path;
    QString m_signingKeyFile;
    bool m_running = false; ///< until finish() ran: the watcher stops running before its finished() arrives
    QFutureWatcher<std::shared_ptr<Outcome>> m_run;
    std::shared_ptr<std::atomic_bool> m_cancel;
    qint64 m_written = 0;
    qint64 m_total = -1;
    bool m_finished = false;
    bool m_ok = false;
    bool m_cancelled = false;
    QString m_errorString;
    TrailExportRecord m_record;
};

} // namespace QmsAudit
