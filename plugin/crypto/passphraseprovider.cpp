// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/passphraseprovider.h>

#include <cstdlib>
#include <cstring>

namespace QmsAudit {

PassphraseProvider PassphraseProvider::fromEnvironment(QString variableName)
{
    PassphraseProvider provider;
    provider.m_variableName = std::move(variableName);
    return provider;
}

PassphraseProvider PassphraseProvider::fromPassphrase(const QByteArray &passphrase)
{
    PassphraseProvider provider;
    provider.m_passphrase = SecretKey(SecretKey::Kind::Passphrase, passphrase.constData(), std::size_t(passphrase.size()));
    return provider;
}

PassphraseProvider::PassphraseProvider(PassphraseProvider &&) noexcept = default;
PassphraseProvider::~PassphraseProvider() = default;

Result<SecretKey> PassphraseProvider::fetchKey() const
{
    if (m_variableName.isEmpty()) {
        if (m_passphrase.isEmpty())
            return Error(ErrorCode::KeyUnavailable, QStringLiteral("The passphrase is empty; an empty key would leave the log unencrypted."));
        return SecretKey(SecretKey::Kind::Passphrase, m_passphrase.data(), m_passphrase.size());
    }
    // getenv, not qgetenv: no QByteArray copy of the passphrase is left behind unwiped.
    const char *value = std::getenv(m_variableName.toLocal8Bit().constData());
    if (!value)
        return Error(ErrorCode::KeyUnavailable, QStringLiteral("The environment variable %1 holding the passphrase is not set.").arg(m_variableName));
    const std::size_t length = std::strlen(value);
    if (length == 0)
        return Error(ErrorCode::KeyUnavailable, QStringLiteral("The environment variable %1 holds an empty passphrase; an empty key would leave the log unencrypted.").arg(m_variableName));
    return SecretKey(SecretKey::Kind::Passphrase, value, length);
}

QString PassphraseProvider::description() const
{
    return m_variableName.isEmpty() ? QStringLiteral("passphrase") : QStringLiteral("passphrase from $%1").arg(m_variableName);
}

} // namespace QmsAudit
