// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/result.h>

#include <openssl/evp.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace QmsAudit {

struct EvpPkeyFree {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
/// Owns an OpenSSL key; freed on every return path.
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, EvpPkeyFree>;

/**
 * The OpenSSL 3 EVP calls for Ed25519 in one place, so that CheckpointSigner and
 * CheckpointVerifier hold no OpenSSL code of their own: reading PEM keys (refusing other key types
 * and encrypted PEM without ever prompting), raw public keys, signing and verifying (pure Ed25519,
 * so EVP_DigestSign with no digest). Every failure clears the OpenSSL error queue, and no message
 * holds key material.
 */
class Ed25519Key
{
public:
    /// A PKCS#8 "PRIVATE KEY" PEM; @p source names it in messages ("signing key file /x.pem").
    static Result<EvpPkeyPtr> readPrivatePem(QByteArrayView pem, const QString &source);
    /// A SubjectPublicKeyInfo "PUBLIC KEY" PEM.
    static Result<EvpPkeyPtr> readPublicPem(QByteArrayView pem, const QString &source);
    /// The 32 raw bytes of an RFC 8032 public key.
    static Result<EvpPkeyPtr> fromRawPublicKey(QByteArrayView publicKey);

    /// The 32 raw public key bytes of @p key (empty on failure).
    static QByteArray rawPublicKey(EVP_PKEY *key);
    /// @p key's public half as PEM "PUBLIC KEY".
    static QByteArray publicKeyPem(EVP_PKEY *key);

    /// The 64-byte signature of @p message; Internal when OpenSSL fails.
    static Result<QByteArray> sign(EVP_PKEY *key, QByteArrayView message);
    /// Whether @p signature is @p key's valid signature of @p message; false for any other size.
    static bool verify(EVP_PKEY *key, QByteArrayView message, QByteArrayView signature);

private:
    static Result<void> requireEd25519(EVP_PKEY *key, const QString &source);
};

} // namespace QmsAudit
