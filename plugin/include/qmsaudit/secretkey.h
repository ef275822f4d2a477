// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_export.h>

#include <QByteArray>

#include <cstddef>
#include <vector>

namespace QmsAudit {

/**
 * Key material in a buffer that is wiped (OPENSSL_cleanse) when destroyed or reassigned.
 * Move-only so copies do not linger. Never convert it to QString, never log it.
 */
class QMSAUDIT_EXPORT SecretKey
{
public:
    enum class Kind {
        RawKey,     ///< exactly 32 random bytes, used as the AES-256 key (no KDF)
        Passphrase, ///< UTF-8 text, stretched by SQLCipher's PBKDF2 (see docs/keys.md)
    };

    SecretKey() = default;
    /// Takes a copy of @p size bytes from @p data. The caller should wipe its own copy.
    SecretKey(Kind kind, const char *data, std::size_t size);
    ~SecretKey();
    SecretKey(SecretKey &&other) noexcept;
    SecretKey &operator=(SecretKey &&other) noexcept;
    SecretKey(const SecretKey &) = delete;
    SecretKey &operator=(const SecretKey &) = delete;

    Kind kind() const { return m_kind; }
    const char *data() const { return m_bytes.data(); }
    std::size_t size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.empty(); }

    /// The bytes to hand to sqlite3_key(): the passphrase, or "x'<64 hex>'" for a raw key.
    SecretKey sqlcipherKeyArgument() const;

    /// 32 bytes from the OpenSSL CSPRNG.
    static SecretKey generateRawKey();

private:
    void wipe();

    Kind m_kind = Kind::RawKey;
    std::vector<char> m_bytes;
};

} // namespace QmsAudit
