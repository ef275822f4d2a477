// SPDX-License-Identifier: LGPL-2.1-or-later
#include "storage/auditlog_p.h"

#include "integrity/canonicalencoding_p.h"
#include "integrity/chainverifier_p.h"
#include "integrity/hashchain_p.h"
#include "storage/durablefile_p.h"
#include "storage/eventreader_p.h"
#include "storage/keyrotation_p.h"
#include "storage/schemasql_p.h"
#include "storage/transaction_p.h"

#include <qmsaudit/eventvalidator.h>

#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace QmsAudit {
namespace {

QString keyKindName(const SecretKey &key)
{
    return key.kind() == SecretKey::Kind::RawKey ? QStringLiteral("raw") : QStringLiteral("passphrase");
}

void removeLogFiles(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1StringView(suffix));
}

} // namespace

LogPolicy LogPolicy::defaultPolicy()
{
    LogPolicy policy;
    for (Action action : changeActions())
        policy.reasonRequiredActions.insert(action);
    return policy;
}

AuditLogPrivate::AuditLogPrivate(QString path, SecretKey key, const LogOptions &options)
    : m_path(std::move(path))
    , m_key(std::move(key))
    , m_clock(options.clock ? *options.clock : SystemClock::instance())
    , m_busyTimeoutMs(options.busyTimeoutMs)
{
}

Result<std::unique_ptr<Connection>> AuditLogPrivate::openConnection(Connection::Mode mode) const
{
    return Connection::open(m_path, m_key, mode, m_busyTimeoutMs);
}

Result<Connection *> AuditLogPrivate::liveConnection()
{
    if (!m_connection) {
        if (auto r = connect(); !r)
            return r.error();
    }
    return m_connection.get();
}

Result<void> AuditLogPrivate::setJournalMode(const char *pragma, const char *expected)
{
    auto mode = m_connection->queryText(pragma);
    if (!mode)
        return mode.error();
    if (mode->compare(QLatin1StringView(expected), Qt::CaseInsensitive) != 0) {
        return Error(ErrorCode::Busy, QStringLiteral("Cannot switch %1 to journal mode %2 (it is %3); is another process using it?")
                                          .arg(m_path, QLatin1StringView(expected), *mode));
    }
    return {};
}

Result<void> AuditLogPrivate::connect()
{
    dropStatements();
    m_connection.reset();
    auto connection = openConnection(Connection::Mode::ReadWrite);
    if (!connection)
        return connection.error();
    m_connection = std::move(*connection);
    auto meta = Schema::load(*m_connection);
    if (!meta) {
        m_connection.reset();
        return meta.error();
    }
    if (auto wal = setJournalMode("PRAGMA journal_mode = WAL", "wal"); !wal) {
        m_connection.reset();
        return wal;
    }
    if (meta->schemaVersion < Schema::CurrentVersion) {
        Transaction transaction(*m_connection);
        if (auto r = transaction.begin(); !r)
            return r;
        if (auto r = Schema::migrate(*m_connection, meta->schemaVersion); !r)
            return r;
        if (meta->schemaVersion < 7) { // the rollups of layout 7 are counted here, not in SQL
            auto head = readHead(*m_connection);
            if (!head)
                return head.error();
            if (auto r = RollupWriter(*m_connection).rebuild(head->recordedAtUs); !r)
                return r;
        }
        if (meta->schemaVersion < 8) { // the tree of layout 8 is hashed here, not in SQL
            if (auto r = MerkleTreeWriter::build(*m_connection); !r)
                return r;
        }
        if (auto r = transaction.commit(); !r)
            return r;
        meta->schemaVersion = Schema::CurrentVersion;
    }
    m_meta = *meta;
    m_genesis = m_meta.genesis();
    return {};
}

Result<ChainHead> AuditLogPrivate::readHead(Connection &connection) const
{
    auto select = connection.prepare(SchemaSql::SelectHead);
    if (!select)
        return select.error();
    auto row = select->step();
    if (!row)
        return row.error();
    if (!*row)
        return ChainHead{0, m_genesis, 0};
    return ChainHead{select->int64(0), select->blob(1), select->int64(2)};
}

