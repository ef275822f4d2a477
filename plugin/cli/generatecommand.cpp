// SPDX-License-Identifier: LGPL-2.1-or-later
#include "generatecommand.h"

#include "console.h"
#include "exitstatus.h"

#include "historygenerator.h"
#include "steppedclock.h"
#include "valueparsers.h"

#include <qmsaudit/auditlog.h>
#include <qmsaudit/timestamp.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimeZone>

#include <limits>
#include <iostream>
#include <ostream>

namespace QmsAudit::Cli {
namespace {

constexpr qint64 kMaxEvents = 1'000'000'000;
constexpr qint64 kProgressEvery = 1'000'000;

qint64 addMonths(qint64 utcMicros, int months)
{
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(utcMicros / 1000, QTimeZone::utc());
    return start.addMonths(months).toMSecsSinceEpoch() * 1000;
}

} // namespace

Result<GenerateCommand::Options> GenerateCommand::parseOptions(const QString &events, const QString &months, const QString &seed,
                                                              const QString &start)
{
    Options options;
    auto count = parseInteger(QStringLiteral("events"), events, 1, kMaxEvents);
    if (!count)
        return count.error();
    options.events = *count;
    if (!months.isEmpty()) {
        auto parsed = parseInteger(QStringLiteral("months"), months, 1, 1200);
        if (!parsed)
            return parsed.error();
        options.months = int(*parsed);
    }
    if (!seed.isEmpty()) {
        auto parsed = parseInteger(QStringLiteral("seed"), seed, 0, std::numeric_limits<qint64>::max());
        if (!parsed)
            return parsed.error();
        options.seed = quint64(*parsed);
    }
    // A fixed default start, not "now": the same seed must give the same history tomorrow.
    auto parsedStart = parseTime(QStringLiteral("start"), start.isEmpty() ? QStringLiteral("2025-01-01") : start);
    if (!parsedStart)
        return parsedStart.error();
    options.startUs = *parsedStart;
    return options;
}

Result<QString> GenerateCommand::run(const QString &path, const KeyProvider &keys, const Options &options, std::ostream &progress)
{
    const qint64 endUs = addMonths(options.startUs, options.months);
    SteppedClock clock(options.startUs);
    LogOptions logOptions;
    logOptions.clock = &clock;
    auto log = AuditLog::create(path, keys, LogPolicy::defaultPolicy(), logOptions);
    if (!log)
        return log.error();

    HistoryGenerator generator(options.seed, options.events, options.startUs, endUs);
    QElapsedTimer timer;
    timer.start();
    qint64 written = 0;
    qint64 nextReport = kProgressEvery;
    for (qint64 batch = 0; batch < generator.batchCount(); ++batch) {
        const QList<Event> events = generator.nextBatch();
        clock.set(generator.batchTime(batch));
        auto appended = (*log)->appendAll(events);
        if (!appended)
            return Error(appended.error().code(), QStringLiteral("After %1 events: %2").arg(written).arg(appended.error().message()));
        written += events.size();
        if (written >= nextReport) {
            progress << "qms-audit: generated " << written << " of " << options.events << " events" << std::endl;
            nextReport += kProgressEvery;
        }
    }
    const double seconds = std::max<qint64>(1, timer.elapsed()) / 1000.0;
    return QStringLiteral("generated %1 events in %2 s (%3 events/s), recorded_at from %4 to %5, log id %6")
        .arg(written)
        .arg(seconds, 0, 'f', 1)
        .arg(qint64(double(written) / seconds))
        .arg(formatTimestamp(generator.batchTime(0)), formatTimestamp(generator.batchTime(generator.batchCount() - 1)),
             (*log)->logId());
}

int GenerateCommand::run(const CommandOptions &options)
{
    if (auto events = options.requiredValue("events"); !events)
        return Console::fail(events.error());
    auto parsed = parseOptions(options.value("events"), options.value("months"), options.value("seed"), options.value("start"));
    if (!parsed)
        return Console::fail(parsed.error());
    auto keys = options.keyProvider("key-file", "passphrase-env");
    if (!keys)
        return Console::fail(keys.error());
    auto summary = run(options.value("log"), **keys, *parsed, std::cerr);
    if (!summary)
        return Console::fail(summary.error());
    Console::printLine(std::cout, *summary);
    return toInt(ExitStatus::Ok);
}

} // namespace QmsAudit::Cli
