// SPDX-License-Identifier: LGPL-2.1-or-later
#include "checkpoint/ed25519key_p.h"

#include <qmsaudit/checkpointverifier.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>

namespace QmsAudit {
namespace {

struct BioFree {
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

struct MdCtxFree {
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

/// Refuses every passphrase request: an encrypted PEM fails instead of prompting on a terminal.
int noPassphrase(char *, int, int, void *)
{
    return -1;
}

BioPtr readOnlyBio(QByteArrayView bytes)
{
    // BIO_new_mem_buf reads the caller's buffer in place: no further copy of a private key. It
    // refuses a null pointer, which an empty view may hold: empty input is then a PEM error.
    return BioPtr(BIO_new_mem_buf(bytes.isEmpty() ? "" : bytes.data(), int(bytes.size())));
}

/// "an RSA key", "an Ed448 key": the key type in words an operator recognises.
QString keyTypeWords(EVP_PKEY *key)
{
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS:
        return QStringLiteral("an RSA key");
    case EVP_PKEY_EC:
        return QStringLiteral("an EC (ECDSA) key");
    case EVP_PKEY_ED448:
        return QStringLiteral("an Ed448 key");
    case EVP_PKEY_X25519:
        return QStringLiteral("an X25519 key");
    case EVP_PKEY_DSA:
        return QStringLiteral("a DSA key");
    default:
        break;
    }
    const char *name = EVP_PKEY_get0_type_name(key);
    return name ? QStringLiteral("a %1 key").arg(QString::fromLatin1(name)) : QStringLiteral("a key of an unknown type");
}

} // namespace

Result<void> Ed25519Key::requireEd25519(EVP_PKEY *key, const QString &source)
{
    if (EVP_PKEY_get_base_id(key) == EVP_PKEY_ED25519)
        return {};
    return Error(ErrorCode::InvalidArgument,
                 QStringLiteral("The %1 is %2; checkpoints need an Ed25519 key as `openssl genpkey -algorithm ed25519` makes.")
                     .arg(source, keyTypeWords(key)));
}

Result<EvpPkeyPtr> Ed25519Key::readPrivatePem(QByteArrayView pem, const QString &source)
{
    BioPtr bio = readOnlyBio(pem);
    if (!bio)
        return Error(ErrorCode::Internal, QStringLiteral("OpenSSL could not allocate a buffer for the %1.").arg(source));
    EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr));
    // The queue would name the failing decoder, never key bytes; cleared so no later call reads it.
    ERR_clear_error();
    if (!key) {
        if (pem.contains(QByteArrayView("ENCRYPTED"))) {
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("The %1 is encrypted; checkpoint keys are read without a passphrase, so protect the file with its mode instead.")
                             .arg(source));
        }
        if (pem.contains(QByteArrayView("-----BEGIN PUBLIC KEY-----"))) {
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("The %1 holds a public key; signing needs the private key.").arg(source));
        }
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The %1 holds no PEM private key (expected \"-----BEGIN PRIVATE KEY-----\").").arg(source));
    }
    if (auto ok = requireEd25519(key.get(), source); !ok)
        return ok.error();
    return key;
}

Result<EvpPkeyPtr> Ed25519Key::readPublicPem(QByteArrayView pem, const QString &source)
{
    BioPtr bio = readOnlyBio(pem);
    if (!bio)
        return Error(ErrorCode::Internal, QStringLiteral("OpenSSL could not allocate a buffer for the %1.").arg(source));
    EvpPkeyPtr key(PEM_read_bio_PUBKEY(bio.get(), nullptr, noPassphrase, nullptr));
    ERR_clear_error();
    if (!key) {
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The %1 holds no PEM public key (expected \"-----BEGIN PUBLIC KEY-----\").").arg(source));
    }
    if (auto ok = requireEd25519(key.get(), source); !ok)
        return ok.error();
    return key;
}

Result<EvpPkeyPtr> Ed25519Key::fromRawPublicKey(QByteArrayView publicKey)
{
    if (publicKey.size() != CheckpointVerifier::PublicKeySize) {
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("An Ed25519 public key has 32 bytes, not %1.").arg(publicKey.size()));
    }
    EvpPkeyPtr key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                               reinterpret_cast<const unsigned char *>(publicKey.data()),
                                               std::size_t(publicKey.size())));
    ERR_clear_error();
    if (!key)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("OpenSSL refused the 32 bytes as an Ed25519 public key."));
    return key;
}

QByteArray Ed25519Key::rawPublicKey(EVP_PKEY *key)
{
    QByteArray raw(CheckpointVerifier::PublicKeySize, Qt::Uninitialized);
    std::size_t length = std::size_t(raw.size());
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char *>(raw.data()), &length) != 1
        || length != std::size_t(CheckpointVerifier::PublicKeySize)) {
        ERR_clear_error();
        return {};
    }
    return raw;
}

QByteArray Ed25519Key::publicKeyPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), key) != 1) {
        ERR_clear_error();
        return {};
    }
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(length));
}

Result<QByteArray> Ed25519Key::sign(EVP_PKEY *key, QByteArrayView message)
{
    MdCtxPtr ctx(EVP_MD_CTX_new());
    QByteArray signature(CheckpointVerifier::SignatureSize, Qt::Uninitialized);
    std::size_t length = std::size_t(signature.size());
    // Ed25519 hashes the message itself (RFC 8032 PureEdDSA): no digest, one-shot EVP_DigestSign.
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key) != 1
        || EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                          reinterpret_cast<const unsigned char *>(message.data()), std::size_t(message.size())) != 1
        || length != std::size_t(CheckpointVerifier::SignatureSize)) {
        ERR_clear_error();
        return Error(ErrorCode::Internal, QStringLiteral("OpenSSL failed to make an Ed25519 signature."));
    }
    return signature;
}

bool Ed25519Key::verify(EVP_PKEY *key, QByteArrayView message, QByteArrayView signature)
{
    if (signature.size() != CheckpointVerifier::SignatureSize)
        return false;
    MdCtxPtr ctx(EVP_MD_CTX_new());
    const bool ok = ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key) == 1
                    && EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.data()),
                                        std::size_t(signature.size()),
                                        reinterpret_cast<const unsigned char *>(message.data()),
                                        std::size_t(message.size())) == 1;
    ERR_clear_error();
    return ok;
}

} // namespace QmsAudit
