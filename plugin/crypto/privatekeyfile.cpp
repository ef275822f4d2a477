// SPDX-License-Identifier: LGPL-2.1-or-later
#include "crypto/privatekeyfile_p.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace QmsAudit {
namespace {

QString systemError(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

} // namespace

PrivateKeyFile::PrivateKeyFile(int fd, QString path, QString what)
    : m_fd(fd)
    , m_path(std::move(path))
    , m_what(std::move(what))
{
}

PrivateKeyFile::PrivateKeyFile(PrivateKeyFile &&other) noexcept
    : m_fd(other.m_fd)
    , m_path(std::move(other.m_path))
    , m_what(std::move(other.m_what))
{
    other.m_fd = -1;
}

PrivateKeyFile::~PrivateKeyFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<PrivateKeyFile> PrivateKeyFile::open(const QString &path, const QString &what)
{
    const QByteArray nativePath = path.toLocal8Bit();
    // Check the type before open(): opening a FIFO for reading blocks until a writer appears, so
    // a key "file" that is a FIFO would hang every command. O_NONBLOCK covers the race with a
    // file replaced between stat() and open(); fstat() below checks what was really opened.
    struct stat before{};
    if (::stat(nativePath.constData(), &before) == 0 && !S_ISREG(before.st_mode))
        return Error(ErrorCode::KeyUnavailable, QStringLiteral("The %1 %2 is not a regular file.").arg(what, path));
    const int fd = ::open(nativePath.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        const int err = errno;
        return Error(err == ENOENT ? ErrorCode::NotFound : ErrorCode::KeyUnavailable,
                     QStringLiteral("Cannot read the %1 %2: %3.").arg(what, path, systemError(err)));
    }
    PrivateKeyFile file(fd, path, what);

    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return Error(ErrorCode::KeyUnavailable, QStringLiteral("The %1 %2 is not a regular file.").arg(what, path));
    if (st.st_mode & (S_IRWXG | S_IRWXO)) {
        return Error(ErrorCode::KeyUnavailable,
                     QStringLiteral("The %1 %2 is accessible by group or others (mode %3); run chmod 600 on it.")
                         .arg(what, path)
                         .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')));
    }
    return file;
}

Result<std::size_t> PrivateKeyFile::read(char *buffer, std::size_t capacity) const
{
    std::size_t total = 0;
    while (total < capacity) {
        const ssize_t n = ::read(m_fd, buffer + total, capacity - total);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return Error(ErrorCode::KeyUnavailable, QStringLiteral("Cannot read the %1 %2: %3.").arg(m_what, m_path, systemError(errno)));
        if (n == 0)
            break;
        total += std::size_t(n);
    }
    return total;
}

} // namespace QmsAudit
