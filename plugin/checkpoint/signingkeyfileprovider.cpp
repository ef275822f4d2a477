// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/signingkeyfileprovider.h>

#include "crypto/privatekeyfile_p.h"

namespace QmsAudit {
namespace {

/// A PEM Ed25519 key takes 119 bytes; room for comments around it, and one byte to detect more.
constexpr std::size_t MaxPemBytes = 16 * 1024;

} // namespace

SigningKeyFileProvider::SigningKeyFileProvider(QString path, QString keyName)
    : m_path(std::move(path))
    , m_keyName(std::move(keyName))
{
}

QString SigningKeyFileProvider::description() const
{
    return QStringLiteral("signing key file %1").arg(m_path);
}

Result<CheckpointSigner> SigningKeyFileProvider::fetchSigner() const
{
    auto file = PrivateKeyFile::open(m_path, QStringLiteral("signing key file"));
    if (!file)
        return file.error();
    auto buffer = std::make_unique<WipedBuffer<MaxPemBytes + 1>>(); // wiped on every return path
    const auto length = file->read(buffer->bytes.data(), buffer->bytes.size());
    if (!length)
        return length.error();
    if (*length > MaxPemBytes) {
        return Error(ErrorCode::KeyUnavailable,
                     QStringLiteral("The signing key file %1 is larger than 16 KiB; it does not hold one PEM Ed25519 key.").arg(m_path));
    }
    auto signer = CheckpointSigner::fromPem(m_keyName, QByteArrayView(buffer->bytes.data(), qsizetype(*length)), description());
    if (!signer && signer.error().code() == ErrorCode::InvalidArgument)
        return Error(ErrorCode::KeyUnavailable, signer.error().message()); // the provider's contract: the key is unusable
    return signer;
}

} // namespace QmsAudit
