// SPDX-License-Identifier: LGPL-2.1-or-later
// The verifier's in-place reader must agree with the decoder on every input it accepts.
#include "integrity/canonicalencoding_p.h"
#include "integrity/encodedrecord_p.h"
#include "integrity/hashchain_p.h"
#include "integrity/sha256_p.h"

#include <gtest/gtest.h>

using namespace QmsAudit;

namespace {

Event richEvent()
{
    Event e;
    e.seq = 7;
    e.recordedAtUs = 1'767'225'600'123'456;
    e.occurredAtUs = 1'767'000'000'000'000;
    e.actor = {QStringLiteral("u7"), QStringLiteral("Zoë Ångström"), {QStringLiteral("qa"), QStringLiteral("author")}};
    e.action = Action::Sign;
    e.object = {QStringLiteral("procedure"), QStringLiteral("SOP-9"), QStringLiteral("C"), QStringLiteral("Kalibrierung – 扭矩 😀")};
    e.outcome = Outcome::Denied;
    e.reason = QStringLiteral("Review\nper CAPA-9");
    e.changes = {{QStringLiteral("owner"), QString(), QStringLiteral("u8")}};
    e.signatureMeaning = QStringLiteral("approved as author");
    e.session = QStringLiteral("s");
    e.host = {QStringLiteral("app"), QStringLiteral("1"), QStringLiteral("ws")};
    e.attributes = {{QStringLiteral("a"), QStringLiteral("1")}, {QStringLiteral("b"), QStringLiteral("2")}};
    return e;
}

QByteArray utf8(QByteArrayView view)
{
    return view.toByteArray();
}

void expectSameFields(const EncodedRecord &r, const Event &e)
{
    EXPECT_EQ(r.seq, e.seq);
    EXPECT_EQ(r.recordedAtUs, e.recordedAtUs);
    EXPECT_EQ(r.occurredAtUs, e.occurredAtUs);
    EXPECT_EQ(utf8(r.actorId), e.actor.id.toUtf8());
    EXPECT_EQ(utf8(r.action), actionName(e.action).toUtf8());
    EXPECT_EQ(utf8(r.objectType), e.object.type.toUtf8());
    EXPECT_EQ(utf8(r.objectId), e.object.id.toUtf8());
    EXPECT_EQ(utf8(r.objectTitle), e.object.title.toUtf8());
    EXPECT_EQ(utf8(r.outcome), outcomeName(e.outcome).toUtf8());
    EXPECT_EQ(utf8(r.reason), e.reason.toUtf8());
}

/// parse() may refuse what decode() accepts, never the other way round, and never disagrees.
void expectAgreement(const QByteArray &bytes)
{
    const auto parsed = EncodedRecord::parse(bytes);
    const auto decoded = CanonicalEncoding::decode(bytes);
    if (parsed) {
        ASSERT_TRUE(decoded) << "parse accepted what decode refuses: " << bytes.toHex().toStdString();
        expectSameFields(*parsed, *decoded);
    }
}

} // namespace

TEST(EncodedRecord, ReadsTheIndexedFieldsOfAnEncoding)
{
    const Event e = richEvent();
    const auto parsed = EncodedRecord::parse(CanonicalEncoding::encode(e));
    ASSERT_TRUE(parsed);
    expectSameFields(*parsed, e);

    Event plain = e;
    plain.occurredAtUs.reset();
    plain.attributes.clear();
    plain.actor.roles.clear();
    const auto parsedPlain = EncodedRecord::parse(CanonicalEncoding::encode(plain));
    ASSERT_TRUE(parsedPlain);
    expectSameFields(*parsedPlain, plain);
}

TEST(EncodedRecord, RefusesEveryTruncationAndTrailingByte)
{
    const QByteArray bytes = CanonicalEncoding::encode(richEvent());
    for (qsizetype n = 0; n < bytes.size(); ++n)
        EXPECT_FALSE(EncodedRecord::parse(bytes.left(n))) << n;
    EXPECT_FALSE(EncodedRecord::parse(bytes + '\0'));
}

TEST(EncodedRecord, AgreesWithTheDecoderOnEverySingleByteChange)
{
    const QByteArray bytes = CanonicalEncoding::encode(richEvent());
    int refused = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        for (const uchar value : {uchar(0x00), uchar(0x01), uchar(0x7f), uchar(0x80), uchar(0xc0), uchar(0xed), uchar(0xff),
                                  uchar(bytes[i] ^ 0x20)}) {
            QByteArray changed = bytes;
            changed[i] = char(value);
            if (changed == bytes)
                continue;
            expectAgreement(changed);
            refused += !EncodedRecord::parse(changed);
        }
    }
    EXPECT_GT(refused, bytes.size()); // the mutations did reach the checks
}

TEST(EncodedRecord, RefusesUnknownNamesInvalidUtf8AndUnsortedAttributes)
{
    Event e = richEvent();
    QByteArray bytes = CanonicalEncoding::encode(e);
    const QByteArray sign = actionName(Action::Sign).toUtf8();
    QByteArray unknownAction = bytes;
    unknownAction.replace(unknownAction.indexOf(sign), sign.size(), "sing");
    EXPECT_FALSE(EncodedRecord::parse(unknownAction));
    EXPECT_FALSE(CanonicalEncoding::decode(unknownAction));

    QByteArray surrogate = bytes;
    const qsizetype title = surrogate.indexOf("Kalibrierung");
    surrogate.replace(title, 3, "\xED\xA0\x80"); // U+D800 encoded: not valid UTF-8
    EXPECT_FALSE(EncodedRecord::parse(surrogate));
    EXPECT_FALSE(CanonicalEncoding::decode(surrogate));

    QByteArray unsorted = bytes;
    const qsizetype keyA = unsorted.lastIndexOf(QByteArray("\x00\x00\x00\x01" "a", 5));
    ASSERT_GT(keyA, 0);
    unsorted[keyA + 4] = 'c'; // keys "c", "b": no longer strictly sorted
    EXPECT_FALSE(EncodedRecord::parse(unsorted));
    EXPECT_FALSE(CanonicalEncoding::decode(unsorted));
}

TEST(Sha256, LinksLikeTheHashChain)
{
    Sha256 sha;
    ASSERT_TRUE(sha.isValid());
    const QByteArray previous = HashChain::genesis(QStringLiteral("log"));
    for (const QByteArray &data : {QByteArray(), QByteArray("x"), CanonicalEncoding::encode(richEvent()), QByteArray(100000, 'q')}) {
        Sha256::Digest digest{};
        ASSERT_TRUE(sha.link(previous, data, digest));
        EXPECT_EQ(QByteArray(reinterpret_cast<const char *>(digest.data()), 32), HashChain::link(previous, data));
    }
}
