// SPDX-License-Identifier: LGPL-2.1-or-later
#include "checkpointtestkeys.h"

#include <QFile>

#include <gtest/gtest.h>

#include <cstdlib>

namespace QmsAudit::Test {
namespace {

template<typename T>
T valueOrAbort(Result<T> result, const char *what)
{
    if (!result) {
        ADD_FAILURE() << what << ": " << result.error().message().toStdString();
        std::abort();
    }
    return std::move(result).value();
}

} // namespace

QByteArray ed25519PemFromSeed(const QByteArray &seed)
{
    const QByteArray der = QByteArray::fromHex("302e020100300506032b657004220420") + seed;
    return "-----BEGIN PRIVATE KEY-----\n" + der.toBase64() + "\n-----END PRIVATE KEY-----\n";
}

CheckpointSigner goPeterSigner()
{
    // "PRIVATE+KEY+<name>+<id>+base64(0x01 || seed)"; the base64 may hold '+' itself.
    const QString encoded = QString::fromLatin1(GoNote::PeterPrivateKey).section(QLatin1Char('+'), 4);
    const QByteArray typeAndSeed = QByteArray::fromBase64(encoded.toLatin1());
    EXPECT_EQ(typeAndSeed.size(), 33);
    EXPECT_EQ(typeAndSeed.at(0), 0x01);
    return valueOrAbort(CheckpointSigner::fromPem(QStringLiteral("PeterNeumann"), ed25519PemFromSeed(typeAndSeed.mid(1))),
                        "PeterNeumann signer");
}

CheckpointVerifier verifierFromKey(const char *verifierKey)
{
    return valueOrAbort(CheckpointVerifier::fromVerifierKey(QString::fromLatin1(verifierKey)), verifierKey);
}

QByteArray checkpointTestData(const char *name)
{
    QFile file(QStringLiteral(QMSAUDIT_TEST_DATA_DIR "/checkpoint/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot read test data " << name;
        return {};
    }
    return file.readAll();
}

CheckpointSigner testSigner(const QString &keyName)
{
    return valueOrAbort(CheckpointSigner::fromPem(keyName, checkpointTestData("test-ed25519.pem")), "test signer");
}

} // namespace QmsAudit::Test
