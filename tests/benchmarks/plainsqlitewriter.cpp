// SPDX-License-Identifier: LGPL-2.1-or-later
#include "plainsqlitewriter.h"

#include "integrity/canonicalencoding_p.h"
#include "integrity/hashchain_p.h"
#include "storage/schemasql_p.h"

#include <sqlite3.h>

#include <QUuid>

#include <algorithm>
#include <map>
#include <tuple>

namespace QmsAudit::Bench {
namespace {

using Durability = AuditTrailConfig::Durability;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

qint64 nowUtcMicros()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void bindText(sqlite3_stmt *statement, int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void bindBlob(sqlite3_stmt *statement, int index, const QByteArray &bytes)
{
    sqlite3_bind_blob(statement, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
}

} // namespace

std::unique_ptr<PlainSqliteWriter> PlainSqliteWriter::create(const QString &path, const AuditTrailConfig &config, QString *error)
{
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        *error = QStringLiteral("sqlite3_open_v2(%1): %2").arg(path, QString::fromUtf8(sqlite3_errstr(rc)));
        sqlite3_close_v2(db);
        return nullptr;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 10000);
    std::unique_ptr<PlainSqliteWriter> writer(new PlainSqliteWriter(db, config));
    // The settings QmsAudit applies on every connection (docs/storage.md), minus the cipher.
    // page_size 4096 matches cipher_page_size 4096; secure_delete is on in Debian's SQLCipher.
    for (const char *sql : {"PRAGMA page_size = 4096", "PRAGMA temp_store = MEMORY", "PRAGMA secure_delete = ON",
                            "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"}) {
        if (!writer->exec(sql)) {
            *error = QStringLiteral("%1: %2").arg(QString::fromUtf8(sql), writer->lastError());
            return nullptr;
        }
    }
    if (!writer->exec("BEGIN IMMEDIATE") || !writer->exec(SchemaSql::Create) || !writer->exec(SchemaSql::CreateText)
        || !writer->exec(SchemaSql::RefuseReplacingMeta)
        || !writer->exec(SchemaSql::CreateReadIndexes) || !writer->exec(SchemaSql::CreateSummary) || !writer->exec("COMMIT")) {
        *error = QStringLiteral("creating the schema: %1").arg(writer->lastError());
        return nullptr;
    }
    if (!writer->prepareStatements(error))
        return nullptr;
    writer->m_thread = std::thread([w = writer.get()] { w->run(); });
    return writer;
}

PlainSqliteWriter::PlainSqliteWriter(sqlite3 *db, const AuditTrailConfig &config)
    : m_db(db)
    , m_genesis(HashChain::genesis(QUuid::createUuid().toString(QUuid::WithoutBraces)))
    , m_config(config)
{
}

PlainSqliteWriter::~PlainSqliteWriter()
{
    stop();
    sqlite3_finalize(m_head);
    sqlite3_finalize(m_insert);
    sqlite3_finalize(m_insertText);
    for (sqlite3_stmt *statement : m_summary)
        sqlite3_finalize(statement);
    sqlite3_close_v2(m_db);
}

bool PlainSqliteWriter::prepareStatements(QString *error)
{
    // The statements AuditLog runs, from the same source.
    if (sqlite3_prepare_v2(m_db, SchemaSql::SelectHead, -1, &m_head, nullptr) != SQLITE_OK
        || sqlite3_prepare_v2(m_db, SchemaSql::InsertEvent, -1, &m_insert, nullptr) != SQLITE_OK
        || sqlite3_prepare_v2(m_db, SchemaSql::InsertText, -1, &m_insertText, nullptr) != SQLITE_OK
        || sqlite3_prepare_v2(m_db, SchemaSql::EnsureSummaryRow, -1, &m_summary[0], nullptr) != SQLITE_OK
        || sqlite3_prepare_v2(m_db, SchemaSql::AddToSummaryRow, -1, &m_summary[1], nullptr) != SQLITE_OK
        || sqlite3_prepare_v2(m_db, SchemaSql::EnsureActorSummaryRow, -1, &m_summary[2], nullptr) != SQLITE_OK
        || sqlite3_prepare_v2(m_db, SchemaSql::AddToActorSummaryRow, -1, &m_summary[3], nullptr) != SQLITE_OK) {
        *error = QStringLiteral("preparing: %1").arg(lastError());
        return false;
    }
    return true;
}

bool PlainSqliteWriter::exec(const char *sql)
{
    return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

QString PlainSqliteWriter::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

RecordTicket PlainSqliteWriter::submit(Event event)
{
    RecordTicket ticket;
    {
        std::unique_lock lock(m_mutex);
        if (m_stopping)
            return RecordTicket::failed(Error(ErrorCode::Unavailable, QStringLiteral("stopping")));
        const auto hasRoom = [this] { return m_queue.size() < std::size_t(m_config.queueCapacity) || m_stopping; };
        if (!hasRoom() && m_config.backPressure == AuditTrailConfig::BackPressure::Block)
            m_room.wait_for(lock, milliseconds(m_config.blockTimeoutMs), hasRoom);
        if (!hasRoom() || m_stopping)
            return RecordTicket::failed(Error(ErrorCode::QueueFull, QStringLiteral("queue full")));
        m_queue.push_back({std::move(event), ticket, steady_clock::now()});
        ++m_submitted;
    }
    m_wake.notify_one();
    return ticket;
}

bool PlainSqliteWriter::flush(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    const quint64 target = m_submitted;
    m_flushRequested = true;
    m_wake.notify_one();
    const auto done = [this, target] { return m_finished >= target; };
    if (timeoutMs < 0) {
        m_progress.wait(lock, done);
        return true;
    }
    return m_progress.wait_for(lock, milliseconds(timeoutMs), done);
}

void PlainSqliteWriter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_room.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

quint64 PlainSqliteWriter::commitCount() const
{
    std::lock_guard lock(m_mutex);
    return m_commits;
}

quint64 PlainSqliteWriter::submittedCount() const
{
    std::lock_guard lock(m_mutex);
    return m_submitted;
}

// The same loop as GroupCommitWriter::run() without the probing of an unavailable log.
void PlainSqliteWriter::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] { return !m_queue.empty() || m_stopping || m_flushRequested; });
        if (m_config.durability == Durability::Buffered && !m_queue.empty()) {
            const auto deadline = m_queue.front().queuedAt + milliseconds(m_config.flushIntervalMs);
            m_wake.wait_until(lock, deadline, [this] {
                return m_stopping || m_flushRequested || m_queue.size() >= std::size_t(m_config.maxBatch);
            });
        }
        std::vector<Pending> batch;
        while (!m_queue.empty() && batch.size() < std::size_t(m_config.maxBatch)) {
            batch.push_back(std::move(m_queue.front()));
            m_queue.pop_front();
        }
        if (m_queue.empty())
            m_flushRequested = false;
        if (batch.empty()) {
            m_progress.notify_all();
            if (m_stopping)
                return;
            continue;
        }
        lock.unlock();
        m_room.notify_all();
        writeBatch(batch);
        lock.lock();
        m_finished += batch.size();
        m_progress.notify_all();
    }
}

