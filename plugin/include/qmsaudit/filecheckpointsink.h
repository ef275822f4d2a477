// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/checkpointsink.h>

namespace QmsAudit {

/**
 * Appends each checkpoint note to one file, followed by an empty line: a journal of every
 * checkpoint, in the order they were made, that several logs may share. Each append is one
 * write(2) and an fsync.
 */
class QMSAUDIT_EXPORT FileCheckpointSink final : public CheckpointSink
{
public:
    explicit FileCheckpointSink(QString path);
    Result<void> publish(const Checkpoint &checkpoint, const QByteArray &note) override;
    Result<std::optional<QByteArray>> newest(const QString &origin) const override;
    QString description() const override;

private:
    QString m_path;
};

} // namespace QmsAudit
