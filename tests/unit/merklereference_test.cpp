// SPDX-License-Identifier: LGPL-2.1-or-later
// The incremental tree and the proofs made from stored subtree hashes against RFC 9162's
// recursive definitions, written plainly over the list of leaf hashes: every size 1..70, every
// leaf and every pair of sizes.
#include "memorymerkletree.h"

#include "merkle/merklehash_p.h"
#include "merkle/merkleproofs_p.h"

#include <gtest/gtest.h>

#include <bit>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

constexpr qint64 MaxSize = 70;

using Leaves = QList<QByteArray>;

qint64 largestPowerOfTwoBelow(qint64 n)
{
    qint64 k = 1;
    while (k * 2 < n)
        k *= 2;
    return k;
}

/// MTH(D[begin:end]), §2.1.1.
QByteArray referenceRoot(const Leaves &leaves, qint64 begin, qint64 end)
{
    const qint64 n = end - begin;
    if (n == 0)
        return MerkleHash::emptyRoot();
    if (n == 1)
        return leaves[begin];
    const qint64 k = largestPowerOfTwoBelow(n);
    return MerkleHash::node(referenceRoot(leaves, begin, begin + k), referenceRoot(leaves, begin + k, end));
}

/// PATH(m, D[begin:end]), §2.1.3.1.
QList<QByteArray> referencePath(const Leaves &leaves, qint64 m, qint64 begin, qint64 end)
{
    const qint64 n = end - begin;
    if (n == 1)
        return {};
    const qint64 k = largestPowerOfTwoBelow(n);
    if (m < k)
        return referencePath(leaves, m, begin, begin + k) << referenceRoot(leaves, begin + k, end);
    return referencePath(leaves, m - k, begin + k, end) << referenceRoot(leaves, begin, begin + k);
}

/// SUBPROOF(m, D[begin:end], b), §2.1.4.1.
QList<QByteArray> referenceSubproof(const Leaves &leaves, qint64 m, qint64 begin, qint64 end, bool b)
{
    const qint64 n = end - begin;
    if (m == n)
        return b ? QList<QByteArray>() : QList<QByteArray>{referenceRoot(leaves, begin, end)};
    const qint64 k = largestPowerOfTwoBelow(n);
    if (m <= k)
        return referenceSubproof(leaves, m, begin, begin + k, b) << referenceRoot(leaves, begin + k, end);
    return referenceSubproof(leaves, m - k, begin + k, end, false) << referenceRoot(leaves, begin, begin + k);
}

Leaves makeLeaves(qint64 count)
{
    Leaves leaves;
    for (qint64 i = 0; i < count; ++i)
        leaves.append(MerkleHash::leaf("event " + QByteArray::number(i)));
    return leaves;
}

int ceilLog2(qint64 n)
{
    return n <= 1 ? 0 : std::bit_width(quint64(n - 1));
}

} // namespace

TEST(MerkleReference, CompactRangeRootAndSubtreesMatchTheDefinitionAtEverySize)
{
    const Leaves leaves = makeLeaves(MaxSize);
    CompactRange range;
    for (qint64 size = 1; size <= MaxSize; ++size) {
        const qint64 before = range.size();
        const QList<SubtreeHash> completed = range.append(leaves[size - 1]);
        ASSERT_EQ(range.size(), size);
        EXPECT_EQ(range.root(), referenceRoot(leaves, 0, size)) << "size " << size;
        EXPECT_EQ(range.roots().size(), std::popcount(quint64(size))) << "size " << size;
        // The leaf, then one merge per trailing one bit of the size before.
        ASSERT_EQ(completed.size(), 1 + std::countr_one(quint64(before))) << "size " << size;
        for (int i = 0; i < completed.size(); ++i) {
            const SubtreeHash &subtree = completed[i];
            EXPECT_EQ(subtree.level, i);
            const qint64 width = qint64(1) << subtree.level;
            EXPECT_EQ((subtree.index + 1) * width, size) << "a completed subtree ends at the new leaf";
            EXPECT_EQ(subtree.hash, referenceRoot(leaves, subtree.index * width, size)) << "size " << size << " level " << i;
        }
    }
}

