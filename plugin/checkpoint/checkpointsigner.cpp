// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/checkpointsigner.h>

#include "checkpoint/ed25519key_p.h"
#include "crypto/coredumpguard_p.h"

#include <optional>

namespace QmsAudit {

struct CheckpointSigner::Data {
    // While a private key lives in this process, a core dump would hold it: the same guard as
    // for the log key (SecretKey), released when the last copy of the signer is gone.
    Data() { CoreDumpGuard::acquire(); }
    ~Data() { CoreDumpGuard::release(); }
    Data(const Data &) = delete;
    Data &operator=(const Data &) = delete;

    EvpPkeyPtr key;
    std::optional<CheckpointVerifier> verifier;
};

CheckpointSigner::CheckpointSigner(std::shared_ptr<const Data> data)
    : d(std::move(data))
{
}

Result<CheckpointSigner> CheckpointSigner::fromPem(const QString &keyName, QByteArrayView pem, const QString &source)
{
    if (!CheckpointVerifier::isValidKeyName(keyName)) {
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The key name \"%1\" is not a signed-note key name: it must be non-empty, without spaces, '+' or control characters.")
                         .arg(keyName));
    }
    auto key = Ed25519Key::readPrivatePem(pem, source);
    if (!key)
        return key.error();
    auto verifier = CheckpointVerifier::fromRawKey(keyName, Ed25519Key::rawPublicKey(key->get()));
    if (!verifier)
        return Error(ErrorCode::Internal, QStringLiteral("OpenSSL did not give the public half of the %1.").arg(source));
    auto data = std::make_shared<Data>();
    data->key = std::move(key).value();
    data->verifier = std::move(verifier).value();
    return CheckpointSigner(std::move(data));
}

const QString &CheckpointSigner::name() const
{
    return d->verifier->name();
}

quint32 CheckpointSigner::keyId() const
{
    return d->verifier->keyId();
}

QByteArray CheckpointSigner::publicKey() const
{
    return d->verifier->publicKey();
}

QByteArray CheckpointSigner::publicKeyPem() const
{
    return d->verifier->publicKeyPem();
}

const CheckpointVerifier &CheckpointSigner::verifier() const
{
    return *d->verifier;
}

Result<QByteArray> CheckpointSigner::sign(QByteArrayView message) const
{
    return Ed25519Key::sign(d->key.get(), message);
}

} // namespace QmsAudit
