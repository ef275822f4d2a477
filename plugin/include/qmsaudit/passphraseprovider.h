// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/keyprovider.h>

#include <QString>

namespace QmsAudit {

/**
 * A passphrase, stretched by SQLCipher 3's PBKDF2-HMAC-SHA1 with 64,000 iterations and a
 * per-file random salt. Opening costs ~30 ms per connection; prefer KeyFileProvider for
 * services that open often. The passphrase is read from an environment variable (so it never
 * appears in argv) or handed over in memory by the host.
 */
class QMSAUDIT_EXPORT PassphraseProvider final : public KeyProvider
{
public:
    /// Reads the passphrase from environment variable @p variableName at each fetchKey().
    static PassphraseProvider fromEnvironment(QString variableName);
    /// Uses @p passphrase (UTF-8); the provider keeps it in a wiped buffer.
    static PassphraseProvider fromPassphrase(const QByteArray &passphrase);

    PassphraseProvider(PassphraseProvider &&) noexcept;
    ~PassphraseProvider() override;

    Result<SecretKey> fetchKey() const override;
    QString description() const override;

private:
    PassphraseProvider() = default;
    QString m_variableName;
    SecretKey m_passphrase;
};

} // namespace QmsAudit
