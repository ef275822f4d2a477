// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "merkle/merkletreewriter_p.h"
#include "rollup/rollupwriter_p.h"
#include "storage/connection_p.h"
#include "storage/schema_p.h"
#include "storage/summarywriter_p.h"
#include "storage/transaction_p.h"

#include <qmsaudit/auditlog.h>
#include <qmsaudit/eventreader.h>

#include <QMutex>

#include <memory>
#include <optional>

namespace QmsAudit {

class AuditLogPrivate
{
public:
    AuditLogPrivate(QString path, SecretKey key, const LogOptions &options);

    /// Opens the write connection with the cached key and loads the meta table.
    Result<void> connect();
    Result<std::unique_ptr<Connection>> openConnection(Connection::Mode mode) const;
    /// The connection, reopened first if an earlier failure closed it (caller holds m_mutex).
    Result<Connection *> liveConnection();
    Result<void> setJournalMode(const char *pragma, const char *expected);
    Result<ChainHead> readHead(Connection &connection) const;
    /// An open write transaction and the chain tail it extends.
    struct PendingAppend {
        std::optional<Transaction> transaction; ///< rolls back when destroyed uncommitted
        qint64 recordedAtUs = 0;                ///< one stamp for the whole transaction
        qint64 firstSeq = 0;
        qint64 lastSeq = 0;
        QByteArray lastHash;
    };
    /// BEGIN IMMEDIATE and read the chain tail (caller holds m_mutex).
    Result<void> beginAppend(PendingAppend &pending);
    /// Stamps, encodes, chains and inserts one event into @p pending's transaction; returns its seq.
    Result<qint64> insertEvent(PendingAppend &pending, Event event);
    /// COMMIT, resolving a failed one by looking at what reached the disk.
    Result<void> commitAppend(PendingAppend &pending);
    /// Stamps, encodes, chains and inserts @p events in one transaction (caller holds m_mutex).
    Result<QList<qint64>> appendLocked(const QList<Event> &events);
    /// After a failed COMMIT the outcome is unknown (docs/design-notes.md, pitfall 8): reconnect and look.
    Result<void> resolveUncertainCommit(const Error &commitError, qint64 lastSeq, const QByteArray &lastHash);
    Result<Event> decodeRow(const Statement &statement) const;
    /// The read side (EventReader on a read-only connection), opened on first use.
    Result<std::shared_ptr<EventReader>> reader();
    /// Replaces the cached key (key rotation) and drops the reader that used the old one.
    void setKey(SecretKey key);
    /// Drops the reader (the file was replaced under it).
    void dropReader();
    /// Finalises the writer's prepared statements: before the connection is replaced or rekeyed.
    void dropStatements();

    const QString m_path;
    SecretKey m_key; ///< kept (wiped on destruction) to open verification connections and reconnect
    const Clock &m_clock;
    const int m_busyTimeoutMs;
    Schema::Meta m_meta;
    QByteArray m_genesis;
    std::unique_ptr<Connection> m_connection;
    std::optional<Statement> m_insert;
    std::optional<Statement> m_insertText;
    std::optional<SummaryWriter> m_summary; ///< reset with m_insert: its statements belong to m_connection
    std::optional<RollupWriter> m_rollups;  ///< likewise
    std::optional<MerkleTreeWriter> m_tree; ///< likewise
    /// Always true, but in the benchmark that prices the tree's share of an append (a log written
    /// without it fails verify with Merkle mismatches and can make no proofs).
    bool m_maintainTree = true;
    mutable QMutex m_mutex;
    QMutex m_readerMutex; ///< guards m_reader and m_key changes; taken after m_mutex, never before
    std::shared_ptr<EventReader> m_reader;
};

} // namespace QmsAudit
