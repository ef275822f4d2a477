// SPDX-License-Identifier: LGPL-2.1-or-later
// The published RFC 6962 test vectors: 8 leaves, their roots, subtree hashes and proofs, as in
// github.com/transparency-dev/merkle, testonly/constants.go and proof/verify_test.go. Their
// inclusion vectors count leaves from 1; here indexes count from 0.
#include "memorymerkletree.h"

#include "merkle/merklehash_p.h"
#include "merkle/merkleproofs_p.h"

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

QList<QByteArray> hexList(std::initializer_list<const char *> texts)
{
    QList<QByteArray> list;
    for (const char *text : texts)
        list.append(hex(text));
    return list;
}

const QList<QByteArray> LeafData = hexList({"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                                            "606162636465666768696a6b6c6d6e6f"});

/// RootHashes(): index = tree size.
const QList<QByteArray> Roots = hexList({
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
});

/// NodeHashes(): every perfect subtree of the 8-leaf tree, [level][index].
const QList<QList<QByteArray>> NodeHashes = {
    hexList({"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
             "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
             "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
             "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
             "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
             "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
             "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
             "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"}),
    hexList({"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
             "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
             "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
             "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"}),
    hexList({"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
             "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}),
    hexList({"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"}),
};

struct ProofVector
{
    qint64 first;  ///< the leaf index, or the old size
    qint64 second; ///< the tree size, or the new size
    QList<QByteArray> proof;
};

const QList<ProofVector> InclusionVectors = {
    {0, 1, {}},
    {0, 8, hexList({"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"})},
    {5, 8, hexList({"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"})},
    {2, 3, hexList({"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"})},
    {1, 5, hexList({"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"})},
};

const QList<ProofVector> ConsistencyVectors = {
    {1, 1, {}},
    {1, 8, hexList({"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"})},
    {6, 8, hexList({"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"})},
    {2, 5, hexList({"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"})},
    {6, 7, hexList({"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"})},
};

MemoryMerkleTree vectorTree()
{
    MemoryMerkleTree tree;
    for (const QByteArray &data : LeafData)
        tree.append(MerkleHash::leaf(data));
    return tree;
}

} // namespace

TEST(MerkleVectors, EmptyTreeRootIsTheHashOfNothing)
{
    EXPECT_EQ(MerkleHash::emptyRoot(), Roots[0]);
    EXPECT_EQ(CompactRange().root(), Roots[0]);
}

TEST(MerkleVectors, LeafHashesAreThePublishedOnes)
{
    for (qsizetype i = 0; i < LeafData.size(); ++i)
        EXPECT_EQ(MerkleHash::leaf(LeafData[i]), NodeHashes[0][i]) << "leaf " << i;
}

TEST(MerkleVectors, CompactRangeGivesThePublishedRootForEverySize)
{
    CompactRange range;
    for (qsizetype i = 0; i < LeafData.size(); ++i) {
        range.append(MerkleHash::leaf(LeafData[i]));
        EXPECT_EQ(range.root(), Roots[i + 1]) << "size " << i + 1;
    }
}

TEST(MerkleVectors, CompactRangeHoldsThePublishedCompactTrees)
{
    // CompactTrees() of constants.go: the perfect subtrees on the right edge, largest first.
    const QList<QList<QByteArray>> expected = {
        {NodeHashes[0][0]},
        {NodeHashes[1][0]},
        {NodeHashes[1][0], NodeHashes[0][2]},
        {NodeHashes[2][0]},
        {NodeHashes[2][0], NodeHashes[0][4]},
        {NodeHashes[2][0], NodeHashes[1][2]},
        {NodeHashes[2][0], NodeHashes[1][2], NodeHashes[0][6]},
        {NodeHashes[3][0]},
    };
    CompactRange range;
    for (qsizetype i = 0; i < LeafData.size(); ++i) {
        range.append(MerkleHash::leaf(LeafData[i]));
        EXPECT_EQ(range.roots(), expected[i]) << "size " << i + 1;
    }
}

TEST(MerkleVectors, AppendsCompleteExactlyThePublishedSubtreeHashes)
{
    const MemoryMerkleTree tree = vectorTree();
    for (int level = 0; level < NodeHashes.size(); ++level) {
        for (qsizetype index = 0; index < NodeHashes[level].size(); ++index) {
            const Result<QByteArray> stored = tree.hash(level, index);
            ASSERT_TRUE(stored.ok()) << stored.error().message().toStdString();
            EXPECT_EQ(*stored, NodeHashes[level][index]) << "level " << level << " index " << index;
        }
        EXPECT_FALSE(tree.hash(level, NodeHashes[level].size()).ok()) << "level " << level;
    }
    EXPECT_FALSE(tree.hash(int(NodeHashes.size()), 0).ok());
}

TEST(MerkleVectors, InclusionProofsAreThePublishedOnesAndVerify)
{
    const MemoryMerkleTree tree = vectorTree();
    for (const ProofVector &vector : InclusionVectors) {
        const Result<QList<QByteArray>> proof = MerkleProofs::inclusion(tree, vector.first, vector.second);
        ASSERT_TRUE(proof.ok()) << proof.error().message().toStdString();
        EXPECT_EQ(*proof, vector.proof) << "leaf " << vector.first << " of " << vector.second;
        const Result<void> verified = MerkleProofs::verifyInclusion(
            MerkleHash::leaf(LeafData[vector.first]), vector.first, vector.second, vector.proof, Roots[vector.second]);
        EXPECT_TRUE(verified.ok()) << verified.error().message().toStdString();
    }
}

TEST(MerkleVectors, ConsistencyProofsAreThePublishedOnesAndVerify)
{
    const MemoryMerkleTree tree = vectorTree();
    for (const ProofVector &vector : ConsistencyVectors) {
        const Result<QList<QByteArray>> proof = MerkleProofs::consistency(tree, vector.first, vector.second);
        ASSERT_TRUE(proof.ok()) << proof.error().message().toStdString();
        EXPECT_EQ(*proof, vector.proof) << vector.first << " to " << vector.second;
        const Result<void> verified = MerkleProofs::verifyConsistency(
            vector.first, Roots[vector.first], vector.second, Roots[vector.second], vector.proof);
        EXPECT_TRUE(verified.ok()) << verified.error().message().toStdString();
    }
}