void PlainSqliteWriter::writeBatch(std::vector<Pending> &batch)
{
    const auto fail = [&batch, this](const QString &what) {
        const Error error(ErrorCode::IoError, QStringLiteral("%1: %2").arg(what, lastError()));
        exec("ROLLBACK");
        for (Pending &pending : batch)
            pending.ticket.fail(error);
    };
    if (!exec("BEGIN IMMEDIATE"))
        return fail(QStringLiteral("BEGIN"));
    // The chain tail under the write lock, as AuditLogPrivate::appendLocked reads it.
    qint64 seq = 0;
    qint64 headRecordedAt = 0;
    QByteArray previousHash = m_genesis;
    const int rc = sqlite3_step(m_head);
    if (rc == SQLITE_ROW) {
        seq = sqlite3_column_int64(m_head, 0);
        previousHash = QByteArray(static_cast<const char *>(sqlite3_column_blob(m_head, 1)), sqlite3_column_bytes(m_head, 1));
        headRecordedAt = sqlite3_column_int64(m_head, 2);
    }
    sqlite3_reset(m_head);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(QStringLiteral("reading the chain tail"));

    const qint64 recordedAt = std::max(nowUtcMicros(), headRecordedAt);
    std::vector<qint64> seqs;
    seqs.reserve(batch.size());
    for (const Pending &pending : batch) {
        Event event = pending.event;
        event.seq = ++seq;
        event.recordedAtUs = recordedAt;
        const QByteArray payload = CanonicalEncoding::encode(event);
        const QByteArray hash = HashChain::link(previousHash, payload);
        sqlite3_bind_int64(m_insert, 1, event.seq);
        sqlite3_bind_int64(m_insert, 2, event.recordedAtUs);
        if (event.occurredAtUs)
            sqlite3_bind_int64(m_insert, 3, *event.occurredAtUs);
        else
            sqlite3_bind_null(m_insert, 3);
        bindText(m_insert, 4, event.actor.id);
        bindText(m_insert, 5, actionName(event.action));
        bindText(m_insert, 6, event.object.type);
        bindText(m_insert, 7, event.object.id);
        bindText(m_insert, 8, outcomeName(event.outcome));
        bindText(m_insert, 9, event.object.title);
        bindText(m_insert, 10, event.reason);
        bindBlob(m_insert, 11, payload);
        bindBlob(m_insert, 12, hash);
        const int inserted = sqlite3_step(m_insert);
        sqlite3_reset(m_insert);
        if (inserted != SQLITE_DONE)
            return fail(QStringLiteral("INSERT"));
        sqlite3_bind_int64(m_insertText, 1, event.seq);
        bindText(m_insertText, 2, event.object.title);
        bindText(m_insertText, 3, event.reason);
        sqlite3_bind_int64(m_insertText, 4, (event.seq - 1) / SchemaSql::DefaultTextPartitionEvents);
        const int indexed = sqlite3_step(m_insertText);
        sqlite3_reset(m_insertText);
        if (indexed != SQLITE_DONE)
            return fail(QStringLiteral("INSERT INTO events_text"));
        previousHash = hash;
        seqs.push_back(event.seq);
    }
    if (!addToSummary(recordedAt, batch))
        return fail(QStringLiteral("updating the summary"));
    if (!exec("COMMIT"))
        return fail(QStringLiteral("COMMIT"));
    {
        std::lock_guard lock(m_mutex);
        ++m_commits;
    }
    for (std::size_t i = 0; i < batch.size(); ++i)
        batch[i].ticket.complete(seqs[i]);
}

