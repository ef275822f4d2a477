// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "merkle/subtreehashes_p.h"

#include <qmsaudit/result.h>

#include <QByteArray>
#include <QList>

namespace QmsAudit {

/**
 * Inclusion and consistency proofs of RFC 9162 §2.1.3 and §2.1.4, made from the perfect-subtree
 * hashes of a SubtreeHashes source and verified from hashes alone. Leaf indexes count from 0, tree
 * sizes are leaf counts. A proof holds at most ceil(log2 n) hashes (one more for some consistency
 * proofs), and making one reads O(log n) stored hashes.
 */
class MerkleProofs
{
public:
    /// PATH(index, D[treeSize]) of §2.1.3.1: the audit path of leaf @p index.
    static Result<QList<QByteArray>> inclusion(const SubtreeHashes &hashes, qint64 index, qint64 treeSize);
    /// PROOF(size1, D[size2]) of §2.1.4.1; empty when size1 is 0 or equals size2.
    static Result<QList<QByteArray>> consistency(const SubtreeHashes &hashes, qint64 size1, qint64 size2);

    /// How many hashes inclusion() returns, for 0 <= index < treeSize.
    static int inclusionLength(qint64 index, qint64 treeSize);
    /// How many hashes consistency() returns, for 0 <= size1 <= size2.
    static int consistencyLength(qint64 size1, qint64 size2);

    /// §2.1.3.2: does @p proof lead from leaf @p index's hash to @p root of a tree of @p treeSize?
    static Result<void> verifyInclusion(const QByteArray &leafHash, qint64 index, qint64 treeSize,
                                        const QList<QByteArray> &proof, const QByteArray &root);
    /// §2.1.4.2: is the tree of @p size1 leaves and root @p root1 a prefix of the one of @p size2?
    static Result<void> verifyConsistency(qint64 size1, const QByteArray &root1, qint64 size2,
                                          const QByteArray &root2, const QList<QByteArray> &proof);
};

} // namespace QmsAudit
