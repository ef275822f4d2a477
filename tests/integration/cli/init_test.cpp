// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit init: creating logs, refusing to overwrite, key files.

#include "clitest.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

class InitTest : public CliTest
{
};

TEST_F(InitTest, CreatesEncryptedLog)
{
    const CliResult result = initLog();
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.startsWith(u"created "_s + logPath() + u" (log id "_s)) << result.out.toStdString();
    EXPECT_TRUE(result.err.isEmpty());
    const QByteArray bytes = readFile(logPath());
    ASSERT_FALSE(bytes.isEmpty());
    EXPECT_FALSE(bytes.startsWith("SQLite format 3"));
    EXPECT_EQ(eventCount(), 0);
}

TEST_F(InitTest, RefusesToOverwriteExistingLog)
{
    ASSERT_EQ(initLog().exitCode, 0);
    ASSERT_GT(record({}), 0);
    const QByteArray before = readFile(logPath());

    const CliResult again = initLog();
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.err.contains(u"already exists; refusing to overwrite"_s)) << again.err.toStdString();
    EXPECT_EQ(readFile(logPath()), before);
    EXPECT_EQ(eventCount(), 1);
}

TEST_F(InitTest, RefusesToOverwriteAnyExistingFile)
{
    writeFile(logPath(), "not a log, but someone's file\n");
    const CliResult result = initLog();
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(readFile(logPath()), QByteArray("not a log, but someone's file\n"));
}

TEST_F(InitTest, GroupReadableKeyFileIsRefused)
{
    ASSERT_TRUE(QFile::setPermissions(keyFilePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
    const CliResult result = initLog();
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(u"chmod 600"_s)) << result.err.toStdString();
    EXPECT_FALSE(QFile::exists(logPath()));
}

TEST_F(InitTest, MissingKeyFileIsRefused)
{
    const CliResult result = run({u"init"_s, u"--log"_s, logPath(), u"--key-file"_s, path(u"missing.key"_s)});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_FALSE(QFile::exists(logPath()));
}

TEST_F(InitTest, MalformedKeyFileIsRefused)
{
    const QString key = path(u"short.key"_s);
    writeFile(key, "abcdef\n");
    ASSERT_TRUE(QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner));
    const CliResult result = run({u"init"_s, u"--log"_s, logPath(), u"--key-file"_s, key});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(u"64 hexadecimal characters"_s)) << result.err.toStdString();
    EXPECT_FALSE(QFile::exists(logPath()));
}

TEST_F(InitTest, GenerateKeyFileCreatesKeyAndLog)
{
    const QString key = path(u"generated.key"_s);
    const CliResult result = run({u"init"_s, u"--log"_s, logPath(), u"--generate-key-file"_s, key});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(u"key file "_s + key)) << result.out.toStdString();
    EXPECT_EQ(fileMode(key), 0600u);
    const QByteArray contents = readFile(key);
    EXPECT_TRUE(QRegularExpression(u"^[0-9a-f]{64}\\n$"_s).match(QString::fromLatin1(contents)).hasMatch());
    // The key material is never printed.
    EXPECT_FALSE(result.out.contains(QString::fromLatin1(contents.trimmed())));

    const CliResult verify = run({u"verify"_s, u"--log"_s, logPath(), u"--key-file"_s, key});
    EXPECT_EQ(verify.exitCode, 0) << verify.err.toStdString();
    // The fixture's own key is a different one.
    EXPECT_EQ(run(commandArgs(u"verify"_s)).exitCode, 2);
}

TEST_F(InitTest, GenerateKeyFileRefusesExistingKeyFile)
{
    const QByteArray before = readFile(keyFilePath());
    const CliResult result = run({u"init"_s, u"--log"_s, logPath(), u"--generate-key-file"_s, keyFilePath()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(u"already exists; refusing to overwrite"_s)) << result.err.toStdString();
    EXPECT_EQ(readFile(keyFilePath()), before);
    EXPECT_FALSE(QFile::exists(logPath()));
}

TEST_F(InitTest, GenerateKeyFileDoesNotTouchExistingLog)
{
    ASSERT_EQ(initLog().exitCode, 0);
    const QString key = path(u"generated.key"_s);
    const CliResult result = run({u"init"_s, u"--log"_s, logPath(), u"--generate-key-file"_s, key});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_FALSE(QFile::exists(key));
}

TEST_F(InitTest, DefaultPolicyRequiresReasonForChanges)
{
    ASSERT_EQ(initLog().exitCode, 0);
    const CliResult result = run(commandArgs(u"record"_s, {u"--actor"_s, u"u1"_s, u"--action"_s, u"edit"_s, u"--object-id"_s, u"SOP-1"_s}));
    EXPECT_EQ(result.exitCode, 1);
}

TEST_F(InitTest, ReasonOptionalPolicyAcceptsChangesWithoutReason)
{
    ASSERT_EQ(initLog({u"--reason-optional"_s}).exitCode, 0);
    EXPECT_EQ(record({u"--action"_s, u"edit"_s}), 1);
    EXPECT_EQ(record({u"--action"_s, u"delete"_s}), 2);
}

} // namespace
} // namespace QmsAudit::Test
