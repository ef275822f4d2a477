// SPDX-License-Identifier: LGPL-2.1-or-later
// ChainCheck on records that never were in a database: the check verifies a stream.
#include "integrity/canonicalencoding_p.h"
#include "integrity/chaincheck_p.h"
#include "integrity/hashchain_p.h"

#include "testlog.h"

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

using Kind = VerificationFinding::Kind;

struct Chain {
    QByteArray genesis = HashChain::genesis(QStringLiteral("00000000-0000-4000-8000-000000000001"), QStringLiteral("edit"));
    QList<QByteArray> payloads;
    QList<QByteArray> hashes;
};

/// Five events, encoded and chained as the writer does, one minute apart.
Chain makeChain()
{
    Chain chain;
    QByteArray previous = chain.genesis;
    for (int i = 0; i < 5; ++i) {
        Event e = sampleEvent(i);
        e.seq = i + 1;
        e.recordedAtUs = 1'767'225'600'000'000 + i * 60'000'000;
        chain.payloads.append(CanonicalEncoding::encode(e));
        previous = HashChain::link(previous, chain.payloads.last());
        chain.hashes.append(previous);
    }
    return chain;
}

VerificationReport check(const Chain &chain, const QList<int> &order)
{
    VerificationReport report;
    ChainCheck checker(chain.genesis, report);
    for (int index : order) {
        StoredRecord record;
        record.seq = index + 1;
        record.payload = chain.payloads[index];
        record.hash = chain.hashes[index];
        checker.add(record);
    }
    checker.finish();
    report.ok = report.findings.isEmpty();
    return report;
}

} // namespace

TEST(ChainCheck, AcceptsAnIntactStreamAndReportsItsHead)
{
    const Chain chain = makeChain();
    const VerificationReport report = check(chain, {0, 1, 2, 3, 4});
    EXPECT_TRUE(report.ok) << report.summary().toStdString();
    EXPECT_EQ(report.eventCount, 5);
    EXPECT_EQ(report.lastSeq, 5);
    EXPECT_EQ(report.headHash, chain.hashes.last());
}

TEST(ChainCheck, FindsAMissingRecordAndAnEditedPayloadInTheStream)
{
    Chain chain = makeChain();
    VerificationReport gap = check(chain, {0, 1, 3, 4});
    ASSERT_FALSE(gap.ok);
    EXPECT_EQ(gap.findings.first().kind, Kind::Gap);
    EXPECT_EQ(gap.firstBadSeq(), 3);

    chain.payloads[2][40] = char(chain.payloads[2][40] ^ 0x01);
    const VerificationReport edited = check(chain, {0, 1, 2, 3, 4});
    ASSERT_FALSE(edited.ok);
    EXPECT_EQ(edited.firstBadSeq(), 3);
}

TEST(ChainCheck, AnotherGenesisBreaksTheFirstLink)
{
    Chain chain = makeChain();
    chain.genesis = HashChain::genesis(QStringLiteral("00000000-0000-4000-8000-000000000001"), QString()); // policy emptied
    const VerificationReport report = check(chain, {0, 1, 2, 3, 4});
    ASSERT_FALSE(report.ok);
    EXPECT_EQ(report.findings.size(), 1); // seq 2 onwards chain from the stored hashes
    EXPECT_EQ(report.findings.first().kind, Kind::HashMismatch);
    EXPECT_EQ(report.findings.first().seq, 1);
}
