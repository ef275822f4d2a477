// SPDX-License-Identifier: LGPL-2.1-or-later
// Proof verification refuses what does not prove: every single-bit flip of a proof, a leaf hash
// or a root, other indexes, other sizes and truncated or extended proofs, for every proof of
// every tree up to 16 leaves.
#include "memorymerkletree.h"

#include "merkle/merklehash_p.h"
#include "merkle/merkleproofs_p.h"

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

constexpr qint64 MaxSize = 16;

struct Fixture
{
    QList<QByteArray> leaves;
    QList<QByteArray> roots; // by size
    MemoryMerkleTree tree;
};

Fixture makeFixture()
{
    Fixture fixture;
    fixture.roots.append(MerkleHash::emptyRoot());
    for (qint64 i = 0; i < MaxSize; ++i) {
        fixture.leaves.append(MerkleHash::leaf("event " + QByteArray::number(i)));
        fixture.tree.append(fixture.leaves.last());
        fixture.roots.append(fixture.tree.range().root());
    }
    return fixture;
}

/// Every copy of @p hash with exactly one bit flipped.
QList<QByteArray> bitFlips(const QByteArray &hash)
{
    QList<QByteArray> flips;
    for (qsizetype bit = 0; bit < hash.size() * 8; ++bit) {
        QByteArray flipped = hash;
        flipped[bit / 8] = char(flipped[bit / 8] ^ (1 << (bit % 8)));
        flips.append(flipped);
    }
    return flips;
}

bool mentionsLength(const Result<void> &result)
{
    return result.error().message().contains(QStringLiteral(" hashes, but the proof "));
}

} // namespace

TEST(MerkleVerification, InclusionRefusesEveryBitFlipOfProofLeafAndRoot)
{
    const Fixture f = makeFixture();
    for (qint64 size = 1; size <= MaxSize; ++size) {
        for (qint64 index = 0; index < size; ++index) {
            const QList<QByteArray> proof = *MerkleProofs::inclusion(f.tree, index, size);
            const QByteArray &leaf = f.leaves[index];
            const QByteArray &root = f.roots[size];
            ASSERT_TRUE(MerkleProofs::verifyInclusion(leaf, index, size, proof, root).ok());
            for (qsizetype i = 0; i < proof.size(); ++i) {
                for (const QByteArray &flipped : bitFlips(proof[i])) {
                    QList<QByteArray> tampered = proof;
                    tampered[i] = flipped;
                    const Result<void> result = MerkleProofs::verifyInclusion(leaf, index, size, tampered, root);
                    ASSERT_FALSE(result.ok()) << "leaf " << index << " of " << size << ", hash " << i;
                    EXPECT_EQ(result.error().code(), ErrorCode::IntegrityFailure);
                }
            }
            for (const QByteArray &flipped : bitFlips(root))
                ASSERT_FALSE(MerkleProofs::verifyInclusion(leaf, index, size, proof, flipped).ok());
            for (const QByteArray &flipped : bitFlips(leaf))
                ASSERT_FALSE(MerkleProofs::verifyInclusion(flipped, index, size, proof, root).ok());
        }
    }
}

