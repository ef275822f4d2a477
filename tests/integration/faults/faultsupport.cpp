// SPDX-License-Identifier: LGPL-2.1-or-later
#include "faultsupport.h"

#include <QStandardPaths>

#include <algorithm>
#include <csignal>

namespace QmsAudit::Test {

qsizetype WriterOutput::acknowledgedAfterLastFailure() const
{
    qsizetype count = 0;
    for (qint64 seq : events) {
        if (seq == 0)
            count = 0;
        else
            ++count;
    }
    return failures.isEmpty() ? 0 : count;
}

namespace {

void parseLine(WriterOutput &output, const QByteArray &line)
{
    const QList<QByteArray> words = line.trimmed().split(' ');
    bool ok = false;
    if (words.size() == 2 && words[0] == "ok") {
        const qint64 seq = words[1].toLongLong(&ok);
        if (ok && seq > 0) {
            output.acknowledged.append(seq);
            output.events.append(seq);
            return;
        }
    } else if (words.size() == 2 && words[0] == "fail" && !words[1].isEmpty()) {
        output.failures.append(QString::fromUtf8(words[1]));
        output.events.append(0);
        return;
    } else if (words.size() == 4 && words[0] == "lost" && words[2] == "available" && (words[3] == "0" || words[3] == "1")) {
        const qint64 lost = words[1].toLongLong(&ok);
        if (ok) {
            output.lost = lost;
            output.available = words[3] == "1";
            return;
        }
    }
    output.unexpected.append(line);
}

} // namespace

WriterOutput parseWriterOutput(const QByteArray &text)
{
    WriterOutput output;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.isEmpty())
            parseLine(output, line);
    }
    return output;
}

QString trailWriterPath()
{
    return QStringLiteral(QMSAUDIT_TRAIL_WRITER);
}

QStringList trailWriterArguments(const QString &logPath, const QString &keyFile, const WriterOptions &options)
{
    QStringList arguments{QStringLiteral("--log"), logPath,
                          QStringLiteral("--key-file"), keyFile,
                          QStringLiteral("--count"), QString::number(options.count),
                          QStringLiteral("--threads"), QString::number(options.threads),
                          QStringLiteral("--durability"), options.durability,
                          QStringLiteral("--failure-policy"), options.failurePolicy,
                          QStringLiteral("--pause-ms"), QString::number(options.pauseMs),
                          QStringLiteral("--actor"), options.actor};
    if (options.retryMs > 0)
        arguments << QStringLiteral("--retry-ms") << QString::number(options.retryMs);
    return arguments;
}

std::string ProcessResult::describe() const
{
    QString text;
    if (!started)
        text = QStringLiteral("did not start");
    else if (!finished)
        text = QStringLiteral("timed out (killed)");
    else if (exitStatus == QProcess::CrashExit)
        text = QStringLiteral("crashed (signal)");
    else
        text = QStringLiteral("exit code %1").arg(exitCode);
    text += QStringLiteral("; printed %1 ok and %2 fail lines").arg(output.acknowledged.size()).arg(output.failures.size());
    text += QStringLiteral("; stderr: ") + QString::fromLocal8Bit(standardError).trimmed();
    if (!output.unexpected.isEmpty())
        text += QStringLiteral("; unexpected stdout: ") + QString::fromLocal8Bit(output.unexpected.join(" | "));
    return text.toStdString();
}

ProcessResult runProcess(const QString &program, const QStringList &arguments, int timeoutMs)
{
    ProcessResult result;
    QProcess process;
    // LeakSanitizer cannot run under ptrace (strace): in the asan preset it would abort the
    // traced writer at exit. The other sanitizer checks stay on; elsewhere this is a no-op.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString asanOptions = environment.value(QStringLiteral("ASAN_OPTIONS"));
    environment.insert(QStringLiteral("ASAN_OPTIONS"),
                       asanOptions.isEmpty() ? QStringLiteral("detect_leaks=0") : asanOptions + QStringLiteral(":detect_leaks=0"));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    result.started = process.waitForStarted(10000);
    if (!result.started) {
        result.standardError = process.errorString().toLocal8Bit();
        return result;
    }
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(10000);
    }
    result.exitStatus = process.exitStatus();
    result.exitCode = process.exitCode();
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    result.output = parseWriterOutput(result.standardOutput);
    return result;
}

LiveWriter::~LiveWriter()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

bool LiveWriter::start(const QString &program, const QStringList &arguments)
{
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(10000))
        return false;
    m_process.closeWriteChannel();
    return true;
}

void LiveWriter::readAvailable()
{
    m_stdout += m_process.readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_stdout.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdout.left(newline);
        m_stdout.remove(0, newline + 1);
        if (!line.isEmpty())
            parseLine(m_output, line);
    }
}

bool LiveWriter::waitFor(const std::function<bool(const WriterOutput &)> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    readAvailable();
    while (!done(m_output)) {
        if (m_process.state() == QProcess::NotRunning || deadline.hasExpired())
            return false;
        m_process.waitForReadyRead(int(std::max<qint64>(1, std::min<qint64>(deadline.remainingTime(), 100))));
        readAvailable();
    }
    return true;
}

