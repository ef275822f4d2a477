// SPDX-License-Identifier: LGPL-2.1-or-later
// Encryption fails closed: both outcomes are tested (wrong key rejected, file not plaintext).
#include <qmsaudit/auditlog.h>
#include <qmsaudit/passphraseprovider.h>
#include <qmsaudit/statickeyprovider.h>

#include "sqlciphershell.h"
#include "testlog.h"

#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {
const QByteArray kMarker = "PLAINTEXT-MARKER-7f3a";
const QByteArray kSqliteHeader("SQLite format 3\0", 16);
} // namespace

TEST(Encryption, NeitherTheFileNorTheWalContainPlaintext)
{
    TestLogDir dir;
    auto log = dir.create();
    for (int i = 0; i < 50; ++i) {
        Event e = sampleEvent(i);
        e.object.title = QString::fromLatin1(kMarker) + QString::number(i);
        e.reason = QString::fromLatin1(kMarker);
        ASSERT_TRUE(log->append(e));
    }
    // While the log is open the events sit in the -wal file.
    const QByteArray wal = readFile(dir.logPath() + QStringLiteral("-wal"));
    ASSERT_GT(wal.size(), 0);
    EXPECT_FALSE(wal.contains(kMarker));
    EXPECT_FALSE(wal.contains("actor_id")); // schema text
    log.reset();
    const QByteArray main = readFile(dir.logPath());
    ASSERT_GT(main.size(), 4096);
    EXPECT_FALSE(main.startsWith(kSqliteHeader));
    EXPECT_FALSE(main.contains(kMarker));
    EXPECT_FALSE(main.contains("CREATE TABLE"));
}

TEST(Encryption, WrongKeyIsRejectedAndTheFileIsUntouched)
{
    TestLogDir dir;
    {
        auto log = dir.create();
        ASSERT_TRUE(log->append(sampleEvent(0)));
    }
    const QByteArray before = readFile(dir.logPath());
    KeyFileProvider otherKey(dir.writeOtherKeyFile());
    auto log = AuditLog::open(dir.logPath(), otherKey);
    ASSERT_FALSE(log);
    EXPECT_EQ(log.error().code(), ErrorCode::WrongKey);
    EXPECT_FALSE(log.error().message().contains(QString::fromLatin1(dir.keyHex().left(12))));
    EXPECT_EQ(readFile(dir.logPath()), before);
    EXPECT_TRUE(dir.open()->verify().ok);
}

TEST(Encryption, EmptyKeyIsRefusedAndNoFileIsCreated)
{
    TestLogDir dir;
    StaticKeyProvider empty{SecretKey()};
    EXPECT_EQ(AuditLog::create(dir.logPath(), empty).error().code(), ErrorCode::KeyUnavailable);
    EXPECT_FALSE(QFileInfo::exists(dir.logPath()));
    auto emptyPassphrase = PassphraseProvider::fromPassphrase({});
    EXPECT_EQ(AuditLog::create(dir.logPath(), emptyPassphrase).error().code(), ErrorCode::KeyUnavailable);
    EXPECT_FALSE(QFileInfo::exists(dir.logPath()));
}

TEST(Encryption, PassphraseLogsOpenOnlyWithTheSamePassphrase)
{
    TestLogDir dir;
    auto right = PassphraseProvider::fromPassphrase("Tr0ub4dor&3 calibration");
    {
        auto log = AuditLog::create(dir.logPath(), right);
        ASSERT_TRUE(log) << log.error().message().toStdString();
        ASSERT_TRUE((*log)->append(sampleEvent(0)));
    }
    auto wrong = PassphraseProvider::fromPassphrase("Tr0ub4dor&3 calibratioN");
    EXPECT_EQ(AuditLog::open(dir.logPath(), wrong).error().code(), ErrorCode::WrongKey);
    auto log = AuditLog::open(dir.logPath(), right);
    ASSERT_TRUE(log);
    EXPECT_EQ(*(*log)->count({}), 1);
    EXPECT_FALSE(readFile(dir.logPath()).startsWith(kSqliteHeader));
}

TEST(Encryption, PlaintextSqliteFileIsRefusedAndLeftAlone)
{
    TestLogDir dir;
    // A real plaintext database made by the sqlcipher shell without a key.
    const auto made = runSqlcipher(dir.logPath(), {}, QStringLiteral("CREATE TABLE meta(key, value); INSERT INTO meta VALUES ('format', 'qmsaudit-log');"));
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    const QByteArray before = readFile(dir.logPath());
    ASSERT_TRUE(before.startsWith(kSqliteHeader));
    auto log = AuditLog::open(dir.logPath(), dir.keys());
    EXPECT_EQ(log.error().code(), ErrorCode::NotEncrypted);
    EXPECT_EQ(readFile(dir.logPath()), before);
}

TEST(Encryption, EncryptedDatabaseThatIsNotALogIsRefused)
{
    TestLogDir dir;
    const auto made = runSqlcipher(dir.logPath(), dir.keyHex(), QStringLiteral("CREATE TABLE notes(x); INSERT INTO notes VALUES (1);"));
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    EXPECT_EQ(AuditLog::open(dir.logPath(), dir.keys()).error().code(), ErrorCode::NotALog);
}

TEST(Encryption, RandomBytesAreNotALog)
{
    TestLogDir dir;
    QFile file(dir.logPath());
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < 4096; ++i)
        file.putChar(char(i * 7 + 3));
    file.close();
    const auto code = AuditLog::open(dir.logPath(), dir.keys()).error().code();
    EXPECT_EQ(code, ErrorCode::WrongKey); // SQLCipher cannot tell a wrong key from garbage (rc 26)
}

TEST(Encryption, TheSchemaRefusesUpdatesAndDeletesEvenWithTheKey)
{
    TestLogDir dir;
    {
        auto log = dir.create();
        for (int i = 0; i < 5; ++i)
            ASSERT_TRUE(log->append(sampleEvent(i)));
    }
    const auto update = runSqlcipher(dir.logPath(), dir.keyHex(), QStringLiteral("UPDATE events SET reason = 'x' WHERE seq = 2;"));
    EXPECT_NE(update.exitCode, 0);
    EXPECT_TRUE(update.err.contains(QStringLiteral("append-only"))) << update.err.toStdString();
    const auto del = runSqlcipher(dir.logPath(), dir.keyHex(), QStringLiteral("DELETE FROM events WHERE seq = 2;"));
    EXPECT_NE(del.exitCode, 0);
    EXPECT_TRUE(del.err.contains(QStringLiteral("append-only")));
    const auto meta = runSqlcipher(dir.logPath(), dir.keyHex(), QStringLiteral("UPDATE meta SET value = 'x' WHERE key = 'log_id';"));
    EXPECT_NE(meta.exitCode, 0);
    auto log = dir.open();
    EXPECT_EQ(*log->count({}), 5);
    EXPECT_TRUE(log->verify().ok);
}