TEST(MerkleVerification, InclusionRefusesOtherIndexesAndSizesAndChangedLengths)
{
    const Fixture f = makeFixture();
    for (qint64 size = 1; size <= MaxSize; ++size) {
        for (qint64 index = 0; index < size; ++index) {
            const QList<QByteArray> proof = *MerkleProofs::inclusion(f.tree, index, size);
            const QByteArray &leaf = f.leaves[index];
            const QByteArray &root = f.roots[size];
            for (qint64 other = -1; other <= size; ++other) {
                if (other != index) {
                    EXPECT_FALSE(MerkleProofs::verifyInclusion(leaf, other, size, proof, root).ok())
                        << "leaf " << index << " of " << size << " as leaf " << other;
                }
            }
            // A size whose proofs have another length fails on the length; the leaf must be in it.
            for (qint64 other = 0; other <= 2 * MaxSize; ++other) {
                if (other == size)
                    continue;
                const Result<void> result = MerkleProofs::verifyInclusion(leaf, index, other, proof, root);
                if (index >= other || MerkleProofs::inclusionLength(index, other) != proof.size()) {
                    EXPECT_FALSE(result.ok()) << "leaf " << index << " of " << size << " as of " << other;
                }
                if (index < other && MerkleProofs::inclusionLength(index, other) != proof.size()) {
                    EXPECT_TRUE(mentionsLength(result)) << result.error().message().toStdString();
                }
            }
            EXPECT_FALSE(MerkleProofs::verifyInclusion(leaf, index, size * 2, proof, root).ok());
            if (index < size / 2) {
                EXPECT_FALSE(MerkleProofs::verifyInclusion(leaf, index, size / 2, proof, root).ok());
            }
            if (!proof.isEmpty()) {
                const Result<void> truncated = MerkleProofs::verifyInclusion(leaf, index, size, proof.first(proof.size() - 1), root);
                EXPECT_FALSE(truncated.ok());
                EXPECT_TRUE(mentionsLength(truncated)) << truncated.error().message().toStdString();
            }
            const Result<void> extended = MerkleProofs::verifyInclusion(leaf, index, size, QList<QByteArray>(proof) << root, root);
            EXPECT_FALSE(extended.ok());
            EXPECT_TRUE(mentionsLength(extended)) << extended.error().message().toStdString();
        }
    }
}

TEST(MerkleVerification, ConsistencyRefusesEveryBitFlipOfProofAndRoots)
{
    const Fixture f = makeFixture();
    for (qint64 size2 = 1; size2 <= MaxSize; ++size2) {
        for (qint64 size1 = 0; size1 <= size2; ++size1) {
            const QList<QByteArray> proof = *MerkleProofs::consistency(f.tree, size1, size2);
            const QByteArray &root1 = f.roots[size1];
            const QByteArray &root2 = f.roots[size2];
            ASSERT_TRUE(MerkleProofs::verifyConsistency(size1, root1, size2, root2, proof).ok());
            for (qsizetype i = 0; i < proof.size(); ++i) {
                for (const QByteArray &flipped : bitFlips(proof[i])) {
                    QList<QByteArray> tampered = proof;
                    tampered[i] = flipped;
                    const Result<void> result = MerkleProofs::verifyConsistency(size1, root1, size2, root2, tampered);
                    ASSERT_FALSE(result.ok()) << size1 << " to " << size2 << ", hash " << i;
                    EXPECT_EQ(result.error().code(), ErrorCode::IntegrityFailure);
                }
            }
            for (const QByteArray &flipped : bitFlips(root1))
                ASSERT_FALSE(MerkleProofs::verifyConsistency(size1, flipped, size2, root2, proof).ok()) << size1 << " to " << size2;
            // The empty tree is a prefix of every tree: from size 0 nothing binds the new root.
            if (size1 == 0)
                continue;
            for (const QByteArray &flipped : bitFlips(root2))
                ASSERT_FALSE(MerkleProofs::verifyConsistency(size1, root1, size2, flipped, proof).ok()) << size1 << " to " << size2;
        }
    }
}

