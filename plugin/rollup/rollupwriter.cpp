// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rollup/rollupwriter_p.h"
#include <qmsaudit/timestamp.h>

#include "storage/connection_p.h"
#include "storage/schemasql_p.h"

#include <limits>

namespace QmsAudit {
namespace {

Result<void> runOnce(Statement &statement)
{
    auto r = statement.run();
    statement.reset();
    return r;
}

void bindTime(Statement &statement, int index, std::optional<qint64> us)
{
    if (us)
        statement.bind(index, *us);
    else
        statement.bindNull(index);
}

} // namespace

RollupWriter::RollupWriter(Connection &connection)
    : m_connection(connection)
{
}

qint64 RollupWriter::dayStartUs(qint64 utcMicros)
{
    const qint64 day = utcMicros >= 0 ? utcMicros / MicrosPerDay : -((-utcMicros - 1) / MicrosPerDay) - 1;
    return day * MicrosPerDay;
}

Result<void> RollupWriter::prepare()
{
    if (m_ensureObject)
        return {};
    auto ensureObjectKey = m_connection.prepare(SchemaSql::EnsureObjectKey);
    auto selectObjectKey = m_connection.prepare(SchemaSql::SelectObjectKey);
    auto ensureObject = m_connection.prepare(SchemaSql::EnsureObjectRollupRow);
    auto addObject = m_connection.prepare(SchemaSql::AddToObjectRollupRow);
    auto ensureActor = m_connection.prepare(SchemaSql::EnsureActorRollupRow);
    auto addActor = m_connection.prepare(SchemaSql::AddToActorRollupRow);
    auto insertCycle = m_connection.prepare(SchemaSql::InsertCycle);
    auto lastSubmit = m_connection.prepare(SchemaSql::SelectLastSubmit);
    for (const auto *statement : {&ensureObjectKey, &selectObjectKey, &ensureObject, &addObject, &ensureActor, &addActor, &insertCycle, &lastSubmit}) {
        if (!*statement)
            return statement->error();
    }
    m_ensureObjectKey.emplace(std::move(*ensureObjectKey));
    m_selectObjectKey.emplace(std::move(*selectObjectKey));
    m_ensureObject.emplace(std::move(*ensureObject));
    m_addObject.emplace(std::move(*addObject));
    m_ensureActor.emplace(std::move(*ensureActor));
    m_addActor.emplace(std::move(*addActor));
    m_insertCycle.emplace(std::move(*insertCycle));
    m_lastSubmit.emplace(std::move(*lastSubmit));
    return {};
}

std::optional<qint64> RollupWriter::lastSubmit(Statement &select, QByteArrayView objectType, QByteArrayView objectId, qint64 beforeSeq,
                                               std::optional<Error> &error)
{
    select.bindText(1, objectId);
    select.bindText(2, objectType);
    select.bind(3, beforeSeq);
    auto row = select.step();
    std::optional<qint64> submitted;
    if (!row)
        error = row.error();
    else if (*row)
        submitted = select.int64(0);
    select.reset();
    return submitted;
}

RollupRecord RollupWriter::recordAt(const Statement &row)
{
    RollupRecord record;
    record.seq = row.int64(0);
    record.recordedAtUs = row.int64(1);
    record.actorId = row.textView(2);
    record.action = row.textView(3);
    record.objectType = row.textView(4);
    record.objectId = row.textView(5);
    record.outcome = row.textView(6);
    return record;
}

Result<qint64> RollupWriter::objectKey(QByteArrayView objectType, QByteArrayView objectId)
{
    for (Statement *statement : {&*m_ensureObjectKey, &*m_selectObjectKey}) {
        statement->bindText(1, objectType);
        statement->bindText(2, objectId);
    }
    if (auto r = runOnce(*m_ensureObjectKey); !r)
        return r.error();
    auto row = m_selectObjectKey->step();
    const qint64 key = row && *row ? m_selectObjectKey->int64(0) : 0;
    m_selectObjectKey->reset();
    if (!row)
        return row.error();
    if (key == 0)
        return Error(ErrorCode::Internal, QStringLiteral("A document of the rollups has no number."));
    return key;
}

Result<void> RollupWriter::closeDay(qint64 dayStartUs)
{
    if (auto r = prepare(); !r)
        return r;
    auto first = firstSeqAt(m_connection, dayStartUs);
    if (!first)
        return first.error();
    if (*first == std::numeric_limits<qint64>::max())
        return {}; // no event that day
    const qint64 firstSeq = *first;
    MonthRollup rollup([this](QByteArrayView type, QByteArrayView id, qint64 beforeSeq) {
        return lastSubmit(*m_lastSubmit, type, id, beforeSeq, m_lookupError);
    });
    return rollUp(firstSeq, std::numeric_limits<qint64>::max(), rollup);
}

Result<qint64> RollupWriter::firstSeqAt(const Connection &connection, qint64 us)
{
    auto select = connection.prepare(SchemaSql::SelectFirstSeqAt);
    if (!select)
        return select.error();
    select->bind(1, us);
    auto row = select->step();
    if (!row)
        return row.error();
    return *row ? select->int64(0) : std::numeric_limits<qint64>::max();
}

Result<void> RollupWriter::rebuild(qint64 headRecordedAtUs)
{
    if (auto r = m_connection.exec(SchemaSql::ClearRollups); !r)
        return r;
    if (auto r = prepare(); !r)
        return r;
    // The whole chain passes by in order: every submit is seen before the approval it starts.
    MonthRollup rollup;
    return rollUp(1, dayStartUs(headRecordedAtUs), rollup);
}

Result<void> RollupWriter::rollUp(qint64 firstSeq, qint64 untilUs, MonthRollup &rollup)
{
    auto select = m_connection.prepare(SchemaSql::SelectRollupEvents);
    if (!select)
        return select.error();
    select->bind(1, firstSeq);
    select->bind(2, untilUs);
    m_lookupError.reset();
    std::optional<qint64> month;
    while (true) {
        auto row = select->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const RollupRecord record = recordAt(*select);
        // One month in memory at a time: a rebuild of years of events stays small.
        if (const qint64 recordMonth = MonthRollup::monthOf(record.recordedAtUs); month != recordMonth) {
            if (auto written = write(rollup); !written)
                return written;
            rollup.clearCounts();
            month = recordMonth;
        }
        rollup.add(record);
        if (m_lookupError)
            return *m_lookupError;
    }
    return write(rollup);
}

Result<void> RollupWriter::write(const MonthRollup &rollup)
{
    for (const auto &[month, objects] : rollup.objects()) {
        for (const auto &[key, counts] : objects) {
            const auto [type, id] = MonthRollup::splitObjectKey(key);
            auto number = objectKey(type, id);
            if (!number)
                return number.error();
            for (Statement *statement : {&*m_ensureObject, &*m_addObject}) {
                statement->bind(1, month);
                statement->bind(2, *number);
                if (statement == &*m_addObject) {
                    statement->bind(3, counts.events);
                    statement->bind(4, counts.accesses);
                    statement->bind(5, counts.changes);
                    statement->bind(6, counts.workflow);
                    statement->bind(7, counts.denied);
                    bindTime(*statement, 8, counts.lastRevisedUs);
                    bindTime(*statement, 9, counts.lastReviewedUs);
                    bindTime(*statement, 10, counts.lastRetiredUs);
                }
                if (auto r = runOnce(*statement); !r)
                    return r;
            }
        }
    }
    for (const auto &[month, actors] : rollup.actors()) {
        for (const auto &[actor, counts] : actors) {
            for (Statement *statement : {&*m_ensureActor, &*m_addActor}) {
                statement->bind(1, month);
                statement->bindText(2, QByteArrayView(actor.data(), qsizetype(actor.size())));
                if (statement == &*m_addActor) {
                    statement->bind(3, counts.events);
                    statement->bind(4, counts.changes);
                    statement->bind(5, counts.workflow);
                    statement->bind(6, counts.denied);
                }
                if (auto r = runOnce(*statement); !r)
                    return r;
            }
        }
    }
    Statement &insert = *m_insertCycle;
    for (const MonthRollup::Cycle &cycle : rollup.cycles()) {
        insert.bind(1, cycle.seq);
        insert.bindText(2, QByteArrayView(cycle.objectType.data(), qsizetype(cycle.objectType.size())));
        insert.bindText(3, QByteArrayView(cycle.stage.data(), qsizetype(cycle.stage.size())));
        insert.bind(4, cycle.submittedAtUs);
        insert.bind(5, cycle.recordedAtUs);
        if (auto r = runOnce(insert); !r)
            return r;
    }
    return {};
}

} // namespace QmsAudit
