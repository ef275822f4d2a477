// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "query/querybuilder_p.h"
#include "storage/connection_p.h"
#include "storage/schema_p.h"

#include <qmsaudit/eventreader.h>

#include <QMutex>

#include <memory>

namespace QmsAudit {

class EventReaderPrivate
{
public:
    EventReaderPrivate(QString path, SecretKey key, int busyTimeoutMs);

    /// Opens the read-only connection and reads the meta table.
    Result<void> connect();
    Result<std::unique_ptr<Connection>> openConnection() const;

    /// A builder for @p filter. Only a filter with text words needs the text index's partitions,
    /// and only then is the head read for them, on @p connection (call with its mutex held).
    Result<QueryBuilder> queryBuilder(const Connection &connection, const EventFilter &filter, PageRequest::Order order) const;

    /// The first and last seq recorded in [fromUs, toUs) (1 and max without bounds); first > last
    /// when no event is. Call with m_mutex held.
    Result<std::pair<qint64, qint64>> seqRange(std::optional<qint64> fromUs, std::optional<qint64> toUs) const;
    /// The newest seq on @p connection (0 for an empty log): call with its mutex held.
    static Result<qint64> headSeq(const Connection &connection);
    /// @p sql (one seq parameter) stepped to its row for @p seq, or NotFound (m_mutex held).
    Result<Statement> rowAt(const char *sql, qint64 seq) const;
    /// The tree of the first @p size events, which the log has (m_mutex held).
    Result<TreeHead> treeHeadOf(qint64 size) const;
    /// The head's seq, or InvalidArgument if the log has fewer than @p size events (m_mutex held).
    Result<qint64> checkTreeSize(qint64 size) const;

    /// The row (seq, payload, hash) as an Event; IntegrityFailure if the record is damaged.
    static Result<Event> decodeRow(const Statement &statement, const QString &path);

    const QString m_path;
    const SecretKey m_key;
    const int m_busyTimeoutMs;
    Schema::Meta m_meta;
    std::unique_ptr<Connection> m_connection;
    mutable QMutex m_mutex;
    /// The connections of counts, statistics and aggregates, which can take seconds on a big log:
    /// opened on first use, so that they never hold m_mutex, which pages need. Call with
    /// m_aggregateMutex held. The second only counts, for aggregates, the events the rollups do
    /// not cover while the first reads the rollups (AggregateReader).
    Result<Connection *> aggregateConnection(int which = 0) const;
    mutable std::unique_ptr<Connection> m_aggregateConnections[2];
    mutable QMutex m_aggregateMutex;
};

} // namespace QmsAudit
