// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/auditlog.h>
#include <qmsaudit/passphraseprovider.h>
#include <qmsaudit/statickeyprovider.h>

#include "testlog.h"

#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

const Actor kAdmin{QStringLiteral("it-admin"), QStringLiteral("IT Admin"), {QStringLiteral("security_officer")}};

class RekeyTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        log = dir.create();
        ASSERT_TRUE(log);
        for (int i = 0; i < 20; ++i)
            ASSERT_TRUE(log->append(sampleEvent(i)));
    }

    /// The log still opens with the original key, verifies, and its last event is a failed rotation.
    void expectOldKeyInForceWithFailedRotationRecorded()
    {
        log.reset();
        auto reopened = AuditLog::open(dir.logPath(), dir.keys());
        ASSERT_TRUE(reopened) << reopened.error().message().toStdString();
        const auto report = (*reopened)->verify();
        EXPECT_TRUE(report.ok) << report.summary().toStdString();
        auto last = (*reopened)->eventAt(report.lastSeq);
        ASSERT_TRUE(last);
        EXPECT_EQ(last->action, Action::KeyRotated);
        EXPECT_EQ(last->outcome, Outcome::Failed);
    }

    TestLogDir dir;
    std::unique_ptr<AuditLog> log;
};

} // namespace

TEST_F(RekeyTest, NewKeyReplacesTheOldAndTheRotationIsAudited)
{
    KeyFileProvider newKeys(dir.writeOtherKeyFile(QStringLiteral("new.key")));
    auto rotated = log->rekey(newKeys, kAdmin, QStringLiteral("annual key rotation"));
    ASSERT_TRUE(rotated) << rotated.error().message().toStdString();
    ASSERT_TRUE(log->append(sampleEvent(99))); // still usable in this process
    log.reset();

    EXPECT_EQ(AuditLog::open(dir.logPath(), dir.keys()).error().code(), ErrorCode::WrongKey);
    auto reopened = AuditLog::open(dir.logPath(), newKeys);
    ASSERT_TRUE(reopened) << reopened.error().message().toStdString();
    const auto report = (*reopened)->verify();
    EXPECT_TRUE(report.ok) << report.summary().toStdString();
    EXPECT_EQ(report.eventCount, 23);
    auto intent = (*reopened)->eventAt(21); // recorded under the old key, before re-encrypting
    ASSERT_TRUE(intent);
    EXPECT_EQ(intent->action, Action::KeyRotationStarted);
    EXPECT_EQ(intent->actor, kAdmin);
    auto rotation = (*reopened)->eventAt(22);
    ASSERT_TRUE(rotation);
    EXPECT_EQ(rotation->action, Action::KeyRotated);
    EXPECT_EQ(rotation->outcome, Outcome::Success);
    EXPECT_EQ(rotation->actor, kAdmin);
    EXPECT_EQ(rotation->reason, QStringLiteral("annual key rotation"));
    EXPECT_FALSE(QFileInfo::exists(dir.logPath() + QStringLiteral(".rekey-backup")));
}

TEST_F(RekeyTest, RotationToAPassphraseWorks)
{
    auto passphrase = PassphraseProvider::fromPassphrase("a long passphrase for the audit log");
    ASSERT_TRUE(log->rekey(passphrase, kAdmin));
    log.reset();
    auto reopened = AuditLog::open(dir.logPath(), passphrase);
    ASSERT_TRUE(reopened);
    EXPECT_TRUE((*reopened)->verify().ok);
}

TEST_F(RekeyTest, EmptyNewKeyIsRefusedAndTheOldKeyStays)
{
    StaticKeyProvider empty{SecretKey()};
    auto rotated = log->rekey(empty, kAdmin);
    EXPECT_EQ(rotated.error().code(), ErrorCode::KeyUnavailable);
    expectOldKeyInForceWithFailedRotationRecorded();
}

TEST_F(RekeyTest, BackupOfAnotherRotationBlocksRotationUntilTheLogIsReopened)
{
    // A backup that appears while the log is open belongs to a rotation under way elsewhere.
    const QString backup = dir.logPath() + QStringLiteral(".rekey-backup");
    QFile file(backup);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("earlier backup");
    file.close();
    KeyFileProvider newKeys(dir.writeOtherKeyFile(QStringLiteral("new.key")));
    auto rotated = log->rekey(newKeys, kAdmin);
    EXPECT_EQ(rotated.error().code(), ErrorCode::Busy);
    EXPECT_EQ(readFile(backup), QByteArray("earlier backup"));
    expectOldKeyInForceWithFailedRotationRecorded();
    // Reopened, with no rotation open in the chain, the backup is stale: it goes, and rotation works.
    EXPECT_FALSE(QFileInfo::exists(backup));
    auto reopened = dir.open();
    ASSERT_TRUE(reopened);
    EXPECT_TRUE(reopened->rekey(newKeys, kAdmin));
}

TEST_F(RekeyTest, AnotherOpenConnectionMakesRotationFailSafely)
{
    auto other = dir.open(); // a second user of the file blocks leaving WAL mode
    ASSERT_TRUE(other);
    KeyFileProvider newKeys(dir.writeOtherKeyFile(QStringLiteral("new.key")));
    auto rotated = log->rekey(newKeys, kAdmin);
    EXPECT_FALSE(rotated);
    EXPECT_TRUE(other->append(sampleEvent(50)));
    other.reset();
    log.reset();
    auto reopened = AuditLog::open(dir.logPath(), dir.keys());
    ASSERT_TRUE(reopened);
    EXPECT_TRUE((*reopened)->verify().ok);
    EXPECT_EQ(AuditLog::open(dir.logPath(), newKeys).error().code(), ErrorCode::WrongKey);
}
