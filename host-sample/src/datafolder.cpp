// SPDX-License-Identifier: LGPL-2.1-or-later
#include "datafolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {

/// 256 random bits as 64 hex digits, the key file format QmsAudit reads (docs/keys.md).
bool writeNewKeyFile(const QString &path, QString *error)
{
    // O_EXCL: never overwrite a key that may still be the only way into a log.
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QStringLiteral("Cannot create the key file %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray hex = QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex() + '\n';
    const bool written = ::write(fd, hex.constData(), size_t(hex.size())) == hex.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
        QFile::remove(path);
        *error = QStringLiteral("Cannot write the key file %1.").arg(path);
        return false;
    }
    return true;
}

} // namespace

DataFolder::DataFolder(QString dir)
    : m_dir(QDir(dir).absolutePath())
{
}

bool DataFolder::prepare(QString *error)
{
    if (!QDir().mkpath(m_dir) || !QDir().mkpath(outputsDir())) {
        *error = QStringLiteral("Cannot create the data folder %1.").arg(m_dir);
        return false;
    }
    QFile::setPermissions(m_dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_firstStart = !QFileInfo::exists(logPath());
    m_createdKey = false;
    if (m_firstStart && !QFileInfo::exists(keyFile())) {
        if (!writeNewKeyFile(keyFile(), error))
            return false;
        m_createdKey = true;
    }
    return true;
}

QString DataFolder::path(const QString &name) const
{
    return QDir(m_dir).filePath(name);
}

QString DataFolder::logPath() const
{
    return path(QStringLiteral("audit.qmslog"));
}

QString DataFolder::keyFile() const
{
    return path(QStringLiteral("audit.key"));
}

QString DataFolder::documentsPath() const
{
    return path(QStringLiteral("documents.json"));
}

QString DataFolder::usersPath() const
{
    return path(QStringLiteral("users.json"));
}

QString DataFolder::outputsDir() const
{
    return path(QStringLiteral("outputs"));
}
