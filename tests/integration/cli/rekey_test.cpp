// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit rekey: re-encryption under a new key, recorded as key_rotated.

#include "clitest.h"

#include <QFile>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

class RekeyTest : public CliTest
{
protected:
    void SetUp() override
    {
        ASSERT_EQ(initLog().exitCode, 0);
        ASSERT_EQ(record({}), 1);
        ASSERT_EQ(record({u"--action"_s, u"print"_s}), 2);
    }
    CliResult rekey(const QStringList &extra, const std::optional<QProcessEnvironment> &environment = std::nullopt) const
    {
        return run(commandArgs(u"rekey"_s, extra), {}, environment);
    }
    CliResult verifyWith(const QStringList &keyArgs, const std::optional<QProcessEnvironment> &environment = std::nullopt) const
    {
        return run(QStringList{u"verify"_s, u"--log"_s, logPath()} + keyArgs, {}, environment);
    }
};

TEST_F(RekeyTest, NewKeyFileReplacesOldKey)
{
    const QString newKey = otherKeyFile();
    const CliResult result = rekey({u"--new-key-file"_s, newKey, u"--actor"_s, u"admin"_s, u"--actor-name"_s, u"Grace"_s,
                                    u"--reason"_s, u"Annual key rotation"_s});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(newKey)) << result.out.toStdString();

    EXPECT_EQ(verifyWith({u"--key-file"_s, keyFilePath()}).exitCode, 2);
    const CliResult verify = verifyWith({u"--key-file"_s, newKey});
    EXPECT_EQ(verify.exitCode, 0) << verify.out.toStdString();
    EXPECT_TRUE(verify.out.startsWith(u"OK 4 events, head "_s)) << verify.out.toStdString(); // 2, the intent, the rotation

    const CliResult rotated = run({u"query"_s, u"--log"_s, logPath(), u"--key-file"_s, newKey, u"--action"_s, u"key_rotated"_s,
                                   u"--format"_s, u"csv"_s});
    ASSERT_EQ(rotated.exitCode, 0);
    const QStringList lines = rotated.outLines();
    ASSERT_EQ(lines.size(), 2);
    EXPECT_TRUE(lines[1].startsWith(u"4,"_s));
    EXPECT_TRUE(lines[1].contains(u",admin,Grace,"_s)) << lines[1].toStdString();
    EXPECT_TRUE(lines[1].contains(u"Annual key rotation"_s));
    EXPECT_TRUE(lines[1].contains(u",success,"_s));
}

TEST_F(RekeyTest, GenerateNewKeyFile)
{
    const QString newKey = path(u"rotated.key"_s);
    const CliResult result = rekey({u"--generate-new-key-file"_s, newKey, u"--actor"_s, u"admin"_s});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(fileMode(newKey), 0600u);
    EXPECT_EQ(verifyWith({u"--key-file"_s, keyFilePath()}).exitCode, 2);
    EXPECT_EQ(verifyWith({u"--key-file"_s, newKey}).exitCode, 0);
}

TEST_F(RekeyTest, ToPassphraseFromEnvironment)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QMSAUDIT_NEW_PASSPHRASE"_s, u"a long new passphrase"_s);
    const CliResult result = rekey({u"--new-passphrase-env"_s, u"QMSAUDIT_NEW_PASSPHRASE"_s, u"--actor"_s, u"admin"_s}, environment);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_FALSE(result.out.contains(u"a long new passphrase"_s));
    EXPECT_EQ(verifyWith({u"--key-file"_s, keyFilePath()}).exitCode, 2);
    const CliResult verify = verifyWith({u"--passphrase-env"_s, u"QMSAUDIT_NEW_PASSPHRASE"_s}, environment);
    EXPECT_EQ(verify.exitCode, 0) << verify.err.toStdString();
    EXPECT_TRUE(verify.out.startsWith(u"OK 4 events"_s));
}

TEST_F(RekeyTest, MissingActorIsUsageError)
{
    const CliResult result = rekey({u"--new-key-file"_s, otherKeyFile()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(u"--actor ID"_s)) << result.err.toStdString();
    EXPECT_EQ(eventCount(), 2);
}

TEST_F(RekeyTest, MissingNewKeyIsUsageError)
{
    const CliResult result = rekey({u"--actor"_s, u"admin"_s});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(u"--new-key-file"_s)) << result.err.toStdString();
    const CliResult both = rekey({u"--actor"_s, u"admin"_s, u"--new-key-file"_s, otherKeyFile(), u"--new-passphrase-env"_s, u"X"_s});
    EXPECT_EQ(both.exitCode, 1);
    EXPECT_EQ(eventCount(), 2);
}

TEST_F(RekeyTest, UnusableNewKeyLeavesLogWithOldKey)
{
    const QString newKey = otherKeyFile();
    ASSERT_TRUE(QFile::setPermissions(newKey, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    const CliResult result = rekey({u"--new-key-file"_s, newKey, u"--actor"_s, u"admin"_s});
    EXPECT_EQ(result.exitCode, 2);
    const CliResult verify = verifyWith({u"--key-file"_s, keyFilePath()});
    EXPECT_EQ(verify.exitCode, 0);
}

TEST_F(RekeyTest, WrongCurrentKeyChangesNothing)
{
    const QString wrong = otherKeyFile();
    const QString newKey = path(u"never.key"_s);
    const QByteArray before = readFile(logPath());
    const CliResult result = run({u"rekey"_s, u"--log"_s, logPath(), u"--key-file"_s, wrong, u"--generate-new-key-file"_s, newKey,
                                  u"--actor"_s, u"admin"_s});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_FALSE(QFile::exists(newKey));
    EXPECT_EQ(readFile(logPath()), before);
}

} // namespace
} // namespace QmsAudit::Test
