// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/auditlog.h>
#include <qmsaudit/event.h>
#include <qmsaudit/eventfilter.h>
#include <qmsaudit/keyprovider.h>
#include <qmsaudit/logstatistics.h>
#include <qmsaudit/merkleproof.h>
#include <qmsaudit/periodaggregates.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>
#include <qmsaudit/verificationreport.h>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace QmsAudit {

class EventReaderPrivate;

/**
 * The read side of a log, on a read-only connection of its own: it never writes, never takes
 * the write lock, and reads while writers append (WAL). Views, reports and the CLI read through
 * it; AuditLog's own read calls are a façade over one.
 *
 * Pages are keyset pages in either direction (PageRequest::order, afterSeq/beforeSeq); every
 * filter is served by an index (docs/queries.md). Thread-safe: calls are serialised.
 * @code
 * auto reader = QmsAudit::EventReader::open("/var/lib/qms/audit.qmslog", keys);
 * QmsAudit::PageRequest page;
 * page.order = QmsAudit::PageRequest::Order::NewestFirst;
 * auto history = (*reader)->documentHistory("procedure", "SOP-017", page);
 * @endcode
 */
class QMSAUDIT_EXPORT EventReader
{
public:
    /// Opens @p path read-only: NotFound, WrongKey, NotEncrypted or NotALog on failure. NotALog
    /// also for a log of an older layout: a read-only connection cannot migrate it, opening it
    /// once for writing (AuditLog::open) does.
    static Result<std::unique_ptr<EventReader>> open(const QString &path, const KeyProvider &keys, const LogOptions &options = {});
    ~EventReader();
    EventReader(const EventReader &) = delete;
    EventReader &operator=(const EventReader &) = delete;

    QString path() const;
    QString logId() const;

    Result<EventPage> query(const EventFilter &filter, const PageRequest &page = {}) const;
    /**
     * How many events match @p filter, on a connection of its own (shared with statistics()),
     * so that pages never wait behind a long count (a common word on 10 M events takes
     * seconds). While @p cancel is true the count stops soon with ErrorCode::Cancelled: what a
     * view does when a newer filter supersedes the one being counted.
     */
    Result<qint64> count(const EventFilter &filter, const std::atomic_bool *cancel = nullptr) const;
    Result<Event> eventAt(qint64 seq) const;
    /// The first seq recorded at or after @p recordedAtUs (0 if none): where a view jumps to a date.
    Result<qint64> seqAt(qint64 recordedAtUs) const;
    /// Counts by action, actor, object type, outcome and day over [fromUs, toUs), on the connection
    /// count() uses: pages never wait behind it.
    Result<LogStatistics> statistics(std::optional<qint64> fromUs, std::optional<qint64> toUs) const;
    /// What the log shows for a period of whole UTC days, for the management review
    /// (docs/aggregates.md), on the connection count() uses. Cancelled by @p cancel.
    Result<PeriodAggregates> aggregates(const AggregateRequest &request, const std::atomic_bool *cancel = nullptr) const;
    /// Every event on one document (all versions), in page.order.
    Result<EventPage> documentHistory(const QString &objectType, const QString &objectId, const PageRequest &page = {}) const;
    /// What one person did in a period, in page.order.
    Result<EventPage> actorActivity(const QString &actorId, std::optional<qint64> fromUs, std::optional<qint64> toUs,
                                    const PageRequest &page = {}) const;
    /**
     * Streams every matching event, oldest first, page by page (memory stays bounded), until
     * @p visit returns false. Returns how many events were visited.
     */
    Result<qint64> forEach(const EventFilter &filter, const std::function<bool(const Event &)> &visit) const;
    Result<ChainHead> head() const;
    /// The stored canonical encoding of event @p seq: what its chain hash and its Merkle leaf hash.
    Result<QByteArray> encodingAt(qint64 seq) const;
    /// The Merkle tree over all events now (docs/merkle.md): what a checkpoint signs.
    Result<TreeHead> treeHead() const;
    /// The tree over the first @p size events, for any size up to the head's seq.
    Result<TreeHead> treeHeadAt(qint64 size) const;
    /// Proof that event @p seq is in the tree of the first @p treeSize events (seq <= treeSize).
    Result<InclusionProof> inclusionProof(qint64 seq, qint64 treeSize) const;
    /// Proof that the tree of @p oldSize events is a prefix of the one of @p newSize.
    Result<ConsistencyProof> consistencyProof(qint64 oldSize, qint64 newSize) const;
    /// SQLite's EXPLAIN QUERY PLAN for the page query() would run (diagnostics and tests).
    Result<QString> queryPlan(const EventFilter &filter, PageRequest::Order order = PageRequest::Order::OldestFirst) const;
    /// AuditLog::verify() on connections of its own; @p control reports progress and cancels.
    VerificationReport verify(const VerificationControl &control = {}) const;

private:
    friend class AuditLogPrivate; // AuditLog's own reader shares its cached key
    explicit EventReader(std::unique_ptr<EventReaderPrivate> d);
    std::unique_ptr<EventReaderPrivate> d;
};

} // namespace QmsAudit