Result<std::shared_ptr<EventReader>> AuditLogPrivate::reader()
{
    QMutexLocker lock(&m_readerMutex);
    if (!m_reader) {
        auto reader = std::make_unique<EventReaderPrivate>(m_path, SecretKey(m_key.kind(), m_key.data(), m_key.size()), m_busyTimeoutMs);
        if (auto connected = reader->connect(); !connected)
            return connected.error();
        m_reader.reset(new EventReader(std::move(reader)));
    }
    return m_reader;
}

void AuditLogPrivate::setKey(SecretKey key)
{
    QMutexLocker lock(&m_readerMutex);
    m_key = std::move(key);
    m_reader.reset(); // its connection has the old key; the next read opens one with the new
}

void AuditLogPrivate::dropStatements()
{
    m_tree.reset();
    m_rollups.reset();
    m_summary.reset();
    m_insertText.reset();
    m_insert.reset();
}

void AuditLogPrivate::dropReader()
{
    QMutexLocker lock(&m_readerMutex);
    m_reader.reset();
}

Result<void> AuditLogPrivate::beginAppend(PendingAppend &pending)
{
    // An earlier failure may have closed the connection: the log may be back now.
    auto connection = liveConnection();
    if (!connection)
        return connection.error();
    pending.transaction.emplace(**connection);
    if (auto r = pending.transaction->begin(); !r)
        return r;
    if (!m_summary)
        m_summary.emplace();
    m_summary->discard(); // counts of an earlier transaction that did not commit
    // Read under the write lock: no other thread or process can extend the chain meanwhile.
    auto head = readHead(**connection);
    if (!head)
        return head.error();
    if (!m_insert) {
        auto insert = (*connection)->prepare(SchemaSql::InsertEvent);
        if (!insert)
            return insert.error();
        auto insertText = (*connection)->prepare(SchemaSql::InsertText);
        if (!insertText)
            return insertText.error();
        m_insert.emplace(std::move(*insert));
        m_insertText.emplace(std::move(*insertText));
    }
    // recorded_at never goes backwards along the chain, even if the wall clock does.
    pending.recordedAtUs = std::max(m_clock.nowUtcMicros(), head->recordedAtUs);
    // The first event of a new day closes the newest day: its rollups are counted now, in this
    // transaction, so that they commit or roll back with the event.
    if (head->seq > 0 && RollupWriter::dayStartUs(pending.recordedAtUs) > RollupWriter::dayStartUs(head->recordedAtUs)) {
        if (!m_rollups)
            m_rollups.emplace(**connection);
        if (auto r = m_rollups->closeDay(RollupWriter::dayStartUs(head->recordedAtUs)); !r)
            return r;
    }
    if (!m_tree)
        m_tree.emplace(**connection);
    if (auto r = m_maintainTree ? m_tree->begin(head->seq) : Result<void>(); !r)
        return r;
    pending.lastHash = head->hash;
    pending.lastSeq = head->seq;
    pending.firstSeq = head->seq + 1;
    return {};
}

