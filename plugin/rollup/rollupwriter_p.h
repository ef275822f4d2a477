// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rollup/monthrollup_p.h"
#include "storage/statement_p.h"

#include <qmsaudit/result.h>

#include <optional>

namespace QmsAudit {

class Connection;

/**
 * Keeps the per-month rollups (SchemaSql::CreateRollups) in step with the events, inside the
 * caller's transaction: a day is rolled up once, when the first event of a later day is appended,
 * so that appending within a day costs nothing more. Prepared statements belong to one connection:
 * reset the writer whenever the connection is replaced.
 */
class RollupWriter
{
public:
    explicit RollupWriter(Connection &connection);

    /// Rolls up the events recorded at or after @p dayStartUs: the newest day, which has just closed.
    Result<void> closeDay(qint64 dayStartUs);
    /// Recounts every rollup from the events of every day before @p headRecordedAtUs's day.
    Result<void> rebuild(qint64 headRecordedAtUs);

    static qint64 dayStartUs(qint64 utcMicros);
    /// The first seq recorded at or after @p us on @p connection; the largest qint64 when none is.
    static Result<qint64> firstSeqAt(const Connection &connection, qint64 us);
    /// The event in the current row of SchemaSql::SelectRollupEvents (views into the row).
    static RollupRecord recordAt(const Statement &row);
    /// Runs SchemaSql::SelectLastSubmit on @p select; a failure is kept in @p error, which fails
    /// the roll-up or the reading it happened in.
    static std::optional<qint64> lastSubmit(Statement &select, QByteArrayView objectType, QByteArrayView objectId, qint64 beforeSeq,
                                            std::optional<Error> &error);

private:
    /// Counts the events from @p firstSeq on recorded before @p untilUs, month by month.
    Result<void> rollUp(qint64 firstSeq, qint64 untilUs, MonthRollup &rollup);
    Result<void> write(const MonthRollup &rollup);
    Result<void> prepare();
    /// The document's number in rollup_object, given one on first use.
    Result<qint64> objectKey(QByteArrayView objectType, QByteArrayView objectId);

    Connection &m_connection;
    std::optional<Statement> m_ensureObjectKey;
    std::optional<Statement> m_selectObjectKey;
    std::optional<Statement> m_ensureObject;
    std::optional<Statement> m_addObject;
    std::optional<Statement> m_ensureActor;
    std::optional<Statement> m_addActor;
    std::optional<Statement> m_insertCycle;
    std::optional<Statement> m_lastSubmit;
    std::optional<Error> m_lookupError; ///< a failed lookup fails the roll-up it happened in
};

} // namespace QmsAudit
