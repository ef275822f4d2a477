// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/checkpoint.h>
#include <qmsaudit/checkpointnote.h>

#include "checkpoint/signednote_p.h"
#include "merkle/merklehash_p.h"

#include "checkpointtestkeys.h"

#include <gtest/gtest.h>

#include <limits>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

const QByteArray kRoot = QByteArray::fromHex("0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62");
const QString kOrigin = QStringLiteral("qms.example/audit");

Checkpoint checkpoint(qint64 size, const QStringList &extensions = {})
{
    auto result = Checkpoint::create(kOrigin, size, kRoot, extensions);
    EXPECT_TRUE(result) << result.error().message().toStdString();
    return std::move(result).value();
}

} // namespace

TEST(Checkpoint, TextIsOriginSizeRootAndExtensionLines)
{
    EXPECT_EQ(checkpoint(20852163).toText(), QByteArray("qms.example/audit\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"));
    EXPECT_EQ(checkpoint(0, {QStringLiteral("ext one"), QStringLiteral("ext+two")}).toText(),
              QByteArray("qms.example/audit\n0\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\next one\next+two\n"));
}

TEST(Checkpoint, ParsesTheC2spExample)
{
    auto parsed = Checkpoint::parse("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    ASSERT_TRUE(parsed) << parsed.error().message().toStdString();
    EXPECT_EQ(parsed->origin(), QStringLiteral("example.com/behind-the-sofa"));
    EXPECT_EQ(parsed->treeSize(), 20852163);
    EXPECT_EQ(parsed->rootHash(), kRoot);
    EXPECT_TRUE(parsed->extensions().isEmpty());
}

TEST(Checkpoint, RoundTripsThroughItsText)
{
    const qint64 sizes[] = {0, 1, 9, 10, 4096, std::numeric_limits<qint64>::max()};
    for (qint64 size : sizes) {
        for (const QStringList &extensions : {QStringList{}, QStringList{QStringLiteral("— ext é")}}) {
            const Checkpoint original = checkpoint(size, extensions);
            auto back = Checkpoint::parse(original.toText());
            ASSERT_TRUE(back) << back.error().message().toStdString();
            EXPECT_EQ(*back, original);
            EXPECT_EQ(back->toText(), original.toText());
        }
    }
    auto empty = Checkpoint::create(QStringLiteral("a"), 0, MerkleHash::emptyRoot());
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->toText(), QByteArray("a\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"));
}

TEST(Checkpoint, ParseIsStrict)
{
    const QByteArray root = kRoot.toBase64();
    const QByteArray badRoot31 = kRoot.left(31).toBase64();
    const QByteArray badRoot33 = (kRoot + 'x').toBase64();
    QByteArray noncanonical = root;
    noncanonical[42] = 'J'; // "2I=" -> "2J=": the same bytes in a decoder that ignores the spare bits
    const QList<QByteArray> bad = {
        "",
        "o\n5\n" + root,                     // last line without newline
        "o\n5\n",                            // no root
        "o\n5\n" + root + "\n\n",            // empty extension line
        "o\n5\n" + root + "\n\next\n",       // empty line among extensions
        "\n5\n" + root + "\n",               // empty origin
        "o\n\n" + root + "\n",               // empty size
        "o\n05\n" + root + "\n",             // leading zero
        "o\n00\n" + root + "\n",
        "o\n+5\n" + root + "\n",             // sign
        "o\n-1\n" + root + "\n",
        "o\n 5\n" + root + "\n",             // spaces
        "o\n5 \n" + root + "\n",
        "o\n0x10\n" + root + "\n",           // not decimal
        "o\n5e3\n" + root + "\n",
        "o\n9223372036854775808\n" + root + "\n", // 2^63: does not fit
        "o\n99999999999999999999\n" + root + "\n",
        "o\n5\n" + badRoot31 + "\n",         // 31 bytes
        "o\n5\n" + badRoot33 + "\n",         // 33 bytes
        "o\n5\n" + root.chopped(1) + "\n",   // padding missing
        "o\n5\n" + noncanonical + "\n",      // spare bits set
        "o\n5\n" + root.toHex() + "\n",      // hex is not base64
        "o\n5\n" + root + " \n",
        "o\r\n5\n" + root + "\n",            // CR is a control character
        "o\n5\n" + root + "\next\twith tab\n",
        "\xff\n5\n" + root + "\n",           // not UTF-8
    };
    for (const QByteArray &text : bad) {
        auto parsed = Checkpoint::parse(text);
        ASSERT_FALSE(parsed) << text.toStdString();
        EXPECT_EQ(parsed.error().code(), ErrorCode::InvalidArgument);
        const QString message = parsed.error().message();
        EXPECT_TRUE(message.endsWith(QLatin1Char('.')) && !message.contains(QLatin1Char('\n'))) << message.toStdString();
    }
    EXPECT_EQ(Checkpoint::parse("o\n05\n" + root + "\n").error().message(),
              QStringLiteral("The checkpoint's tree size is not a decimal number without sign or leading zeros that fits 63 bits."));
    EXPECT_EQ(Checkpoint::parse("o\n5\n" + badRoot31 + "\n").error().message(),
              QStringLiteral("The checkpoint's root hash has 31 bytes; it must have 32."));
    EXPECT_EQ(Checkpoint::parse("o\n5\n").error().message(),
              QStringLiteral("The checkpoint has 2 line(s); it needs at least three: origin, tree size and root hash."));
    EXPECT_TRUE(Checkpoint::parse("o\n9223372036854775807\n" + root + "\n"));
}

