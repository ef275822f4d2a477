// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/keyfileprovider.h>
#include <qmsaudit/passphraseprovider.h>
#include <qmsaudit/statickeyprovider.h>

#include "testlog.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/prctl.h>

#include <sys/stat.h>

using namespace QmsAudit;

namespace {

QString writeKey(const QTemporaryDir &dir, const QByteArray &content, QFile::Permissions perms = QFile::ReadOwner | QFile::WriteOwner)
{
    const QString path = dir.filePath(QStringLiteral("k.key"));
    QFile::remove(path);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    file.setPermissions(perms);
    return path;
}

const QByteArray kHex = "00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF";

} // namespace

TEST(KeyFileProvider, ReadsSixtyFourHexCharactersWithOptionalNewline)
{
    QTemporaryDir dir;
    for (const QByteArray &content : {kHex, kHex + "\n", kHex + "\r\n"}) {
        auto key = KeyFileProvider(writeKey(dir, content)).fetchKey();
        ASSERT_TRUE(key) << key.error().message().toStdString();
        EXPECT_EQ(key->kind(), SecretKey::Kind::RawKey);
        EXPECT_EQ(QByteArray(key->data(), qsizetype(key->size())), QByteArray::fromHex(kHex));
    }
}

TEST(KeyFileProvider, RefusesGroupOrWorldAccessibleFiles)
{
    QTemporaryDir dir;
    for (auto extra : {QFile::ReadGroup, QFile::ReadOther, QFile::WriteOther}) {
        auto key = KeyFileProvider(writeKey(dir, kHex, QFile::ReadOwner | QFile::WriteOwner | extra)).fetchKey();
        EXPECT_EQ(key.error().code(), ErrorCode::KeyUnavailable);
        EXPECT_TRUE(key.error().message().contains(QStringLiteral("chmod 600")));
    }
}

TEST(KeyFileProvider, RefusesMalformedContentWithoutEchoingIt)
{
    QTemporaryDir dir;
    const QByteArray badContents[] = {"", "\n", kHex.left(63), kHex + "0", "zz" + kHex.mid(2), kHex + "\n\n", " " + kHex.left(63)};
    for (const QByteArray &content : badContents) {
        auto key = KeyFileProvider(writeKey(dir, content)).fetchKey();
        EXPECT_EQ(key.error().code(), ErrorCode::KeyUnavailable) << content.toStdString();
        EXPECT_FALSE(key.error().message().contains(QString::fromLatin1(kHex.left(16))));
    }
}

TEST(KeyFileProvider, MissingFileIsNotFound)
{
    QTemporaryDir dir;
    EXPECT_EQ(KeyFileProvider(dir.filePath(QStringLiteral("none.key"))).fetchKey().error().code(), ErrorCode::NotFound);
}

