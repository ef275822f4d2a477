// SPDX-License-Identifier: LGPL-2.1-or-later
#include "storage/eventreader_p.h"

#include "integrity/canonicalencoding_p.h"
#include "integrity/chainverifier_p.h"
#include "merkle/compactrange_p.h"
#include "merkle/merkleproofs_p.h"
#include "merkle/storedsubtreehashes_p.h"
#include "query/querybuilder_p.h"
#include "query/textmatch_p.h"
#include "storage/schemasql_p.h"
#include "rollup/aggregatereader_p.h"
#include "storage/summaryreader_p.h"

#include <qmsaudit/timestamp.h>

#include <QScopeGuard>

#include <algorithm>
#include <limits>
#include <tuple>


namespace QmsAudit {
namespace {

constexpr int kStreamPageSize = 1000;

} // namespace

EventReaderPrivate::EventReaderPrivate(QString path, SecretKey key, int busyTimeoutMs)
    : m_path(std::move(path))
    , m_key(std::move(key))
    , m_busyTimeoutMs(busyTimeoutMs)
{
}

Result<std::unique_ptr<Connection>> EventReaderPrivate::openConnection() const
{
    return Connection::open(m_path, m_key, Connection::Mode::ReadOnly, m_busyTimeoutMs);
}

Result<void> EventReaderPrivate::connect()
{
    auto connection = openConnection();
    if (!connection)
        return connection.error();
    auto meta = Schema::load(**connection);
    if (!meta)
        return meta.error();
    if (meta->schemaVersion < Schema::CurrentVersion) {
        // A read-only connection cannot migrate; the queries expect the current layout.
        return Error(ErrorCode::NotALog, QStringLiteral("%1 uses log format version %2; opening it once for writing (AuditLog::open, or any "
                                                        "qms-audit command) upgrades it to version %3.")
                                             .arg(m_path)
                                             .arg(meta->schemaVersion)
                                             .arg(Schema::CurrentVersion));
    }
    m_meta = *meta;
    m_connection = std::move(*connection);
    return {};
}

Result<QueryBuilder> EventReaderPrivate::queryBuilder(const Connection &connection, const EventFilter &filter, PageRequest::Order order) const
{
    TextPartitions partitions;
    if (!QueryBuilder::ftsExpression(filter.text).isEmpty()) {
        auto head = headSeq(connection);
        if (!head)
            return head.error();
        if (*head > 0) {
            partitions.headSeq = *head;
            partitions.count = m_meta.textPartition(partitions.headSeq) + 1;
        }
    }
    return QueryBuilder(filter, order, partitions);
}

Result<Connection *> EventReaderPrivate::aggregateConnection(int which) const
{
    std::unique_ptr<Connection> &connection = m_aggregateConnections[which];
    if (!connection) {
        auto opened = openConnection();
        if (!opened)
            return opened.error();
        connection = std::move(*opened);
    }
    return connection.get();
}

Result<qint64> EventReaderPrivate::headSeq(const Connection &connection)
{
    auto select = connection.prepare(SchemaSql::SelectHead);
    if (!select)
        return select.error();
    auto row = select->step();
    if (!row)
        return row.error();
    return *row ? select->int64(0) : 0;
}

Result<std::pair<qint64, qint64>> EventReaderPrivate::seqRange(std::optional<qint64> fromUs, std::optional<qint64> toUs) const
{
    // recorded_at never decreases along seq: a time range is a seq range (docs/queries.md).
    std::pair<qint64, qint64> range{1, std::numeric_limits<qint64>::max()};
    const std::tuple<std::optional<qint64>, const char *, qint64 *, qint64> ends[] = {
        {fromUs, "SELECT seq FROM events INDEXED BY ix_events_time WHERE recorded_at >= ?1 ORDER BY recorded_at, seq LIMIT 1",
         &range.first, std::numeric_limits<qint64>::max()},
        {toUs, "SELECT seq FROM events INDEXED BY ix_events_time WHERE recorded_at < ?1 ORDER BY recorded_at DESC, seq DESC LIMIT 1",
         &range.second, 0},
    };
    for (const auto &[time, sql, end, none] : ends) {
        if (!time)
            continue;
        auto select = m_connection->prepare(sql);
        if (!select)
            return select.error();
        select->bind(1, *time);
        auto row = select->step();
        if (!row)
            return row.error();
        *end = *row ? select->int64(0) : none; // no event in the range: an empty range
    }
    return range;
}

Result<Event> EventReaderPrivate::decodeRow(const Statement &statement, const QString &path)
{
    const qint64 seq = statement.int64(0);
    auto event = CanonicalEncoding::decode(statement.blob(1));
    if (!event || event->seq != seq)
        return Error(ErrorCode::IntegrityFailure, QStringLiteral("The record at seq %1 of %2 is damaged; run verify.").arg(seq).arg(path));
    event->hash = statement.blob(2);
    return event;
}

EventReader::EventReader(std::unique_ptr<EventReaderPrivate> dd)
    : d(std::move(dd))
{
}

EventReader::~EventReader() = default;

Result<std::unique_ptr<EventReader>> EventReader::open(const QString &path, const KeyProvider &keys, const LogOptions &options)
{
    if (auto checked = Connection::checkExistingLog(path); !checked)
        return checked.error();
    auto key = Connection::usableKey(keys);
    if (!key)
        return key.error();
    auto d = std::make_unique<EventReaderPrivate>(path, std::move(*key), options.busyTimeoutMs);
    if (auto connected = d->connect(); !connected)
        return connected.error();
    return std::unique_ptr<EventReader>(new EventReader(std::move(d)));
}

QString EventReader::path() const
{
    return d->m_path;
}

QString EventReader::logId() const
{
    return d->m_meta.logId;
}

Result<EventPage> EventReader::query(const EventFilter &filter, const PageRequest &page) const
{
    if (page.limit < 1 || page.limit > PageRequest::MaxLimit)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The page size must be between 1 and %1.").arg(PageRequest::MaxLimit));
    if (page.afterSeq < 0 || page.beforeSeq < 0)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("afterSeq and beforeSeq must not be negative."));
    if (auto valid = QueryBuilder::check(filter); !valid)
        return valid.error();
    QMutexLocker lock(&d->m_mutex);
    auto built = d->queryBuilder(*d->m_connection, filter, page.order);
    if (!built)
        return built.error();
    const QueryBuilder &builder = *built;
    const bool newestFirst = page.order == PageRequest::Order::NewestFirst;
    const TextMatch textMatch(filter.text);
    auto select = d->m_connection->prepare(builder.selectPage());
    if (!select)
        return select.error();
    // One row more than asked tells whether another page exists. Text hits are checked against
    // the event, so the index may yield rows that are skipped: then SQLite is not told a limit.
    PageRequest bounds = page;
    bounds.limit = textMatch.isEmpty() ? page.limit + 1 : -1;
    EventPage result;
    result.nextAfterSeq = page.afterSeq;
    result.nextBeforeSeq = page.beforeSeq;
    // A page that the text index drives reads one partition after another in the page's order,
    // and stops in the partition that fills it (docs/queries.md); other pages run once.
    QList<qint64> runs{-1};
    if (builder.textDrives()) {
        auto range = d->seqRange(filter.fromUs, filter.toUs); // partitions outside a time range hold no match
        if (!range)
            return range.error();
        const qint64 lowest = std::max(page.afterSeq + 1, range->first);
        const qint64 headSeq = builder.textPartitions().headSeq;
        const qint64 highest = std::min({page.beforeSeq > 0 ? page.beforeSeq - 1 : headSeq, headSeq, range->second});
        runs.clear();
        for (qint64 p = d->m_meta.textPartition(std::max<qint64>(lowest, 1)); lowest <= highest && p <= d->m_meta.textPartition(highest); ++p)
            newestFirst ? runs.prepend(p) : runs.append(p);
    }
    for (const qint64 partition : std::as_const(runs)) {
        select->reset();
        builder.bindPage(*select, bounds);
        if (partition >= 0)
            builder.bindTextPartition(*select, partition);
        while (true) {
            auto row = select->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            auto event = EventReaderPrivate::decodeRow(*select, d->m_path);
            if (!event)
                return event.error();
            if (!textMatch.isEmpty() && !textMatch.matches(event->object.title, event->reason))
                continue; // a text-index row that does not belong to this event (docs/queries.md)
            if (result.events.size() == page.limit) {
                result.hasMore = true;
                return result;
            }
            (newestFirst ? result.nextBeforeSeq : result.nextAfterSeq) = event->seq;
            result.events.append(std::move(*event));
        }
    }
    return result;
}

