// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qmleventexport.h"

#include <qmsaudit/checkpoint.h>
#include <qmsaudit/clock.h>
#include <qmsaudit/documenttrailreport.h>
#include <qmsaudit/eventexportfile.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/eventsreport.h>
#include <qmsaudit/evidencepackexport.h>
#include <qmsaudit/signingkeyfileprovider.h>

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace QmsAudit {

namespace {

/// A path, or the local file of a file: URL (what a file dialog gives).
QString localPath(const QString &pathOrUrl)
{
    const QUrl url(pathOrUrl);
    return url.isLocalFile() ? url.toLocalFile() : pathOrUrl.trimmed();
}

/// What a document's audit-trail report covers, and what its record states: the object alone.
EventFilter documentOf(const EventFilter &filter)
{
    EventFilter document;
    document.objectType = filter.objectType;
    document.objectId = filter.objectId;
    return document;
}

/// @p text as a file-name part: a document id may hold "/" or spaces.
QString fileNamePart(const QString &text)
{
    QString part = text;
    for (QChar &c : part) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_' && c != u'.')
            c = u'_';
    }
    return part;
}

} // namespace

/// What the worker hands back.
struct QmlEventExport::Outcome {
    qint64 eventCount = 0;
    QByteArray sha256;
    std::optional<bool> verified; ///< PDF reports
    std::optional<TrailExportRecord> record; ///< EvidencePack: the whole record, as EvidencePackExport states it
    std::optional<Error> error;
};

QmlEventExport::QmlEventExport(QObject *parent)
    : QObject(parent)
{
    connect(&m_run, &QFutureWatcher<std::shared_ptr<Outcome>>::finished, this, &QmlEventExport::finish);
}

QmlEventExport::~QmlEventExport()
{
    cancel();
    m_run.waitForFinished();
}

bool QmlEventExport::isRunning() const { return m_running; }
qint64 QmlEventExport::written() const { return m_written; }
qint64 QmlEventExport::total() const { return m_total; }
bool QmlEventExport::isFinished() const { return m_finished; }
bool QmlEventExport::isOk() const { return m_ok; }
bool QmlEventExport::isCancelled() const { return m_cancelled; }
QString QmlEventExport::errorString() const { return m_errorString; }
QString QmlEventExport::fileName() const { return m_ok ? m_record.fileName : QString(); }
QString QmlEventExport::sha256() const { return m_ok ? QString::fromLatin1(m_record.sha256.toHex()) : QString(); }
qint64 QmlEventExport::eventCount() const { return m_ok ? m_record.eventCount : 0; }
bool QmlEventExport::isVerified() const { return m_ok && m_record.verified.value_or(false); }
qint64 QmlEventExport::treeSize() const { return m_ok ? m_record.treeSize.value_or(0) : 0; }
QString QmlEventExport::origin() const { return m_ok ? m_record.origin : QString(); }

bool QmlEventExport::refuse(const QString &message)
{
    m_finished = true;
    m_ok = false;
    m_cancelled = false;
    m_errorString = message;
    Q_EMIT resultChanged();
    return false;
}

void QmlEventExport::setProgress(qint64 written, qint64 total)
{
    m_written = written;
    m_total = total;
    Q_EMIT progressChanged();
}

QString QmlEventExport::suggestedPath() const
{
    const QString extension = m_format == JsonLines                         ? QStringLiteral("jsonl")
                            : m_format == Pdf || m_format == DocumentTrailPdf ? QStringLiteral("pdf")
                            : m_format == EvidencePack                      ? QStringLiteral("zip")
                                                                             : QStringLiteral("csv");
    const QString document = m_model && !m_sample ? m_model->filter().objectId : QString();
    const QString what = m_sample                                          ? QStringLiteral("sample")
                       : m_format == EvidencePack                          ? QStringLiteral("evidence-pack")
                       : m_format == DocumentTrailPdf && !document.isEmpty() ? fileNamePart(document) + QStringLiteral("-audit-trail")
                                                                           : QStringLiteral("events");
    const QString log = m_source ? QFileInfo(m_source->logName()).completeBaseName() : QString();
    const QString name = QStringLiteral("%1-%2-%3.%4")
                             .arg(log.isEmpty() ? QStringLiteral("audit-trail") : log, what, QDate::currentDate().toString(Qt::ISODate), extension);
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name);
}

