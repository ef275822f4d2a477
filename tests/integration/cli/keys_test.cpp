// SPDX-License-Identifier: LGPL-2.1-or-later
// Opening logs: wrong keys, missing and foreign files, passphrases from the environment.

#include "clitest.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

const QString kPassphraseVariable = u"QMSAUDIT_TEST_PASSPHRASE"_s;

class KeysTest : public CliTest
{
protected:
    static QProcessEnvironment withPassphrase(const QString &passphrase)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(kPassphraseVariable, passphrase);
        return environment;
    }
    QStringList passphraseArgs(const QString &command, const QStringList &extra = {}) const
    {
        return QStringList{command, u"--log"_s, logPath(), u"--passphrase-env"_s, kPassphraseVariable} + extra;
    }
};

TEST_F(KeysTest, WrongKeyFileIsRefused)
{
    ASSERT_EQ(initLog().exitCode, 0);
    ASSERT_EQ(record({}), 1);
    const QString other = otherKeyFile();
    const QByteArray before = readFile(logPath());
    for (const QString &command : {u"verify"_s, u"query"_s, u"stats"_s}) {
        const CliResult result = run({command, u"--log"_s, logPath(), u"--key-file"_s, other});
        EXPECT_EQ(result.exitCode, 2) << command.toStdString();
        EXPECT_TRUE(result.err.startsWith(u"qms-audit: "_s));
        EXPECT_TRUE(result.out.isEmpty());
    }
    const CliResult recordResult = run({u"record"_s, u"--log"_s, logPath(), u"--key-file"_s, other, u"--actor"_s, u"u1"_s,
                                        u"--action"_s, u"view"_s, u"--object-id"_s, u"D"_s});
    EXPECT_EQ(recordResult.exitCode, 2);
    EXPECT_EQ(readFile(logPath()), before);
    EXPECT_EQ(eventCount(), 1);
}

TEST_F(KeysTest, NonExistentLogIsRefused)
{
    const CliResult result = run(commandArgs(u"verify"_s));
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(logPath())) << result.err.toStdString();
    // Opening never creates the file.
    EXPECT_FALSE(QFile::exists(logPath()));
    EXPECT_EQ(run(commandArgs(u"record"_s, {u"--actor"_s, u"u1"_s, u"--action"_s, u"view"_s, u"--object-id"_s, u"D"_s})).exitCode, 2);
    EXPECT_FALSE(QFile::exists(logPath()));
}

TEST_F(KeysTest, PlaintextSqliteHeaderIsRefused)
{
    QByteArray bytes("SQLite format 3", 16);
    bytes.append(QByteArray(4096 - 16, '\x5a'));
    writeFile(logPath(), bytes);
    const CliResult result = run(commandArgs(u"verify"_s));
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(readFile(logPath()), bytes);
}

TEST_F(KeysTest, PlaintextSqliteDatabaseIsRefused)
{
    const QString sqlite3 = QStandardPaths::findExecutable(u"sqlite3"_s);
    // A declared dependency (packaging/scripts/install-deps.sh): missing is a failure, not a skip.
    ASSERT_FALSE(sqlite3.isEmpty()) << "the sqlite3 command line tool is not installed";
    QProcess process;
    process.start(sqlite3, {logPath(), u"CREATE TABLE events(seq INTEGER PRIMARY KEY, body TEXT); INSERT INTO events VALUES (1, 'x');"_s});
    ASSERT_TRUE(process.waitForFinished(30000));
    ASSERT_EQ(process.exitCode(), 0);
    const QByteArray before = readFile(logPath());
    ASSERT_TRUE(before.startsWith("SQLite format 3"));

    const CliResult result = run(commandArgs(u"record"_s, {u"--actor"_s, u"u1"_s, u"--action"_s, u"view"_s, u"--object-id"_s, u"D"_s}));
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(readFile(logPath()), before);
}

TEST_F(KeysTest, RandomFileIsRefused)
{
    QByteArray bytes;
    for (int i = 0; i < 8192; ++i)
        bytes.append(char((i * 7919 + 13) % 251));
    writeFile(logPath(), bytes);
    const CliResult result = run(commandArgs(u"verify"_s));
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(readFile(logPath()), bytes);
}