bool PlainSqliteWriter::addToSummary(qint64 recordedAt, const std::vector<Pending> &batch)
{
    // What SummaryWriter does in the library, with the same statements.
    std::map<std::tuple<Action, QString, Outcome>, qint64> counts;
    std::map<QString, qint64> actorCounts;
    for (const Pending &pending : batch) {
        ++counts[{pending.event.action, pending.event.object.type, pending.event.outcome}];
        ++actorCounts[pending.event.actor.id];
    }
    const qint64 day = recordedAt / 86'400'000'000;
    auto run = [](sqlite3_stmt *statement) {
        const int rc = sqlite3_step(statement);
        sqlite3_reset(statement);
        return rc == SQLITE_DONE;
    };
    for (const auto &[key, n] : counts) {
        const auto &[action, objectType, outcome] = key;
        for (sqlite3_stmt *statement : {m_summary[0], m_summary[1]}) {
            sqlite3_bind_int64(statement, 1, day);
            bindText(statement, 2, actionName(action));
            bindText(statement, 3, objectType);
            bindText(statement, 4, outcomeName(outcome));
            if (statement == m_summary[1])
                sqlite3_bind_int64(statement, 5, n);
            if (!run(statement))
                return false;
        }
    }
    for (const auto &[actor, n] : actorCounts) {
        for (sqlite3_stmt *statement : {m_summary[2], m_summary[3]}) {
            sqlite3_bind_int64(statement, 1, day);
            bindText(statement, 2, actor);
            if (statement == m_summary[3])
                sqlite3_bind_int64(statement, 3, n);
            if (!run(statement))
                return false;
        }
    }
    return true;
}

} // namespace QmsAudit::Bench