ProcessResult LiveWriter::result(bool finished)
{
    readAvailable();
    ProcessResult result;
    result.started = true;
    result.finished = finished;
    result.exitStatus = m_process.exitStatus();
    result.exitCode = m_process.exitCode();
    result.standardError = m_process.readAllStandardError();
    if (!m_stdout.isEmpty()) { // a last line cut off by a kill
        result.output = m_output;
        result.output.unexpected.append(m_stdout);
    } else {
        result.output = m_output;
    }
    return result;
}

ProcessResult LiveWriter::finish(int timeoutMs)
{
    const bool finished = m_process.waitForFinished(timeoutMs);
    if (!finished) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
    return result(finished);
}

ProcessResult LiveWriter::kill()
{
    ::kill(pid_t(m_process.processId()), SIGKILL);
    const bool finished = m_process.waitForFinished(10000);
    return result(finished);
}

QString findTool(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

QString straceUnusableReason()
{
    const QString strace = findTool(QStringLiteral("strace"));
    if (strace.isEmpty())
        return QStringLiteral("strace is not installed (packaging/scripts/install-deps.sh installs it)");
    const QString truePath = findTool(QStringLiteral("true"));
    const ProcessResult probe = runProcess(strace, {QStringLiteral("-f"), QStringLiteral("-qq"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                                    QStringLiteral("-e"), QStringLiteral("trace=close"),
                                                    QStringLiteral("-e"), QStringLiteral("inject=close:error=EIO:when=1"), truePath},
                                           30000);
    if (!probe.finished || probe.exitStatus != QProcess::NormalExit || probe.exitCode != 0)
        return QStringLiteral("strace cannot trace here (ptrace not permitted?): %1").arg(QString::fromStdString(probe.describe()));
    return {};
}

QStringList straceInjection(const QString &syscalls, const QString &error, const QString &when)
{
    // -f: SQLite writes on the trail's writer thread. The invocation counter of `when` is kept per
    // thread, so opening the log on the main thread does not use up the range.
    return {QStringLiteral("-f"), QStringLiteral("-qq"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
            QStringLiteral("-e"), QStringLiteral("trace=") + syscalls,
            QStringLiteral("-e"), QStringLiteral("inject=%1:error=%2:when=%3").arg(syscalls, error, when)};
}

QList<Event> eventsWithAction(const AuditLog &log, Action action)
{
    EventFilter filter;
    filter.actions = {action};
    QList<Event> events;
    PageRequest page{0, 1000};
    while (true) {
        auto result = log.query(filter, page);
        if (!result) {
            ADD_FAILURE() << "query failed: " << result.error().message().toStdString();
            return events;
        }
        events += result->events;
        if (!result->hasMore)
            return events;
        page.afterSeq = result->nextAfterSeq;
    }
}

qint64 sumLostEvents(const QList<Event> &recordFailed)
{
    qint64 sum = 0;
    for (const Event &event : recordFailed)
        sum += event.attributes.value(QStringLiteral("lost_events")).toLongLong();
    return sum;
}

qint64 countByActor(const AuditLog &log, const QString &actorId)
{
    EventFilter filter;
    filter.actorId = actorId;
    auto count = log.count(filter);
    if (!count) {
        ADD_FAILURE() << "count failed: " << count.error().message().toStdString();
        return -1;
    }
    return *count;
}

::testing::AssertionResult allAcknowledgedPresent(const AuditLog &log, const QList<qint64> &acknowledged, const QString &actorId)
{
    for (qint64 seq : acknowledged) {
        auto event = log.eventAt(seq);
        if (!event)
            return ::testing::AssertionFailure() << "acknowledged seq " << seq << " is missing: " << event.error().message().toStdString();
        if (event->actor.id != actorId) {
            return ::testing::AssertionFailure() << "acknowledged seq " << seq << " belongs to " << event->actor.id.toStdString()
                                                 << ", not " << actorId.toStdString();
        }
        if (event->action != Action::View)
            return ::testing::AssertionFailure() << "acknowledged seq " << seq << " is a " << actionName(event->action).toStdString();
    }
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult chainVerifies(const AuditLog &log)
{
    const VerificationReport report = log.verify();
    if (!report.ok)
        return ::testing::AssertionFailure() << report.summary().toStdString();
    return ::testing::AssertionSuccess() << report.summary().toStdString();
}

::testing::AssertionResult precreateLog(const TestLogDir &dir)
{
    auto log = AuditLog::create(dir.logPath(), dir.keys());
    if (!log)
        return ::testing::AssertionFailure() << "cannot create the log: " << log.error().message().toStdString();
    return ::testing::AssertionSuccess();
}

} // namespace QmsAudit::Test

namespace QmsAudit::Test {

void runInjectionScenario(const InjectionScenario &scenario)
{
    // strace is a declared dependency and CI may ptrace: unusable is a failure, not a skip.
    const QString unusable = straceUnusableReason();
    ASSERT_TRUE(unusable.isEmpty()) << unusable.toStdString();
    const bool failClosed = scenario.writer.failurePolicy == QLatin1StringView("fail_closed");
    TestLogDir dir;
    ASSERT_TRUE(precreateLog(dir));

    const QStringList arguments = straceInjection(scenario.syscalls, scenario.error, scenario.when)
        << trailWriterPath() << trailWriterArguments(dir.logPath(), dir.keyFilePath(), scenario.writer);
    const ProcessResult run = runProcess(findTool(QStringLiteral("strace")), arguments, 120000);
    ASSERT_TRUE(run.exitedNormally()) << run.describe() << " (strace ends with the writer's fatal signal if the writer crashed)";
    const WriterOutput &out = run.output;
    EXPECT_TRUE(out.unexpected.isEmpty()) << run.describe();
    ASSERT_TRUE(out.lost.has_value()) << "no final `lost` line: " << run.describe();

    // The fault reached the callers.
    ASSERT_FALSE(out.failures.isEmpty()) << "no ticket failed: the injection of " << scenario.error.toStdString() << " into "
                                         << scenario.syscalls.toStdString() << " did not happen or did not reach the caller";
    EXPECT_EQ(out.failures.first().toStdString(), scenario.expectedError.toStdString()) << out.failures.join(QLatin1Char(' ')).toStdString();
    for (const QString &code : out.failures) {
        const bool expected = code == scenario.expectedError || (failClosed && code == QLatin1StringView("unavailable"));
        EXPECT_TRUE(expected) << "unexpected failure " << code.toStdString();
    }
    if (failClosed) {
        EXPECT_GE(out.failuresWith(QStringLiteral("unavailable")), 1) << "fail_closed did not refuse anything while the log was failing";
    }

    // ... and the trail recovered within the run.
    ASSERT_FALSE(out.acknowledged.isEmpty());
    EXPECT_NE(out.events.first(), 0) << "the first event already failed: move the injection window later";
    ASSERT_GE(out.acknowledgedAfterLastFailure(), 1) << "never recovered: " << out.failures.size() << " failures, lost " << *out.lost;
    EXPECT_EQ(*out.lost, 0);
    EXPECT_TRUE(out.available);
    for (qsizetype i = 1; i < out.acknowledged.size(); ++i)
        EXPECT_LT(out.acknowledged[i - 1], out.acknowledged[i]) << "seqs of one thread must ascend";

    // The log: every acknowledged event, nothing that was reported failed, an intact chain.
    auto log = AuditLog::open(dir.logPath(), dir.keys());
    ASSERT_TRUE(log) << log.error().message().toStdString();
    EXPECT_TRUE(allAcknowledgedPresent(**log, out.acknowledged, scenario.writer.actor));
    EXPECT_EQ(countByActor(**log, scenario.writer.actor), out.acknowledged.size())
        << "events whose tickets failed were written anyway (or acknowledged ones are missing)";
    EXPECT_TRUE(chainVerifies(**log));

    // record_failed accounts for every failed ticket, and comes after the failure.
    const QList<Event> recordFailed = eventsWithAction(**log, Action::RecordFailed);
    ASSERT_FALSE(recordFailed.isEmpty()) << "no record_failed event after recovery";
    EXPECT_EQ(sumLostEvents(recordFailed), out.failures.size());
    qint64 lastAcknowledgedBeforeFailure = 0;
    for (qint64 seq : out.events) {
        if (seq == 0)
            break;
        lastAcknowledgedBeforeFailure = seq;
    }
    EXPECT_GT(recordFailed.first().seq, lastAcknowledgedBeforeFailure);
    for (const Event &event : recordFailed) {
        EXPECT_EQ(event.actor.id.toStdString(), "qmsaudit");
        EXPECT_EQ(event.outcome, Outcome::Failed);
        EXPECT_GE(event.attributes.value(QStringLiteral("lost_events")).toLongLong(), 1);
        EXPECT_FALSE(event.reason.isEmpty());
    }
    // `error` is the root cause under both policies, not the refusals that followed it.
    for (const Event &event : recordFailed) {
        const QString error = event.attributes.value(QStringLiteral("error"));
        const bool expected = error == scenario.expectedError;
        EXPECT_TRUE(expected) << "record_failed at seq " << event.seq << " names " << error.toStdString() << " (reason: " << event.reason.toStdString() << ")";
    }

    // The run is framed by started and a clean stopped.
    auto head = (*log)->head();
    ASSERT_TRUE(head);
    auto last = (*log)->eventAt(head->seq);
    ASSERT_TRUE(last);
    EXPECT_EQ(last->action, Action::Stopped);
    EXPECT_EQ(last->attributes.value(QStringLiteral("lost_events")).toStdString(), "0");
    EXPECT_EQ(eventsWithAction(**log, Action::Started).size(), 1);
}

} // namespace QmsAudit::Test
