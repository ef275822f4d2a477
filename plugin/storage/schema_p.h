// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/action.h>
#include <qmsaudit/result.h>

#include <QSet>
#include <QString>

#include "storage/schemasql_p.h"

namespace QmsAudit {

class Connection;

/// The on-disk layout of a log (docs/storage.md) and its migrations.
class Schema
{
public:
    /// Bump when the layout changes and add a step to migrate().
    /// 1: first layout. 2: the text index is filled by the writer instead of a trigger.
    /// 3: replacing inserts into meta are refused; new logs bind their policy into the genesis.
    /// 4: read indexes for keyset pages in seq order (SchemaSql::CreateReadIndexes) and the
    /// per-day summary kept by the writer (SchemaSql::CreateSummary). 5: the summary's counts
    /// lose NOT NULL, so that updating them keeps no statement journal. 6: the text index is
    /// partitioned by seq (SchemaSql::CreateText). 7: per-month rollups for the management
    /// review and a partial index of changes without a reason (SchemaSql::CreateRollups).
    /// 8: the Merkle tree over the events (SchemaSql::CreateMerkle).
    static constexpr int CurrentVersion = 8;

    /// What the meta table records about a log.
    struct Meta {
        QString logId;
        qint64 createdAtUs = 0;
        int schemaVersion = CurrentVersion;
        QSet<Action> reasonRequired;
        QString keyKind; ///< "raw" or "passphrase"
        /// Whether the genesis binds the policy (meta "genesis" = "v2"): logs created at layout 3
        /// or later. Older logs keep their v1 genesis; migrating cannot re-chain their events.
        bool policyBound = true;
        /// Consecutive seqs per text index partition (meta text_partition_events, layout 6).
        qint64 textPartitionEvents = SchemaSql::DefaultTextPartitionEvents;
        /// The text index partition of @p seq (FTS4 languageid "part").
        qint64 textPartition(qint64 seq) const { return (seq - 1) / textPartitionEvents; }

        /// The chain's starting value for this log.
        QByteArray genesis() const;
        /// reasonRequired as stored: action names in declaration order, comma-separated.
        QString reasonRequiredText() const;
    };

    /// Creates tables, indexes and append-only triggers and writes @p meta. Caller owns the transaction.
    static Result<void> create(Connection &connection, const Meta &meta);
    /// Reads the meta table: NotALog if this is not a QmsAudit log, an error if it is newer than us.
    static Result<Meta> load(Connection &connection);
    /// Brings an older log up to CurrentVersion (caller owns the transaction) and records the version.
    static Result<void> migrate(Connection &connection, int fromVersion);
    /// Records the key kind after a rekey (the only meta value that may change besides the version).
    static Result<void> setKeyKind(Connection &connection, const QString &keyKind);
};

} // namespace QmsAudit
