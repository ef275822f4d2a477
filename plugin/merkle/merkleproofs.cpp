// SPDX-License-Identifier: LGPL-2.1-or-later
#include "merkle/merkleproofs_p.h"

#include "merkle/merklehash_p.h"

#include <bit>

namespace QmsAudit {

namespace {

/// k of RFC 9162 §2.1.1: the largest power of two smaller than @p n (n > 1).
qint64 splitPoint(qint64 n)
{
    return qint64(std::bit_floor(quint64(n - 1)));
}

/**
 * MTH(D[begin:end]) from perfect subtrees. The ranges of the RFC's recursions start at a multiple
 * of a power of two at least as large as they are, so the bits of their size, highest first, name
 * aligned perfect subtrees; MTH splits the largest off on the left, so they fold from the right.
 */
Result<QByteArray> rangeRoot(const SubtreeHashes &hashes, qint64 begin, qint64 end)
{
    QList<QByteArray> pieces;
    qint64 position = begin;
    for (int level = std::bit_width(quint64(end - begin)) - 1; level >= 0; --level) {
        if (((end - begin) >> level & 1) == 0)
            continue;
        Result<QByteArray> hash = hashes.hash(level, position >> level);
        if (!hash)
            return hash.error();
        pieces.append(*hash);
        position += qint64(1) << level;
    }
    QByteArray root = pieces.takeLast();
    while (!pieces.isEmpty())
        root = MerkleHash::node(pieces.takeLast(), root);
    return root;
}

/// Appends PATH(m, D[begin:end]) of §2.1.3.1 to @p proof; @p m counts from @p begin.
Result<void> appendPath(const SubtreeHashes &hashes, qint64 m, qint64 begin, qint64 end, QList<QByteArray> &proof)
{
    const qint64 n = end - begin;
    if (n == 1)
        return {};
    const qint64 k = splitPoint(n);
    const bool inLeft = m < k;
    Result<void> below = inLeft ? appendPath(hashes, m, begin, begin + k, proof)
                                : appendPath(hashes, m - k, begin + k, end, proof);
    if (!below)
        return below;
    Result<QByteArray> sibling = inLeft ? rangeRoot(hashes, begin + k, end) : rangeRoot(hashes, begin, begin + k);
    if (!sibling)
        return sibling.error();
    proof.append(*sibling);
    return {};
}

/// Appends SUBPROOF(m, D[begin:end], b) of §2.1.4.1 to @p proof; @p m counts from @p begin.
Result<void> appendSubproof(const SubtreeHashes &hashes, qint64 m, qint64 begin, qint64 end, bool b,
                            QList<QByteArray> &proof)
{
    const qint64 n = end - begin;
    if (m == n) {
        if (b)
            return {}; // the verifier knows this root already
        Result<QByteArray> root = rangeRoot(hashes, begin, end);
        if (!root)
            return root.error();
        proof.append(*root);
        return {};
    }
    const qint64 k = splitPoint(n);
    const bool inLeft = m <= k;
    Result<void> below = inLeft ? appendSubproof(hashes, m, begin, begin + k, b, proof)
                                : appendSubproof(hashes, m - k, begin + k, end, false, proof);
    if (!below)
        return below;
    Result<QByteArray> sibling = inLeft ? rangeRoot(hashes, begin + k, end) : rangeRoot(hashes, begin, begin + k);
    if (!sibling)
        return sibling.error();
    proof.append(*sibling);
    return {};
}

bool lowBitSet(quint64 value)
{
    return (value & 1) != 0;
}

Error failure(const QString &message)
{
    return Error(ErrorCode::IntegrityFailure, message);
}

} // namespace

Result<QList<QByteArray>> MerkleProofs::inclusion(const SubtreeHashes &hashes, qint64 index, qint64 treeSize)
{
    if (index < 0 || index >= treeSize)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("Leaf %1 is not in a Merkle tree of %2 leaves.").arg(index).arg(treeSize));
    QList<QByteArray> proof;
    proof.reserve(inclusionLength(index, treeSize));
    Result<void> made = appendPath(hashes, index, 0, treeSize, proof);
    if (!made)
        return made.error();
    return proof;
}

Result<QList<QByteArray>> MerkleProofs::consistency(const SubtreeHashes &hashes, qint64 size1, qint64 size2)
{
    if (size1 < 0 || size1 > size2)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("A Merkle tree of %1 leaves is not an earlier state of one of %2.").arg(size1).arg(size2));
    QList<QByteArray> proof;
    if (size1 == 0 || size1 == size2)
        return proof; // every tree extends the empty tree and itself: nothing to prove
    proof.reserve(consistencyLength(size1, size2));
    Result<void> made = appendSubproof(hashes, size1, 0, size2, true, proof);
    if (!made)
        return made.error();
    return proof;
}

