// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/logstatistics.h>
#include <qmsaudit/result.h>

#include <optional>

namespace QmsAudit {

class Connection;

/// Statistics over whole UTC days from the per-day summary (SchemaSql::CreateSummary).
class SummaryReader
{
public:
    static constexpr qint64 MicrosPerDay = 86'400'000'000;

    /// true if [fromUs, toUs) starts and ends on UTC midnights (or is open): the summary answers it.
    static bool coversWholeDays(std::optional<qint64> fromUs, std::optional<qint64> toUs);
    static Result<LogStatistics> statistics(Connection &connection, std::optional<qint64> fromUs, std::optional<qint64> toUs);
};

} // namespace QmsAudit
