// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/keyfileprovider.h>

#include "crypto/privatekeyfile_p.h"

#include <openssl/crypto.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace QmsAudit {
namespace {

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kHexChars = 2 * kKeyBytes;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QString systemError(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

} // namespace

KeyFileProvider::KeyFileProvider(QString path)
    : m_path(std::move(path))
{
}

QString KeyFileProvider::description() const
{
    return QStringLiteral("key file %1").arg(m_path);
}

Result<SecretKey> KeyFileProvider::fetchKey() const
{
    auto file = PrivateKeyFile::open(m_path, QStringLiteral("key file"));
    if (!file)
        return file.error();

    // Room for the 64 hex digits, a newline (CR LF too) and one byte to detect overlong files.
    WipedBuffer<kHexChars + 3> buffer;
    const auto total = file->read(buffer.bytes.data(), buffer.bytes.size());
    if (!total)
        return total.error();
    std::size_t length = *total;
    if (length > 0 && buffer.bytes[length - 1] == '\n')
        --length;
    if (length > 0 && buffer.bytes[length - 1] == '\r')
        --length;
    if (length == 0)
        return Error(ErrorCode::KeyUnavailable, QStringLiteral("The key file %1 is empty; an empty key would leave the log unencrypted.").arg(m_path));
    if (length != kHexChars) {
        return Error(ErrorCode::KeyUnavailable,
                     QStringLiteral("The key file %1 must hold exactly 64 hexadecimal characters (a 256-bit key).").arg(m_path));
    }
    WipedBuffer<kKeyBytes> key;
    for (std::size_t i = 0; i < kKeyBytes; ++i) {
        const int hi = hexValue(buffer.bytes[2 * i]);
        const int lo = hexValue(buffer.bytes[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            return Error(ErrorCode::KeyUnavailable,
                         QStringLiteral("The key file %1 contains a character that is not hexadecimal.").arg(m_path));
        }
        key.bytes[i] = char(hi << 4 | lo);
    }
    return SecretKey(SecretKey::Kind::RawKey, key.bytes.data(), key.bytes.size());
}

Result<void> KeyFileProvider::generateKeyFile(const QString &path)
{
    const SecretKey key = SecretKey::generateRawKey();
    if (key.size() != kKeyBytes)
        return Error(ErrorCode::KeyUnavailable, QStringLiteral("The system random generator failed; no key was written."));
    const QByteArray nativePath = path.toLocal8Bit();
    const int fd = ::open(nativePath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        const int err = errno;
        return Error(err == EEXIST ? ErrorCode::AlreadyExists : ErrorCode::IoError,
                     QStringLiteral("Cannot create the key file %1: %2.").arg(path, systemError(err)));
    }
    static constexpr char hexDigits[] = "0123456789abcdef";
    WipedBuffer<kHexChars + 1> text;
    for (std::size_t i = 0; i < kKeyBytes; ++i) {
        const auto b = static_cast<unsigned char>(key.data()[i]);
        text.bytes[2 * i] = hexDigits[b >> 4];
        text.bytes[2 * i + 1] = hexDigits[b & 0x0f];
    }
    text.bytes[kHexChars] = '\n';
    const bool written = ::write(fd, text.bytes.data(), text.bytes.size()) == ssize_t(text.bytes.size()) && ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!written) {
        ::unlink(nativePath.constData());
        return Error(ErrorCode::IoError, QStringLiteral("Cannot write the key file %1: %2.").arg(path, systemError(err)));
    }
    return {};
}

} // namespace QmsAudit