int MerkleProofs::inclusionLength(qint64 index, qint64 treeSize)
{
    // Below the level where the paths to the leaf and to the last leaf part, every level has a
    // sibling; above it, only the levels where the leaf's subtree has a left neighbour.
    const int inner = std::bit_width(quint64(index) ^ quint64(treeSize - 1));
    return inner + std::popcount(quint64(index) >> inner);
}

int MerkleProofs::consistencyLength(qint64 size1, qint64 size2)
{
    if (size1 == 0 || size1 == size2)
        return 0;
    // The inclusion path of the old tree's last leaf, without the levels inside the perfect
    // subtree that ends the old tree; its root comes first unless it is the old root itself.
    const int shift = std::countr_zero(quint64(size1));
    const int oldRootIsSubtree = std::has_single_bit(quint64(size1)) ? 0 : 1;
    return inclusionLength(size1 - 1, size2) - shift + oldRootIsSubtree;
}

Result<void> MerkleProofs::verifyInclusion(const QByteArray &leafHash, qint64 index, qint64 treeSize,
                                           const QList<QByteArray> &proof, const QByteArray &root)
{
    if (index < 0 || index >= treeSize)
        return failure(QStringLiteral("Inclusion proof: leaf %1 is not in a tree of %2 leaves.").arg(index).arg(treeSize));
    const auto wrongLength = [&] {
        return failure(QStringLiteral("Inclusion proof: %1 hashes, but the proof of leaf %2 in a tree of %3 leaves has %4.")
                           .arg(proof.size()).arg(index).arg(treeSize).arg(inclusionLength(index, treeSize)));
    };
    // The steps of §2.1.3.2, literally.
    quint64 fn = quint64(index);
    quint64 sn = quint64(treeSize - 1);
    QByteArray r = leafHash;
    for (const QByteArray &p : proof) {
        if (sn == 0)
            return wrongLength();
        if (lowBitSet(fn) || fn == sn) {
            r = MerkleHash::node(p, r);
            while (fn != 0 && !lowBitSet(fn)) {
                fn >>= 1;
                sn >>= 1;
            }
        } else {
            r = MerkleHash::node(r, p);
        }
        fn >>= 1;
        sn >>= 1;
    }
    if (sn != 0)
        return wrongLength();
    if (r != root)
        return failure(QStringLiteral("Inclusion proof: leaf %1 and the proof do not lead to the root of the tree of %2 leaves.")
                           .arg(index).arg(treeSize));
    return {};
}

Result<void> MerkleProofs::verifyConsistency(qint64 size1, const QByteArray &root1, qint64 size2,
                                             const QByteArray &root2, const QList<QByteArray> &proof)
{
    if (size1 < 0 || size1 > size2)
        return failure(QStringLiteral("Consistency proof: a tree of %1 leaves cannot be an earlier state of one of %2.")
                           .arg(size1).arg(size2));
    const auto wrongLength = [&] {
        return failure(QStringLiteral("Consistency proof: %1 hashes, but the proof from %2 to %3 leaves has %4.")
                           .arg(proof.size()).arg(size1).arg(size2).arg(consistencyLength(size1, size2)));
    };
    const auto mismatch = [](qint64 size) {
        return failure(QStringLiteral("Consistency proof: the proof does not lead to the given root of the tree of %1 leaves.").arg(size));
    };
    if (size1 == 0 || size1 == size2) {
        if (!proof.isEmpty())
            return wrongLength();
        if (size1 == 0 && root1 != MerkleHash::emptyRoot())
            return mismatch(0);
        if (size1 == size2 && root1 != root2)
            return mismatch(size2);
        return {};
    }
    // The steps of §2.1.4.2, literally.
    if (proof.isEmpty())
        return wrongLength();
    QList<QByteArray> path = proof;
    if (std::has_single_bit(quint64(size1)))
        path.prepend(root1);
    quint64 fn = quint64(size1 - 1);
    quint64 sn = quint64(size2 - 1);
    while (lowBitSet(fn)) {
        fn >>= 1;
        sn >>= 1;
    }
    QByteArray fr = path.first();
    QByteArray sr = path.first();
    for (qsizetype i = 1; i < path.size(); ++i) {
        const QByteArray &c = path[i];
        if (sn == 0)
            return wrongLength();
        if (lowBitSet(fn) || fn == sn) {
            fr = MerkleHash::node(c, fr);
            sr = MerkleHash::node(c, sr);
            while (fn != 0 && !lowBitSet(fn)) {
                fn >>= 1;
                sn >>= 1;
            }
        } else {
            sr = MerkleHash::node(sr, c);
        }
        fn >>= 1;
        sn >>= 1;
    }
    if (sn != 0)
        return wrongLength();
    if (fr != root1)
        return mismatch(size1);
    if (sr != root2)
        return mismatch(size2);
    return {};
}

} // namespace QmsAudit
