// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/signingkeyprovider.h>

#include <QString>

namespace QmsAudit {

/**
 * An Ed25519 private key read from a PEM file, as `openssl genpkey -algorithm ed25519 -out key.pem`
 * writes it, signing under the key name @p keyName (by convention the checkpoint origin). Files
 * that group or others may access are refused like KeyFileProvider refuses them; so are encrypted
 * PEM files and keys of other types. The file is re-read on every fetchSigner().
 * @code
 * QmsAudit::SigningKeyFileProvider keys(QStringLiteral("/etc/qms/checkpoint.pem"), QStringLiteral("qms.example/audit"));
 * auto signer = keys.fetchSigner();
 * if (!signer) { qWarning() << signer.error().message(); return; }
 * @endcode
 */
class QMSAUDIT_EXPORT SigningKeyFileProvider final : public SigningKeyProvider
{
public:
    SigningKeyFileProvider(QString path, QString keyName);
    Result<CheckpointSigner> fetchSigner() const override;
    QString description() const override;

private:
    QString m_path;
    QString m_keyName;
};

} // namespace QmsAudit
