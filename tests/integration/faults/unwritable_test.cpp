// SPDX-License-Identifier: LGPL-2.1-or-later
// An unwritable log directory. SQLite in WAL mode must create <log>-wal and <log>-shm beside the
// log, so a read-only directory makes even an existing, writable log file unusable. The writer
// must refuse clearly (open fails, exit 2, a message naming the log) and change nothing; once the
// directory is writable again the log opens, verifies and has lost nothing.
//
// Root ignores file permissions, so as root (CI) the writer runs as nobody (65534) through
// setpriv, with the directory and the key file handed to that user. Not as root, chmod suffices.
// nobody may not be able to enter the build tree (a clone in /root is mode 0700), so the writer
// and libqmsaudit run from a world-readable copy in the temporary directory.
#include "faultsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

constexpr uid_t kNobody = 65534;

bool isRoot()
{
    return ::geteuid() == 0;
}

QString directoryOf(const TestLogDir &dir)
{
    return QFileInfo(dir.logPath()).absolutePath();
}

::testing::AssertionResult setMode(const QString &path, mode_t mode)
{
    if (::chmod(QFile::encodeName(path).constData(), mode) != 0)
        return ::testing::AssertionFailure() << "chmod " << path.toStdString() << ": " << std::strerror(errno);
    return ::testing::AssertionSuccess();
}

/// As root: gives the directory and everything in it to nobody, so the unprivileged writer can
/// use it until the directory is made read-only. Not as root: nothing to do.
::testing::AssertionResult handToWriter(const QString &directory)
{
    if (!isRoot())
        return ::testing::AssertionSuccess();
    QStringList paths{directory};
    for (const QString &name : QDir(directory).entryList(QDir::Files | QDir::Hidden))
        paths.append(QDir(directory).filePath(name));
    for (const QString &path : std::as_const(paths)) {
        if (::chown(QFile::encodeName(path).constData(), kNobody, kNobody) != 0)
            return ::testing::AssertionFailure() << "chown " << path.toStdString() << ": " << std::strerror(errno);
    }
    return ::testing::AssertionSuccess();
}

/// Makes the directory writable again however the test ends (QTemporaryDir must remove it).
class DirectoryModeGuard
{
public:
    explicit DirectoryModeGuard(QString directory) : m_directory(std::move(directory)) {}
    ~DirectoryModeGuard() { ::chmod(QFile::encodeName(m_directory).constData(), 0700); }
    DirectoryModeGuard(const DirectoryModeGuard &) = delete;
    DirectoryModeGuard &operator=(const DirectoryModeGuard &) = delete;

private:
    QString m_directory;
};

/**
 * The trail writer and the core library copied into a world-readable temporary directory, for a
 * process without privileges that cannot enter the build tree. The copy keeps the library's
 * SONAME file name and is found through LD_LIBRARY_PATH, which takes precedence over the writer's
 * RUNPATH into the build tree.
 */
class UnprivilegedWriterCopy
{
public:
    UnprivilegedWriterCopy()
    {
        if (!m_dir.isValid())
            m_error = "cannot create a temporary directory: " + m_dir.errorString().toStdString();
        else if (!copy(trailWriterPath(), writerPath()) || !copy(QStringLiteral(QMSAUDIT_CORE_LIBRARY), libraryPath()))
            return;
        else if (::chmod(QFile::encodeName(m_dir.path()).constData(), 0755) != 0)
            m_error = std::string("chmod: ") + std::strerror(errno);
    }

    ::testing::AssertionResult ready() const
    {
        return m_error.empty() ? ::testing::AssertionSuccess() : ::testing::AssertionFailure() << m_error;
    }
    QString directory() const { return m_dir.path(); }
    QString writerPath() const { return m_dir.filePath(QFileInfo(trailWriterPath()).fileName()); }

private:
    QString libraryPath() const { return m_dir.filePath(QStringLiteral(QMSAUDIT_CORE_SONAME_FILE)); }

