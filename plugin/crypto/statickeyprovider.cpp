// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/statickeyprovider.h>

namespace QmsAudit {

StaticKeyProvider::StaticKeyProvider(SecretKey key, QString description)
    : m_key(std::move(key))
    , m_description(std::move(description))
{
}

Result<SecretKey> StaticKeyProvider::fetchKey() const
{
    if (m_key.isEmpty())
        return Error(ErrorCode::KeyUnavailable, QStringLiteral("The key is empty; an empty key would leave the log unencrypted."));
    if (m_key.kind() == SecretKey::Kind::RawKey && m_key.size() != 32)
        return Error(ErrorCode::KeyUnavailable, QStringLiteral("A raw key must be exactly 32 bytes (256 bits)."));
    return SecretKey(m_key.kind(), m_key.data(), m_key.size());
}

QString StaticKeyProvider::description() const
{
    return m_description;
}

} // namespace QmsAudit
