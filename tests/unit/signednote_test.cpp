// SPDX-License-Identifier: LGPL-2.1-or-later
#include "checkpoint/signednote_p.h"

#include "checkpointtestkeys.h"

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

const QByteArray kEmDash("\xe2\x80\x94");

QByteArray goNote()
{
    return QByteArray(GoNote::Text) + "\n" + GoNote::PeterSignatureLine;
}

SignedNote parsed(const QByteArray &note)
{
    auto result = SignedNote::parse(note);
    EXPECT_TRUE(result) << result.error().message().toStdString();
    return result ? std::move(result).value() : SignedNote::create("x\n").value();
}

} // namespace

TEST(SignedNote, ReproducesTheGoKeyIdOfPeterNeumann)
{
    const CheckpointVerifier peter = verifierFromKey(GoNote::PeterVerifierKey);
    EXPECT_EQ(peter.name(), QStringLiteral("PeterNeumann"));
    EXPECT_EQ(peter.keyId(), 0xc74f20a3u);
    EXPECT_EQ(CheckpointVerifier::keyIdFor(QStringLiteral("PeterNeumann"), peter.publicKey()), 0xc74f20a3u);
    EXPECT_EQ(peter.verifierKey(), QString::fromLatin1(GoNote::PeterVerifierKey));
    // The private key of the published pair has the same public half and ID.
    const CheckpointSigner signer = goPeterSigner();
    EXPECT_EQ(signer.keyId(), 0xc74f20a3u);
    EXPECT_EQ(signer.publicKey(), peter.publicKey());
    EXPECT_EQ(verifierFromKey(GoNote::EnochVerifierKey).keyId(), 0xaf0cfe78u);
}

TEST(SignedNote, ReproducesTheGoSignatureByteForByte)
{
    // Ed25519 is deterministic: the published seed must give the published note exactly.
    auto note = SignedNote::create(GoNote::Text);
    ASSERT_TRUE(note);
    ASSERT_TRUE(note->sign(goPeterSigner()));
    EXPECT_EQ(note->encoded(), goNote());
}

TEST(SignedNote, VerifiesThePublishedGoNote)
{
    const SignedNote note = parsed(goNote());
    EXPECT_EQ(note.text(), QByteArray(GoNote::Text));
    ASSERT_EQ(note.signatures().size(), 1);
    EXPECT_EQ(note.signatures()[0].keyName, QStringLiteral("PeterNeumann"));
    EXPECT_EQ(note.signatures()[0].keyId, 0xc74f20a3u);
    EXPECT_EQ(note.signatures()[0].signature.size(), 64);
    auto verified = note.verify({verifierFromKey(GoNote::PeterVerifierKey)});
    ASSERT_TRUE(verified) << verified.error().message().toStdString();
    EXPECT_EQ(*verified, QList<qsizetype>{0});
    EXPECT_EQ(note.encoded(), goNote());
}

