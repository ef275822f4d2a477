// SPDX-License-Identifier: LGPL-2.1-or-later
// kill -9 at each step of a key rotation (strace delivers SIGKILL when the rotation reaches a
// given system call): the log must open with exactly one of the two keys, the chain must say
// what happened, no backup may be left behind, and the next rotation must work.

#include "clitest.h"

#include <qmsaudit/eventjson.h>

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

struct CrashPoint {
    const char *name;
    const char *pathSuffix; ///< strace -P: only system calls on <log><suffix> count ("" = any)
    const char *syscall;
    int occurrence;         ///< SIGKILL at this call of @c syscall (on that path)
    bool newKeyInForce;     ///< which key opens the log afterwards
    const char *recovery;   ///< the "recovery" attribute of the closing key_rotated ("" = none)
};

const CrashPoint kCrashPoints[] = {
    // The backup is complete only once renamed: re-encryption never began.
    {"BeforeTheBackupIsComplete", "", "rename", 1, false, "rolled_back"},
    // Every page is rewritten, but the journal still holds the old ones: opening rolls them back.
    {"BeforeTheReencryptionCommits", "-journal", "unlink", 2, false, "rolled_back"},
    // Re-encrypted and committed, not yet reopened or recorded.
    {"AfterTheReencryptionCommits", "-journal", "openat", 3, true, "completed_after_interruption"},
    // Completion recorded; only the backup is left.
    {"WhileRemovingTheBackup", ".rekey-backup", "unlink", 1, true, ""},
};

/// A log with five events.
class RekeyFaultTest : public CliTest
{
protected:
    void SetUp() override
    {
        ASSERT_EQ(initLog().exitCode, 0);
        for (int i = 1; i <= 5; ++i)
            ASSERT_EQ(record({u"--object-id"_s, u"DOC-%1"_s.arg(i)}), i);
    }
};

class RekeyCrashTest : public RekeyFaultTest, public ::testing::WithParamInterface<CrashPoint>
{
};

TEST_P(RekeyCrashTest, LogOpensWithOneKeyAndTheChainSaysWhatHappened)
{
    const CrashPoint &point = GetParam();
    const QString strace = QStandardPaths::findExecutable(u"strace"_s);
    ASSERT_FALSE(strace.isEmpty()) << "strace is not installed (packaging/scripts/install-deps.sh installs it)";
    const QString oldKey = keyFilePath();
    const QString newKey = otherKeyFile();

    QStringList arguments{u"-f"_s, u"-qq"_s, u"-o"_s, u"/dev/null"_s};
    if (*point.pathSuffix)
        arguments << u"-P"_s << logPath() + QLatin1StringView(point.pathSuffix);
    arguments << u"-e"_s << u"trace=%1"_s.arg(QLatin1StringView(point.syscall)) << u"-e"_s
              << u"inject=%1:signal=KILL:when=%2"_s.arg(QLatin1StringView(point.syscall)).arg(point.occurrence)
              << QStringLiteral(QMSAUDIT_CLI_PATH)
              << commandArgs(u"rekey"_s, {u"--actor"_s, u"admin"_s, u"--reason"_s, u"rotation"_s, u"--new-key-file"_s, newKey});
    QProcess process;
    process.start(strace, arguments);
    ASSERT_TRUE(process.waitForFinished(60000));
    ASSERT_NE(process.exitCode(), 0) << "the rotation was not killed: " << process.readAllStandardOutput().constData();

    // Exactly one key opens the log; opening it finishes or rolls back the rotation.
    const QString inForce = point.newKeyInForce ? newKey : oldKey;
    const QString other = point.newKeyInForce ? oldKey : newKey;
    const CliResult verify = run({u"verify"_s, u"--log"_s, logPath(), u"--key-file"_s, inForce});
    ASSERT_EQ(verify.exitCode, 0) << verify.err.toStdString();
    EXPECT_TRUE(verify.out.startsWith(u"OK 7 events"_s)) << verify.out.toStdString();
    EXPECT_EQ(run({u"verify"_s, u"--log"_s, logPath(), u"--key-file"_s, other}).exitCode, 2);
    const QStringList leftovers = QDir(QFileInfo(logPath()).absolutePath()).entryList({u"*.rekey-backup*"_s}, QDir::Files);
    EXPECT_TRUE(leftovers.isEmpty()) << leftovers.join(u' ').toStdString();

    const CliResult rotations = run({u"query"_s, u"--log"_s, logPath(), u"--key-file"_s, inForce, u"--action"_s,
                                     u"key_rotation_started,key_rotated"_s, u"--format"_s, u"jsonl"_s});
    ASSERT_EQ(rotations.exitCode, 0) << rotations.err.toStdString();
    QList<Event> events;
    for (const QString &line : rotations.outLines()) {
        auto event = eventFromJsonLine(line.toUtf8());
        ASSERT_TRUE(event) << event.error().message().toStdString();
        events.append(*event);
    }
    ASSERT_EQ(events.size(), 2);
    EXPECT_EQ(events[0].action, Action::KeyRotationStarted);
    EXPECT_EQ(events[0].seq, 6);
    EXPECT_EQ(events[1].action, Action::KeyRotated);
    EXPECT_EQ(events[1].outcome, point.newKeyInForce ? Outcome::Success : Outcome::Failed);
    EXPECT_EQ(events[1].actor.id, u"admin"_s);
    EXPECT_EQ(events[1].attributes.value(u"recovery"_s), QLatin1StringView(point.recovery));

    // And the next rotation works.
    const QString next = path(u"next.key"_s);
    const CliResult again = run({u"rekey"_s, u"--log"_s, logPath(), u"--key-file"_s, inForce, u"--actor"_s, u"admin"_s,
                                 u"--generate-new-key-file"_s, next});
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(run({u"verify"_s, u"--log"_s, logPath(), u"--key-file"_s, next}).exitCode, 0);
}

