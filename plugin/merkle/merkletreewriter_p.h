// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "merkle/compactrange_p.h"
#include "storage/statement_p.h"

#include <qmsaudit/result.h>

#include <QByteArrayView>

#include <optional>

namespace QmsAudit {

class Connection;

/**
 * Keeps a log's Merkle tree (SchemaSql::CreateMerkle) as events are appended: the compact range of
 * the committed tree in memory, and every perfect subtree an append completes written in the
 * append's own transaction. An append costs one leaf hash, one node hash and one row on average.
 * The range follows the transaction: begin() starts from the committed tree (rebuilt from the
 * table when another writer extended the log meanwhile), commit() keeps what was appended.
 */
class MerkleTreeWriter
{
public:
    explicit MerkleTreeWriter(Connection &connection);

    /// Starts a transaction's appends on a tree of @p size leaves (the chain head's seq).
    Result<void> begin(qint64 size);
    /// Adds the event with canonical encoding @p payload as the next leaf.
    Result<void> append(QByteArrayView payload);
    /// The transaction committed: its appends become the committed tree.
    void commit() { m_committed = m_pending; }

    /// Writes the whole tree of the events in the table (migration to layout 8); caller owns the transaction.
    static Result<void> build(Connection &connection);

private:
    Connection &m_connection;
    std::optional<Statement> m_insert;
    std::optional<CompactRange> m_committed; ///< read from the table on first use
    CompactRange m_pending;
};

} // namespace QmsAudit
