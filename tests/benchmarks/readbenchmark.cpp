// SPDX-License-Identifier: LGPL-2.1-or-later
#include "readbenchmark.h"

#include "benchmarkfilters.h"
#include "processmemory.h"
#include "rawconnection.h"
#include "timing.h"

#include "rollup/monthrollup_p.h"
#include "rollup/rollupwriter_p.h"
#include "storage/transaction_p.h"

#include <qmsaudit/eventreader.h>
#include <qmsaudit/timestamp.h>

#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <vector>

namespace QmsAudit::Bench {
namespace {

constexpr int kPageSize = 100;
constexpr qint64 kMicrosPerDay = 86'400'000'000;

} // namespace

ReadBenchmark::ReadBenchmark(QString logPath, QString keyFile, int repetitions)
    : m_logPath(std::move(logPath))
    , m_keys(keyFile)
    , m_repetitions(repetitions)
{
}

double ReadBenchmark::timedMedianMs(const std::function<void()> &work, int repetitions) const
{
    return medianMs(repetitions, [&work] {
        QElapsedTimer timer;
        timer.start();
        work();
        return double(timer.nsecsElapsed()) / 1e6;
    });
}

qint64 ReadBenchmark::lastPageAfter(const EventFilter &filter) const
{
    // The largest afterSeq from which a full page still comes back: its page holds the last matches.
    auto head = m_log->head();
    qint64 low = 0;
    qint64 high = head ? head->seq : 0;
    auto full = [&](qint64 after) {
        auto page = m_log->query(filter, {after, kPageSize});
        return page && page->events.size() == kPageSize;
    };
    if (!full(0))
        return 0;
    while (low < high) {
        const qint64 mid = low + (high - low + 1) / 2;
        if (full(mid))
            low = mid;
        else
            high = mid - 1;
    }
    return low;
}

void ReadBenchmark::pageFigure(const char *name, const EventFilter &filter, double baselineMs)
{
    qint64 count = 0;
    auto first = [&] {
        auto page = m_log->query(filter, {0, kPageSize});
        count = page ? page->events.size() : -1;
    };
    const double firstMs = timedMedianMs(first, m_repetitions);
    const qint64 lastAfter = lastPageAfter(filter);
    const double lastMs = timedMedianMs([&] { (void)m_log->query(filter, {lastAfter, kPageSize}); }, m_repetitions);
    printLine(QStringLiteral("%1: first page %2, last page %3 (%4 rows/page) | raw %5-row primary-key page %6 | ratio %7 / %8")
              .arg(QLatin1StringView(name), formatMs(firstMs), formatMs(lastMs))
              .arg(count)
              .arg(kPageSize)
              .arg(formatMs(baselineMs))
              .arg(firstMs / baselineMs, 0, 'f', 1)
              .arg(lastMs / baselineMs, 0, 'f', 1));
}

double ReadBenchmark::rawPageMs()
{
    auto head = m_log->head();
    const qint64 middle = head ? head->seq / 2 : 0;
    return timedMedianMs([&] {
        auto select = m_raw->prepare("SELECT seq, payload, hash FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2");
        select->bind(1, middle);
        select->bind(2, qint64(kPageSize));
        qint64 bytes = 0;
        while (true) {
            auto row = select->step();
            if (!row || !*row)
                break;
            bytes += select->blobView(1).size() + select->blobView(2).size();
        }
        if (bytes == 0)
            printLine(QStringLiteral("raw page read nothing"));
    }, m_repetitions);
}

double ReadBenchmark::rawScanMs(const char *sql, int columns, qint64 &rows)
{
    QElapsedTimer timer;
    timer.start();
    auto select = m_raw->prepare(sql);
    if (!select)
        return -1;
    rows = 0;
    qint64 bytes = 0;
    while (true) {
        auto row = select->step();
        if (!row || !*row)
            break;
        ++rows;
        // Touch every column as the verifier does: SQLite decodes columns lazily.
        for (int c = 0; c < columns; ++c)
            bytes += select->blobView(c).size();
    }
    if (bytes == 0 && rows > 0)
        printLine(QStringLiteral("raw scan read nothing"));
    return double(timer.nsecsElapsed()) / 1e6;
}

double ReadBenchmark::rawQuickCheckMs()
{
    QElapsedTimer timer;
    timer.start();
    auto check = m_raw->queryText("PRAGMA quick_check");
    if (!check || *check != QLatin1StringView("ok"))
        printLine(QStringLiteral("raw quick_check failed"));
    return double(timer.nsecsElapsed()) / 1e6;
}

bool ReadBenchmark::run(bool aggregatesOnly)
{
    QElapsedTimer openTimer;
    openTimer.start();
    auto log = AuditLog::open(m_logPath, m_keys);
    if (!log) {
        printLine(QStringLiteral("cannot open %1: %2").arg(m_logPath, log.error().message()));
        return false;
    }
    m_log = std::move(*log);
    const double openMs = double(openTimer.nsecsElapsed()) / 1e6;
    auto raw = openRawConnection(m_logPath, m_keys);
    if (!raw) {
        printLine(QStringLiteral("raw connection: %1").arg(raw.error().message()));
        return false;
    }
    m_raw = std::move(*raw);

    auto head = m_log->head();
    const qint64 events = head ? head->seq : 0;
    printLine(QStringLiteral("log %1: %2 events, %3 MB, layout %4, opened in %5 (a migration runs here)")
              .arg(m_logPath)
              .arg(events)
              .arg(QFile(m_logPath).size() / 1e6, 0, 'f', 0)
              .arg(m_log->schemaVersion())
              .arg(formatMs(openMs)));
    auto first = m_log->eventAt(1);
    if (!first || events == 0) {
        printLine(QStringLiteral("the log is empty"));
        return false;
    }
    const qint64 firstDay = first->recordedAtUs / kMicrosPerDay * kMicrosPerDay;
    const qint64 lastDay = head->recordedAtUs / kMicrosPerDay * kMicrosPerDay + kMicrosPerDay;

    if (aggregatesOnly)
        return aggregateFigures(head->recordedAtUs);

    const double pageMs = rawPageMs();
    printLine(QStringLiteral("baseline: raw %1-row page on the primary key %2").arg(kPageSize).arg(formatMs(pageMs)));

    // The same filter kinds as the model's figures (qmsaudit_view_benchmarks).
    auto reader = m_log->reader();
    if (!reader) {
        printLine(QStringLiteral("reader: %1").arg(reader.error().message()));
        return false;
    }
    for (const BenchmarkFilter &kind : benchmarkFilters(**reader))
        pageFigure(qPrintable(kind.name), kind.filter, pageMs);

    qint64 rows = 0;
    const double scanMs = rawScanMs("SELECT seq, recorded_at, occurred_at, actor_id, action, object_type, object_id, outcome, "
                                    "object_title, reason, payload, hash FROM events ORDER BY seq",
                                    12, rows);
    const double quickCheckMs = rawQuickCheckMs();
    QElapsedTimer verifyTimer;
    verifyTimer.start();
    const VerificationReport report = m_log->verify();
    const double verifyMs = double(verifyTimer.nsecsElapsed()) / 1e6;
    printLine(QStringLiteral("verify: %1 (%2) in %3 = %4 events/s | raw scan of the same columns %5 (%6 events/s) + raw quick_check %7 "
                         "| verify/(scan+quick_check) speed ratio %8, verify/scan %9")
              .arg(report.ok ? QStringLiteral("OK") : QStringLiteral("FAILED"))
              .arg(report.eventCount)
              .arg(formatMs(verifyMs))
              .arg(qint64(double(report.eventCount) / verifyMs * 1000))
              .arg(formatMs(scanMs))
              .arg(qint64(double(rows) / scanMs * 1000))
              .arg(formatMs(quickCheckMs))
              .arg((scanMs + quickCheckMs) / verifyMs, 0, 'f', 2)
              .arg(scanMs / verifyMs, 0, 'f', 2));

    qint64 statRows = 0;
    const double statScanMs = rawScanMs("SELECT recorded_at, action, actor_id, object_type, outcome FROM events", 5, statRows);
    const double rssBefore = ProcessMemory::residentMb();
    ProcessMemory::resetPeak();
    QElapsedTimer statsTimer;
    statsTimer.start();
    auto stats = m_log->statistics(firstDay, lastDay);
    const double statsMs = double(statsTimer.nsecsElapsed()) / 1e6;
    const double peak = ProcessMemory::peakMb();
    printLine(QStringLiteral("stats over %1 days: %2, total %3, peak RSS %4 MB (%5 MB before) | raw scan of the grouped columns %6 | ratio %7")
              .arg((lastDay - firstDay) / kMicrosPerDay)
              .arg(formatMs(statsMs))
              .arg(stats ? stats->total : -1)
              .arg(peak, 0, 'f', 0)
              .arg(rssBefore, 0, 'f', 0)
              .arg(formatMs(statScanMs))
              .arg(statsMs / statScanMs, 0, 'f', 2));
    const bool aggregates = aggregateFigures(head->recordedAtUs);
    return report.ok && stats && aggregates;
}

bool ReadBenchmark::aggregateFigures(qint64 newestUs)
{
    auto reader = m_log->reader();
    if (!reader)
        return false;
    const qint64 endMonth = MonthRollup::monthOf(newestUs) + 1;
    bool ok = true;
    for (const auto &[name, months] : {std::pair("1 month", 1), std::pair("3 months", 3), std::pair("12 months", 12)}) {
        AggregateRequest request;
        request.fromUs = MonthRollup::monthStartUs(endMonth - months);
        request.toUs = MonthRollup::monthStartUs(endMonth);
        qint64 total = -1;
        const double rssBefore = ProcessMemory::residentMb();
        ProcessMemory::resetPeak();
        const double ms = timedMedianMs([&] {
            auto a = (*reader)->aggregates(request);
            total = a ? a->total : -1;
            if (!a)
                printLine(QStringLiteral("aggregates: %1").arg(a.error().message()));
        }, m_repetitions);
        const double peak = ProcessMemory::peakMb();
        qint64 rows = 0;
        const auto firstSeq = (*reader)->seqAt(request.fromUs);
        const QByteArray scan = "SELECT seq, recorded_at, actor_id, action, object_type, object_id, outcome FROM events WHERE seq >= "
            + QByteArray::number(firstSeq ? *firstSeq : 1) + " AND recorded_at < " + QByteArray::number(request.toUs);
        const double scanMs = rawScanMs(scan.constData(), 7, rows);
        printLine(QStringLiteral("aggregates over %1 (%2 to %3): %4, %5 events, peak RSS %6 MB (%7 MB before) | raw scan of the "
                                 "7 columns they count %8 (%9 rows) | ratio %10")
                  .arg(QLatin1StringView(name), formatTimestamp(request.fromUs).left(10), formatTimestamp(request.toUs).left(10),
                       formatMs(ms))
                  .arg(total)
                  .arg(peak, 0, 'f', 0)
                  .arg(rssBefore, 0, 'f', 0)
                  .arg(formatMs(scanMs))
                  .arg(rows)
                  .arg(ms / scanMs, 0, 'f', 3));
        ok = ok && total >= 0;
    }
    // What verify adds per event to recount the rollups: the same rows stepped with and without
    // MonthRollup::add (the chain scan's own work is the same either way).
    const auto recount = [this](bool count) {
        MonthRollup rollup;
        std::optional<qint64> month;
        qint64 rows = 0;
        QElapsedTimer timer;
        timer.start();
        auto select = m_raw->prepare(QByteArray("SELECT seq, recorded_at, actor_id, action, object_type, object_id, outcome FROM events "
                                                "WHERE seq >= 1 AND recorded_at < 9223372036854775807 ORDER BY seq LIMIT 2000000"));
        while (select) {
            auto row = select->step();
            if (!row || !*row)
                break;
            const RollupRecord record = RollupWriter::recordAt(*select);
            ++rows;
            if (!count)
                continue;
            if (const qint64 recordMonth = MonthRollup::monthOf(record.recordedAtUs); recordMonth != month) {
                rollup.clearCounts();
                month = recordMonth;
            }
            rollup.add(record);
        }
        return std::pair(double(timer.nsecsElapsed()), rows);
    };
    (void)recount(false); // warm-up: the pages decrypted once
    const auto [plainNs, rows] = recount(false);
    const auto [countedNs, countedRows] = recount(true);
    printLine(QStringLiteral("verify's rollup recount: %1 ns per event (%2 events stepped in %3, with the recount %4)")
              .arg((countedNs - plainNs) / double(std::max<qint64>(rows, 1)), 0, 'f', 0)
              .arg(countedRows)
              .arg(formatMs(plainNs / 1e6), formatMs(countedNs / 1e6)));

    // The writer's extra work when a day closes, on a connection of its own, undone afterwards.
    auto writable = openRawConnection(m_logPath, m_keys, Connection::Mode::ReadWrite);
    if (!writable)
        return false;
    Transaction transaction(**writable);
    if (!transaction.begin())
        return false;
    QElapsedTimer timer;
    timer.start();
    const auto rolled = RollupWriter(**writable).closeDay(RollupWriter::dayStartUs(newestUs));
    printLine(QStringLiteral("rolling up the newest day (%1 on): %2%3, rolled back")
              .arg(formatTimestamp(RollupWriter::dayStartUs(newestUs)).left(10), formatMs(double(timer.nsecsElapsed()) / 1e6),
                   rolled ? QString() : QStringLiteral(" FAILED: ") + rolled.error().message()));
    return ok && rolled;
}

} // namespace QmsAudit::Bench