Result<qint64> AuditLogPrivate::insertEvent(PendingAppend &pending, Event event)
{
    event.seq = pending.lastSeq + 1;
    event.recordedAtUs = pending.recordedAtUs;
    const QByteArray payload = CanonicalEncoding::encode(event);
    if (payload.size() > EventLimits::EncodedBytes) {
        return Error(ErrorCode::InvalidEvent, QStringLiteral("Invalid event: it encodes to %1 bytes; the limit is %2.")
                                                  .arg(payload.size())
                                                  .arg(EventLimits::EncodedBytes));
    }
    const QByteArray hash = HashChain::link(pending.lastHash, payload);
    Statement &insert = *m_insert;
    insert.bind(1, event.seq);
    insert.bind(2, event.recordedAtUs);
    if (event.occurredAtUs)
        insert.bind(3, *event.occurredAtUs);
    else
        insert.bindNull(3);
    insert.bind(4, event.actor.id);
    insert.bind(5, actionName(event.action));
    insert.bind(6, event.object.type);
    insert.bind(7, event.object.id);
    insert.bind(8, outcomeName(event.outcome));
    insert.bind(9, event.object.title);
    insert.bind(10, event.reason);
    insert.bindBlob(11, payload);
    insert.bindBlob(12, hash);
    auto inserted = insert.run();
    insert.reset();
    if (!inserted)
        return inserted.error();
    Statement &insertText = *m_insertText;
    insertText.bind(1, event.seq);
    insertText.bind(2, event.object.title);
    insertText.bind(3, event.reason);
    insertText.bind(4, m_meta.textPartition(event.seq));
    auto indexed = insertText.run();
    insertText.reset();
    if (!indexed)
        return indexed.error();
    if (auto r = m_maintainTree ? m_tree->append(payload) : Result<void>(); !r)
        return r.error();
    m_summary->count(event);
    pending.lastHash = hash;
    pending.lastSeq = event.seq;
    return event.seq;
}

Result<void> AuditLogPrivate::commitAppend(PendingAppend &pending)
{
    if (pending.lastSeq < pending.firstSeq)
        return {}; // nothing inserted: the destructor rolls back
    // The per-day summary changes in the same transaction as the events it counts.
    if (auto counted = m_summary->flush(*m_connection, pending.recordedAtUs); !counted)
        return counted;
    if (auto committed = pending.transaction->commit(); !committed) {
        pending.transaction.reset(); // ROLLBACK before resolveUncertainCommit() replaces the connection
        return resolveUncertainCommit(committed.error(), pending.lastSeq, pending.lastHash);
    }
    pending.transaction.reset();
    if (m_maintainTree)
        m_tree->commit();
    return {};
}

Result<QList<qint64>> AuditLogPrivate::appendLocked(const QList<Event> &events)
{
    PendingAppend pending;
    if (auto begun = beginAppend(pending); !begun)
        return begun.error();
    QList<qint64> seqs;
    seqs.reserve(events.size());
    for (const Event &event : events) {
        auto seq = insertEvent(pending, event);
        if (!seq)
            return seq.error();
        seqs.append(*seq);
    }
    if (auto committed = commitAppend(pending); !committed)
        return committed.error();
    return seqs;
}

Result<void> AuditLogPrivate::resolveUncertainCommit(const Error &commitError, qint64 lastSeq, const QByteArray &lastHash)
{
    // The caller has ended its transaction (ROLLBACK) on the old connection already.
    dropStatements();
    if (auto reconnected = connect(); !reconnected) {
        m_connection.reset();
        return Error(commitError.code(), QStringLiteral("%1 The log could not be reopened to check whether the events were stored: %2")
                                             .arg(commitError.message(), reconnected.error().message()));
    }
    auto check = m_connection->prepare("SELECT hash FROM events WHERE seq = ?1");
    if (!check)
        return commitError;
    check->bind(1, lastSeq);
    auto row = check->step();
    if (row && *row && check->blob(0) == lastHash)
        return {}; // the commit reached the disk after all
    return commitError;
}

Result<Event> AuditLogPrivate::decodeRow(const Statement &statement) const
{
    return EventReaderPrivate::decodeRow(statement, m_path);
}

AuditLog::AuditLog(std::unique_ptr<AuditLogPrivate> dd)
    : d(std::move(dd))
{
}

AuditLog::~AuditLog() = default;

