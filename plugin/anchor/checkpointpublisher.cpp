// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/checkpointpublisher.h>

#include "anchor/storednotes_p.h"
#include "storage/durablefile_p.h"

#include <qmsaudit/auditlog.h>
#include <qmsaudit/checkpointnote.h>
#include <qmsaudit/directorycheckpointsink.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/filecheckpointsink.h>
#include <qmsaudit/syslogcheckpointsink.h>

#include <QFile>

namespace QmsAudit {

CheckpointPublisher::CheckpointPublisher(const SigningKeyProvider &signingKeys, QList<std::shared_ptr<CheckpointSink>> sinks)
    : m_signingKeys(signingKeys)
    , m_sinks(std::move(sinks))
{
}

QString CheckpointPublisher::besideLogPath(const QString &logPath)
{
    return logPath + QStringLiteral(".checkpoint");
}

QList<std::shared_ptr<CheckpointSink>> CheckpointPublisher::sinksFor(const QStringList &anchorDirs, const QStringList &anchorFiles,
                                                                     const QStringList &syslogAddresses)
{
    QList<std::shared_ptr<CheckpointSink>> sinks;
    for (const QString &directory : anchorDirs)
        sinks.append(std::make_shared<DirectoryCheckpointSink>(directory));
    for (const QString &file : anchorFiles)
        sinks.append(std::make_shared<FileCheckpointSink>(file));
    for (const QString &address : syslogAddresses)
        sinks.append(std::make_shared<SyslogCheckpointSink>(address));
    return sinks;
}

QString CheckpointPublisher::originFor(const AuditLog &log) const
{
    return m_origin.isEmpty() ? Checkpoint::defaultOrigin(log.logId()) : m_origin;
}

Result<PublishedCheckpoint> CheckpointPublisher::publish(const AuditLog &log) const
{
    auto reader = log.reader();
    if (!reader)
        return reader.error();
    return publish(**reader, log.path(), originFor(log));
}

Result<PublishedCheckpoint> CheckpointPublisher::publish(const EventReader &reader, const QString &logPath, const QString &origin) const
{
    auto signer = m_signingKeys.fetchSigner();
    if (!signer)
        return signer.error();
    auto head = reader.treeHead();
    if (!head)
        return head.error();
    auto checkpoint = Checkpoint::create(origin, head->size, head->rootHash);
    if (!checkpoint)
        return checkpoint.error();
    auto note = CheckpointNote::sign(*checkpoint, *signer);
    if (!note)
        return note.error();
    QStringList failures;
    ErrorCode code = ErrorCode::None;
    const auto attempt = [&](const Result<void> &written) {
        if (!written) {
            failures.append(written.error().message());
            if (code == ErrorCode::None || written.error().code() == ErrorCode::IntegrityFailure)
                code = written.error().code(); // a fork outranks an unreachable sink
        }
    };
    attempt(DurableFile::replace(besideLogPath(logPath), *note));
    for (const auto &sink : m_sinks)
        attempt(sink->publish(*checkpoint, *note));
    if (!failures.isEmpty()) {
        return Error(code, QStringLiteral("The checkpoint of %1 events was not written everywhere: %2")
                               .arg(checkpoint->treeSize())
                               .arg(failures.join(QLatin1Char(' '))));
    }
    return PublishedCheckpoint{*checkpoint, *note};
}

Result<std::optional<std::pair<QByteArray, QString>>> CheckpointPublisher::newest(const QString &logPath, const QString &origin,
                                                                                  const QList<std::shared_ptr<CheckpointSink>> &sinks)
{
    QList<QByteArray> notes;
    QStringList sources; ///< where notes[i] was found
    QFile beside(besideLogPath(logPath));
    if (beside.open(QIODevice::ReadOnly)) {
        notes.append(beside.readAll());
        sources.append(beside.fileName());
    }
    for (const auto &sink : sinks) {
        auto note = sink->newest(origin);
        if (!note)
            return note.error();
        if (*note) {
            notes.append(**note);
            sources.append(sink->description());
        }
    }
    if (const auto index = StoredNotes::newestIndex(notes, origin))
        return std::optional<std::pair<QByteArray, QString>>({notes.at(*index), sources.at(*index)});
    return std::optional<std::pair<QByteArray, QString>>();
}

} // namespace QmsAudit
