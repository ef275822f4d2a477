// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "merkle/compactrange_p.h"
#include "storage/statement_p.h"

#include <qmsaudit/verificationreport.h>

#include <QByteArrayView>

#include <optional>
#include <vector>

namespace QmsAudit {

class Connection;

/**
 * Recomputes the Merkle tree (SchemaSql::CreateMerkle) from the hashed records during the chain
 * scan and compares every stored subtree hash with it. Checkpoints sign roots computed from the
 * stored rows, so a row that does not follow from the events would make a signed checkpoint vouch
 * for a tree the events do not have. Each level is read by a cursor of its own in index order, the
 * order in which appends complete its subtrees: one pass, no look-ups. Call on the connection and
 * in the read transaction of the scan.
 */
class MerkleCheck
{
public:
    explicit MerkleCheck(Connection &connection);

    /// Adds the record with canonical encoding @p payload as the next leaf.
    void add(QByteArrayView payload);
    /// Looks for stored hashes beyond the tree of the records; sets the report's tree root.
    void finish(VerificationReport &report);

private:
    /// The stored subtrees of one level, read in index order.
    struct Level {
        std::optional<Statement> select;
        bool peeked = false; ///< select holds a row not compared yet
        bool end = false;
    };
    /// The cursor of @p level (1 and up), opened on first use; nullptr if it cannot be.
    Level *level(int level);
    void compare(const SubtreeHash &subtree);

    Connection &m_connection;
    CompactRange m_range;
    std::vector<Level> m_levels; ///< m_levels[level - 1]
    bool m_cannotRead = false;
    VerificationReport m_pending; ///< findings made while adding, moved into the report by finish()
};

} // namespace QmsAudit
