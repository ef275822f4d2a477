// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/checkpoint.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace QmsAudit {

/**
 * Somewhere outside the log that keeps signed checkpoints (docs/anchors.md): a checkpoint beside
 * the log can be rolled back together with the log, one on another volume, host or service cannot
 * by the same hand. The log is later compared with the newest checkpoint a sink gives back.
 */
class QMSAUDIT_EXPORT CheckpointSink
{
public:
    virtual ~CheckpointSink();
    /// Keeps or sends the signed @p note of @p checkpoint. A failure is returned, never swallowed.
    virtual Result<void> publish(const Checkpoint &checkpoint, const QByteArray &note) = 0;
    /// The note of the largest checkpoint of @p origin it holds, unverified (the caller checks its
    /// signature); nullopt if it holds none or cannot be read back (syslog).
    virtual Result<std::optional<QByteArray>> newest(const QString &origin) const = 0;
    /// For messages, e.g. "anchor directory /mnt/worm/qms". Never key material.
    virtual QString description() const = 0;
};

} // namespace QmsAudit
