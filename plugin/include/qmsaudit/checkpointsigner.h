// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/checkpointverifier.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace QmsAudit {

/**
 * An Ed25519 private key with its signed-note key name: signs checkpoint notes. It comes from a
 * SigningKeyProvider; the private key stays inside OpenSSL and is never exported or printed, and
 * while a signer exists the process is not dumpable (as while a log key is held).
 * Copies share the key; sign() may be called from several threads at once.
 * @code
 * QmsAudit::SigningKeyFileProvider keys(QStringLiteral("/etc/qms/checkpoint.pem"), QStringLiteral("qms.example/audit"));
 * auto signer = keys.fetchSigner();
 * if (signer)
 *     auto note = QmsAudit::CheckpointNote::sign(checkpoint, *signer);
 * @endcode
 */
class QMSAUDIT_EXPORT CheckpointSigner
{
public:
    /**
     * From a PEM "PRIVATE KEY" (PKCS#8) holding an Ed25519 key, as
     * `openssl genpkey -algorithm ed25519` writes it. Encrypted PEM is refused (nothing may
     * prompt for a passphrase), so are other key types. @p source names the key in messages,
     * e.g. "signing key file /etc/qms/checkpoint.pem". Messages never contain key material.
     */
    static Result<CheckpointSigner> fromPem(const QString &keyName, QByteArrayView pem,
                                            const QString &source = QStringLiteral("PEM key"));

    const QString &name() const;
    /// The signed-note key ID, the same as verifier().keyId().
    quint32 keyId() const;
    /// The 32 raw public key bytes.
    QByteArray publicKey() const;
    /// The public key as PEM "PUBLIC KEY", to hand to inspectors.
    QByteArray publicKeyPem() const;
    /// The verifier of this key's signatures.
    const CheckpointVerifier &verifier() const;

    /// The 64-byte Ed25519 signature (RFC 8032, deterministic) of @p message.
    Result<QByteArray> sign(QByteArrayView message) const;

private:
    struct Data;
    explicit CheckpointSigner(std::shared_ptr<const Data> data);
    std::shared_ptr<const Data> d;
};

} // namespace QmsAudit