TEST(SignedNote, VerifiesTheC2spSignedNoteExample)
{
    const QByteArray note = "This is an example message.\n\n" + kEmDash
                            + " example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
    const CheckpointVerifier foo = verifierFromKey("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
    auto verified = parsed(note).verify({foo});
    ASSERT_TRUE(verified) << verified.error().message().toStdString();
    EXPECT_EQ(*verified, QList<qsizetype>{0});
}

TEST(SignedNote, KeepsSignaturesOfUnknownKeysAndIgnoresThem)
{
    const SignedNote note = parsed(QByteArray(GoNote::Text) + "\n" + GoNote::PeterSignatureLine + GoNote::EnochSignatureLine);
    ASSERT_EQ(note.signatures().size(), 2);
    const CheckpointVerifier peter = verifierFromKey(GoNote::PeterVerifierKey);
    const CheckpointVerifier enoch = verifierFromKey(GoNote::EnochVerifierKey);
    EXPECT_EQ(*note.verify({peter}), QList<qsizetype>{0});
    EXPECT_EQ(*note.verify({enoch}), QList<qsizetype>{0});
    EXPECT_EQ(*note.verify({enoch, peter}), (QList<qsizetype>{0, 1}));
    EXPECT_EQ(*note.verify({testSigner().verifier(), peter}), QList<qsizetype>{1});
    // Unknown signatures survive a round trip, in their order.
    EXPECT_EQ(note.encoded(), QByteArray(GoNote::Text) + "\n" + GoNote::PeterSignatureLine + GoNote::EnochSignatureLine);
}

TEST(SignedNote, NoteWithoutTrustedSignatureIsRefused)
{
    const SignedNote note = parsed(goNote());
    for (const QList<CheckpointVerifier> &trusted : {QList<CheckpointVerifier>{}, QList<CheckpointVerifier>{testSigner().verifier()},
                                                     QList<CheckpointVerifier>{verifierFromKey(GoNote::EnochVerifierKey)}}) {
        auto verified = note.verify(trusted);
        ASSERT_FALSE(verified);
        EXPECT_EQ(verified.error().code(), ErrorCode::SignatureInvalid);
        EXPECT_TRUE(verified.error().message().contains(QStringLiteral("no signature by a trusted key"))) << verified.error().message().toStdString();
        EXPECT_TRUE(verified.error().message().contains(QStringLiteral("PeterNeumann+c74f20a3")));
    }
}

TEST(SignedNote, EveryBitFlipOfTheTextIsRefused)
{
    const CheckpointVerifier peter = verifierFromKey(GoNote::PeterVerifierKey);
    const QByteArray text(GoNote::Text);
    int checked = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray changed = text;
            changed[i] = char(changed[i] ^ (1 << bit));
            auto note = SignedNote::parse(changed + "\n" + GoNote::PeterSignatureLine);
            if (!note) {
                EXPECT_EQ(note.error().code(), ErrorCode::InvalidArgument); // a control byte, invalid UTF-8, a moved blank line
                continue;
            }
            auto verified = note->verify({peter});
            ASSERT_FALSE(verified) << "byte " << i << " bit " << bit;
            EXPECT_EQ(verified.error().code(), ErrorCode::SignatureInvalid);
            ++checked;
        }
    }
    EXPECT_GT(checked, int(text.size()) * 4); // most flips reach the signature check
}

TEST(SignedNote, EveryBitFlipOfTheSignatureOrKeyIdIsRefused)
{
    const CheckpointVerifier peter = verifierFromKey(GoNote::PeterVerifierKey);
    const NoteSignature original = parsed(goNote()).signatures()[0];
    for (qsizetype i = 0; i < original.signature.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            NoteSignature changed = original;
            changed.signature[i] = char(changed.signature[i] ^ (1 << bit));
            SignedNote note = SignedNote::create(GoNote::Text).value();
            ASSERT_TRUE(note.addSignature(changed));
            auto verified = parsed(note.encoded()).verify({peter});
            ASSERT_FALSE(verified) << "byte " << i << " bit " << bit;
            EXPECT_TRUE(verified.error().message().contains(QStringLiteral("does not verify")));
        }
    }
    for (int bit = 0; bit < 32; ++bit) {
        NoteSignature changed = original;
        changed.keyId ^= 1u << bit;
        SignedNote note = SignedNote::create(GoNote::Text).value();
        ASSERT_TRUE(note.addSignature(changed));
        auto verified = note.verify({peter});
        ASSERT_FALSE(verified) << "key ID bit " << bit;
        EXPECT_TRUE(verified.error().message().contains(QStringLiteral("no signature by a trusted key")));
    }
    // Shorter and longer signatures under the right key are checked and refused too.
    for (const QByteArray &signature : {original.signature.left(63), original.signature + '\0'}) {
        SignedNote note = SignedNote::create(GoNote::Text).value();
        ASSERT_TRUE(note.addSignature({original.keyName, original.keyId, signature}));
        EXPECT_FALSE(note.verify({peter}));
    }
}

