// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/filecheckpointsink.h>

#include "anchor/storednotes_p.h"
#include "storage/durablefile_p.h"

#include <QFile>

namespace QmsAudit {

FileCheckpointSink::FileCheckpointSink(QString path)
    : m_path(std::move(path))
{
}

Result<void> FileCheckpointSink::publish(const Checkpoint &checkpoint, const QByteArray &note)
{
    Q_UNUSED(checkpoint)
    return DurableFile::append(m_path, note + '\n');
}

Result<std::optional<QByteArray>> FileCheckpointSink::newest(const QString &origin) const
{
    QFile file(m_path);
    if (!file.exists())
        return std::optional<QByteArray>();
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::IoError, QStringLiteral("Cannot read the anchor file %1: %2.").arg(m_path, file.errorString()));
    return StoredNotes::newest(StoredNotes::split(file.readAll()), origin);
}

QString FileCheckpointSink::description() const
{
    return QStringLiteral("anchor file %1").arg(m_path);
}

} // namespace QmsAudit
