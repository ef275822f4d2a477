// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "storage/statement_p.h"

#include <qmsaudit/event.h>
#include <qmsaudit/result.h>

#include <QList>

#include <optional>

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
    /// Adds @p events, all stamped @p recordedAtUs (one batch, one day), to the counts.
    Result<void> add(Connection &connection, qint64 recordedAtUs, const QList<Event> &events);

private:
    Result<void> prepare(Connection &connection);

    std::optional<Statement> m_ensure;
    std::optional<Statement> m_add;
    std::optional<Statement> m_ensureActor;
    std::optional<Statement> m_addActor;
};

} // namespace QmsAudit
