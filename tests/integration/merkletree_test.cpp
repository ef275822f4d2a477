// SPDX-License-Identifier: LGPL-2.1-or-later
// The Merkle tree the writer keeps beside the events: the same tree an in-memory reference builds
// from the payloads, proofs from it that verify, and verify's recount of every stored hash.
#include <qmsaudit/auditlog.h>
#include <qmsaudit/eventreader.h>

#include "integrity/canonicalencoding_p.h"
#include "memorymerkletree.h"
#include "merkle/merklehash_p.h"
#include "sqlciphershell.h"
#include "testlog.h"

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

using Kind = VerificationFinding::Kind;

class MerkleTreeTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto log = dir.create();
        ASSERT_TRUE(log);
        m_log = std::move(log);
    }

    /// The reference tree over the stored events' canonical encodings, as they are now.
    MemoryMerkleTree referenceTree()
    {
        MemoryMerkleTree tree;
        auto reader = m_log->reader();
        EXPECT_TRUE(reader);
        const qint64 head = (*reader)->head()->seq;
        for (qint64 seq = 1; seq <= head; ++seq)
            tree.append(MerkleHash::leaf(CanonicalEncoding::encode((*reader)->eventAt(seq).value())));
        return tree;
    }

    void tamper(const QString &sql)
    {
        m_log.reset();
        const auto r = runSqlcipher(dir.logPath(), dir.keyHex(),
                                    QStringLiteral("DROP TRIGGER merkle_subtree_no_update; DROP TRIGGER merkle_subtree_no_delete;\n") + sql);
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }

    VerificationReport reopenAndVerify()
    {
        m_log.reset();
        auto log = AuditLog::open(dir.logPath(), dir.keys());
        EXPECT_TRUE(log) << log.error().message().toStdString();
        return log ? (*log)->verify() : VerificationReport{};
    }

    static int merkleFindings(const VerificationReport &report)
    {
        return int(std::count_if(report.findings.cbegin(), report.findings.cend(), [](const auto &f) { return f.kind == Kind::MerkleMismatch; }));
    }

    TestLogDir dir;
    std::unique_ptr<AuditLog> m_log;
};

} // namespace

TEST_F(MerkleTreeTest, EveryEarlierTreeIsTheReferenceTreeOfItsEvents)
{
    // Single appends and batches of several sizes, so that merges cross transaction boundaries.
    int i = 0;
    for (int batch : {1, 1, 3, 1, 7, 2, 16, 1, 5, 9}) {
        QList<Event> events;
        for (int k = 0; k < batch; ++k)
            events.append(sampleEvent(i++));
        ASSERT_TRUE(m_log->appendAll(events));
    }
    const MemoryMerkleTree reference = referenceTree();
    auto reader = m_log->reader().value();
    ASSERT_EQ(reader->treeHead()->size, i);
    EXPECT_EQ(reader->treeHead()->rootHash, reference.range().root());
    EXPECT_EQ(reader->treeHeadAt(0)->rootHash, MerkleHash::emptyRoot());
    for (qint64 size = 1; size <= i; ++size) {
        MemoryMerkleTree prefix;
        for (qint64 leaf = 0; leaf < size; ++leaf)
            prefix.append(reference.hash(0, leaf).value());
        EXPECT_EQ(reader->treeHeadAt(size)->rootHash, prefix.range().root()) << "size " << size;
    }
    // The verifier recomputes the same root from the records it reads.
    const VerificationReport report = m_log->verify();
    EXPECT_TRUE(report.ok) << report.summary().toStdString();
    EXPECT_EQ(report.treeRoot, reference.range().root());
}

