// SPDX-License-Identifier: LGPL-2.1-or-later
// qmsaudit-trail-writer --log L --key-file K --count N [--threads T] [--durability durable|buffered]
//     [--failure-policy fail_closed|fail_open] [--retry-ms MS] [--pause-ms MS] [--actor ID]
//
// Opens an AuditTrail and records N view events per thread (N = 0: until killed), waiting on
// every ticket. Prints one flushed line per event: `ok <seq>` once the ticket reports the event
// on disk, `fail <error_code_name>` otherwise; at the end `lost <n> available <0|1>`, then closes
// the trail. The fault-injection tests treat every printed `ok` seq as acknowledged.
// Exit codes: 0 done, 1 usage, 2 open() failed (the error on stderr).
#include <qmsaudit/audittrail.h>
#include <qmsaudit/result.h>

#include <QString>
#include <QStringList>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

using namespace QmsAudit;

namespace {

struct Options {
    QString log;
    QString keyFile;
    long long count = -1;
    int threads = 1;
    AuditTrailConfig::Durability durability = AuditTrailConfig::Durability::Durable;
    AuditTrailConfig::FailurePolicy failurePolicy = AuditTrailConfig::FailurePolicy::FailClosed;
    int retryMs = -1;
    int pauseMs = 0;
    QString actor = QStringLiteral("trail-writer");
};

int usage(const char *problem)
{
    std::fprintf(stderr,
                 "qmsaudit-trail-writer: %s\n"
                 "usage: qmsaudit-trail-writer --log L --key-file K --count N [--threads T]\n"
                 "       [--durability durable|buffered] [--failure-policy fail_closed|fail_open]\n"
                 "       [--retry-ms MS] [--pause-ms MS] [--actor ID]\n",
                 problem);
    return 1;
}

bool parseInt(const QString &text, long long min, long long &out)
{
    bool ok = false;
    const long long value = text.toLongLong(&ok);
    if (!ok || value < min)
        return false;
    out = value;
    return true;
}

/// One line per event; several threads print, so each line is written and flushed under a lock.
std::mutex s_outputMutex;

void printLine(const QByteArray &line)
{
    std::lock_guard lock(s_outputMutex);
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void recordEvents(AuditTrail &trail, const Options &options, int thread)
{
    for (long long i = 0; options.count == 0 || i < options.count; ++i) {
        Event event;
        event.actor = {options.actor, QStringLiteral("Trail writer"), {QStringLiteral("qa")}};
        event.action = Action::View;
        event.object = {QStringLiteral("procedure"), QStringLiteral("SOP-%1").arg(i % 50), QString(),
                        QStringLiteral("Trail writer thread %1 event %2").arg(thread).arg(i)};
        const RecordTicket ticket = trail.record(event);
        ticket.wait(-1);
        if (ticket.isRecorded())
            printLine("ok " + QByteArray::number(ticket.seq()));
        else
            printLine("fail " + errorCodeName(ticket.error().code()).toUtf8());
        if (options.pauseMs > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(options.pauseMs));
    }
}

} // namespace

int main(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const QString name = QString::fromLocal8Bit(argv[i]);
        if (i + 1 >= argc)
            return usage("every option needs a value");
        const QString value = QString::fromLocal8Bit(argv[++i]);
        long long number = 0;
        if (name == QLatin1StringView("--log")) {
            options.log = value;
        } else if (name == QLatin1StringView("--key-file")) {
            options.keyFile = value;
        } else if (name == QLatin1StringView("--count")) {
            if (!parseInt(value, 0, number))
                return usage("--count must be a number >= 0");
            options.count = number;
        } else if (name == QLatin1StringView("--threads")) {
            if (!parseInt(value, 1, number) || number > 256)
                return usage("--threads must be between 1 and 256");
            options.threads = int(number);
        } else if (name == QLatin1StringView("--durability")) {
            if (value == QLatin1StringView("durable"))
                options.durability = AuditTrailConfig::Durability::Durable;
            else if (value == QLatin1StringView("buffered"))
                options.durability = AuditTrailConfig::Durability::Buffered;
            else
                return usage("--durability must be durable or buffered");
        } else if (name == QLatin1StringView("--failure-policy")) {
            if (value == QLatin1StringView("fail_closed"))
                options.failurePolicy = AuditTrailConfig::FailurePolicy::FailClosed;
            else if (value == QLatin1StringView("fail_open"))
                options.failurePolicy = AuditTrailConfig::FailurePolicy::FailOpen;
            else
                return usage("--failure-policy must be fail_closed or fail_open");
        } else if (name == QLatin1StringView("--retry-ms")) {
            if (!parseInt(value, 1, number) || number > 3'600'000)
                return usage("--retry-ms must be between 1 and 3600000");
            options.retryMs = int(number);
        } else if (name == QLatin1StringView("--pause-ms")) {
            if (!parseInt(value, 0, number) || number > 3'600'000)
                return usage("--pause-ms must be between 0 and 3600000");
            options.pauseMs = int(number);
        } else if (name == QLatin1StringView("--actor")) {
            options.actor = value;
        } else {
            return usage("unknown option");
        }
    }
    if (options.log.isEmpty() || options.keyFile.isEmpty() || options.count < 0)
        return usage("--log, --key-file and --count are required");

    AuditTrailConfig config = AuditTrailConfig::defaults();
    config.logPath = options.log;
    config.keyFile = options.keyFile;
    config.durability = options.durability;
    config.failurePolicy = options.failurePolicy;
    if (options.retryMs > 0)
        config.retryIntervalMs = options.retryMs;
    config.host = {QStringLiteral("qmsaudit-trail-writer"), QStringLiteral("1.0"), QStringLiteral("test")};

    AuditTrail trail;
    if (auto opened = trail.open(config); !opened) {
        std::fprintf(stderr, "qmsaudit-trail-writer: cannot open the audit trail (%s): %s\n",
                     qPrintable(errorCodeName(opened.error().code())), qPrintable(opened.error().message()));
        return 2;
    }

    std::vector<std::thread> threads;
    threads.reserve(std::size_t(options.threads));
    for (int t = 0; t < options.threads; ++t)
        threads.emplace_back([&trail, &options, t] { recordEvents(trail, options, t); });
    for (std::thread &thread : threads)
        thread.join();

    trail.flush(-1);
    printLine("lost " + QByteArray::number(trail.lostEventCount()) + " available " + (trail.isAvailable() ? "1" : "0"));
    trail.close();
    return 0;
}