Result<std::unique_ptr<AuditLog>> AuditLog::create(const QString &path, const KeyProvider &keys, const LogPolicy &policy,
                                                   const LogOptions &options)
{
    if (QFileInfo::exists(path))
        return Error(ErrorCode::AlreadyExists, QStringLiteral("%1 already exists; refusing to overwrite it.").arg(path));
    auto key = Connection::usableKey(keys);
    if (!key)
        return key.error();
    if (auto created = DurableFile::createEmpty(path); !created)
        return created.error();

    auto d = std::make_unique<AuditLogPrivate>(path, std::move(*key), options);
    auto fail = [&path](const Error &error) -> Result<std::unique_ptr<AuditLog>> {
        removeLogFiles(path); // only files this call created: nothing recorded is lost
        return error;
    };
    {
        auto connection = d->openConnection(Connection::Mode::ReadWrite);
        if (!connection)
            return fail(connection.error());
        Schema::Meta meta;
        meta.logId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        meta.createdAtUs = d->m_clock.nowUtcMicros();
        meta.reasonRequired = policy.reasonRequiredActions;
        meta.keyKind = keyKindName(d->m_key);
        if (options.textPartitionEvents < 0)
            return fail(Error(ErrorCode::InvalidArgument, QStringLiteral("textPartitionEvents must not be negative.")));
        if (options.textPartitionEvents > 0)
            meta.textPartitionEvents = options.textPartitionEvents;
        Transaction transaction(**connection);
        if (auto r = transaction.begin(); !r)
            return fail(r.error());
        if (auto r = Schema::create(**connection, meta); !r)
            return fail(r.error());
        if (auto r = transaction.commit(); !r)
            return fail(r.error());
    }
    // Still in rollback-journal mode here, so page 1 is on disk: prove it is not plaintext.
    if (Connection::isPlaintextSqlite(path)) {
        return fail(Error(ErrorCode::NotEncrypted,
                          QStringLiteral("The SQLite library wrote %1 unencrypted; refusing to use it.").arg(path)));
    }
    if (auto r = d->connect(); !r)
        return fail(r.error());
    return std::unique_ptr<AuditLog>(new AuditLog(std::move(d)));
}

Result<std::unique_ptr<AuditLog>> AuditLog::open(const QString &path, const KeyProvider &keys, const LogOptions &options)
{
    if (auto checked = Connection::checkExistingLog(path); !checked)
        return checked.error();
    auto key = Connection::usableKey(keys);
    if (!key)
        return key.error();
    auto d = std::make_unique<AuditLogPrivate>(path, std::move(*key), options);
    if (auto r = d->connect(); !r) {
        if (r.error().code() == ErrorCode::WrongKey && QFileInfo::exists(KeyRotation::backupPath(path))) {
            return Error(ErrorCode::WrongKey, QStringLiteral("%1 A key rotation of this log was interrupted: open it with the key it had "
                                                             "before the rotation began, or with the new one, to finish or roll it back.")
                                                  .arg(r.error().message()));
        }
        return r.error();
    }
    if (auto recovered = KeyRotation(*d).recover(); !recovered)
        return recovered.error();
    return std::unique_ptr<AuditLog>(new AuditLog(std::move(d)));
}

QString AuditLog::path() const
{
    return d->m_path;
}

QString AuditLog::logId() const
{
    return d->m_meta.logId;
}

qint64 AuditLog::createdAtUs() const
{
    return d->m_meta.createdAtUs;
}

int AuditLog::schemaVersion() const
{
    return d->m_meta.schemaVersion;
}

LogPolicy AuditLog::policy() const
{
    return LogPolicy{d->m_meta.reasonRequired};
}

Result<qint64> AuditLog::append(const Event &event)
{
    auto seqs = appendAll({event});
    if (!seqs)
        return seqs.error();
    return seqs->first();
}

Result<QList<qint64>> AuditLog::appendAll(const QList<Event> &events)
{
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (auto valid = validateEvent(events[i], d->m_meta.reasonRequired); !valid) {
            if (events.size() == 1)
                return valid.error();
            return Error(valid.error().code(), QStringLiteral("Event %1 of %2: %3").arg(i + 1).arg(events.size()).arg(valid.error().message()));
        }
    }
    if (events.isEmpty())
        return QList<qint64>();
    QMutexLocker lock(&d->m_mutex);
    return d->appendLocked(events);
}

