// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "storage/connection_p.h"
#include "storage/schema_p.h"
#include "storage/summarywriter_p.h"

#include <qmsaudit/auditlog.h>

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
    /// Stamps, encodes, chains and inserts @p events in one transaction (caller holds m_mutex).
    Result<QList<qint64>> appendLocked(const QList<Event> &events);
    /// After a failed COMMIT the outcome is unknown (docs/design-notes.md, pitfall 8): reconnect and look.
    Result<QList<qint64>> resolveUncertainCommit(const Error &commitError, const QList<qint64> &seqs, const QByteArray &lastHash);
    Result<void> rekeyLocked(const SecretKey &newKey, const QString &newKeyKind);
    Result<void> restoreBackup(const QString &backupPath);
    Result<Event> decodeRow(const Statement &statement) const;

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
    mutable QMutex m_mutex;
};

} // namespace QmsAudit
