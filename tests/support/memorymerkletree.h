// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "merkle/compactrange_p.h"
#include "merkle/subtreehashes_p.h"

#include <QList>

namespace QmsAudit::Test {

/// A Merkle tree kept in memory as a store would keep it: the compact range and every perfect
/// subtree hash its appends completed.
class MemoryMerkleTree : public SubtreeHashes
{
public:
    /// Appends a leaf by its hash; returns what CompactRange::append() completed.
    QList<SubtreeHash> append(const QByteArray &leafHash);
    const CompactRange &range() const { return m_range; }
    Result<QByteArray> hash(int level, qint64 index) const override;

private:
    CompactRange m_range;
    QList<QList<QByteArray>> m_levels; // m_levels[level][index]
};

} // namespace QmsAudit::Test
