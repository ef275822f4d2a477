// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <memory>

namespace QmsAudit {

/**
 * A trusted Ed25519 public key with its signed-note key name: checks checkpoint signatures. The
 * key ID (the first four bytes of SHA-256(name || "\n" || 0x01 || public key)) only picks which
 * signature line to check; trust comes from the caller having configured this very key.
 * Copies share the key; verify() may be called from several threads at once.
 * @code
 * auto trusted = QmsAudit::CheckpointVerifier::fromPem(QStringLiteral("qms.example/audit"), pemBytes);
 * auto checkpoint = QmsAudit::CheckpointNote::open(noteText, {*trusted});
 * @endcode
 */
class QMSAUDIT_EXPORT CheckpointVerifier
{
public:
    static constexpr int PublicKeySize = 32;
    static constexpr int SignatureSize = 64;

    /// From a PEM "PUBLIC KEY" (SubjectPublicKeyInfo), as `openssl pkey -pubout` writes it.
    static Result<CheckpointVerifier> fromPem(const QString &keyName, QByteArrayView pem);
    /// From the 32 raw bytes of an Ed25519 public key (RFC 8032).
    static Result<CheckpointVerifier> fromRawKey(const QString &keyName, QByteArrayView publicKey);
    /// From a signed-note verifier key "name+hex(key ID)+base64(0x01 || public key)".
    static Result<CheckpointVerifier> fromVerifierKey(QStringView verifierKey);

    const QString &name() const;
    /// The signed-note key ID; see keyIdFor().
    quint32 keyId() const;
    /// The 32 raw public key bytes.
    QByteArray publicKey() const;
    /// The public key as PEM "PUBLIC KEY", for `openssl pkeyutl -verify -pubin`.
    QByteArray publicKeyPem() const;
    /// The signed-note verifier key "name+hex(key ID)+base64(0x01 || public key)".
    QString verifierKey() const;

    /// Whether @p signature (64 bytes) is this key's Ed25519 signature of @p message.
    bool verify(QByteArrayView message, QByteArrayView signature) const;

    /// SHA-256(name || 0x0A || 0x01 || publicKey)[:4], big-endian: the Ed25519 key ID of C2SP signed-note.
    static quint32 keyIdFor(const QString &keyName, QByteArrayView publicKey);
    /// Whether @p keyName may name a signed-note key: non-empty, no Unicode space, no '+', no control character.
    static bool isValidKeyName(QStringView keyName);

private:
    struct Data;
    explicit CheckpointVerifier(std::shared_ptr<const Data> data);
    std::shared_ptr<const Data> d;
};

} // namespace QmsAudit