TEST(SignedNote, SignatureOfAnotherKeyUnderATrustedNameAndIdIsRefused)
{
    SignedNote forged = SignedNote::create(GoNote::Text).value();
    const QByteArray otherSignature = testSigner().sign(GoNote::Text).value();
    ASSERT_TRUE(forged.addSignature({QStringLiteral("PeterNeumann"), 0xc74f20a3u, otherSignature}));
    auto verified = parsed(forged.encoded()).verify({verifierFromKey(GoNote::PeterVerifierKey)});
    ASSERT_FALSE(verified);
    EXPECT_EQ(verified.error().code(), ErrorCode::SignatureInvalid);
    EXPECT_EQ(verified.error().message(),
              QStringLiteral("The signature by the trusted key PeterNeumann+c74f20a3 does not verify: the note was changed after signing."));
}

TEST(SignedNote, KeyNameMismatchIsAnotherKey)
{
    const CheckpointVerifier peter = verifierFromKey(GoNote::PeterVerifierKey);
    // The same signature line under another name: not Peter's, so ignored, so nothing trusted.
    QByteArray renamed = goNote();
    renamed.replace("PeterNeumann", "CarmenSandiego");
    auto verified = parsed(renamed).verify({peter});
    ASSERT_FALSE(verified);
    EXPECT_TRUE(verified.error().message().contains(QStringLiteral("CarmenSandiego+c74f20a3")));
    // Peter's public key under another name has another key ID and does not match the line either.
    auto sameKeyOtherName = CheckpointVerifier::fromRawKey(QStringLiteral("PeterNeumann2"), peter.publicKey());
    ASSERT_TRUE(sameKeyOtherName);
    EXPECT_NE(sameKeyOtherName->keyId(), peter.keyId());
    EXPECT_FALSE(parsed(goNote()).verify({*sameKeyOtherName}));
}

TEST(SignedNote, TextMayHoldEmptyLinesAndTheLastBlankLineSplits)
{
    const CheckpointSigner signer = testSigner();
    SignedNote note = SignedNote::create("first\n\nsecond\n\n\nthird\n").value();
    ASSERT_TRUE(note.sign(signer));
    const SignedNote back = parsed(note.encoded());
    EXPECT_EQ(back.text(), QByteArray("first\n\nsecond\n\n\nthird\n"));
    EXPECT_EQ(*back.verify({signer.verifier()}), QList<qsizetype>{0});
}

TEST(SignedNote, SigningAgainReplacesTheSignatureOfTheSameKey)
{
    SignedNote note = SignedNote::create(GoNote::Text).value();
    ASSERT_TRUE(note.addSignature({QStringLiteral("PeterNeumann"), 0xc74f20a3u, QByteArray(64, 'x')}));
    ASSERT_TRUE(note.sign(testSigner()));
    ASSERT_TRUE(note.sign(goPeterSigner()));
    ASSERT_EQ(note.signatures().size(), 2);
    EXPECT_EQ(note.signatures()[0].keyName, QStringLiteral("qms.example/audit"));
    EXPECT_TRUE(note.encoded().endsWith(GoNote::PeterSignatureLine));
    EXPECT_EQ(*note.verify({goPeterSigner().verifier(), testSigner().verifier()}), (QList<qsizetype>{0, 1}));
}