Result<qint64> EventReader::count(const EventFilter &filter, const std::atomic_bool *cancel) const
{
    if (auto valid = QueryBuilder::check(filter); !valid)
        return valid.error();
    QMutexLocker lock(&d->m_aggregateMutex);
    auto aggregate = d->aggregateConnection();
    if (!aggregate)
        return aggregate.error();
    Connection &connection = **aggregate;
    const auto wasCancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
    const Error cancelled(ErrorCode::Cancelled, QStringLiteral("The count was cancelled."));

    connection.setInterruptFlag(cancel);
    const auto noInterrupt = qScopeGuard([&connection] { connection.setInterruptFlag(nullptr); });
    auto built = d->queryBuilder(connection, filter, PageRequest::Order::OldestFirst);
    if (!built)
        return wasCancelled() ? cancelled : built.error();
    const QueryBuilder &builder = *built;
    const TextMatch textMatch(filter.text);
    if (!textMatch.isEmpty()) {
        // Every text hit is checked against the event's own title and reason, as query() does.
        auto select = connection.prepare(builder.selectTextColumns());
        if (!select)
            return select.error();
        builder.bindFilter(*select);
        qint64 matching = 0;
        while (true) {
            // One step may be too short for the interrupt's progress handler: check here too.
            if (wasCancelled())
                return cancelled;
            auto row = select->step();
            if (!row)
                return wasCancelled() ? cancelled : row.error();
            if (!*row)
                return matching;
            if (textMatch.matches(select->text(0), select->text(1)))
                ++matching;
        }
    }
    auto select = connection.prepare(builder.selectCount());
    if (!select)
        return select.error();
    builder.bindFilter(*select);
    auto row = select->step();
    if (!row)
        return wasCancelled() ? cancelled : row.error();
    return select->int64(0);
}

