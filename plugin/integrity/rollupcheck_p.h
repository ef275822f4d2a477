// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rollup/monthrollup_p.h"

#include <qmsaudit/verificationreport.h>

#include <optional>
#include <unordered_set>

namespace QmsAudit {

class Connection;

/**
 * Recounts the per-month rollups (SchemaSql::CreateRollups) from the hashed records during the
 * chain scan and compares them with the stored tables, a month at a time: like the per-day
 * summary they are not hashed, so verify is what vouches for the aggregates read from them. Only
 * the days before the newest event's day are rolled up: the records of that day are not counted.
 */
class RollupCheck
{
public:
    explicit RollupCheck(Connection &connection);

    void count(const RollupRecord &record);
    /// Compares the last month and looks for stored months or cycles without events.
    void finish(VerificationReport &report);

private:
    void compareMonth(VerificationReport &report);
    void compareObjects(qint64 month, VerificationReport &report);
    void compareActors(qint64 month, VerificationReport &report);
    void compareCycles(VerificationReport &report);

    Connection &m_connection;
    std::optional<qint64> m_rolledUntilUs; ///< the newest event's day start, read on first use
    MonthRollup m_rollup;
    std::optional<qint64> m_month;
    qint64 m_firstSeqOfMonth = 0;
    qint64 m_lastSeqOfMonth = 0;
    qint64 m_cycles = 0;
    bool m_pastRolledUp = false; ///< the records of the newest day have begun
    std::unordered_set<qint64> m_seenMonths;
    VerificationReport m_pending; ///< findings made while counting, moved into the report by finish()
};

} // namespace QmsAudit
