// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/checkpointsigner.h>
#include <qmsaudit/checkpointverifier.h>
#include <qmsaudit/keyfileprovider.h>
#include <qmsaudit/signingkeyfileprovider.h>

#include "checkpointtestkeys.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/types.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

const QString kName = QStringLiteral("qms.example/audit");
const QString kNeedEd25519 = QStringLiteral("; checkpoints need an Ed25519 key as `openssl genpkey -algorithm ed25519` makes.");

/// The base64 lines of a PEM file: what must never appear in a message.
QList<QByteArray> pemBodyLines(const QByteArray &pem)
{
    QList<QByteArray> lines;
    for (const QByteArray &line : pem.split('\n')) {
        if (!line.isEmpty() && !line.startsWith("-----"))
            lines.append(line);
    }
    return lines;
}

void expectNoKeyMaterial(const QString &message, const QByteArray &pem)
{
    for (const QByteArray &line : pemBodyLines(pem)) {
        EXPECT_FALSE(message.contains(QString::fromLatin1(line.left(12)))) << message.toStdString();
    }
}

QString writeKeyFile(const QTemporaryDir &dir, const QByteArray &content, mode_t mode = 0600)
{
    const QString path = dir.filePath(QStringLiteral("signing.pem"));
    QFile::remove(path);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    EXPECT_EQ(::chmod(QFile::encodeName(path).constData(), mode), 0);
    return path;
}

} // namespace

TEST(Ed25519Keys, SignerFromPemHasTheOpenSslPublicKey)
{
    const CheckpointSigner signer = testSigner(kName);
    EXPECT_EQ(signer.name(), kName);
    EXPECT_EQ(signer.publicKeyPem(), checkpointTestData("test-ed25519.pub.pem"));
    EXPECT_EQ(signer.publicKey().size(), 32);
    auto verifier = CheckpointVerifier::fromPem(kName, checkpointTestData("test-ed25519.pub.pem"));
    ASSERT_TRUE(verifier) << verifier.error().message().toStdString();
    EXPECT_EQ(verifier->publicKey(), signer.publicKey());
    EXPECT_EQ(verifier->keyId(), signer.keyId());
    EXPECT_EQ(signer.keyId(), CheckpointVerifier::keyIdFor(kName, signer.publicKey()));
    EXPECT_EQ(verifier->publicKeyPem(), checkpointTestData("test-ed25519.pub.pem"));
    auto raw = CheckpointVerifier::fromRawKey(kName, signer.publicKey());
    ASSERT_TRUE(raw);
    EXPECT_EQ(raw->verifierKey(), verifier->verifierKey());
}

TEST(Ed25519Keys, SignaturesAreDeterministicAndVerifyOnlyTheirMessage)
{
    const CheckpointSigner signer = testSigner(kName);
    const QByteArray message("qms.example/audit\n1\nAAAA\n");
    auto first = signer.sign(message);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->size(), 64);
    EXPECT_EQ(signer.sign(message).value(), *first);
    EXPECT_TRUE(signer.verifier().verify(message, *first));
    EXPECT_FALSE(signer.verifier().verify(message + "x", *first));
    EXPECT_FALSE(signer.verifier().verify(message.chopped(1), *first));
    EXPECT_FALSE(signer.verifier().verify(message, first->left(63)));
    EXPECT_FALSE(signer.verifier().verify(message, *first + '\0'));
    EXPECT_FALSE(signer.verifier().verify(message, QByteArray()));
    EXPECT_FALSE(goPeterSigner().verifier().verify(message, *first)); // another key
    EXPECT_TRUE(signer.sign(QByteArray()).value().size() == 64);
}