TEST_F(MerkleTreeTest, InclusionAndConsistencyProofsVerifyForEverySizeAndSeq)
{
    for (int i = 0; i < 37; ++i)
        ASSERT_TRUE(m_log->append(sampleEvent(i)));
    auto reader = m_log->reader().value();
    for (qint64 size = 1; size <= 37; ++size) {
        const TreeHead head = reader->treeHeadAt(size).value();
        for (qint64 seq = 1; seq <= size; ++seq) {
            const InclusionProof proof = reader->inclusionProof(seq, size).value();
            EXPECT_EQ(proof.leafHash, InclusionProof::leafHashOf(CanonicalEncoding::encode(reader->eventAt(seq).value())));
            EXPECT_EQ(proof.leafHash, InclusionProof::leafHashOf(reader->encodingAt(seq).value()));
            EXPECT_TRUE(proof.verify(head.rootHash)) << seq << " in " << size;
            // The proof of one event does not prove another.
            InclusionProof other = proof;
            other.leafHash = reader->inclusionProof(seq == 1 ? 2 : 1, std::max<qint64>(size, 2)).value().leafHash;
            if (size > 1) {
                EXPECT_FALSE(other.verify(head.rootHash)) << seq << " in " << size;
            }
        }
        for (qint64 oldSize = 0; oldSize <= size; ++oldSize) {
            const ConsistencyProof proof = reader->consistencyProof(oldSize, size).value();
            EXPECT_TRUE(proof.verify(reader->treeHeadAt(oldSize)->rootHash, head.rootHash)) << oldSize << " to " << size;
        }
    }
}

TEST_F(MerkleTreeTest, ProofsBeyondTheHeadAreRefusedWithTheEventCount)
{
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(m_log->append(sampleEvent(i)));
    auto reader = m_log->reader().value();
    for (const Error &error : {reader->treeHeadAt(6).error(), reader->inclusionProof(3, 6).error(), reader->inclusionProof(6, 5).error(),
                               reader->inclusionProof(0, 5).error(), reader->consistencyProof(4, 6).error(),
                               reader->consistencyProof(5, 4).error()}) {
        EXPECT_EQ(error.code(), ErrorCode::InvalidArgument) << error.message().toStdString();
    }
    EXPECT_EQ(reader->encodingAt(6).error().code(), ErrorCode::NotFound);
    EXPECT_TRUE(reader->treeHeadAt(6).error().message().contains(QStringLiteral("has 5 events"))) << reader->treeHeadAt(6).error().message().toStdString();
}

TEST_F(MerkleTreeTest, WritersTakingTurnsOnOneFileKeepOneTree)
{
    auto second = AuditLog::open(dir.logPath(), dir.keys());
    ASSERT_TRUE(second);
    for (int i = 0; i < 24; ++i) // each writer's range is stale after the other's turn
        ASSERT_TRUE((i % 3 == 0 ? *second : m_log)->append(sampleEvent(i)));
    EXPECT_EQ(m_log->reader().value()->treeHead()->rootHash, referenceTree().range().root());
    EXPECT_TRUE(m_log->verify().ok);
}

TEST_F(MerkleTreeTest, ARolledBackBatchLeavesNoHashesBehind)
{
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(m_log->append(sampleEvent(i)));
    QList<Event> batch{sampleEvent(3), sampleEvent(4), sampleEvent(5)};
    batch.last().actor.id.clear(); // invalid: the whole batch is refused after two inserts
    ASSERT_FALSE(m_log->appendAll(batch));
    ASSERT_TRUE(m_log->append(sampleEvent(6)));
    EXPECT_EQ(m_log->reader().value()->treeHead()->size, 4);
    EXPECT_EQ(m_log->reader().value()->treeHead()->rootHash, referenceTree().range().root());
    const VerificationReport report = m_log->verify();
    EXPECT_TRUE(report.ok) << report.summary().toStdString();
}

TEST_F(MerkleTreeTest, TheTreeIsAppendOnlyLikeTheEvents)
{
    for (int i = 0; i < 4; ++i)
        ASSERT_TRUE(m_log->append(sampleEvent(i)));
    m_log.reset();
    for (const char *sql : {"UPDATE merkle_subtree SET hash = zeroblob(32) WHERE level = 1 AND idx = 0;",
                            "DELETE FROM merkle_subtree WHERE level = 2;"}) {
        const auto r = runSqlcipher(dir.logPath(), dir.keyHex(), QString::fromLatin1(sql));
        EXPECT_NE(r.exitCode, 0);
        EXPECT_TRUE(r.err.contains(QStringLiteral("the Merkle tree is append-only"))) << r.err.toStdString();
    }
}