TEST(Checkpoint, CreateRefusesWhatCannotBeWritten)
{
    EXPECT_FALSE(Checkpoint::create(QString(), 1, kRoot));
    EXPECT_FALSE(Checkpoint::create(QStringLiteral("a\nb"), 1, kRoot));
    EXPECT_FALSE(Checkpoint::create(QStringLiteral("a\tb"), 1, kRoot));
    EXPECT_FALSE(Checkpoint::create(kOrigin, -1, kRoot));
    EXPECT_FALSE(Checkpoint::create(kOrigin, 1, kRoot.left(31)));
    EXPECT_FALSE(Checkpoint::create(kOrigin, 1, QByteArray()));
    EXPECT_FALSE(Checkpoint::create(kOrigin, 1, kRoot, {QString()}));
    EXPECT_FALSE(Checkpoint::create(kOrigin, 1, kRoot, {QStringLiteral("two\nlines")}));
    EXPECT_EQ(Checkpoint::create(kOrigin, -1, kRoot).error().code(), ErrorCode::InvalidArgument);
}

TEST(CheckpointNote, SignsAndOpensARoundTrip)
{
    const CheckpointSigner signer = testSigner(kOrigin);
    auto note = CheckpointNote::sign(kOrigin, 1234, kRoot, signer);
    ASSERT_TRUE(note) << note.error().message().toStdString();
    const QByteArray signatureLine = "\xe2\x80\x94 qms.example/audit "
                                     + (QByteArray::fromHex(QByteArray::number(signer.keyId(), 16).rightJustified(8, '0'))
                                        + signer.sign(checkpoint(1234).toText()).value())
                                           .toBase64()
                                     + "\n";
    EXPECT_EQ(*note, checkpoint(1234).toText() + "\n" + signatureLine);
    auto opened = CheckpointNote::open(*note, {signer.verifier()});
    ASSERT_TRUE(opened) << opened.error().message().toStdString();
    EXPECT_EQ(*opened, checkpoint(1234));
    // With extension lines, through the Checkpoint overload.
    auto withExtension = CheckpointNote::sign(checkpoint(7, {QStringLiteral("anchor x")}), signer);
    ASSERT_TRUE(withExtension);
    EXPECT_EQ(CheckpointNote::open(*withExtension, {signer.verifier()})->extensions(), QStringList{QStringLiteral("anchor x")});
}

TEST(CheckpointNote, OpenNeedsATrustedKey)
{
    const QByteArray note = CheckpointNote::sign(checkpoint(5), testSigner(kOrigin)).value();
    auto opened = CheckpointNote::open(note, {verifierFromKey(GoNote::PeterVerifierKey)});
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code(), ErrorCode::SignatureInvalid);
    EXPECT_FALSE(CheckpointNote::open(note, {}));
    // The same key under another name is another signed-note key.
    EXPECT_FALSE(CheckpointNote::open(note, {testSigner(QStringLiteral("qms.example/other")).verifier()}));
    // A witness's (unknown) cosignature next to the trusted one changes nothing.
    auto cosigned = SignedNote::parse(note).value();
    ASSERT_TRUE(cosigned.sign(goPeterSigner()));
    EXPECT_EQ(*CheckpointNote::open(cosigned.encoded(), {testSigner(kOrigin).verifier()}), checkpoint(5));
}

TEST(CheckpointNote, EveryBitFlipOfASignedCheckpointIsRefused)
{
    const CheckpointSigner signer = testSigner(kOrigin);
    const QByteArray note = CheckpointNote::sign(checkpoint(20852163), signer).value();
    ASSERT_TRUE(CheckpointNote::open(note, {signer.verifier()}));
    for (qsizetype i = 0; i < note.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray changed = note;
            changed[i] = char(changed[i] ^ (1 << bit));
            ASSERT_FALSE(CheckpointNote::open(changed, {signer.verifier()})) << "byte " << i << " bit " << bit;
        }
    }
}

TEST(CheckpointNote, ASignedNoteThatIsNoCheckpointIsRefused)
{
    const CheckpointSigner signer = testSigner(kOrigin);
    SignedNote note = SignedNote::create("qms.example/audit\n012\n" + kRoot.toBase64() + "\n").value();
    ASSERT_TRUE(note.sign(signer));
    auto opened = CheckpointNote::open(note.encoded(), {signer.verifier()});
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code(), ErrorCode::InvalidArgument);
    EXPECT_FALSE(CheckpointNote::sign(kOrigin, -1, kRoot, signer));
    EXPECT_FALSE(CheckpointNote::sign(QString(), 1, kRoot, signer));
}

TEST(CheckpointNote, IsTheNoteOfTheDocumentedExample)
{
    // docs/checkpoints.md shows this note, made with openssl alone from tests/data/checkpoint/test-ed25519.pem.
    const QByteArray documented = "qms.example/audit\n1234\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
                                  "\xe2\x80\x94 qms.example/audit rcpNxLjEP57kC2tge2pAbCMAAdUGIg5ItFR+Y6W2lfdtpfNTmZ2VlUckuMb8vvo+am5E+PiO4V+fgRD6p2Z5jWI8DQk=\n";
    const CheckpointSigner signer = testSigner(kOrigin);
    EXPECT_EQ(signer.keyId(), 0xadca4dc4u);
    EXPECT_EQ(CheckpointNote::sign(kOrigin, 1234, kRoot, signer).value(), documented);
    EXPECT_EQ(*CheckpointNote::open(documented, {signer.verifier()}), checkpoint(1234));
}