    bool copy(const QString &from, const QString &to)
    {
        if (!QFile::copy(from, to)) {
            m_error = "cannot copy " + from.toStdString() + " to " + to.toStdString();
            return false;
        }
        if (::chmod(QFile::encodeName(to).constData(), 0755) != 0) {
            m_error = "chmod " + to.toStdString() + ": " + std::strerror(errno);
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    std::string m_error;
};

/// Runs the trail writer without privileges: as nobody (from @p copy) when we are root, else as
/// ourselves from the build tree.
ProcessResult runUnprivilegedWriter(const UnprivilegedWriterCopy &copy, const QStringList &writerArguments)
{
    if (!isRoot())
        return runProcess(trailWriterPath(), writerArguments, 60000);
    const QStringList arguments = QStringList{QStringLiteral("--reuid=%1").arg(kNobody), QStringLiteral("--regid=%1").arg(kNobody),
                                              QStringLiteral("--clear-groups"), findTool(QStringLiteral("env")),
                                              QStringLiteral("LD_LIBRARY_PATH=") + copy.directory(), copy.writerPath()}
        + writerArguments;
    return runProcess(findTool(QStringLiteral("setpriv")), arguments, 60000);
}

/// The names in @p directory, sorted, space-separated.
std::string directoryListing(const QString &directory)
{
    return QDir(directory).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name).join(QLatin1Char(' ')).toStdString();
}

} // namespace

TEST(UnwritableDirectory, ReadOnlyAfterCleanCloseRefusesToRecordAndLosesNothing)
{
    // util-linux (setpriv) is essential on Debian: missing is a failure, not a skip.
    ASSERT_FALSE(isRoot() && findTool(QStringLiteral("setpriv")).isEmpty()) << "setpriv is needed to drop root privileges for the writer";
    const UnprivilegedWriterCopy writer;
    ASSERT_TRUE(writer.ready());
    TestLogDir dir;
    const QString directory = directoryOf(dir);
    DirectoryModeGuard guard(directory);
    ASSERT_TRUE(handToWriter(directory));

    WriterOptions options;
    options.count = 5;
    options.actor = QStringLiteral("unwritable");
    const QStringList arguments = trailWriterArguments(dir.logPath(), dir.keyFilePath(), options);

    // 1. The unprivileged writer creates the log, records and closes it cleanly.
    const ProcessResult first = runUnprivilegedWriter(writer, arguments);
    ASSERT_TRUE(first.exitedNormally()) << first.describe();
    ASSERT_EQ(first.output.acknowledged.size(), 5) << first.describe();
    ASSERT_TRUE(first.output.failures.isEmpty());
    if (isRoot()) {
        struct stat st{};
        ASSERT_EQ(::stat(QFile::encodeName(dir.logPath()).constData(), &st), 0);
        EXPECT_EQ(st.st_uid, kNobody) << "the writer did not run unprivileged";
    }
    EXPECT_EQ(directoryListing(directory), "audit.key audit.qmslog")
        << "a clean close leaves neither -wal nor -shm behind";
    const QByteArray logBefore = readFile(dir.logPath());

    // 2. Read-only directory: the writer must refuse, clearly, and touch nothing.
    ASSERT_TRUE(setMode(directory, 0555));
    const ProcessResult refused = runUnprivilegedWriter(writer, arguments);
    ASSERT_TRUE(refused.started && refused.finished && refused.exitStatus == QProcess::NormalExit) << refused.describe();
    EXPECT_TRUE(refused.output.acknowledged.isEmpty()) << "recorded into a read-only directory?";
    if (refused.exitCode == 2) {
        const QString message = QString::fromLocal8Bit(refused.standardError);
        EXPECT_TRUE(message.contains(QStringLiteral("io_error"))) << message.toStdString();
        EXPECT_TRUE(message.contains(dir.logPath())) << "the message should name the log: " << message.toStdString();
        EXPECT_TRUE(refused.output.failures.isEmpty());
    } else {
        // Opening may succeed read-only; then every record must fail.
        EXPECT_EQ(refused.exitCode, 0) << refused.describe();
        EXPECT_EQ(refused.output.failures.size(), 5) << refused.describe();
    }
    EXPECT_EQ(directoryListing(directory), "audit.key audit.qmslog");
    EXPECT_EQ(readFile(dir.logPath()), logBefore) << "the refused writer changed the log";

    // 3. Writable again: the log opens, verifies and holds everything acknowledged.
    ASSERT_TRUE(setMode(directory, 0700));
    {
        auto log = AuditLog::open(dir.logPath(), dir.keys());
        ASSERT_TRUE(log) << log.error().message().toStdString();
        EXPECT_TRUE(allAcknowledgedPresent(**log, first.output.acknowledged, options.actor));
        EXPECT_TRUE(chainVerifies(**log));
        auto head = (*log)->head();
        ASSERT_TRUE(head);
        EXPECT_EQ(head->seq, first.output.acknowledged.last() + 1) << "started, 5 events, stopped";
    }
    const ProcessResult again = runUnprivilegedWriter(writer, arguments);
    ASSERT_TRUE(again.exitedNormally()) << again.describe();
    EXPECT_EQ(again.output.acknowledged.size(), 5);
    auto log = AuditLog::open(dir.logPath(), dir.keys());
    ASSERT_TRUE(log) << log.error().message().toStdString();
    EXPECT_TRUE(allAcknowledgedPresent(**log, first.output.acknowledged + again.output.acknowledged, options.actor));
    EXPECT_TRUE(chainVerifies(**log));
    EXPECT_EQ(countByActor(**log, options.actor), 10);
}

