// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "merkle/subtreehashes_p.h"
#include "storage/statement_p.h"

#include <optional>

namespace QmsAudit {

class Connection;

/**
 * The perfect-subtree hashes of a log's Merkle tree as stored (SchemaSql::CreateMerkle): levels 1
 * and up from the merkle_subtree table, level 0 (leaf hashes) computed from the event's payload.
 * Reads on the caller's connection, whose mutex the caller holds while it is in use.
 */
class StoredSubtreeHashes final : public SubtreeHashes
{
public:
    explicit StoredSubtreeHashes(const Connection &connection);
    Result<QByteArray> hash(int level, qint64 index) const override;

private:
    const Connection &m_connection;
    mutable std::optional<Statement> m_selectSubtree;
    mutable std::optional<Statement> m_selectPayload;
};

} // namespace QmsAudit
