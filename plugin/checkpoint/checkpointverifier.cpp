// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/checkpointverifier.h>

#include "checkpoint/ed25519key_p.h"

#include <QCryptographicHash>
#include <QList>
#include <QtEndian>

namespace QmsAudit {
namespace {

/// The signed-note signature type of Ed25519 (C2SP signed-note, "Signature types").
constexpr char Ed25519Type = 0x01;

Error badKeyName(const QString &keyName)
{
    return Error(ErrorCode::InvalidArgument,
                 QStringLiteral("The key name \"%1\" is not a signed-note key name: it must be non-empty, without spaces, '+' or control characters.")
                     .arg(keyName));
}

} // namespace

struct CheckpointVerifier::Data {
    QString name;
    quint32 keyId = 0;
    QByteArray publicKey;
    EvpPkeyPtr key;
};

CheckpointVerifier::CheckpointVerifier(std::shared_ptr<const Data> data)
    : d(std::move(data))
{
}

Result<CheckpointVerifier> CheckpointVerifier::fromRawKey(const QString &keyName, QByteArrayView publicKey)
{
    if (!isValidKeyName(keyName))
        return badKeyName(keyName);
    auto key = Ed25519Key::fromRawPublicKey(publicKey);
    if (!key)
        return key.error();
    auto data = std::make_shared<Data>();
    data->name = keyName;
    data->publicKey = publicKey.toByteArray();
    data->keyId = keyIdFor(keyName, publicKey);
    data->key = std::move(key).value();
    return CheckpointVerifier(std::move(data));
}

Result<CheckpointVerifier> CheckpointVerifier::fromPem(const QString &keyName, QByteArrayView pem)
{
    auto key = Ed25519Key::readPublicPem(pem, QStringLiteral("public key of %1").arg(keyName));
    if (!key)
        return key.error();
    const QByteArray raw = Ed25519Key::rawPublicKey(key->get());
    if (raw.isEmpty())
        return Error(ErrorCode::Internal, QStringLiteral("OpenSSL did not give the raw bytes of the public key of %1.").arg(keyName));
    return fromRawKey(keyName, raw);
}

Result<CheckpointVerifier> CheckpointVerifier::fromVerifierKey(QStringView verifierKey)
{
    const QList<QStringView> parts = verifierKey.split(QLatin1Char('+'));
    if (parts.size() != 3 || parts[1].size() != 8) {
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("A verifier key has the form name+<8 hex digits>+<base64 key>."));
    }
    bool hexOk = false;
    const quint32 keyId = parts[1].toUInt(&hexOk, 16);
    const QByteArray base64 = parts[2].toLatin1();
    const auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
    if (!hexOk || parts[1].toString() != parts[1].toString().toLower() || !decoded
        || decoded.decoded.toBase64() != base64) {
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The verifier key %1 has a malformed key ID or base64 key.").arg(parts[0]));
    }
    if (decoded.decoded.size() != 1 + PublicKeySize || decoded.decoded.at(0) != Ed25519Type) {
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The verifier key %1 is not an Ed25519 key (type byte 0x01 and 32 bytes).").arg(parts[0]));
    }
    auto verifier = fromRawKey(parts[0].toString(), QByteArrayView(decoded.decoded).sliced(1));
    if (verifier && verifier->keyId() != keyId) {
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The verifier key %1 names key ID %2, but its key has ID %3.")
                         .arg(parts[0], parts[1])
                         .arg(verifier->keyId(), 8, 16, QLatin1Char('0')));
    }
    return verifier;
}

const QString &CheckpointVerifier::name() const
{
    return d->name;
}

quint32 CheckpointVerifier::keyId() const
{
    return d->keyId;
}

QByteArray CheckpointVerifier::publicKey() const
{
    return d->publicKey;
}

QByteArray CheckpointVerifier::publicKeyPem() const
{
    return Ed25519Key::publicKeyPem(d->key.get());
}

QString CheckpointVerifier::verifierKey() const
{
    return QStringLiteral("%1+%2+%3")
        .arg(d->name)
        .arg(d->keyId, 8, 16, QLatin1Char('0'))
        .arg(QString::fromLatin1((QByteArray(1, Ed25519Type) + d->publicKey).toBase64()));
}

bool CheckpointVerifier::verify(QByteArrayView message, QByteArrayView signature) const
{
    return Ed25519Key::verify(d->key.get(), message, signature);
}

quint32 CheckpointVerifier::keyIdFor(const QString &keyName, QByteArrayView publicKey)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(keyName.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(QByteArrayView(&Ed25519Type, 1));
    hash.addData(publicKey);
    return qFromBigEndian<quint32>(hash.resultView().data());
}

bool CheckpointVerifier::isValidKeyName(QStringView keyName)
{
    if (keyName.isEmpty())
        return false;
    for (const QChar c : keyName) {
        // isSpace() covers the Unicode separators (Zs, Zl, Zp) and the ASCII white space.
        if (c.isSpace() || c == QLatin1Char('+') || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

} // namespace QmsAudit