TEST(MerkleVerification, ConsistencyRefusesOtherSizesSwappedRootsAndChangedLengths)
{
    const Fixture f = makeFixture();
    for (qint64 size2 = 2; size2 <= MaxSize; ++size2) {
        for (qint64 size1 = 1; size1 < size2; ++size1) {
            const QList<QByteArray> proof = *MerkleProofs::consistency(f.tree, size1, size2);
            const QByteArray &root1 = f.roots[size1];
            const QByteArray &root2 = f.roots[size2];
            EXPECT_FALSE(MerkleProofs::verifyConsistency(size1, root2, size2, root1, proof).ok()) << "swapped roots";
            EXPECT_FALSE(MerkleProofs::verifyConsistency(size2, root2, size1, root1, proof).ok()) << "time travel";
            for (qint64 other = 0; other <= size2; ++other) {
                if (other != size1) {
                    EXPECT_FALSE(MerkleProofs::verifyConsistency(other, root1, size2, root2, proof).ok())
                        << size1 << " to " << size2 << " as from " << other;
                }
            }
            for (qint64 other = size1; other <= 2 * MaxSize; ++other) {
                if (other == size2)
                    continue;
                const Result<void> result = MerkleProofs::verifyConsistency(size1, root1, other, root2, proof);
                if (MerkleProofs::consistencyLength(size1, other) != proof.size()) {
                    EXPECT_FALSE(result.ok()) << size1 << " to " << size2 << " as to " << other;
                    EXPECT_TRUE(mentionsLength(result)) << result.error().message().toStdString();
                }
            }
            EXPECT_FALSE(MerkleProofs::verifyConsistency(size1, root1, size2 * 2, root2, proof).ok());
            const Result<void> truncated = MerkleProofs::verifyConsistency(size1, root1, size2, root2, proof.first(proof.size() - 1));
            EXPECT_FALSE(truncated.ok());
            EXPECT_TRUE(mentionsLength(truncated)) << truncated.error().message().toStdString();
            const Result<void> empty = MerkleProofs::verifyConsistency(size1, root1, size2, root2, {});
            EXPECT_FALSE(empty.ok());
            EXPECT_TRUE(mentionsLength(empty)) << empty.error().message().toStdString();
            EXPECT_FALSE(MerkleProofs::verifyConsistency(size1, root1, size2, root2, QList<QByteArray>(proof) << root2).ok());
            EXPECT_FALSE(MerkleProofs::verifyConsistency(size1, root1, size2, root2, QList<QByteArray>{root1} + proof).ok());
        }
    }
}

TEST(MerkleVerification, ConsistencyOfEqualSizesAndFromTheEmptyTreeNeedsNoHashes)
{
    const Fixture f = makeFixture();
    EXPECT_TRUE(MerkleProofs::verifyConsistency(0, MerkleHash::emptyRoot(), 5, f.roots[5], {}).ok());
    EXPECT_TRUE(MerkleProofs::verifyConsistency(5, f.roots[5], 5, f.roots[5], {}).ok());
    EXPECT_TRUE(MerkleProofs::verifyConsistency(0, MerkleHash::emptyRoot(), 0, MerkleHash::emptyRoot(), {}).ok());
    EXPECT_FALSE(MerkleProofs::verifyConsistency(0, f.roots[1], 5, f.roots[5], {}).ok()) << "an empty tree has one root";
    EXPECT_FALSE(MerkleProofs::verifyConsistency(5, f.roots[5], 5, f.roots[4], {}).ok()) << "one size, two roots";
    EXPECT_FALSE(mentionsLength(MerkleProofs::verifyConsistency(5, f.roots[5], 5, f.roots[4], {})));
    EXPECT_TRUE(mentionsLength(MerkleProofs::verifyConsistency(5, f.roots[5], 5, f.roots[5], {f.roots[5]})));
    EXPECT_TRUE(mentionsLength(MerkleProofs::verifyConsistency(0, MerkleHash::emptyRoot(), 5, f.roots[5], {f.roots[5]})));
}

TEST(MerkleVerification, TheRootAloneDoesNotBindTheTreeSize)
{
    // Leaf 0 of 3 has the path [leaf 1, leaf 2]; read as a tree of 4, leaf 2 passes for the root
    // of leaves 2-3 and the path leads to the same root. Checkpoints sign size and root together.
    const Fixture f = makeFixture();
    const QList<QByteArray> proof = *MerkleProofs::inclusion(f.tree, 0, 3);
    EXPECT_TRUE(MerkleProofs::verifyInclusion(f.leaves[0], 0, 4, proof, f.roots[3]).ok());
    EXPECT_FALSE(MerkleProofs::verifyInclusion(f.leaves[0], 0, 4, proof, f.roots[4]).ok());
}
