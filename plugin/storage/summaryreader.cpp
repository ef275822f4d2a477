// SPDX-License-Identifier: LGPL-2.1-or-later
#include "storage/summaryreader_p.h"

#include "storage/connection_p.h"

#include <qmsaudit/timestamp.h>

#include <limits>

namespace QmsAudit {

bool SummaryReader::coversWholeDays(std::optional<qint64> fromUs, std::optional<qint64> toUs)
{
    return (!fromUs || *fromUs % MicrosPerDay == 0) && (!toUs || *toUs % MicrosPerDay == 0);
}

Result<LogStatistics> SummaryReader::statistics(Connection &connection, std::optional<qint64> fromUs, std::optional<qint64> toUs)
{
    LogStatistics stats;
    stats.fromUs = fromUs;
    stats.toUs = toUs;
    const qint64 fromDay = fromUs ? *fromUs / MicrosPerDay : std::numeric_limits<qint64>::min();
    const qint64 toDay = toUs ? *toUs / MicrosPerDay : std::numeric_limits<qint64>::max();
    const std::pair<const char *, QMap<QString, qint64> *> groups[] = {
        {"SELECT action, sum(events) FROM summary_day WHERE day >= ?1 AND day < ?2 GROUP BY 1", &stats.byAction},
        {"SELECT object_type, sum(events) FROM summary_day WHERE day >= ?1 AND day < ?2 GROUP BY 1", &stats.byObjectType},
        {"SELECT outcome, sum(events) FROM summary_day WHERE day >= ?1 AND day < ?2 GROUP BY 1", &stats.byOutcome},
        {"SELECT day, sum(events) FROM summary_day WHERE day >= ?1 AND day < ?2 GROUP BY 1", &stats.byDay},
        {"SELECT actor_id, sum(events) FROM summary_day_actor INDEXED BY ix_summary_actor WHERE day >= ?1 AND day < ?2 GROUP BY 1",
         &stats.byActor},
    };
    for (const auto &[sql, counts] : groups) {
        auto select = connection.prepare(sql);
        if (!select)
            return select.error();
        select->bind(1, fromDay);
        select->bind(2, toDay);
        if (auto read = readCounts(*select, *counts, counts == &stats.byDay); !read)
            return read.error();
    }
    for (qint64 n : std::as_const(stats.byAction))
        stats.total += n;
    return stats;
}

Result<void> SummaryReader::readCounts(Statement &select, QMap<QString, qint64> &counts, bool dayKeys)
{
    while (true) {
        auto row = select.step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        const QString key = dayKeys ? formatTimestamp(select.int64(0) * MicrosPerDay).left(10) : select.text(0);
        counts.insert(key, select.int64(1));
    }
}

} // namespace QmsAudit