TEST(SignedNote, MalformedNotesAreRefusedWithOneSentence)
{
    const QByteArray text(GoNote::Text);
    const QByteArray sig(GoNote::PeterSignatureLine);
    const QByteArray b64 = sig.mid(kEmDash.size() + 1 + 13).chopped(1); // after "— PeterNeumann "
    const QList<QByteArray> bad = {
        text,                                          // no blank line, no signature
        text + "\n",                                   // blank line but no signature
        text + sig,                                    // signature without the blank line
        text + "\n" + sig.chopped(1),                  // last line without newline
        text + "\n" + sig + sig.chopped(1),            // second line without newline
        "\x01" + text + "\n" + sig,                    // control character
        text + "\t\n" + "\n" + sig,                    // tab
        "\xff" + text + "\n" + sig,                    // not UTF-8
        "\xc0\xaf" + text + "\n" + sig,                // overlong UTF-8
        text + "\n" + "- PeterNeumann " + b64 + "\n",  // hyphen instead of em dash
        text + "\n" + "\xe2\x80\x93 PeterNeumann " + b64 + "\n", // en dash
        text + "\n" + kEmDash + "PeterNeumann " + b64 + "\n",    // no space after the dash
        text + "\n" + kEmDash + " PeterNeumann" + b64 + "\n",    // no space before the signature
        text + "\n" + kEmDash + "  " + b64 + "\n",               // empty key name
        text + "\n" + kEmDash + " Peter+Neumann " + b64 + "\n",  // '+' in the name
        text + "\n" + kEmDash + " Peter\xc2\xa0Neumann " + b64 + "\n", // no-break space in the name
        text + "\n" + kEmDash + " PeterNeumann " + b64.chopped(1) + "\n", // padding removed
        text + "\n" + kEmDash + " PeterNeumann " + b64 + "=\n",  // too much padding
        text + "\n" + kEmDash + " PeterNeumann " + b64.left(40) + "*" + b64.mid(41) + "\n", // not base64
        text + "\n" + kEmDash + " PeterNeumann " + b64 + " \n",  // trailing space
        text + "\n" + kEmDash + " PeterNeumann \n",              // no signature
        text + "\n" + kEmDash + " PeterNeumann AAAAAA==\n",      // 4 bytes: a key ID, no signature
        text + "\n" + sig + "Unexpected line.\n",                // a line that is not a signature
        text + "\n" + sig + "\n" + sig,                          // blank line among signatures: the text then ends in one
        text + "\n" + sig.repeated(101),                         // more signatures than a verifier reads
    };
    for (const QByteArray &note : bad) {
        auto result = SignedNote::parse(note);
        if (result) {
            // A blank line among signatures moves the split: the note parses, but then its text
            // holds a signature line and no trusted key signed that text.
            EXPECT_FALSE(result->verify({verifierFromKey(GoNote::PeterVerifierKey)})) << note.toStdString();
            continue;
        }
        EXPECT_EQ(result.error().code(), ErrorCode::InvalidArgument) << note.toStdString();
        const QString message = result.error().message();
        EXPECT_TRUE(message.endsWith(QLatin1Char('.')) && !message.contains(QLatin1Char('\n'))) << message.toStdString();
    }
    // A clear sentence for the common cases.
    EXPECT_EQ(SignedNote::parse(text + sig).error().message(),
              QStringLiteral("The note has no blank line between its text and its signatures."));
    EXPECT_EQ(SignedNote::parse(text + "\n" + "- PeterNeumann " + b64 + "\n").error().message(),
              QStringLiteral("Signature line 1 does not start with an em dash (U+2014) and a space."));
    EXPECT_EQ(SignedNote::parse(text + "\n" + sig.chopped(1)).error().message(),
              QStringLiteral("The note's last signature line does not end with a newline."));
    EXPECT_EQ(SignedNote::parse(text + "\n" + sig.repeated(100)).value().signatures().size(), 100);
}

TEST(SignedNote, CreateRefusesTextsThatCannotBeSigned)
{
    EXPECT_FALSE(SignedNote::create("no newline"));
    EXPECT_FALSE(SignedNote::create(""));
    EXPECT_FALSE(SignedNote::create("tab\there\n"));
    EXPECT_FALSE(SignedNote::create("\xff\n"));
    EXPECT_TRUE(SignedNote::create("\xc3\xa9t\xc3\xa9\n"));
    SignedNote note = SignedNote::create("x\n").value();
    EXPECT_FALSE(note.addSignature({QStringLiteral("a b"), 1, "sig"}));
    EXPECT_FALSE(note.addSignature({QStringLiteral("name"), 1, {}}));
}
