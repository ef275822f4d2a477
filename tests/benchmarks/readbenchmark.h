// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/auditlog.h>
#include <qmsaudit/keyfileprovider.h>

#include "storage/connection_p.h"

#include <QString>

#include <functional>
#include <memory>

namespace QmsAudit::Bench {

/**
 * The read figures of docs/performance.md on one log: each query page, verify and statistics,
 * every one printed beside a raw SQLCipher baseline measured on the same file in the same run
 * through the library's own (private) Connection class.
 */
class ReadBenchmark
{
public:
    ReadBenchmark(QString logPath, QString keyFile, int repetitions);
    /// Opens the log (migrating it if it is older) and runs every figure, or with
    /// @p aggregatesOnly the aggregates' figures alone; false on an error.
    bool run(bool aggregatesOnly = false);

private:
    /// Median wall time of @p repetitions calls after a warm-up, in milliseconds.
    double timedMedianMs(const std::function<void()> &work, int repetitions) const;
    void pageFigure(const char *name, const EventFilter &filter, double baselineMs);
    /// The afterSeq that makes the next page the last one of @p filter.
    qint64 lastPageAfter(const EventFilter &filter) const;
    /// Raw baselines: a 100-row page on the primary key, and a scan of the verifier's columns.
    double rawPageMs();
    double rawScanMs(const char *sql, int columns, qint64 &rows);
    double rawQuickCheckMs();
    /// EventReader::aggregates() for a month, a quarter and twelve months ending with the log's
    /// newest month, beside a raw scan of the columns a rollup-free answer would read; and the
    /// cost of rolling up the newest day (what the first append of a day adds), rolled back.
    bool aggregateFigures(qint64 newestUs);

    QString m_logPath;
    KeyFileProvider m_keys;
    int m_repetitions;
    std::unique_ptr<AuditLog> m_log;
    std::unique_ptr<Connection> m_raw;
};

} // namespace QmsAudit::Bench
