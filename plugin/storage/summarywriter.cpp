// SPDX-License-Identifier: LGPL-2.1-or-later
#include "storage/summarywriter_p.h"
#include <qmsaudit/timestamp.h>

#include "storage/connection_p.h"
#include "storage/schemasql_p.h"

#include <map>
#include <tuple>

namespace QmsAudit {
namespace {

Result<void> runOnce(Statement &statement)
{
    auto r = statement.run();
    statement.reset();
    return r;
}

} // namespace

Result<void> SummaryWriter::prepare(Connection &connection)
{
    auto ensure = connection.prepare(SchemaSql::EnsureSummaryRow);
    auto add = connection.prepare(SchemaSql::AddToSummaryRow);
    auto ensureActor = connection.prepare(SchemaSql::EnsureActorSummaryRow);
    auto addActor = connection.prepare(SchemaSql::AddToActorSummaryRow);
    for (const auto *statement : {&ensure, &add, &ensureActor, &addActor}) {
        if (!*statement)
            return statement->error();
    }
    m_ensure.emplace(std::move(*ensure));
    m_add.emplace(std::move(*add));
    m_ensureActor.emplace(std::move(*ensureActor));
    m_addActor.emplace(std::move(*addActor));
    return {};
}

void SummaryWriter::count(const Event &event)
{
    ++m_counts[{event.action, event.object.type, event.outcome}];
    ++m_actorCounts[event.actor.id];
}

void SummaryWriter::discard()
{
    m_counts.clear();
    m_actorCounts.clear();
}

Result<void> SummaryWriter::flush(Connection &connection, qint64 recordedAtUs)
{
    if (!m_ensure) {
        if (auto r = prepare(connection); !r)
            return r;
    }
    const auto counts = std::move(m_counts);
    const auto actorCounts = std::move(m_actorCounts);
    discard();
    const qint64 day = recordedAtUs / MicrosPerDay;
    for (const auto &[key, n] : counts) {
        const auto &[action, objectType, outcome] = key;
        for (Statement *statement : {&*m_ensure, &*m_add}) {
            statement->bind(1, day);
            statement->bind(2, actionName(action));
            statement->bind(3, objectType);
            statement->bind(4, outcomeName(outcome));
            if (statement == &*m_add)
                statement->bind(5, n);
            if (auto r = runOnce(*statement); !r)
                return r;
        }
    }
    for (const auto &[actor, n] : actorCounts) {
        for (Statement *statement : {&*m_ensureActor, &*m_addActor}) {
            statement->bind(1, day);
            statement->bind(2, actor);
            if (statement == &*m_addActor)
                statement->bind(3, n);
            if (auto r = runOnce(*statement); !r)
                return r;
        }
    }
    return {};
}

} // namespace QmsAudit