TEST_F(MerkleTreeTest, VerifyNamesAChangedHashAndTheSeqsItCovers)
{
    for (int i = 0; i < 20; ++i)
        ASSERT_TRUE(m_log->append(sampleEvent(i)));
    tamper(QStringLiteral("UPDATE merkle_subtree SET hash = zeroblob(32) WHERE level = 2 AND idx = 1;"));
    const VerificationReport report = reopenAndVerify();
    EXPECT_FALSE(report.ok);
    ASSERT_EQ(merkleFindings(report), 1) << report.summary().toStdString();
    EXPECT_TRUE(report.summary().contains(QStringLiteral("hash of level 2, index 1 (seqs 5-8) does not follow from the events")))
        << report.summary().toStdString();
}

TEST_F(MerkleTreeTest, VerifyNamesMissingAndStrayHashes)
{
    for (int i = 0; i < 20; ++i)
        ASSERT_TRUE(m_log->append(sampleEvent(i)));
    // One missing in the middle of a level, one stray after a level's end and one above the top
    // level: the row count stays what 20 events make, so only reading them in order finds these.
    tamper(QStringLiteral("DELETE FROM merkle_subtree WHERE level = 1 AND idx = 3;"
                          "INSERT INTO merkle_subtree VALUES (3, 7, zeroblob(32));"
                          "DELETE FROM merkle_subtree WHERE level = 1 AND idx = 9;"
                          "INSERT INTO merkle_subtree VALUES (9, 0, zeroblob(32));"));
    const VerificationReport report = reopenAndVerify();
    EXPECT_FALSE(report.ok);
    QStringList details;
    for (const auto &f : report.findings) {
        EXPECT_EQ(f.kind, Kind::MerkleMismatch);
        details.append(f.detail);
    }
    EXPECT_EQ(details, QStringList({QStringLiteral("the Merkle tree lacks the hash of level 1, index 3 (seqs 7-8)"),
                                    QStringLiteral("the Merkle tree lacks the hash of level 1, index 9 (seqs 19-20)"),
                                    QStringLiteral("the Merkle tree has a stray hash at level 3, index 7 (seqs 57-64)"),
                                    QStringLiteral("the Merkle tree has a stray hash at level 9, index 0 (seqs 1-512)")}));
}

TEST_F(MerkleTreeTest, VerifyComparesEveryLevelPastItsFirstBatchOfStoredRows)
{
    // 4,500 events make 2,250 subtrees of level 1: verify reads them in batches of 2,048 rows
    // (MerkleCheck::BatchRows), so these findings lie at and after a batch boundary.
    for (int first = 0; first < 4500; first += 500) {
        QList<Event> events;
        for (int i = first; i < first + 500; ++i)
            events.append(sampleEvent(i));
        ASSERT_TRUE(m_log->appendAll(events));
    }
    EXPECT_TRUE(reopenAndVerify().ok);
    tamper(QStringLiteral("DELETE FROM merkle_subtree WHERE level = 1 AND idx = 2048;"
                          "UPDATE merkle_subtree SET hash = zeroblob(32) WHERE level = 1 AND idx = 2100;"
                          "INSERT INTO merkle_subtree VALUES (1, 2250, zeroblob(32));"));
    const VerificationReport report = reopenAndVerify();
    EXPECT_FALSE(report.ok);
    QStringList details;
    for (const auto &f : report.findings)
        details.append(f.detail);
    EXPECT_EQ(details, QStringList({QStringLiteral("the Merkle tree lacks the hash of level 1, index 2048 (seqs 4097-4098)"),
                                    QStringLiteral("the Merkle tree's hash of level 1, index 2100 (seqs 4201-4202) does not follow from the events"),
                                    QStringLiteral("the Merkle tree has a stray hash at level 1, index 2250 (seqs 4501-4502)")}));
}
