// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "storage/statement_p.h"

#include <qmsaudit/event.h>
#include <qmsaudit/result.h>

#include <QList>

#include <map>
#include <optional>
#include <tuple>

namespace QmsAudit {

class Connection;

/**
 * Keeps the per-day summary tables (SchemaSql::CreateSummary) in step with appended events,
 * inside the caller's append transaction. Prepared statements belong to one connection: reset
 * the writer whenever the connection is replaced.
 */
class SummaryWriter
{
public:
    /// Counts one appended event in memory (a transaction touches a handful of summary rows).
    void count(const Event &event);
    /// Adds the counts to the tables for the transaction's day (all its events share one stamp),
    /// before its COMMIT, and starts over.
    Result<void> flush(Connection &connection, qint64 recordedAtUs);
    /// Forgets the counts of a transaction that was not committed.
    void discard();

private:
    Result<void> prepare(Connection &connection);

    std::map<std::tuple<Action, QString, Outcome>, qint64> m_counts;
    std::map<QString, qint64> m_actorCounts;

    std::optional<Statement> m_ensure;
    std::optional<Statement> m_add;
    std::optional<Statement> m_ensureActor;
    std::optional<Statement> m_addActor;
};

} // namespace QmsAudit
