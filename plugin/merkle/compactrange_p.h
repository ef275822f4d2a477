// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "merkle/subtreehashes_p.h"

#include <qmsaudit/result.h>

#include <QByteArray>
#include <QList>

namespace QmsAudit {

/**
 * The right edge of a Merkle tree of size() leaves: the roots of its perfect subtrees, one per set
 * bit of size(), largest (leftmost) first. That is all append() and root() need, so the tree is
 * maintained in O(log n) memory without reading old leaves. An append merges as many roots as the
 * size has trailing one bits: O(1) hashes amortised, O(log n) at worst.
 */
class CompactRange
{
public:
    /// The range of size @p size rebuilt from stored hashes: popcount(size) look-ups.
    static Result<CompactRange> restore(const SubtreeHashes &hashes, qint64 size);

    qint64 size() const { return m_size; }
    /// The perfect-subtree roots, largest first; at most log2(size) + 1 of them.
    const QList<QByteArray> &roots() const { return m_roots; }

    /**
     * Adds the leaf with hash @p leafHash (MerkleHash::leaf() of its data) at index size().
     * Returns the perfect subtrees this append completed, lowest level first: the leaf itself at
     * level 0, then one per merge. A store that keeps these can answer every proof later.
     */
    QList<SubtreeHash> append(const QByteArray &leafHash);

    /// MTH of the first size() leaves (RFC 9162 §2.1.1); MerkleHash::emptyRoot() for none.
    QByteArray root() const;

private:
    qint64 m_size = 0;
    QList<QByteArray> m_roots;
};

} // namespace QmsAudit
