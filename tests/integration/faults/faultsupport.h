// SPDX-License-Identifier: LGPL-2.1-or-later
// Helpers for the process-level fault tests: run qmsaudit-trail-writer (optionally under strace or
// setpriv), parse its `ok <seq>` / `fail <error>` / `lost <n> available <0|1>` lines, and check
// the log afterwards.
#pragma once

#include <qmsaudit/auditlog.h>

#include "testlog.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

#include <gtest/gtest.h>

namespace QmsAudit::Test {

/// What qmsaudit-trail-writer printed, in order.
struct WriterOutput {
    QList<qint64> acknowledged; ///< every `ok <seq>`
    QStringList failures;       ///< every `fail <error_code_name>`
    /// Per event line: the seq for `ok`, 0 for `fail` (to tell what came before or after a failure).
    QList<qint64> events;
    std::optional<qint64> lost; ///< from the final `lost <n> available <0|1>` line
    bool available = false;
    QList<QByteArray> unexpected; ///< lines matching none of the formats (always a test failure)

    /// Number of `fail` lines with @p code.
    qsizetype failuresWith(const QString &code) const { return failures.count(code); }
    /// `ok` lines printed after the last `fail` line (the trail recovered within the run).
    qsizetype acknowledgedAfterLastFailure() const;
};

WriterOutput parseWriterOutput(const QByteArray &text);

/// Command line options of qmsaudit-trail-writer.
struct WriterOptions {
    qint64 count = 10; ///< per thread; 0 = until killed
    int threads = 1;
    QString durability = QStringLiteral("durable");
    QString failurePolicy = QStringLiteral("fail_closed");
    int retryMs = 0; ///< 0: the config default
    int pauseMs = 0;
    QString actor = QStringLiteral("trail-writer");
};

QString trailWriterPath();
QStringList trailWriterArguments(const QString &logPath, const QString &keyFile, const WriterOptions &options);

/// A finished (or killed) child process with everything it printed.
struct ProcessResult {
    bool started = false;
    bool finished = false; ///< false: timed out and was killed
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
    WriterOutput output;

    bool exitedNormally() const { return started && finished && exitStatus == QProcess::NormalExit && exitCode == 0; }
    /// For failure messages: exit status, code and stderr.
    std::string describe() const;
};

/// Runs @p program to completion (killed after @p timeoutMs) and parses its stdout as writer output.
ProcessResult runProcess(const QString &program, const QStringList &arguments, int timeoutMs);

/**
 * A writer process the test talks to while it runs: waits for lines, then kills or lets it end.
 * The destructor kills it if it is still running.
 */
class LiveWriter
{
public:
    LiveWriter() = default;
    ~LiveWriter();
    LiveWriter(const LiveWriter &) = delete;
    LiveWriter &operator=(const LiveWriter &) = delete;

    bool start(const QString &program, const QStringList &arguments);
    qint64 processId() const { return m_process.processId(); }
    /// Reads lines until @p done returns true for the output so far, the process ends or
    /// @p timeoutMs passes. Returns whether @p done became true.
    bool waitFor(const std::function<bool(const WriterOutput &)> &done, int timeoutMs);
    /// Waits for the process to end by itself, then reads the rest.
    ProcessResult finish(int timeoutMs);
    /// SIGKILL, then reads the rest.
    ProcessResult kill();
    const WriterOutput &output() const { return m_output; }

private:
    void readAvailable();
    ProcessResult result(bool finished);

    QProcess m_process;
    QByteArray m_stdout;
    WriterOutput m_output;
};

/// Full path of a tool on PATH, or empty.
QString findTool(const QString &name);

/**
 * Checks that strace can trace and inject here (ptrace may be forbidden in a container).
 * Returns an empty string if it can, else why not.
 */
QString straceUnusableReason();

/// strace arguments that make every @p syscalls call with a per-thread invocation number in
/// @p when fail with @p error, followed by the program to run.
/// Note: `-e trace=none` would disable the injection on strace 6.1, so the injected set is traced
/// (to /dev/null).
QStringList straceInjection(const QString &syscalls, const QString &error, const QString &when);

/// Every event of @p log with @p action, ascending by seq.
QList<Event> eventsWithAction(const AuditLog &log, Action action);
/// Sum of the `lost_events` attributes of @p recordFailed.
qint64 sumLostEvents(const QList<Event> &recordFailed);
/// Number of events by @p actorId.
qint64 countByActor(const AuditLog &log, const QString &actorId);

/// Every seq in @p acknowledged is in @p log, written by @p actorId.
::testing::AssertionResult allAcknowledgedPresent(const AuditLog &log, const QList<qint64> &acknowledged, const QString &actorId);
/// verify() reports OK.
::testing::AssertionResult chainVerifies(const AuditLog &log);

/// Creates an empty log in @p dir (so a traced writer does not spend the injected calls on creation).
::testing::AssertionResult precreateLog(const TestLogDir &dir);

} // namespace QmsAudit::Test

namespace QmsAudit::Test {

/// A writer run under strace with failing syscalls in the middle, then recovery.
struct InjectionScenario {
    QString syscalls;      ///< e.g. "pwrite64"
    QString error;         ///< e.g. "ENOSPC"
    QString when;          ///< invocation range on the writer thread, e.g. "150..165"
    WriterOptions writer;  ///< count, policy, retry, pause, actor
    QString expectedError; ///< the error code name the first failed ticket must carry
};

/**
 * Runs @p scenario and checks: the failures reach the caller as `fail` lines, the trail recovers
 * within the run, every acknowledged seq is in the log with the right actor, nothing reported as
 * failed was written anyway, the chain verifies, and the record_failed events account for every
 * failed ticket. Use with ASSERT_NO_FATAL_FAILURE.
 */
void runInjectionScenario(const InjectionScenario &scenario);

} // namespace QmsAudit::Test