Result<AppendedRange> AuditLog::appendStream(const EventSource &next, const TrailerFactory &trailer, const PositionLabel &label)
{
    QMutexLocker lock(&d->m_mutex);
    AuditLogPrivate::PendingAppend pending;
    if (auto begun = d->beginAppend(pending); !begun)
        return begun.error();
    AppendedRange range;
    range.firstSeq = pending.firstSeq;
    while (true) {
        auto event = next();
        if (!event)
            return event.error(); // the pending transaction rolls back: nothing of the stream is kept
        if (!*event)
            break;
        if (auto valid = validateEvent(**event, d->m_meta.reasonRequired); !valid) {
            const QString where = label ? label(range.count + 1) : QStringLiteral("Event %1").arg(range.count + 1);
            return Error(valid.error().code(), QStringLiteral("%1: %2").arg(where, valid.error().message()));
        }
        auto seq = d->insertEvent(pending, std::move(**event));
        if (!seq)
            return seq.error();
        ++range.count;
    }
    range.lastSeq = pending.lastSeq;
    if (trailer) {
        Event closing = trailer(range);
        if (auto valid = validateEvent(closing, d->m_meta.reasonRequired); !valid)
            return valid.error();
        if (auto seq = d->insertEvent(pending, std::move(closing)); !seq)
            return seq.error();
    }
    if (auto committed = d->commitAppend(pending); !committed)
        return committed.error();
    return range;
}

// The read side is an EventReader on a read-only connection of its own: reads never wait for
// the write lock, and a long query never holds up recording.

Result<EventPage> AuditLog::query(const EventFilter &filter, const PageRequest &page) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    return (*reader)->query(filter, page);
}

Result<qint64> AuditLog::count(const EventFilter &filter) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    return (*reader)->count(filter);
}

Result<Event> AuditLog::eventAt(qint64 seq) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    return (*reader)->eventAt(seq);
}

Result<LogStatistics> AuditLog::statistics(std::optional<qint64> fromUs, std::optional<qint64> toUs) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    return (*reader)->statistics(fromUs, toUs);
}

Result<QString> AuditLog::queryPlan(const EventFilter &filter, PageRequest::Order order) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    return (*reader)->queryPlan(filter, order);
}

Result<ChainHead> AuditLog::head() const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    return (*reader)->head();
}

Result<std::shared_ptr<const EventReader>> AuditLog::reader() const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    return std::shared_ptr<const EventReader>(*reader);
}

VerificationReport AuditLog::verify() const
{
    // A connection of its own: a damaged page poisons the connection that read it.
    const ChainVerifier verifier([this] { return d->openConnection(Connection::Mode::ReadOnly); });
    return verifier.run();
}

Result<void> AuditLog::rekey(const KeyProvider &newKeys, const Actor &by, const QString &reason)
{
    Event event;
    event.actor = by;
    event.action = Action::KeyRotated;
    event.object = {QStringLiteral("audit_log"), d->m_meta.logId, QString(), QFileInfo(d->m_path).fileName()};
    event.reason = reason;
    if (auto valid = validateEvent(event, d->m_meta.reasonRequired); !valid)
        return valid.error();

    auto newKey = Connection::usableKey(newKeys);
    QMutexLocker lock(&d->m_mutex);
    if (!newKey) {
        // Nothing was changed; the attempt is on record all the same.
        event.attributes.insert(QStringLiteral("key_kind"), QStringLiteral("unknown"));
        return KeyRotation(*d).failed(event, newKey.error());
    }
    return KeyRotation(*d).rotate(*newKey, keyKindName(*newKey), event);
}

Result<void> AuditLog::rebuildSummary()
{
    QMutexLocker lock(&d->m_mutex);
    auto connection = d->liveConnection();
    if (!connection)
        return connection.error();
    Transaction transaction(**connection);
    if (auto r = transaction.begin(); !r)
        return r;
    if (auto r = (*connection)->exec(SchemaSql::RebuildSummary); !r)
        return r;
    auto head = d->readHead(**connection);
    if (!head)
        return head.error();
    if (auto r = RollupWriter(**connection).rebuild(head->recordedAtUs); !r)
        return r;
    return transaction.commit();
}

} // namespace QmsAudit