TEST(UnwritableDirectory, ReadOnlyBeforeTheLogExistsRefusesToOpen)
{
    // util-linux (setpriv) is essential on Debian: missing is a failure, not a skip.
    ASSERT_FALSE(isRoot() && findTool(QStringLiteral("setpriv")).isEmpty()) << "setpriv is needed to drop root privileges for the writer";
    const UnprivilegedWriterCopy writer;
    ASSERT_TRUE(writer.ready());
    TestLogDir dir;
    const QString directory = directoryOf(dir);
    DirectoryModeGuard guard(directory);
    ASSERT_TRUE(handToWriter(directory));
    ASSERT_TRUE(setMode(directory, 0555));

    WriterOptions options;
    options.count = 3;
    options.actor = QStringLiteral("unwritable");
    const QStringList arguments = trailWriterArguments(dir.logPath(), dir.keyFilePath(), options);
    const ProcessResult refused = runUnprivilegedWriter(writer, arguments);
    ASSERT_TRUE(refused.started && refused.finished && refused.exitStatus == QProcess::NormalExit) << refused.describe();
    EXPECT_EQ(refused.exitCode, 2) << refused.describe();
    EXPECT_TRUE(refused.standardOutput.isEmpty()) << refused.describe();
    const QString message = QString::fromLocal8Bit(refused.standardError);
    EXPECT_TRUE(message.contains(QStringLiteral("io_error"))) << message.toStdString();
    EXPECT_TRUE(message.contains(dir.logPath())) << message.toStdString();
    EXPECT_TRUE(message.contains(QString::fromLocal8Bit(std::strerror(EACCES)))) << message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(dir.logPath()));
    EXPECT_EQ(directoryListing(directory), "audit.key");

    // Writable again: the same command creates the log.
    ASSERT_TRUE(setMode(directory, 0700));
    const ProcessResult created = runUnprivilegedWriter(writer, arguments);
    ASSERT_TRUE(created.exitedNormally()) << created.describe();
    EXPECT_EQ(created.output.acknowledged.size(), 3);
    auto log = AuditLog::open(dir.logPath(), dir.keys());
    ASSERT_TRUE(log) << log.error().message().toStdString();
    EXPECT_TRUE(allAcknowledgedPresent(**log, created.output.acknowledged, options.actor));
    EXPECT_TRUE(chainVerifies(**log));
}
