// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/logstatistics.h>
#include <qmsaudit/result.h>

#include <optional>

namespace QmsAudit {

class Connection;
class Statement;

/// Statistics over whole UTC days from the per-day summary (SchemaSql::CreateSummary).
class SummaryReader
{
public:
    /// true if [fromUs, toUs) starts and ends on UTC midnights (or is open): the summary answers it.
    static bool coversWholeDays(std::optional<qint64> fromUs, std::optional<qint64> toUs);
    static Result<LogStatistics> statistics(Connection &connection, std::optional<qint64> fromUs, std::optional<qint64> toUs);
    /// Adds the rows (key, count) of @p select to @p counts; with @p dayKeys the key is a day
    /// number (days since 1970-01-01 UTC), stored as "YYYY-MM-DD". Shared with the event scan.
    static Result<void> readCounts(Statement &select, QMap<QString, qint64> &counts, bool dayKeys);
};

} // namespace QmsAudit
