// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/secretkey.h>

#include "crypto/coredumpguard_p.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace QmsAudit {

SecretKey::SecretKey(Kind kind, const char *data, std::size_t size)
    : m_kind(kind)
    , m_bytes(data, data + size)
{
    if (!m_bytes.empty())
        CoreDumpGuard::acquire();
}

SecretKey::~SecretKey()
{
    wipe();
}

SecretKey::SecretKey(SecretKey &&other) noexcept
    : m_kind(other.m_kind)
    , m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecretKey &SecretKey::operator=(SecretKey &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_kind = other.m_kind;
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

void SecretKey::wipe()
{
    if (!m_bytes.empty()) {
        OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
        CoreDumpGuard::release();
    }
    m_bytes.clear();
}

SecretKey SecretKey::sqlcipherKeyArgument() const
{
    if (m_kind == Kind::Passphrase)
        return SecretKey(Kind::Passphrase, data(), size());
    // SQLCipher's raw-key syntax: the bytes x'<hex>' passed to sqlite3_key (not to SQL).
    static constexpr char hexDigits[] = "0123456789abcdef";
    std::vector<char> text;
    text.reserve(3 + 2 * m_bytes.size());
    text.push_back('x');
    text.push_back('\'');
    for (char byte : m_bytes) {
        const auto b = static_cast<unsigned char>(byte);
        text.push_back(hexDigits[b >> 4]);
        text.push_back(hexDigits[b & 0x0f]);
    }
    text.push_back('\'');
    SecretKey argument(Kind::RawKey, text.data(), text.size());
    OPENSSL_cleanse(text.data(), text.size());
    return argument;
}

SecretKey SecretKey::generateRawKey()
{
    std::array<char, 32> bytes{};
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), int(bytes.size())) != 1)
        return {}; // empty: every consumer rejects empty keys (fail closed)
    SecretKey key(Kind::RawKey, bytes.data(), bytes.size());
    OPENSSL_cleanse(bytes.data(), bytes.size());
    return key;
}

} // namespace QmsAudit
