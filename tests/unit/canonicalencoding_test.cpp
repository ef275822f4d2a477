// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/canonicalencoding_p.h"
#include "integrity/hashchain_p.h"

#include "testlog.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace QmsAudit;

namespace {

Event fullEvent()
{
    Event e;
    e.seq = 42;
    e.recordedAtUs = 1'767'225'600'123'456;
    e.occurredAtUs = 1'767'000'000'000'000;
    e.actor = {QStringLiteral("u42"), QStringLiteral("Zoë Ångström"), {QStringLiteral("qa_manager"), QStringLiteral("author")}};
    e.action = Action::Edit;
    e.object = {QStringLiteral("procedure"), QStringLiteral("SOP-017"), QStringLiteral("C"), QStringLiteral("Kalibrierung – Drehmoment")};
    e.outcome = Outcome::Success;
    e.reason = QStringLiteral("Annual review\nper CAPA-9");
    e.changes = {{QStringLiteral("interval_days"), QStringLiteral("365"), QStringLiteral("180")},
                 {QStringLiteral("owner"), QString(), QStringLiteral("u7")}};
    e.signatureMeaning = QString();
    e.session = QStringLiteral("sess-1");
    e.host = {QStringLiteral("qms-desk"), QStringLiteral("4.2.0"), QStringLiteral("WS-LAB-3")};
    e.attributes = {{QStringLiteral("site"), QStringLiteral("Linz")}, {QStringLiteral("dept"), QStringLiteral("QA")}};
    return e;
}

} // namespace

TEST(CanonicalEncoding, MatchesTheDocumentedV1TestVector)
{
    // tests/data/canonical-v1-event.hex is the vector printed in docs/canonical-encoding.md.
    // If this fails, the encoding changed: every existing log would stop verifying.
    const QByteArray expected = QByteArray::fromHex(QmsAudit::Test::readFile(QStringLiteral(QMSAUDIT_TEST_DATA_DIR "/canonical-v1-event.hex")).trimmed());
    ASSERT_FALSE(expected.isEmpty());
    EXPECT_EQ(CanonicalEncoding::encode(fullEvent()).toHex(), expected.toHex());
}

TEST(CanonicalEncoding, HasTheDocumentedLayout)
{
    const QByteArray bytes = CanonicalEncoding::encode(fullEvent());
    EXPECT_EQ(bytes.left(4), QByteArray("QAE\x01", 4));
    EXPECT_EQ(bytes.mid(4, 8), QByteArray::fromHex("000000000000002a"));  // seq 42, big-endian
    EXPECT_EQ(bytes.mid(12, 8), QByteArray::fromHex("0006474846222240")); // recorded_at
    EXPECT_EQ(bytes.at(20), 1);                                          // occurred_at present
    EXPECT_EQ(bytes.mid(29, 4), QByteArray::fromHex("00000003"));         // len("u42")
    EXPECT_EQ(bytes.mid(33, 3), QByteArray("u42"));
}

TEST(CanonicalEncoding, DecodeInvertsEncode)
{
    const Event e = fullEvent();
    auto decoded = CanonicalEncoding::decode(CanonicalEncoding::encode(e));
    ASSERT_TRUE(decoded) << decoded.error().message().toStdString();
    EXPECT_EQ(*decoded, e);

    Event minimal;
    minimal.seq = 1;
    minimal.actor.id = QStringLiteral("a");
    auto decodedMinimal = CanonicalEncoding::decode(CanonicalEncoding::encode(minimal));
    ASSERT_TRUE(decodedMinimal);
    EXPECT_EQ(*decodedMinimal, minimal);
    EXPECT_FALSE(decodedMinimal->occurredAtUs.has_value());
}

TEST(CanonicalEncoding, AttributeInsertionOrderDoesNotMatter)
{
    Event a = fullEvent();
    Event b = fullEvent();
    b.attributes.clear();
    b.attributes.insert(QStringLiteral("site"), QStringLiteral("Linz"));
    b.attributes.insert(QStringLiteral("dept"), QStringLiteral("QA"));
    EXPECT_EQ(CanonicalEncoding::encode(a), CanonicalEncoding::encode(b));
}

