// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/result.h>

#include <openssl/crypto.h>

#include <QString>

#include <array>
#include <cstddef>

namespace QmsAudit {

/// A stack buffer for key bytes, wiped on every return path.
template<std::size_t N>
struct WipedBuffer {
    std::array<char, N> bytes{};
    WipedBuffer() = default;
    WipedBuffer(const WipedBuffer &) = delete;
    WipedBuffer &operator=(const WipedBuffer &) = delete;
    ~WipedBuffer() { OPENSSL_cleanse(bytes.data(), bytes.size()); }
};

/**
 * A key file opened for reading only if no one but its owner may access it. KeyFileProvider (the
 * log key) and SigningKeyFileProvider (the checkpoint key) share it so that both refuse the same
 * files (group or other access, FIFOs, devices, symlinks to such files) with the same words.
 */
class PrivateKeyFile
{
public:
    /**
     * Opens @p path. @p what names the file in messages ("key file", "signing key file").
     * NotFound when it does not exist, KeyUnavailable when it is not a regular file, when group
     * or others may access it, or when it cannot be opened.
     */
    static Result<PrivateKeyFile> open(const QString &path, const QString &what);

    PrivateKeyFile(PrivateKeyFile &&other) noexcept;
    PrivateKeyFile &operator=(PrivateKeyFile &&) = delete;
    PrivateKeyFile(const PrivateKeyFile &) = delete;
    PrivateKeyFile &operator=(const PrivateKeyFile &) = delete;
    ~PrivateKeyFile();

    /// Reads until end of file or until @p capacity bytes are in @p buffer; returns the count.
    Result<std::size_t> read(char *buffer, std::size_t capacity) const;

private:
    PrivateKeyFile(int fd, QString path, QString what);

    int m_fd = -1;
    QString m_path;
    QString m_what;
};

} // namespace QmsAudit
