// SPDX-License-Identifier: LGPL-2.1-or-later
#include "storage/durablefile_p.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace QmsAudit {
namespace {

QString systemError(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

QByteArray native(const QString &path)
{
    return QFile::encodeName(path);
}

/// fsync of the directory holding @p path: makes a rename or unlink in it durable.
int syncDirectoryOf(const QString &path)
{
    const int fd = ::open(native(QFileInfo(path).absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const int result = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return result;
}

struct Fd {
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

/// Writes all of @p bytes to @p fd and fsyncs it; 0 or the errno.
int writeAllAndSync(int fd, QByteArrayView bytes)
{
    for (qsizetype written = 0; written < bytes.size();) {
        const ssize_t w = ::write(fd, bytes.data() + written, std::size_t(bytes.size() - written));
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return errno;
        written += w;
    }
    return ::fsync(fd) == 0 ? 0 : errno;
}

} // namespace

Result<void> DurableFile::createEmpty(const QString &path)
{
    Fd file{::open(native(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600)};
    if (file.fd < 0) {
        const int err = errno;
        if (err == EEXIST)
            return Error(ErrorCode::AlreadyExists, QStringLiteral("%1 already exists; refusing to overwrite it.").arg(path));
        return Error(err == ENOENT ? ErrorCode::NotFound : ErrorCode::IoError,
                     QStringLiteral("Cannot create %1: %2.").arg(path, systemError(err)));
    }
    return {};
}

Result<void> DurableFile::copy(const QString &from, const QString &to)
{
    Fd source{::open(native(from).constData(), O_RDONLY | O_CLOEXEC)};
    if (source.fd < 0)
        return Error(ErrorCode::IoError, QStringLiteral("Cannot read %1: %2.").arg(from, systemError(errno)));
    Fd target{::open(native(to).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600)};
    if (target.fd < 0)
        return Error(ErrorCode::IoError, QStringLiteral("Cannot create %1: %2.").arg(to, systemError(errno)));
    const auto fail = [&to](const QString &what, int err) -> Result<void> {
        ::unlink(native(to).constData());
        return Error(ErrorCode::IoError, QStringLiteral("Cannot %1 %2: %3.").arg(what, to, systemError(err)));
    };
    std::vector<char> buffer(1 << 20);
    while (true) {
        const ssize_t n = ::read(source.fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(QStringLiteral("copy %1 to").arg(from), errno);
        if (n == 0)
            break;
        for (ssize_t written = 0; written < n;) {
            const ssize_t w = ::write(target.fd, buffer.data() + written, std::size_t(n - written));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0)
                return fail(QStringLiteral("write"), errno);
            written += w;
        }
    }
    if (::fsync(target.fd) != 0)
        return fail(QStringLiteral("sync"), errno);
    return {};
}

Result<void> DurableFile::rename(const QString &from, const QString &to)
{
    if (::rename(native(from).constData(), native(to).constData()) != 0)
        return Error(ErrorCode::IoError, QStringLiteral("Cannot rename %1 to %2: %3.").arg(from, to, systemError(errno)));
    if (const int err = syncDirectoryOf(to); err != 0)
        return Error(ErrorCode::IoError, QStringLiteral("Cannot sync the directory of %1: %2.").arg(to, systemError(err)));
    return {};
}

Result<void> DurableFile::remove(const QString &path)
{
    if (::unlink(native(path).constData()) != 0 && errno != ENOENT)
        return Error(ErrorCode::IoError, QStringLiteral("Cannot remove %1: %2.").arg(path, systemError(errno)));
    if (const int err = syncDirectoryOf(path); err != 0)
        return Error(ErrorCode::IoError, QStringLiteral("Cannot sync the directory of %1: %2.").arg(path, systemError(err)));
    return {};
}

Result<void> DurableFile::replace(const QString &path, QByteArrayView bytes, bool exclusive)
{
    if (exclusive && QFileInfo::exists(path))
        return Error(ErrorCode::AlreadyExists, QStringLiteral("%1 already exists; refusing to overwrite it.").arg(path));
    const QString temporary = path + QStringLiteral(".tmp");
    {
        Fd file{::open(native(temporary).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644)};
        if (file.fd < 0)
            return Error(ErrorCode::IoError, QStringLiteral("Cannot create %1: %2.").arg(temporary, systemError(errno)));
        if (const int err = writeAllAndSync(file.fd, bytes); err != 0) {
            ::unlink(native(temporary).constData());
            return Error(ErrorCode::IoError, QStringLiteral("Cannot write %1: %2.").arg(temporary, systemError(err)));
        }
    }
    if (exclusive) { // link(2) fails if the name exists: no window in which another writer's file is replaced
        const bool linked = ::link(native(temporary).constData(), native(path).constData()) == 0;
        const int err = errno;
        ::unlink(native(temporary).constData());
        if (!linked) {
            return Error(err == EEXIST ? ErrorCode::AlreadyExists : ErrorCode::IoError,
                         QStringLiteral("Cannot create %1: %2.").arg(path, systemError(err)));
        }
        if (const int synced = syncDirectoryOf(path); synced != 0)
            return Error(ErrorCode::IoError, QStringLiteral("Cannot sync the directory of %1: %2.").arg(path, systemError(synced)));
        return {};
    }
    return rename(temporary, path);
}

Result<void> DurableFile::append(const QString &path, QByteArrayView bytes)
{
    Fd file{::open(native(path).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0644)};
    if (file.fd < 0)
        return Error(ErrorCode::IoError, QStringLiteral("Cannot open %1 to append: %2.").arg(path, systemError(errno)));
    if (const int err = writeAllAndSync(file.fd, bytes); err != 0)
        return Error(ErrorCode::IoError, QStringLiteral("Cannot append to %1: %2.").arg(path, systemError(err)));
    if (const int err = syncDirectoryOf(path); err != 0) // a file this call created must survive a crash too
        return Error(ErrorCode::IoError, QStringLiteral("Cannot sync the directory of %1: %2.").arg(path, systemError(err)));
    return {};
}

qint64 DurableFile::freeBytes(const QString &path)
{
    struct statvfs stats{};
    if (::statvfs(native(QFileInfo(path).absolutePath()).constData(), &stats) != 0)
        return -1;
    return qint64(stats.f_bavail) * qint64(stats.f_frsize);
}

} // namespace QmsAudit