TEST(Ed25519Keys, ReproduceTheRfc8032TestVector)
{
    // RFC 8032 section 7.1, TEST 2: one message byte 0x72.
    const QByteArray seed = QByteArray::fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
    auto signer = CheckpointSigner::fromPem(kName, ed25519PemFromSeed(seed));
    ASSERT_TRUE(signer) << signer.error().message().toStdString();
    EXPECT_EQ(signer->publicKey().toHex(), QByteArray("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"));
    EXPECT_EQ(signer->sign(QByteArray::fromHex("72")).value().toHex(),
              QByteArray("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                         "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"));
}

TEST(Ed25519Keys, OtherKeyTypesAreRefusedByName)
{
    const struct {
        const char *file;
        const char *words;
    } others[] = {{"rsa-2048.pem", "an RSA key"}, {"ec-p256.pem", "an EC (ECDSA) key"}, {"ed448.pem", "an Ed448 key"}};
    for (const auto &other : others) {
        const QByteArray pem = checkpointTestData(other.file);
        auto signer = CheckpointSigner::fromPem(kName, pem);
        ASSERT_FALSE(signer) << other.file;
        EXPECT_EQ(signer.error().code(), ErrorCode::InvalidArgument);
        EXPECT_EQ(signer.error().message(), QStringLiteral("The PEM key is ") + QLatin1String(other.words) + kNeedEd25519);
        expectNoKeyMaterial(signer.error().message(), pem);
    }
    auto verifier = CheckpointVerifier::fromPem(kName, checkpointTestData("ec-p256.pub.pem"));
    ASSERT_FALSE(verifier);
    EXPECT_EQ(verifier.error().message(), QStringLiteral("The public key of qms.example/audit is an EC (ECDSA) key") + kNeedEd25519);
}

TEST(Ed25519Keys, EncryptedWrongKindAndGarbagePemAreRefusedWithoutPrompting)
{
    // An encrypted key fails at once: nothing may wait for a passphrase on the terminal.
    auto encrypted = CheckpointSigner::fromPem(kName, checkpointTestData("encrypted-ed25519.pem"));
    ASSERT_FALSE(encrypted);
    EXPECT_TRUE(encrypted.error().message().contains(QStringLiteral("is encrypted"))) << encrypted.error().message().toStdString();

    auto publicAsPrivate = CheckpointSigner::fromPem(kName, checkpointTestData("test-ed25519.pub.pem"));
    ASSERT_FALSE(publicAsPrivate);
    EXPECT_EQ(publicAsPrivate.error().message(), QStringLiteral("The PEM key holds a public key; signing needs the private key."));

    const QByteArray privatePem = checkpointTestData("test-ed25519.pem");
    auto privateAsPublic = CheckpointVerifier::fromPem(kName, privatePem);
    ASSERT_FALSE(privateAsPublic);
    expectNoKeyMaterial(privateAsPublic.error().message(), privatePem);

    for (const QByteArray &garbage : {QByteArray(), QByteArray("not a key"), privatePem.left(40), privatePem.toLower()}) {
        auto signer = CheckpointSigner::fromPem(kName, garbage);
        ASSERT_FALSE(signer);
        EXPECT_EQ(signer.error().code(), ErrorCode::InvalidArgument);
        expectNoKeyMaterial(signer.error().message(), privatePem);
        EXPECT_FALSE(CheckpointVerifier::fromPem(kName, garbage));
    }
}

TEST(Ed25519Keys, KeyNamesFollowTheSignedNoteRules)
{
    const QByteArray pem = checkpointTestData("test-ed25519.pem");
    for (const QString &bad : {QString(), QStringLiteral("a b"), QStringLiteral("a+b"), QStringLiteral("a\tb"),
                               QStringLiteral("a\u00a0b"), QStringLiteral("a\u2028b"), QStringLiteral("a\u0001b")}) {
        EXPECT_FALSE(CheckpointVerifier::isValidKeyName(bad)) << bad.toStdString();
        EXPECT_FALSE(CheckpointSigner::fromPem(bad, pem));
        EXPECT_FALSE(CheckpointVerifier::fromRawKey(bad, QByteArray(32, 'k')));
    }
    EXPECT_TRUE(CheckpointVerifier::isValidKeyName(QStringLiteral("example.com/behind-the-sofa")));
    EXPECT_TRUE(CheckpointVerifier::isValidKeyName(QStringLiteral("quasimodo.example/salvatore\u00e8")));
}

TEST(Ed25519Keys, RawPublicKeysHaveThirtyTwoBytes)
{
    EXPECT_TRUE(CheckpointVerifier::fromRawKey(kName, QByteArray(32, '\x07')));
    for (int size : {0, 31, 33, 64}) {
        auto verifier = CheckpointVerifier::fromRawKey(kName, QByteArray(size, '\x07'));
        ASSERT_FALSE(verifier);
        EXPECT_EQ(verifier.error().message(), QStringLiteral("An Ed25519 public key has 32 bytes, not %1.").arg(size));
    }
}

TEST(Ed25519Keys, VerifierKeyStringsRoundTripAndManglingsAreRefused)
{
    // As golang.org/x/mod/sumdb/note TestNewVerifier: every proper substring and every
    // single-character change of a verifier key is refused.
    const QByteArray vkey(GoNote::PeterVerifierKey);
    EXPECT_EQ(verifierFromKey(GoNote::PeterVerifierKey).verifierKey(), QString::fromLatin1(vkey));
    for (qsizetype i = 0; i <= vkey.size(); ++i) {
        for (qsizetype j = i + 1; j <= vkey.size(); ++j) {
            if (i == 0 && j == vkey.size())
                continue;
            EXPECT_FALSE(CheckpointVerifier::fromVerifierKey(QString::fromLatin1(vkey.mid(i, j - i)))) << vkey.mid(i, j - i).toStdString();
        }
    }
    for (qsizetype i = 0; i < vkey.size(); ++i) {
        QByteArray changed = vkey;
        ++changed[i];
        EXPECT_FALSE(CheckpointVerifier::fromVerifierKey(QString::fromLatin1(changed))) << changed.toStdString();
    }
    // Wrong length with an adjusted ID, and an unknown algorithm with an adjusted ID (from the Go test).
    EXPECT_FALSE(CheckpointVerifier::fromVerifierKey(u"PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="));
    EXPECT_FALSE(CheckpointVerifier::fromVerifierKey(u"PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
}

TEST(Ed25519KeyFile, ReadsAnOwnerOnlyPemKey)
{
    QTemporaryDir dir;
    const QString path = writeKeyFile(dir, checkpointTestData("test-ed25519.pem"));
    SigningKeyFileProvider keys(path, kName);
    EXPECT_EQ(keys.description(), QStringLiteral("signing key file ") + path);
    auto signer = keys.fetchSigner();
    ASSERT_TRUE(signer) << signer.error().message().toStdString();
    EXPECT_EQ(signer->keyId(), testSigner(kName).keyId());
    EXPECT_EQ(signer->name(), kName);
    // Read-only for the owner (0400) is fine too.
    ASSERT_EQ(::chmod(QFile::encodeName(path).constData(), 0400), 0);
    EXPECT_TRUE(keys.fetchSigner());
}

TEST(Ed25519KeyFile, RefusesFilesGroupOrOthersMayAccess)
{
    QTemporaryDir dir;
    const QByteArray pem = checkpointTestData("test-ed25519.pem");
    for (mode_t mode : {0640, 0604, 0620, 0602, 0660, 0644}) {
        const QString path = writeKeyFile(dir, pem, mode);
        auto signer = SigningKeyFileProvider(path, kName).fetchSigner();
        ASSERT_FALSE(signer) << std::oct << mode;
        EXPECT_EQ(signer.error().code(), ErrorCode::KeyUnavailable);
        EXPECT_EQ(signer.error().message(),
                  QStringLiteral("The signing key file %1 is accessible by group or others (mode %2); run chmod 600 on it.")
                      .arg(path)
                      .arg(uint(mode), 4, 8, QLatin1Char('0')));
        expectNoKeyMaterial(signer.error().message(), pem);
    }
}

TEST(Ed25519KeyFile, RefusesMissingDirectoriesAndWrongKeys)
{
    QTemporaryDir dir;
    EXPECT_EQ(SigningKeyFileProvider(dir.filePath(QStringLiteral("none.pem")), kName).fetchSigner().error().code(), ErrorCode::NotFound);
    auto directory = SigningKeyFileProvider(dir.path(), kName).fetchSigner();
    EXPECT_EQ(directory.error().message(), QStringLiteral("The signing key file %1 is not a regular file.").arg(dir.path()));

    const QByteArray rsa = checkpointTestData("rsa-2048.pem");
    const QString rsaPath = writeKeyFile(dir, rsa);
    auto signer = SigningKeyFileProvider(rsaPath, kName).fetchSigner();
    ASSERT_FALSE(signer);
    EXPECT_EQ(signer.error().code(), ErrorCode::KeyUnavailable);
    EXPECT_EQ(signer.error().message(), QStringLiteral("The signing key file %1 is an RSA key").arg(rsaPath) + kNeedEd25519);
    expectNoKeyMaterial(signer.error().message(), rsa);

    const QString bigPath = writeKeyFile(dir, QByteArray(16 * 1024 + 1, '-'));
    EXPECT_EQ(SigningKeyFileProvider(bigPath, kName).fetchSigner().error().code(), ErrorCode::KeyUnavailable);
}

TEST(Ed25519KeyFile, SharesTheOwnerOnlyCheckWithTheLogKeyFile)
{
    // KeyFileProvider and SigningKeyFileProvider refuse the same file with the same sentence.
    QTemporaryDir dir;
    const QString path = writeKeyFile(dir, QByteArray(64, 'a'), 0640);
    EXPECT_EQ(KeyFileProvider(path).fetchKey().error().message(),
              QStringLiteral("The key file %1 is accessible by group or others (mode 0640); run chmod 600 on it.").arg(path));
}