TEST(MerkleReference, RestoredRangeEqualsTheIncrementalOneAtEverySize)
{
    const Leaves leaves = makeLeaves(MaxSize);
    MemoryMerkleTree tree;
    QList<CompactRange> bySize{CompactRange()};
    for (const QByteArray &leaf : leaves) {
        tree.append(leaf);
        bySize.append(tree.range());
    }
    for (qint64 size = 0; size <= MaxSize; ++size) {
        Result<CompactRange> restored = CompactRange::restore(tree, size);
        ASSERT_TRUE(restored.ok()) << restored.error().message().toStdString();
        EXPECT_EQ(restored->size(), size);
        EXPECT_EQ(restored->roots(), bySize[size].roots()) << "size " << size;
        // It goes on appending like the original.
        if (size < MaxSize) {
            restored->append(leaves[size]);
            EXPECT_EQ(restored->root(), referenceRoot(leaves, 0, size + 1)) << "size " << size;
        }
    }
    EXPECT_EQ(CompactRange::restore(tree, MaxSize + 1).error().code(), ErrorCode::NotFound);
    EXPECT_EQ(CompactRange::restore(tree, -1).error().code(), ErrorCode::InvalidArgument);
}

TEST(MerkleReference, InclusionProofsMatchPathForEveryLeafOfEverySize)
{
    const Leaves leaves = makeLeaves(MaxSize);
    MemoryMerkleTree tree; // holds all 70 leaves: proofs for older sizes come from the same store
    for (const QByteArray &leaf : leaves)
        tree.append(leaf);
    for (qint64 size = 1; size <= MaxSize; ++size) {
        const QByteArray root = referenceRoot(leaves, 0, size);
        for (qint64 index = 0; index < size; ++index) {
            const Result<QList<QByteArray>> proof = MerkleProofs::inclusion(tree, index, size);
            ASSERT_TRUE(proof.ok()) << proof.error().message().toStdString();
            EXPECT_EQ(*proof, referencePath(leaves, index, 0, size)) << "leaf " << index << " of " << size;
            EXPECT_EQ(proof->size(), MerkleProofs::inclusionLength(index, size));
            EXPECT_LE(proof->size(), ceilLog2(size));
            const Result<void> verified = MerkleProofs::verifyInclusion(leaves[index], index, size, *proof, root);
            EXPECT_TRUE(verified.ok()) << "leaf " << index << " of " << size << ": " << verified.error().message().toStdString();
        }
    }
}

TEST(MerkleReference, ConsistencyProofsMatchProofForEveryPairOfSizes)
{
    const Leaves leaves = makeLeaves(MaxSize);
    MemoryMerkleTree tree;
    for (const QByteArray &leaf : leaves)
        tree.append(leaf);
    for (qint64 size2 = 1; size2 <= MaxSize; ++size2) {
        const QByteArray root2 = referenceRoot(leaves, 0, size2);
        for (qint64 size1 = 0; size1 <= size2; ++size1) {
            const Result<QList<QByteArray>> proof = MerkleProofs::consistency(tree, size1, size2);
            ASSERT_TRUE(proof.ok()) << proof.error().message().toStdString();
            const QList<QByteArray> expected = size1 == 0 ? QList<QByteArray>()
                                                          : referenceSubproof(leaves, size1, 0, size2, true);
            EXPECT_EQ(*proof, expected) << size1 << " to " << size2;
            EXPECT_EQ(proof->size(), MerkleProofs::consistencyLength(size1, size2));
            EXPECT_LE(proof->size(), ceilLog2(size2) + 1);
            const Result<void> verified =
                MerkleProofs::verifyConsistency(size1, referenceRoot(leaves, 0, size1), size2, root2, *proof);
            EXPECT_TRUE(verified.ok()) << size1 << " to " << size2 << ": " << verified.error().message().toStdString();
        }
    }
}

TEST(MerkleReference, ProofsOutsideTheTreeAreRefused)
{
    MemoryMerkleTree tree;
    for (const QByteArray &leaf : makeLeaves(5))
        tree.append(leaf);
    EXPECT_EQ(MerkleProofs::inclusion(tree, 5, 5).error().code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(MerkleProofs::inclusion(tree, -1, 5).error().code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(MerkleProofs::consistency(tree, 4, 3).error().code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(MerkleProofs::consistency(tree, -1, 3).error().code(), ErrorCode::InvalidArgument);
    // Sizes beyond what the store holds: its error comes through.
    EXPECT_EQ(MerkleProofs::inclusion(tree, 0, 6).error().code(), ErrorCode::NotFound);
    EXPECT_EQ(MerkleProofs::consistency(tree, 3, 6).error().code(), ErrorCode::NotFound);
}
