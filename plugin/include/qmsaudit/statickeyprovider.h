// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/keyprovider.h>

#include <QString>

namespace QmsAudit {

/// A key the host already holds in memory (from its keychain, say). Empty keys are refused at fetch.
class QMSAUDIT_EXPORT StaticKeyProvider final : public KeyProvider
{
public:
    explicit StaticKeyProvider(SecretKey key, QString description = QStringLiteral("in-memory key"));
    Result<SecretKey> fetchKey() const override;
    QString description() const override;

private:
    SecretKey m_key;
    QString m_description;
};

} // namespace QmsAudit