Result<Event> EventReader::eventAt(qint64 seq) const
{
    QMutexLocker lock(&d->m_mutex);
    auto select = d->rowAt(SchemaSql::SelectEventAt, seq);
    if (!select)
        return select.error();
    return EventReaderPrivate::decodeRow(*select, d->m_path);
}

Result<qint64> EventReader::seqAt(qint64 recordedAtUs) const
{
    QMutexLocker lock(&d->m_mutex);
    auto range = d->seqRange(recordedAtUs, std::nullopt);
    if (!range)
        return range.error();
    return range->first == std::numeric_limits<qint64>::max() ? 0 : range->first;
}

Result<LogStatistics> EventReader::statistics(std::optional<qint64> fromUs, std::optional<qint64> toUs) const
{
    QMutexLocker lock(&d->m_aggregateMutex);
    auto aggregate = d->aggregateConnection();
    if (!aggregate)
        return aggregate.error();
    Connection &connection = **aggregate;
    // Whole days come from the summary the writer keeps; other ranges count the events.
    if (SummaryReader::coversWholeDays(fromUs, toUs))
        return SummaryReader::statistics(connection, fromUs, toUs);
    EventFilter filter;
    filter.fromUs = fromUs;
    filter.toUs = toUs;
    const QueryBuilder builder(filter);
    LogStatistics stats;
    stats.fromUs = fromUs;
    stats.toUs = toUs;
    const std::pair<QByteArray, QMap<QString, qint64> *> groups[] = {
        {"action", &stats.byAction},
        {"actor_id", &stats.byActor},
        {"object_type", &stats.byObjectType},
        {"outcome", &stats.byOutcome},
        {"recorded_at / " + QByteArray::number(MicrosPerDay), &stats.byDay},
    };
    for (const auto &[expression, counts] : groups) {
        auto select = connection.prepare(builder.selectGroupCounts(expression));
        if (!select)
            return select.error();
        builder.bindFilter(*select);
        if (auto read = SummaryReader::readCounts(*select, *counts, counts == &stats.byDay); !read)
            return read.error();
    }
    for (qint64 n : std::as_const(stats.byAction))
        stats.total += n;
    return stats;
}

Result<PeriodAggregates> EventReader::aggregates(const AggregateRequest &request, const std::atomic_bool *cancel) const
{
    QMutexLocker lock(&d->m_aggregateMutex);
    auto rollups = d->aggregateConnection(0);
    auto events = rollups ? d->aggregateConnection(1) : rollups;
    if (!events)
        return events.error();
    return AggregateReader(**rollups, *events, request, cancel).read();
}

Result<EventPage> EventReader::documentHistory(const QString &objectType, const QString &objectId, const PageRequest &page) const
{
    EventFilter filter;
    filter.objectType = objectType;
    filter.objectId = objectId;
    return query(filter, page);
}

Result<EventPage> EventReader::actorActivity(const QString &actorId, std::optional<qint64> fromUs, std::optional<qint64> toUs,
                                             const PageRequest &page) const
{
    EventFilter filter;
    filter.actorId = actorId;
    filter.fromUs = fromUs;
    filter.toUs = toUs;
    return query(filter, page);
}

Result<qint64> EventReader::forEach(const EventFilter &filter, const std::function<bool(const Event &)> &visit) const
{
    PageRequest page{0, kStreamPageSize};
    qint64 visited = 0;
    while (true) {
        auto result = query(filter, page);
        if (!result)
            return result.error();
        for (const Event &event : std::as_const(result->events)) {
            ++visited;
            if (!visit(event))
                return visited;
        }
        if (!result->hasMore)
            return visited;
        page.afterSeq = result->nextAfterSeq;
    }
}