TEST(KeyFileProvider, GeneratesPrivateRandomKeysAndNeverOverwrites)
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.key"));
    const QString b = dir.filePath(QStringLiteral("b.key"));
    ASSERT_TRUE(KeyFileProvider::generateKeyFile(a));
    ASSERT_TRUE(KeyFileProvider::generateKeyFile(b));
    struct stat st{};
    ASSERT_EQ(::stat(QFile::encodeName(a).constData(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    const QByteArray before = QmsAudit::Test::readFile(a);
    EXPECT_EQ(before.size(), 65);
    EXPECT_NE(before, QmsAudit::Test::readFile(b));
    EXPECT_EQ(KeyFileProvider::generateKeyFile(a).error().code(), ErrorCode::AlreadyExists);
    EXPECT_EQ(QmsAudit::Test::readFile(a), before);
    EXPECT_TRUE(KeyFileProvider(a).fetchKey());
}

TEST(PassphraseProvider, ReadsTheEnvironmentAndRejectsEmptyOrMissing)
{
    qputenv("QMSAUDIT_TEST_PASS", "correct horse battery staple");
    auto key = PassphraseProvider::fromEnvironment(QStringLiteral("QMSAUDIT_TEST_PASS")).fetchKey();
    ASSERT_TRUE(key);
    EXPECT_EQ(key->kind(), SecretKey::Kind::Passphrase);
    EXPECT_EQ(QByteArray(key->data(), qsizetype(key->size())), QByteArray("correct horse battery staple"));

    qputenv("QMSAUDIT_TEST_PASS", "");
    EXPECT_EQ(PassphraseProvider::fromEnvironment(QStringLiteral("QMSAUDIT_TEST_PASS")).fetchKey().error().code(), ErrorCode::KeyUnavailable);
    qunsetenv("QMSAUDIT_TEST_PASS");
    EXPECT_EQ(PassphraseProvider::fromEnvironment(QStringLiteral("QMSAUDIT_TEST_PASS")).fetchKey().error().code(), ErrorCode::KeyUnavailable);
    EXPECT_EQ(PassphraseProvider::fromPassphrase({}).fetchKey().error().code(), ErrorCode::KeyUnavailable);
}

TEST(StaticKeyProvider, RejectsEmptyAndWrongSizedRawKeys)
{
    EXPECT_EQ(StaticKeyProvider(SecretKey()).fetchKey().error().code(), ErrorCode::KeyUnavailable);
    EXPECT_EQ(StaticKeyProvider(SecretKey(SecretKey::Kind::RawKey, "short", 5)).fetchKey().error().code(), ErrorCode::KeyUnavailable);
    EXPECT_TRUE(StaticKeyProvider(SecretKey::generateRawKey()).fetchKey());
}

TEST(SecretKey, RawKeyArgumentUsesSqlcipherHexSyntax)
{
    const QByteArray raw = QByteArray::fromHex(kHex);
    const SecretKey key(SecretKey::Kind::RawKey, raw.constData(), std::size_t(raw.size()));
    const SecretKey arg = key.sqlcipherKeyArgument();
    EXPECT_EQ(QByteArray(arg.data(), qsizetype(arg.size())), "x'" + kHex.toLower() + "'");
}

TEST(SecretKey, MoveLeavesTheSourceEmpty)
{
    SecretKey a = SecretKey::generateRawKey();
    ASSERT_EQ(a.size(), 32u);
    SecretKey b = std::move(a);
    EXPECT_TRUE(a.isEmpty()); // NOLINT(bugprone-use-after-move): the point of the test
    EXPECT_EQ(b.size(), 32u);
}

TEST(SecretKey, ProcessIsNotDumpableWhileAKeyIsHeld)
{
    // A core dump would hold the key: the process is marked non-dumpable while any key lives.
    ASSERT_EQ(::prctl(PR_GET_DUMPABLE), 1) << "the test runner itself must start dumpable";
    {
        const QmsAudit::SecretKey key = QmsAudit::SecretKey::generateRawKey();
        EXPECT_EQ(::prctl(PR_GET_DUMPABLE), 0);
        {
            QmsAudit::SecretKey moved = QmsAudit::SecretKey(QmsAudit::SecretKey::Kind::Passphrase, "pw", 2);
            QmsAudit::SecretKey other = std::move(moved);
            EXPECT_EQ(::prctl(PR_GET_DUMPABLE), 0);
        }
        EXPECT_EQ(::prctl(PR_GET_DUMPABLE), 0); // the first key is still alive
    }
    EXPECT_EQ(::prctl(PR_GET_DUMPABLE), 1);
    // A host that made itself non-dumpable stays so.
    ASSERT_EQ(::prctl(PR_SET_DUMPABLE, 0), 0);
    {
        const QmsAudit::SecretKey key = QmsAudit::SecretKey::generateRawKey();
    }
    EXPECT_EQ(::prctl(PR_GET_DUMPABLE), 0);
    ASSERT_EQ(::prctl(PR_SET_DUMPABLE, 1), 0);
}
