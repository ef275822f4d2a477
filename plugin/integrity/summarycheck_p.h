// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/verificationreport.h>

#include <QByteArrayView>

#include <string>
#include <unordered_map>

namespace QmsAudit {

class Connection;

/**
 * Recounts the per-day summary (SchemaSql::CreateSummary) from the hashed records during the
 * chain scan and compares it with the stored tables: the summary is not hashed, so verify is what
 * vouches for the statistics answered from it.
 */
class SummaryCheck
{
public:
    void count(qint64 recordedAtUs, QByteArrayView actorId, QByteArrayView action, QByteArrayView objectType, QByteArrayView outcome);
    /// Adds a SummaryMismatch finding for each stored count that differs from the recount.
    void compare(Connection &connection, VerificationReport &report);

private:
    using Counts = std::unordered_map<std::string, qint64>;
    void compareTable(Connection &connection, const char *sql, int keyColumns, Counts &expected, const char *what,
                      VerificationReport &report);

    Counts m_days;   ///< day + action, object type, outcome -> events
    Counts m_actors; ///< day + actor -> events
    std::string m_key; ///< reused, so that counting allocates only for new keys
};

} // namespace QmsAudit