TEST(CanonicalEncoding, EveryFieldChangesTheBytes)
{
    const QByteArray base = CanonicalEncoding::encode(fullEvent());
    auto differs = [&base](auto mutate) {
        Event e = fullEvent();
        mutate(e);
        return CanonicalEncoding::encode(e) != base;
    };
    EXPECT_TRUE(differs([](Event &e) { e.seq = 43; }));
    EXPECT_TRUE(differs([](Event &e) { e.recordedAtUs += 1; }));
    EXPECT_TRUE(differs([](Event &e) { e.occurredAtUs.reset(); }));
    EXPECT_TRUE(differs([](Event &e) { e.actor.roles.removeLast(); }));
    EXPECT_TRUE(differs([](Event &e) { e.action = Action::Revise; }));
    EXPECT_TRUE(differs([](Event &e) { e.object.version = QStringLiteral("D"); }));
    EXPECT_TRUE(differs([](Event &e) { e.outcome = Outcome::Failed; }));
    EXPECT_TRUE(differs([](Event &e) { e.changes[0].oldValue = QStringLiteral("366"); }));
    EXPECT_TRUE(differs([](Event &e) { e.host.workstation.clear(); }));
    EXPECT_TRUE(differs([](Event &e) { e.attributes[QStringLiteral("site")] = QStringLiteral("Graz"); }));
    // Field boundaries are unambiguous: moving a character between neighbours changes the bytes.
    EXPECT_TRUE(differs([](Event &e) { e.object.type = QStringLiteral("procedureS"); e.object.id = QStringLiteral("OP-017"); }));
}

TEST(CanonicalEncoding, DecodeRejectsEveryTruncationAndTrailingBytes)
{
    const QByteArray bytes = CanonicalEncoding::encode(fullEvent());
    for (qsizetype n = 0; n < bytes.size(); ++n)
        EXPECT_FALSE(CanonicalEncoding::decode(bytes.left(n))) << "prefix of " << n << " bytes decoded";
    EXPECT_FALSE(CanonicalEncoding::decode(bytes + '\0'));
    QByteArray wrongVersion = bytes;
    wrongVersion[3] = 2;
    EXPECT_FALSE(CanonicalEncoding::decode(wrongVersion));
}

TEST(HashChain, GenesisMatchesAnIndependentSha256)
{
    // printf 'QmsAudit genesis v1\n00000000-0000-4000-8000-000000000001' | sha256sum
    EXPECT_EQ(HashChain::genesis(QStringLiteral("00000000-0000-4000-8000-000000000001")).toHex(),
              QByteArray("a04218960881a4702310c1a2852ae2602856b3a5a509b37caa16a6343d698e30"));
    EXPECT_NE(HashChain::genesis(QStringLiteral("a")), HashChain::genesis(QStringLiteral("b")));
}

TEST(HashChain, PolicyBoundGenesisMatchesAnIndependentSha256)
{
    // printf 'QmsAudit genesis v2\n00000000-0000-4000-8000-000000000001\nreason_required=create,edit,revise,delete,obsolete,restore\n' | sha256sum
    const QString id = QStringLiteral("00000000-0000-4000-8000-000000000001");
    EXPECT_EQ(HashChain::genesis(id, QStringLiteral("create,edit,revise,delete,obsolete,restore")).toHex(),
              QByteArray("b796022441340d0847cdc0ced55b5f3ff7d9726a777d0d2df5ba7ebc0fdcd2ce"));
    EXPECT_NE(HashChain::genesis(id, QString()), HashChain::genesis(id, QStringLiteral("edit")));
    EXPECT_NE(HashChain::genesis(id, QString()), HashChain::genesis(id));
}

TEST(HashChain, LinkDependsOnPreviousHashAndEncoding)
{
    const QByteArray g = HashChain::genesis(QStringLiteral("log"));
    const QByteArray h1 = HashChain::link(g, "abc");
    EXPECT_EQ(h1.size(), HashChain::HashSize);
    EXPECT_NE(h1, HashChain::link(g, "abd"));
    EXPECT_NE(h1, HashChain::link(HashChain::genesis(QStringLiteral("log2")), "abc"));
}
