// SPDX-License-Identifier: LGPL-2.1-or-later
#include "anomalybenchmark.h"

#include "processmemory.h"
#include "timing.h"

#include <qmsaudit/anomalydetector.h>
#include <qmsaudit/timestamp.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QMap>

namespace QmsAudit::Bench {
namespace {

constexpr qint64 kMicrosPerHour = 3'600'000'000;

/// The UTC month that holds @p utcMicros, moved by @p months, as µs of its first instant.
qint64 monthStart(qint64 utcMicros, int months)
{
    const QDate date = QDateTime::fromMSecsSinceEpoch(utcMicros / 1000, Qt::UTC).date();
    return QDateTime(QDate(date.year(), date.month(), 1).addMonths(months), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() * 1000;
}

} // namespace

AnomalyBenchmark::AnomalyBenchmark(QString logPath, QString keyFile, int repetitions)
    : m_logPath(std::move(logPath))
    , m_keys(std::move(keyFile))
    , m_repetitions(repetitions)
{
}

bool AnomalyBenchmark::period(const char *name, qint64 fromUs, qint64 toUs)
{
    // What the scan streams: the period and, for bulk_access, the baseline days before it.
    const qint64 streamFromUs = (fromUs / kMicrosPerHour - qint64(m_rules.bulkAccess.baselineDays) * 24) * kMicrosPerHour;
    qint64 streamed = 0;
    const auto plainScanMs = [&](qint64 from) {
        QElapsedTimer timer;
        timer.start();
        EventFilter filter;
        filter.fromUs = from;
        filter.toUs = toUs;
        auto visited = m_reader->forEach(filter, [](const Event &) { return true; });
        streamed = visited ? *visited : -1;
        return visited ? double(timer.nsecsElapsed()) / 1e6 : -1.0;
    };
    const double periodMs = medianMs(m_repetitions, [&] { return plainScanMs(fromUs); });
    const qint64 periodEvents = streamed;
    const double streamMs = medianMs(m_repetitions, [&] { return plainScanMs(streamFromUs); });
    const qint64 streamEvents = streamed;

    Result<AnomalyReport> report = Error();
    ProcessMemory::resetPeak();
    const double beforeMb = ProcessMemory::residentMb();
    const double scanMs = medianMs(m_repetitions, [&] {
        QElapsedTimer timer;
        timer.start();
        report = AnomalyDetector::scan(*m_reader, fromUs, toUs, m_rules);
        return report ? double(timer.nsecsElapsed()) / 1e6 : -1.0;
    });
    if (!report) {
        printLine(QStringLiteral("%1: anomaly scan failed: %2").arg(QLatin1StringView(name), report.error().message()));
        return false;
    }
    QMap<QString, int> perRule;
    for (const AnomalyFlag &flag : std::as_const(report->flags))
        ++perRule[anomalyRuleName(flag.rule)];
    QStringList counts;
    for (auto it = perRule.cbegin(); it != perRule.cend(); ++it)
        counts.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));

    printLine(QStringLiteral("%1 (%2 .. %3): anomaly scan %4 | plain scan of the period %5 (%6 events), of the stream %7 (%8 events) | ratio %9 "
                             "to the stream")
                  .arg(QLatin1StringView(name), formatTimestamp(fromUs).left(10), formatTimestamp(toUs).left(10), formatMs(scanMs),
                       formatMs(periodMs))
                  .arg(periodEvents)
                  .arg(formatMs(streamMs))
                  .arg(streamEvents)
                  .arg(scanMs / streamMs, 0, 'f', 2));
    printLine(QStringLiteral("  %1 events in the period, %2 read before it (baseline and document histories); %3 flags: %4; "
                             "peak RSS %5 MB (%6 MB before)")
                  .arg(report->periodEvents)
                  .arg(report->historyEvents)
                  .arg(report->flags.size())
                  .arg(counts.join(QStringLiteral(", ")))
                  .arg(ProcessMemory::peakMb(), 0, 'f', 0)
                  .arg(beforeMb, 0, 'f', 0));
    return true;
}

bool AnomalyBenchmark::run()
{
    auto reader = EventReader::open(m_logPath, m_keys);
    if (!reader) {
        printLine(QStringLiteral("cannot open %1 read-only: %2").arg(m_logPath, reader.error().message()));
        return false;
    }
    m_reader = std::move(*reader);
    auto first = m_reader->eventAt(1);
    auto head = m_reader->head();
    if (!first || !head || head->seq == 0) {
        printLine(QStringLiteral("%1 holds no events").arg(m_logPath));
        return false;
    }
    printLine(QStringLiteral("log %1: %2 events, %3 .. %4; default rules, %5 repetition(s) after a warm-up, median")
                  .arg(m_logPath)
                  .arg(head->seq)
                  .arg(formatTimestamp(first->recordedAtUs), formatTimestamp(head->recordedAtUs))
                  .arg(m_repetitions));
    // A month with its whole baseline inside the log (the eleventh), then the first twelve months.
    const qint64 start = monthStart(first->recordedAtUs, 0);
    return period("1 month", monthStart(start, 10), monthStart(start, 11)) && period("12 months", start, monthStart(start, 12));
}

} // namespace QmsAudit::Bench