Result<ChainHead> EventReader::head() const
{
    QMutexLocker lock(&d->m_mutex);
    auto select = d->m_connection->prepare(SchemaSql::SelectHead);
    if (!select)
        return select.error();
    auto row = select->step();
    if (!row)
        return row.error();
    if (!*row)
        return ChainHead{0, d->m_meta.genesis(), 0};
    return ChainHead{select->int64(0), select->blob(1), select->int64(2)};
}

Result<QByteArray> EventReader::encodingAt(qint64 seq) const
{
    QMutexLocker lock(&d->m_mutex);
    auto select = d->rowAt(SchemaSql::SelectPayloadAt, seq);
    if (!select)
        return select.error();
    return select->blob(0);
}

Result<TreeHead> EventReader::treeHead() const
{
    QMutexLocker lock(&d->m_mutex);
    auto size = EventReaderPrivate::headSeq(*d->m_connection);
    if (!size)
        return size.error();
    return d->treeHeadOf(*size);
}

Result<TreeHead> EventReaderPrivate::treeHeadOf(qint64 size) const
{
    auto range = CompactRange::restore(StoredSubtreeHashes(*m_connection), size);
    if (!range)
        return range.error();
    return TreeHead{size, range->root()};
}

Result<Statement> EventReaderPrivate::rowAt(const char *sql, qint64 seq) const
{
    auto select = m_connection->prepare(sql);
    if (!select)
        return select.error();
    select->bind(1, seq);
    auto row = select->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error(ErrorCode::NotFound, QStringLiteral("There is no event with seq %1 in %2.").arg(seq).arg(m_path));
    return std::move(*select);
}

Result<qint64> EventReaderPrivate::checkTreeSize(qint64 size) const
{
    auto head = headSeq(*m_connection);
    if (!head)
        return head.error();
    if (size < 0 || size > *head) {
        return Error(ErrorCode::InvalidArgument, QStringLiteral("%1 has %2 events; it has no tree of %3.").arg(m_path).arg(*head).arg(size));
    }
    return *head;
}

Result<TreeHead> EventReader::treeHeadAt(qint64 size) const
{
    QMutexLocker lock(&d->m_mutex);
    if (auto checked = d->checkTreeSize(size); !checked)
        return checked.error();
    return d->treeHeadOf(size);
}

Result<InclusionProof> EventReader::inclusionProof(qint64 seq, qint64 treeSize) const
{
    QMutexLocker lock(&d->m_mutex);
    if (auto checked = d->checkTreeSize(treeSize); !checked)
        return checked.error();
    if (seq < 1 || seq > treeSize)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("Seq %1 is not in a tree of %2 events.").arg(seq).arg(treeSize));
    const StoredSubtreeHashes hashes(*d->m_connection);
    auto leaf = hashes.hash(0, seq - 1);
    if (!leaf)
        return leaf.error();
    auto path = MerkleProofs::inclusion(hashes, seq - 1, treeSize);
    if (!path)
        return path.error();
    return InclusionProof{seq, treeSize, *leaf, *path};
}

Result<ConsistencyProof> EventReader::consistencyProof(qint64 oldSize, qint64 newSize) const
{
    QMutexLocker lock(&d->m_mutex);
    if (auto checked = d->checkTreeSize(newSize); !checked)
        return checked.error();
    if (oldSize < 0 || oldSize > newSize) {
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("A tree of %1 events cannot be a prefix of one of %2.").arg(oldSize).arg(newSize));
    }
    auto proof = MerkleProofs::consistency(StoredSubtreeHashes(*d->m_connection), oldSize, newSize);
    if (!proof)
        return proof.error();
    return ConsistencyProof{oldSize, newSize, *proof};
}

Result<QString> EventReader::queryPlan(const EventFilter &filter, PageRequest::Order order) const
{
    QMutexLocker lock(&d->m_mutex);
    auto built = d->queryBuilder(*d->m_connection, filter, order);
    if (!built)
        return built.error();
    const QueryBuilder &builder = *built;
    auto explain = d->m_connection->prepare("EXPLAIN QUERY PLAN " + builder.selectPage());
    if (!explain)
        return explain.error();
    builder.bindPage(*explain, PageRequest{});
    QStringList lines;
    while (true) {
        auto row = explain->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        lines.append(explain->text(3)); // selectid, order, from, detail
    }
    return lines.join(QLatin1Char('\n'));
}

VerificationReport EventReader::verify(const VerificationControl &control) const
{
    // Connections of their own: a damaged page poisons the connection that read it.
    const ChainVerifier verifier([this] { return d->openConnection(); }, control);
    return verifier.run();
}

} // namespace QmsAudit
