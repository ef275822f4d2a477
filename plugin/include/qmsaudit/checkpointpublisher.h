// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/checkpoint.h>
#include <qmsaudit/checkpointsink.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>
#include <qmsaudit/signingkeyprovider.h>

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

namespace QmsAudit {

class AuditLog;
class EventReader;

/// A checkpoint as signed and sent.
struct PublishedCheckpoint {
    Checkpoint checkpoint;
    QByteArray note; ///< the signed note, as written beside the log and to the sinks
};

/**
 * Makes signed checkpoints of a log and puts them where they outlive a rollback of the log
 * (docs/anchors.md): the checkpoint file beside the log ("<log>.checkpoint", the newest only) and
 * every anchor sink the host names. The signing key comes from a SigningKeyProvider, apart from the
 * database key, on every publish().
 * @code
 * QmsAudit::SigningKeyFileProvider signing("/etc/qms/checkpoint.pem", QmsAudit::Checkpoint::defaultOrigin(log->logId()));
 * QmsAudit::CheckpointPublisher publisher(signing, {std::make_shared<QmsAudit::DirectoryCheckpointSink>("/mnt/anchor")});
 * auto published = publisher.publish(*log); // after a batch, every N events or T minutes
 * @endcode
 */
class QMSAUDIT_EXPORT CheckpointPublisher
{
public:
    explicit CheckpointPublisher(const SigningKeyProvider &signingKeys, QList<std::shared_ptr<CheckpointSink>> sinks = {});

    /// The origin of the checkpoints; Checkpoint::defaultOrigin() of the log's id unless set.
    void setOrigin(QString origin) { m_origin = std::move(origin); }
    QString originFor(const AuditLog &log) const;

    /**
     * Signs the log's tree head now and writes it beside the log and to every sink. Every sink is
     * tried; the error names each one that failed (the checkpoint exists where it did not).
     */
    Result<PublishedCheckpoint> publish(const AuditLog &log) const;
    /// The same for the log at @p logPath read by @p reader, under @p origin.
    Result<PublishedCheckpoint> publish(const EventReader &reader, const QString &logPath, const QString &origin) const;

    /**
     * The note of the largest checkpoint of @p origin found beside @p logPath or in a sink, with
     * where it was found; nullopt if there is none. Unverified: open it with the public key.
     */
    static Result<std::optional<std::pair<QByteArray, QString>>> newest(const QString &logPath, const QString &origin,
                                                                         const QList<std::shared_ptr<CheckpointSink>> &sinks);

    /// "<log>.checkpoint".
    static QString besideLogPath(const QString &logPath);
    /// The sinks a configuration names: a DirectoryCheckpointSink per directory, a
    /// FileCheckpointSink per file, a SyslogCheckpointSink per host:port, in that order.
    static QList<std::shared_ptr<CheckpointSink>> sinksFor(const QStringList &anchorDirs, const QStringList &anchorFiles,
                                                           const QStringList &syslogAddresses);
    const QList<std::shared_ptr<CheckpointSink>> &sinks() const { return m_sinks; }

private:
    const SigningKeyProvider &m_signingKeys;
    QList<std::shared_ptr<CheckpointSink>> m_sinks;
    QString m_origin;
};

} // namespace QmsAudit
