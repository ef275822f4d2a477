// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/checkpointsink.h>

namespace QmsAudit {

/**
 * One file per checkpoint in a directory, "<origin>.<size>.checkpoint" (the origin with every
 * character but letters, digits, '.' and '-' as '_', the size as 20 digits), never overwritten:
 * a second, different checkpoint of the same size is refused as a fork. Point it at another
 * volume, a WORM share or a directory only the QMS service may append to.
 */
class QMSAUDIT_EXPORT DirectoryCheckpointSink final : public CheckpointSink
{
public:
    explicit DirectoryCheckpointSink(QString directory);
    Result<void> publish(const Checkpoint &checkpoint, const QByteArray &note) override;
    Result<std::optional<QByteArray>> newest(const QString &origin) const override;
    QString description() const override;

    /// The file name a checkpoint of @p origin and @p treeSize gets.
    static QString fileName(const QString &origin, qint64 treeSize);

private:
    QString m_directory;
};

} // namespace QmsAudit
