// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/audittrailconfig.h>
#include <qmsaudit/checkpointpublisher.h>

#include <QMutex>

#include <memory>

namespace QmsAudit {

class EventReader;

/**
 * The checkpoints an AuditTrail makes of its log (AuditTrailConfig::checkpoints,
 * docs/anchors.md): it compares the log with the newest checkpoint beside it or in the anchors
 * when the trail opens, and signs and anchors a new one every N events or T minutes, on demand
 * and when the trail closes. Thread-safe: the writer's thread and the host's call it.
 */
class TrailCheckpointer
{
public:
    /// The checkpointer of @p settings (which must be enabled()) for the log at @p logPath.
    static Result<std::unique_ptr<TrailCheckpointer>> create(const AuditTrailConfig::Checkpoints &settings, QString logPath,
                                                            const QString &logId);

    /// Refuses a log that does not extend the newest checkpoint found (cut short, rolled back, rewritten).
    Result<void> checkLog(const EventReader &reader) const;
    /**
     * After events up to @p headSeq were recorded: is a checkpoint due? Called for every recorded
     * event, so it only compares counters; a true answer counts as the checkpoint's attempt.
     */
    bool isDue(qint64 headSeq, qint64 nowMs);
    /// A checkpoint now.
    Result<PublishedCheckpoint> publish(const EventReader &reader);

private:
    TrailCheckpointer(const AuditTrailConfig::Checkpoints &settings, std::shared_ptr<const SigningKeyProvider> signingKeys,
                      QString logPath, QString origin);

    const AuditTrailConfig::Checkpoints m_settings;
    const std::shared_ptr<const SigningKeyProvider> m_signingKeys;
    const CheckpointPublisher m_publisher;
    const QString m_logPath;
    const QString m_origin;
    QMutex m_mutex; ///< guards the fields below (two checkpoints at once are harmless: same tree, same note)
    qint64 m_lastSize = -1;
    qint64 m_lastMs = 0;
};

} // namespace QmsAudit
