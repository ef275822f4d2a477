// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "integrity/rollupcheck_p.h"
#include "storage/statement_p.h"

#include <qmsaudit/verificationreport.h>

#include <QByteArrayView>

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace QmsAudit {

class Connection;

/**
 * Recounts the per-day summary (SchemaSql::CreateSummary) from the hashed records during the
 * chain scan and compares it with the stored tables: the summary is not hashed, so verify is what
 * vouches for the statistics answered from it. Records come in time order, so only one day is
 * counted at a time and compared when the next day begins: small maps that stay in the CPU cache.
 */
class SummaryCheck
{
public:
    explicit SummaryCheck(Connection &connection);

    /// Counts one hashed record for the per-day summary and the per-month rollups (RollupCheck).
    void count(const RollupRecord &record);
    /// Compares the last day and month and looks for stored days or months without events; adds
    /// SummaryMismatch findings.
    void finish(VerificationReport &report);

private:
    using Counts = std::unordered_map<std::string, qint64>;
    void compareDay(VerificationReport &report);
    void compareRows(std::optional<Statement> &select, int keyColumns, Counts &expected, const char *what, VerificationReport &report);

    Connection &m_connection;
    RollupCheck m_rollups;
    std::optional<Statement> m_selectDay;
    std::optional<Statement> m_selectActorDay;
    std::optional<qint64> m_day;
    Counts m_actions; ///< action, object type, outcome -> events on m_day
    Counts m_actors;  ///< actor -> events on m_day
    std::unordered_set<qint64> m_seenDays;
    std::string m_key; ///< reused, so that counting allocates only for new keys
    VerificationReport m_pending; ///< findings made while counting, moved into the report by finish()
};

} // namespace QmsAudit
