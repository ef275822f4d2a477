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

/// The UTC month that holds @p utcMicros, moved by @p months, as µs of its first instant.
qint64 monthStart(qint64 utcMicros, int months)
{
    const QDate date = QDateTime::fromMSecsSinceEpoch(utcMicros / 1000, Qt::UTC).date();
    return QDateTime(QDate(date.year(), date.month(), 1).addMonths(months), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() * 1000;
}

} // namespace

AnomalyBenchmark::AnomalyBenchmark(QString logPath, QString keyFile, int repetitions, AnomalyRules rules)
    : m_logPath(std::move(logPath))
    , m_keys(std::move(keyFile))
    , m_repetitions(repetitions)
    , m_rules(std::move(rules))
{
}

bool AnomalyBenchmark::period(const char *name, qint64 fromUs, qint64 toUs)
{
    // The baselines: a plain stream of the period's events, and of everything the scan streams
    // (the bulk-access baseline's events before the period, then the period), doing nothing with them.
    EventFilter period;
    period.fromUs = fromUs;
    period.toUs = toUs;
    QList<EventFilter> stream{period};
    if (const auto baseline = AnomalyDetector::baselineFilter(fromUs, m_rules))
        stream.prepend(*baseline);
    qint64 streamed = 0;
    const auto plainScanMs = [&](const QList<EventFilter> &filters) {
        QElapsedTimer timer;
        timer.start();
        streamed = 0;
        for (const EventFilter &filter : filters) {
            auto visited = m_reader->forEach(filter, [](const Event &) { return true; });
            if (!visited)
                return -1.0;
            streamed += *visited;
        }
        return double(timer.nsecsElapsed()) / 1e6;
    };
    const double periodMs = medianMs(m_repetitions, [&] { return plainScanMs({period}); });
    const qint64 periodEvents = streamed;
    const double streamMs = medianMs(m_repetitions, [&] { return plainScanMs(stream); });
    const qint64 streamEvents = streamed;

    Result<AnomalyReport> report = Error();
    ProcessMemory::resetPeak();
    const double beforeMb = ProcessMemory::residentMb();
    const double scanMs = medianMs(m_repetitions, [&] {
        report = Error(); // the last run's flags are not part of this one's memory
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

    printLine(QStringLiteral("%1 (%2 .. %3): anomaly scan %4 | plain stream of the period %5 (%6 events), of what the scan streams %7 "
                             "(%8 events) | ratio %9 to the latter")
                  .arg(QLatin1StringView(name), formatTimestamp(fromUs).left(10), formatTimestamp(toUs).left(10), formatMs(scanMs),
                       formatMs(periodMs))
                  .arg(periodEvents)
                  .arg(formatMs(streamMs))
                  .arg(streamEvents)
                  .arg(scanMs / streamMs, 0, 'f', 2));
    printLine(QStringLiteral("  %1 events in the period, %2 read before it (baseline and document histories); %3 flags: %4; "
                             "peak RSS %5 MB (%6 MB before the scans)")
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
    printLine(QStringLiteral("log %1: %2 events, %3 .. %4; rules sha256 %5 (%6), %7 repetition(s) after a warm-up, median")
                  .arg(m_logPath)
                  .arg(head->seq)
                  .arg(formatTimestamp(first->recordedAtUs), formatTimestamp(head->recordedAtUs), m_rules.digest().left(12),
                       m_rules == AnomalyRules() ? QStringLiteral("the defaults") : QStringLiteral("from --rules"))
                  .arg(m_repetitions));
    // A month with its whole baseline inside the log (the eleventh), then the first twelve months.
    const qint64 start = monthStart(first->recordedAtUs, 0);
    return period("1 month", monthStart(start, 10), monthStart(start, 11)) && period("12 months", start, monthStart(start, 12));
}

} // namespace QmsAudit::Bench