bool QmlEventExport::start()
{
    if (m_running)
        return false;
    if (!m_source || !m_source->reader())
        return refuse(tr("The log is not open."));
    if (!m_source->requirePermission(AccessPolicy::Export, m_viewName))
        return refuse(tr("Exporting events needs the permission “%1”.").arg(AccessPolicy::Export));
    const QString path = localPath(m_path);
    if (path.isEmpty())
        return refuse(tr("Choose the file to write."));
    if (QFileInfo::exists(path))
        return refuse(tr("%1 exists; an export never overwrites a file.").arg(path));
    const bool ofSample = m_sample != nullptr;
    const bool pack = m_format == EvidencePack;
    const bool document = m_format == DocumentTrailPdf;
    if (ofSample && !m_sample->sample())
        return refuse(tr("Draw the sample first."));
    if (ofSample && m_format == Pdf)
        return refuse(tr("A sample is exported as CSV or JSON Lines; the PDF report covers a filter's events."));
    if (ofSample && document)
        return refuse(tr("A sample is exported as CSV or JSON Lines; the audit-trail PDF covers one document: make it from the "
                         "document history."));
    if (ofSample && pack) {
        return refuse(tr("A sample is exported as CSV or JSON Lines; an evidence pack covers a filter's events: make it from the "
                         "audit log view."));
    }
    if (!ofSample && (!m_model || !m_model->isFilterValid()))
        return refuse(m_model ? m_model->filterDescription() : tr("No events to export."));
    if (document && m_model->filter().objectId.isEmpty())
        return refuse(tr("The audit-trail PDF covers one document: the filter must name its object id."));
    const QString keyPath = localPath(m_signingKeyFile);
    if (pack && keyPath.isEmpty())
        return refuse(tr("Choose the signing key file: the PEM Ed25519 private key that signs the evidence pack."));

    m_record = {};
    m_record.fileName = QFileInfo(path).fileName();
    const auto fileFormat = m_format == JsonLines ? EventExportWriter::Format::JsonLines : EventExportWriter::Format::Csv;
    const CsvCells cells = m_format == CsvSpreadsheetSafe ? CsvCells::SpreadsheetSafe : CsvCells::Verbatim;
    const bool pdf = m_format == Pdf || document;
    m_record.format = pdf ? QStringLiteral("pdf") : TrailExportRecord::formatName(fileFormat, cells);
    QList<qint64> seqs;
    if (ofSample) {
        m_record.sample = m_sample->sample();
        seqs = m_record.sample->seqs + m_record.sample->targetedSeqs;
    } else {
        // As `export --document-report` records it: the report covers the document, nothing narrower.
        m_record.filter = document ? documentOf(m_model->filter()) : m_model->filter();
    }
    if (pdf)
        m_record.report = document ? QStringLiteral("document") : QStringLiteral("events");
    if (pack)
        m_record = EvidencePackExport::record(m_record.filter, path);

    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_finished = m_ok = m_cancelled = false;
    m_errorString.clear();
    setProgress(0, ofSample ? seqs.size() : -1);
    Q_EMIT resultChanged();

    EvidenceHeader header;
    header.generatedBy = m_source->reportAuthor();
    header.generatedAtUs = SystemClock().nowUtcMicros();
    // Progress is posted to this object's thread; `this` outlives the run (the destructor waits).
    const auto report = [this](qint64 written, qint64 total) {
        QMetaObject::invokeMethod(this, [this, written, total] { setProgress(written, total); }, Qt::QueuedConnection);
    };
    m_running = true;
    m_run.setFuture(QtConcurrent::run([reader = m_source->reader(), filter = m_record.filter, seqs, ofSample, pdf, document, pack,
                                       keyPath, fileFormat, cells, path, cancel = m_cancel, header = std::move(header), report]() mutable {
        auto outcome = std::make_shared<Outcome>();
        if (pack) {
            // Signed under the checkpoint's origin, as `qms-audit export --pack` signs without --key-name.
            const SigningKeyFileProvider keys(keyPath, Checkpoint::defaultOrigin(reader->logId()));
            EvidencePackExportControl control;
            control.cancel = cancel.get();
            control.progress = report;
            auto written = EvidencePackExport::write(*reader, filter, std::move(header), keys, path, control);
            if (!written)
                outcome->error = written.error();
            else
                outcome->record = written->record;
            return outcome;
        }
        if (pdf) {
            auto built = document ? DocumentTrailReport::build(*reader, filter.objectType, filter.objectId, std::move(header))
                                  : EventsReport::build(*reader, filter, std::move(header));
            if (!built) {
                outcome->error = built.error();
                return outcome;
            }
            if (cancel->load()) {
                outcome->error = Error(ErrorCode::Cancelled, QStringLiteral("The export to %1 was cancelled; no file was written.").arg(path));
                return outcome;
            }
            report(0, built->header.eventCount);
            if (auto saved = built->document.savePdf(path); !saved) {
                outcome->error = saved.error();
                return outcome;
            }
            outcome->eventCount = built->header.eventCount;
            outcome->verified = built->header.verification.ok;
            report(outcome->eventCount, outcome->eventCount);
        } else {
            EventExportControl control;
            control.cancel = cancel.get();
            qint64 total = seqs.size();
            if (!ofSample) {
                // Up to the head as it is now: the file and its count describe the same events.
                auto head = reader->head();
                auto count = head ? reader->count(filter, cancel.get()) : Result<qint64>(head.error());
                if (!count) {
                    outcome->error = count.error();
                    return outcome;
                }
                control.upToSeq = head->seq;
                total = *count;
            }
            control.progress = [&report, &total](qint64 written) { report(written, std::max(total, written)); };
            report(0, total);
            auto written = ofSample ? EventExportFile::writeSeqs(*reader, seqs, fileFormat, cells, path, control)
                                    : EventExportFile::write(*reader, filter, fileFormat, cells, path, control);
            if (!written) {
                outcome->error = written.error();
                return outcome;
            }
            outcome->eventCount = *written;
            report(*written, *written);
        }
        auto sha256 = EventExportFile::sha256(path);
        if (!sha256)
            outcome->error = sha256.error();
        else
            outcome->sha256 = *sha256;
        return outcome;
    }));
    Q_EMIT runningChanged();
    return true;
}

void QmlEventExport::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void QmlEventExport::finish()
{
    const std::shared_ptr<Outcome> outcome = m_run.result();
    m_finished = true;
    m_cancelled = outcome->error && outcome->error->code() == ErrorCode::Cancelled;
    m_ok = !outcome->error;
    m_errorString = outcome->error ? outcome->error->message() : QString();
    if (m_ok) {
        if (outcome->record) {
            m_record = *outcome->record;
        } else {
            m_record.eventCount = outcome->eventCount;
            m_record.sha256 = outcome->sha256;
            m_record.verified = outcome->verified;
        }
        if (m_source)
            m_source->noteExported(m_record, m_viewName);
    }
    Q_EMIT resultChanged();
    m_running = false;
    Q_EMIT runningChanged();
}

} // namespace QmsAudit
