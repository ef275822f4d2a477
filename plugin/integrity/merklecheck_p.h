// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "merkle/compactrange_p.h"
#include "storage/statement_p.h"

#include <qmsaudit/verificationreport.h>

#include <QByteArrayView>

#include <array>
#include <optional>
#include <vector>

namespace QmsAudit {

class Connection;

/**
 * Recomputes the Merkle tree (SchemaSql::CreateMerkle) from the hashed records during the chain
 * scan and compares every stored subtree hash with it. Checkpoints sign roots computed from the
 * stored rows, so a row that does not follow from the events would make a signed checkpoint vouch
 * for a tree the events do not have. Each level is read in index order, the order in which appends
 * complete its subtrees, a batch of rows at a time: one statement per row and level interleaved
 * with the event scan cost three times a plain scan of the table (docs/performance.md). Call on the
 * connection and in the read transaction of the scan.
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
    /// Stored subtrees read per batch of a level.
    static constexpr int BatchRows = 2048;
    struct StoredSubtree {
        qint64 index = 0;
        std::array<char, 32> hash{};
    };
    /// The stored subtrees of one level, read in index order a batch at a time.
    struct Level {
        std::vector<StoredSubtree> batch;
        size_t next = 0; ///< the first row of batch not compared yet
        qint64 nextIndex = 0; ///< where the next batch starts
        bool end = false; ///< the last batch was short: the level has no more rows
    };
    /// The next stored row of @p level (1 and up) not compared yet, reading a batch when needed;
    /// nullptr at the level's end or if it cannot be read.
    const StoredSubtree *peek(int level);
    void compare(const SubtreeHash &subtree);

    Connection &m_connection;
    std::optional<Statement> m_select; ///< SchemaSql::SelectSubtreesOfLevel, prepared on first use
    CompactRange m_range;
    std::vector<Level> m_levels; ///< m_levels[level - 1]
    bool m_cannotRead = false;
    VerificationReport m_pending; ///< findings made while adding, moved into the report by finish()
};

} // namespace QmsAudit
