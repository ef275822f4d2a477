// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/directorycheckpointsink.h>

#include "anchor/storednotes_p.h"
#include "storage/durablefile_p.h"

#include <QDir>
#include <QFile>

namespace QmsAudit {
namespace {

QString safeOrigin(const QString &origin)
{
    QString safe = origin;
    for (QChar &c : safe) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('.') && c != QLatin1Char('-'))
            c = QLatin1Char('_');
    }
    return safe;
}

Result<QByteArray> readWhole(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::IoError, QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()));
    return file.readAll();
}

} // namespace

DirectoryCheckpointSink::DirectoryCheckpointSink(QString directory)
    : m_directory(std::move(directory))
{
}

QString DirectoryCheckpointSink::fileName(const QString &origin, qint64 treeSize)
{
    return QStringLiteral("%1.%2.checkpoint").arg(safeOrigin(origin)).arg(treeSize, 20, 10, QLatin1Char('0'));
}

Result<void> DirectoryCheckpointSink::publish(const Checkpoint &checkpoint, const QByteArray &note)
{
    if (!QFileInfo(m_directory).isDir())
        return Error(ErrorCode::NotFound, QStringLiteral("The anchor directory %1 does not exist.").arg(m_directory));
    const QString path = QDir(m_directory).filePath(fileName(checkpoint.origin(), checkpoint.treeSize()));
    auto written = DurableFile::replace(path, note, true);
    if (written || written.error().code() != ErrorCode::AlreadyExists)
        return written;
    // The same size again (no event since): fine if it is the same tree, a fork if not.
    auto kept = readWhole(path);
    if (!kept)
        return kept.error();
    auto keptCheckpoint = StoredNotes::claimed(*kept);
    if (keptCheckpoint && keptCheckpoint->rootHash() == checkpoint.rootHash())
        return {};
    return Error(ErrorCode::IntegrityFailure, QStringLiteral("%1 holds another checkpoint of %2 events with a different root: the log "
                                                             "was rewritten after that checkpoint was made, or two logs share an origin.")
                                                  .arg(path)
                                                  .arg(checkpoint.treeSize()));
}

Result<std::optional<QByteArray>> DirectoryCheckpointSink::newest(const QString &origin) const
{
    const QDir directory(m_directory);
    if (!directory.exists())
        return Error(ErrorCode::NotFound, QStringLiteral("The anchor directory %1 does not exist.").arg(m_directory));
    // The zero-padded size sorts by name: read from the largest down to the first that parses.
    QStringList names = directory.entryList({safeOrigin(origin) + QStringLiteral(".*.checkpoint")}, QDir::Files, QDir::Name);
    std::reverse(names.begin(), names.end());
    for (const QString &name : std::as_const(names)) {
        auto note = readWhole(directory.filePath(name));
        if (!note)
            return note.error();
        if (auto newest = StoredNotes::newest({*note}, origin))
            return newest;
    }
    return std::optional<QByteArray>();
}

QString DirectoryCheckpointSink::description() const
{
    return QStringLiteral("anchor directory %1").arg(m_directory);
}

} // namespace QmsAudit