TEST_F(RekeyFaultTest, DiskFullSaysSoKeepsTheOldKeyAndRemovesTheGeneratedKeyFile)
{
    // The disk fills while the backup is written (ENOSPC on every write to it).
    const QString strace = QStandardPaths::findExecutable(u"strace"_s);
    ASSERT_FALSE(strace.isEmpty());
    const QString generated = path(u"generated.key"_s);
    const QStringList arguments = QStringList{u"-f"_s, u"-qq"_s, u"-o"_s, u"/dev/null"_s, u"-P"_s, logPath() + u".rekey-backup.tmp"_s,
                                              u"-e"_s, u"trace=write"_s, u"-e"_s, u"inject=write:error=ENOSPC"_s,
                                              QStringLiteral(QMSAUDIT_CLI_PATH)}
        + commandArgs(u"rekey"_s, {u"--actor"_s, u"admin"_s, u"--generate-new-key-file"_s, generated});
    QProcess process;
    process.start(strace, arguments);
    ASSERT_TRUE(process.waitForFinished(60000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    EXPECT_EQ(process.exitCode(), 4) << err.toStdString();
    EXPECT_EQ(err, u"qms-audit: Cannot write %1.rekey-backup.tmp: No space left on device.\n"_s.arg(logPath()));
    EXPECT_FALSE(QFileInfo::exists(generated)) << "a key that encrypts nothing was left behind";
    EXPECT_FALSE(QFileInfo::exists(logPath() + u".rekey-backup.tmp"_s));
    const QList<Event> events = queryEvents(); // still under the old key
    ASSERT_EQ(events.size(), 7);
    EXPECT_EQ(events[5].action, Action::KeyRotationStarted);
    EXPECT_EQ(events[6].action, Action::KeyRotated);
    EXPECT_EQ(events[6].outcome, Outcome::Failed);
    EXPECT_EQ(events[6].attributes.value(u"error"_s), u"io_error"_s);
}

INSTANTIATE_TEST_SUITE_P(KillNine, RekeyCrashTest, ::testing::ValuesIn(kCrashPoints),
                         [](const ::testing::TestParamInfo<CrashPoint> &param) { return std::string(param.param.name); });

} // namespace
} // namespace QmsAudit::Test
