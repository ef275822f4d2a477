// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/audittrailconfig.h>
#include <qmsaudit/event.h>
#include <qmsaudit/recordticket.h>

#include <QByteArray>
#include <QString>

#include <array>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace QmsAudit::Bench {

/**
 * The baseline of the benchmarks: the same rows as a QmsAudit log (canonical payload, SHA-256
 * chain hash, the same tables, indexes and statements: plugin/storage/schemasql_p.h), written
 * through the same queue and batching logic as
 * GroupCommitWriter (durable: commit whatever is queued as soon as possible; buffered: commit
 * every flushIntervalMs or maxBatch events), with the same durability (WAL, synchronous=FULL),
 * but on the plain system libsqlite3: no encryption, no event validation, no key fetch per batch,
 * no clock-anomaly or loss bookkeeping.
 *
 * Benchmark code only; errors are reported as strings.
 */
class PlainSqliteWriter
{
public:
    /// Creates the database at @p path and starts the writer thread; nullptr and @p error on failure.
    static std::unique_ptr<PlainSqliteWriter> create(const QString &path, const AuditTrailConfig &config, QString *error);
    /// Writes everything still queued, then stops.
    ~PlainSqliteWriter();
    PlainSqliteWriter(const PlainSqliteWriter &) = delete;
    PlainSqliteWriter &operator=(const PlainSqliteWriter &) = delete;

    /// Queues @p event (back-pressure as AuditTrailConfig::BackPressure::Block / Fail).
    RecordTicket submit(Event event);
    /// Waits until every event submitted before the call is committed or failed.
    bool flush(int timeoutMs = -1);
    /// Writes everything queued, then ends the thread. Idempotent.
    void stop();

    /// Transactions committed so far (for the events-per-commit counter).
    quint64 commitCount() const;
    /// Events queued so far.
    quint64 submittedCount() const;

private:
    struct Pending {
        Event event;
        RecordTicket ticket;
        std::chrono::steady_clock::time_point queuedAt;
    };

    PlainSqliteWriter(sqlite3 *db, const AuditTrailConfig &config);
    bool prepareStatements(QString *error);
    void run();
    /// One transaction: reads the chain tail, encodes, hashes and inserts @p batch, commits.
    void writeBatch(std::vector<Pending> &batch);
    /// The per-day summary, as the library's SummaryWriter keeps it.
    bool addToSummary(qint64 recordedAt, const std::vector<Pending> &batch);
    bool exec(const char *sql);
    QString lastError() const;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_head = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    sqlite3_stmt *m_insertText = nullptr;
    std::array<sqlite3_stmt *, 4> m_summary{}; ///< ensure/add day row, ensure/add actor row
    QByteArray m_genesis;
    const AuditTrailConfig m_config;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_room;
    std::condition_variable m_progress;
    std::deque<Pending> m_queue;
    quint64 m_submitted = 0;
    quint64 m_finished = 0;
    quint64 m_commits = 0;
    bool m_flushRequested = false;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace QmsAudit::Bench
