// SPDX-License-Identifier: LGPL-2.1-or-later
#include "modelbenchmark.h"

#include "processmemory.h"
#include "rawconnection.h"
#include "timing.h"

#include <qmsaudit/eventlistmodel.h>
#include <qmsaudit/eventreader.h>

#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <vector>

namespace QmsAudit::Bench {
namespace {

QString ratio(double value, double baseline)
{
    return value < 0 || baseline <= 0 ? QStringLiteral("-") : QString::number(value / baseline, 'f', 1);
}

} // namespace

ModelBenchmark::ModelBenchmark(QString logPath, QString keyFile, int repetitions)
    : m_logPath(std::move(logPath))
    , m_keys(keyFile)
    , m_repetitions(repetitions)
{
}

ModelBenchmark::~ModelBenchmark() = default;

double ModelBenchmark::rawNewestPageMs(const BenchmarkFilter &kind)
{
    return medianMs(m_repetitions, [&] {
        QElapsedTimer timer;
        timer.start();
        auto select = m_raw->prepare(kind.rawNewestPageSql);
        if (!select)
            return -1.0;
        select->bind(1, qint64(EventListModel::PageSize));
        for (int i = 0; i < kind.rawArguments.size(); ++i) {
            const QVariant &value = kind.rawArguments[i];
            if (value.typeId() == QMetaType::QString)
                select->bind(i + 2, value.toString());
            else
                select->bind(i + 2, value.toLongLong());
        }
        qint64 rows = 0;
        while (true) {
            auto row = select->step();
            if (!row)
                return -1.0;
            if (!*row)
                break;
            // Read the columns the model decodes, as the model does.
            rows += select->blobView(1).size() > 0 && select->blobView(2).size() == 32;
        }
        return rows > 0 ? double(timer.nsecsElapsed()) / 1e6 : -1.0;
    });
}

bool ModelBenchmark::filterFigures(const BenchmarkFilter &kind)
{
    EventListModel &model = *m_model;
    // Each repetition sets the filter anew (a reset, as a view's filter change does) and waits for
    // the signal that delivers the rows; the previous request is superseded first.
    const double firstMs = medianMs(m_repetitions, [&] {
        return msUntilSignal(&model, &EventListModel::windowReset, [&] { model.setFilter(kind.filter); });
    });
    const double countMs = medianMs(m_repetitions, [&] {
        return msUntil(&model, &EventListModel::totalCountChanged, [&] { model.setFilter(kind.filter); }, [&] { return model.totalCount() >= 0; });
    });
    const qint64 count = model.totalCount();
    const double lastMs = medianMs(m_repetitions, [&] { return msUntilSignal(&model, &EventListModel::windowReset, [&] { model.jumpToEnd(); }); });
    const qint64 lastSeq = model.rowCount() > 0 ? model.eventAt(model.rowCount() - 1).seq : -1;
    const double rawMs = rawNewestPageMs(kind);
    printLine(QStringLiteral("model %1: first page %2, last page %3, count %4 = %5 events | raw SQLCipher newest page %6 | ratio %7 / %8")
              .arg(kind.name, formatMs(firstMs), formatMs(lastMs), formatMs(countMs))
              .arg(count)
              .arg(formatMs(rawMs), ratio(firstMs, rawMs), ratio(lastMs, rawMs)));
    if (firstMs < 0 || lastMs < 0 || countMs < 0 || count <= 0)
        return false;
    // The list's last row, newest first, is the filter's oldest match: seq 1 for every event.
    if (kind.filter.isEmpty() && lastSeq != 1) {
        printLine(QStringLiteral("the last page ends at seq %1, not 1").arg(lastSeq));
        return false;
    }
    return true;
}

bool ModelBenchmark::scrollFigure()
{
    EventListModel &model = *m_model;
    if (msUntilSignal(&model, &EventListModel::windowReset, [&] { model.setFilter({}); }) < 0)
        return false;
    const qint64 total = model.eventAt(0).seq;
    const double rssStart = ProcessMemory::residentMb();
    ProcessMemory::resetPeak();
    QElapsedTimer timer;
    timer.start();
    qint64 seen = model.rowCount();
    qint64 expected = model.eventAt(model.rowCount() - 1).seq - 1; // newest first, every seq once
    qint64 pages = 1;
    double slowestPageMs = 0;
    while (model.hasLater()) {
        const qint64 lastBefore = model.eventAt(model.rowCount() - 1).seq;
        const double pageMs = msUntilSignal(&model, &EventListModel::windowChanged, [&] { model.fetchMore({}); });
        if (pageMs < 0 || !model.errorString().isEmpty())
            return false;
        slowestPageMs = std::max(slowestPageMs, pageMs);
        // The new page is at the window's end (newest first: lower seqs), contiguous with the last row.
        int firstNew = model.rowCount();
        while (firstNew > 0 && model.eventAt(firstNew - 1).seq < lastBefore)
            --firstNew;
        for (int row = firstNew; row < model.rowCount(); ++row) {
            if (model.eventAt(row).seq != expected) {
                printLine(QStringLiteral("scrolling: row %1 is seq %2, expected %3").arg(row).arg(model.eventAt(row).seq).arg(expected));
                return false;
            }
            --expected;
            ++seen;
        }
        ++pages;
        if (model.rowCount() > model.maxRows())
            return false;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double rssEnd = ProcessMemory::residentMb();
    const double peak = ProcessMemory::peakMb();
    printLine(QStringLiteral("model scroll, all events newest first, first row to last: %1 rows in %2 pages of %3 in %4 s (%5 rows/s, slowest page %6), "
                         "window %7 rows | RSS %8 MB at the first row, peak %9 MB, %10 MB at the last row: growth %11 MB")
              .arg(seen)
              .arg(pages)
              .arg(EventListModel::PageSize)
              .arg(seconds, 0, 'f', 1)
              .arg(qint64(double(seen) / seconds))
              .arg(formatMs(slowestPageMs))
              .arg(model.maxRows())
              .arg(rssStart, 0, 'f', 1)
              .arg(peak, 0, 'f', 1)
              .arg(rssEnd, 0, 'f', 1)
              .arg(peak - rssStart, 0, 'f', 1));
    return seen == total && expected == 0 && model.eventAt(model.rowCount() - 1).seq == 1;
}

bool ModelBenchmark::run()
{
    auto reader = EventReader::open(m_logPath, m_keys);
    if (!reader) {
        printLine(QStringLiteral("cannot open %1: %2").arg(m_logPath, reader.error().message()));
        return false;
    }
    m_reader = std::move(*reader);
    auto raw = openRawConnection(m_logPath, m_keys);
    if (!raw) {
        printLine(QStringLiteral("raw connection: %1").arg(raw.error().message()));
        return false;
    }
    m_raw = std::move(*raw);
    m_model = std::make_unique<EventListModel>();
    m_model->setReader(m_reader);

    const QList<BenchmarkFilter> filters = benchmarkFilters(*m_reader);
    if (filters.isEmpty()) {
        printLine(QStringLiteral("the log is empty"));
        return false;
    }
    bool ok = true;
    for (const BenchmarkFilter &kind : filters)
        ok = filterFigures(kind) && ok;
    return scrollFigure() && ok;
}

} // namespace QmsAudit::Bench