TEST_F(KeysTest, PassphraseFromEnvironmentWorks)
{
    const auto environment = withPassphrase(u"correct horse battery staple"_s);
    const CliResult init = run(passphraseArgs(u"init"_s), {}, environment);
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    const CliResult recorded = run(passphraseArgs(u"record"_s, {u"--actor"_s, u"u1"_s, u"--action"_s, u"view"_s, u"--object-id"_s, u"D"_s}),
                                   {}, environment);
    EXPECT_EQ(recorded.exitCode, 0) << recorded.err.toStdString();
    EXPECT_EQ(recorded.out, u"1\n"_s);
    const CliResult verify = run(passphraseArgs(u"verify"_s), {}, environment);
    EXPECT_EQ(verify.exitCode, 0) << verify.err.toStdString();
    EXPECT_TRUE(verify.out.startsWith(u"OK 1 events, head "_s));
    EXPECT_FALSE(readFile(logPath()).startsWith("SQLite format 3"));
}

TEST_F(KeysTest, WrongPassphraseIsRefused)
{
    ASSERT_EQ(run(passphraseArgs(u"init"_s), {}, withPassphrase(u"right one"_s)).exitCode, 0);
    const CliResult result = run(passphraseArgs(u"verify"_s), {}, withPassphrase(u"wrong one"_s));
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_FALSE(result.err.contains(u"wrong one"_s));
    EXPECT_FALSE(result.err.contains(u"right one"_s));
}

TEST_F(KeysTest, EmptyPassphraseIsKeyUnavailable)
{
    const CliResult result = run(passphraseArgs(u"init"_s), {}, withPassphrase(QString()));
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(kPassphraseVariable)) << result.err.toStdString();
    EXPECT_FALSE(QFile::exists(logPath()));
}

TEST_F(KeysTest, UnsetPassphraseVariableIsKeyUnavailable)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(kPassphraseVariable);
    const CliResult result = run(passphraseArgs(u"init"_s), {}, environment);
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(u"not set"_s)) << result.err.toStdString();
    EXPECT_FALSE(QFile::exists(logPath()));
}

TEST_F(KeysTest, PassphraseVariableAssignmentIsRejected)
{
    // A passphrase typed into argv by mistake is refused, not used.
    const CliResult result = run({u"init"_s, u"--log"_s, logPath(), u"--passphrase-env"_s, u"PW=secret"_s});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_FALSE(result.err.contains(u"secret"_s)) << result.err.toStdString();
    EXPECT_FALSE(QFile::exists(logPath()));
}

TEST_F(KeysTest, KeyMaterialIsNeverPrinted)
{
    ASSERT_EQ(initLog().exitCode, 0);
    const QString other = otherKeyFile();
    const QString keyHex = QString::fromLatin1(readFile(keyFilePath()).trimmed());
    const QString otherHex = QString::fromLatin1(readFile(other).trimmed());
    const CliResult wrong = run({u"verify"_s, u"--log"_s, logPath(), u"--key-file"_s, other});
    const CliResult right = run(commandArgs(u"query"_s, {u"--format"_s, u"jsonl"_s}));
    for (const CliResult &result : {wrong, right}) {
        for (const QString &secret : {keyHex, otherHex}) {
            EXPECT_FALSE(result.out.contains(secret, Qt::CaseInsensitive));
            EXPECT_FALSE(result.err.contains(secret, Qt::CaseInsensitive));
        }
    }
}

TEST_F(KeysTest, KeyFileThatIsAFifoIsRefusedAtOnce)
{
    // Opening a FIFO for reading blocks until a writer appears: every command used to hang.
    ASSERT_EQ(initLog().exitCode, 0);
    ASSERT_EQ(record({}), 1);
    const QString fifo = path(u"key.fifo"_s);
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QStringList withFifo{u"--log"_s, logPath(), u"--key-file"_s, fifo};
    const QList<QStringList> commands{
        QStringList{u"verify"_s} + withFifo,
        QStringList{u"record"_s} + withFifo + QStringList{u"--actor"_s, u"u1"_s, u"--action"_s, u"view"_s, u"--object-id"_s, u"D"_s},
        commandArgs(u"rekey"_s, {u"--actor"_s, u"admin"_s, u"--new-key-file"_s, fifo}),
        {u"init"_s, u"--log"_s, path(u"other.qmslog"_s), u"--key-file"_s, fifo},
    };
    for (const QStringList &args : commands) {
        const CliResult result = run(args);
        EXPECT_EQ(result.exitCode, 2) << args.join(u' ').toStdString() << ": " << result.err.toStdString();
        EXPECT_TRUE(result.err.contains(u"is not a regular file"_s)) << result.err.toStdString();
    }
    EXPECT_FALSE(QFile::exists(path(u"other.qmslog"_s)));
    // The refused rotation is on record; nothing else changed.
    const QList<Event> events = queryEvents();
    ASSERT_EQ(events.size(), 2);
    EXPECT_EQ(events[1].action, Action::KeyRotated);
    EXPECT_EQ(events[1].outcome, Outcome::Failed);
}

} // namespace
} // namespace QmsAudit::Test
