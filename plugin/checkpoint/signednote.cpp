// SPDX-License-Identifier: LGPL-2.1-or-later
#include "checkpoint/signednote_p.h"

#include <QtEndian>

namespace QmsAudit {
namespace {

/// U+2014 EM DASH and a space, in UTF-8: the start of every signature line.
constexpr QByteArrayView SignaturePrefix("\xe2\x80\x94 ");

Error malformed(const QString &sentence)
{
    return Error(ErrorCode::InvalidArgument, sentence);
}

/// The rules of the whole note: valid UTF-8 and no ASCII control character but the newline.
Result<void> checkCharacters(QByteArrayView bytes, const QString &what)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x20 && c != '\n') {
            return malformed(QStringLiteral("The %1 contains the control character 0x%2 at byte %3; only newlines are allowed.")
                                 .arg(what)
                                 .arg(c, 2, 16, QLatin1Char('0'))
                                 .arg(i));
        }
    }
    // A round trip through UTF-16 changes every invalid, overlong or surrogate sequence.
    if (QString::fromUtf8(bytes).toUtf8() != bytes)
        return malformed(QStringLiteral("The %1 is not valid UTF-8.").arg(what));
    return {};
}

QString keyLabel(const QString &name, quint32 keyId)
{
    return QStringLiteral("%1+%2").arg(name).arg(keyId, 8, 16, QLatin1Char('0'));
}

} // namespace

SignedNote::SignedNote(QByteArray text)
    : m_text(std::move(text))
{
}

Result<SignedNote> SignedNote::create(QByteArray text)
{
    if (!text.endsWith('\n'))
        return malformed(QStringLiteral("The note text does not end with a newline."));
    if (auto ok = checkCharacters(text, QStringLiteral("note text")); !ok)
        return ok.error();
    return SignedNote(std::move(text));
}

Result<SignedNote> SignedNote::parse(QByteArrayView note)
{
    if (auto ok = checkCharacters(note, QStringLiteral("note")); !ok)
        return ok.error();
    // The text may hold empty lines itself: the last blank line separates it from the signatures.
    const qsizetype split = note.lastIndexOf(QByteArrayView("\n\n"));
    if (split < 0)
        return malformed(QStringLiteral("The note has no blank line between its text and its signatures."));
    QByteArrayView block = note.sliced(split + 2);
    if (block.isEmpty())
        return malformed(QStringLiteral("The note has no signature line after its blank line."));
    if (!block.endsWith('\n'))
        return malformed(QStringLiteral("The note's last signature line does not end with a newline."));

    SignedNote result(note.first(split + 1).toByteArray());
    int lineNumber = 0;
    while (!block.isEmpty()) {
        const qsizetype end = block.indexOf('\n');
        QByteArrayView line = block.first(end);
        block = block.sliced(end + 1);
        if (++lineNumber > MaxSignatures)
            return malformed(QStringLiteral("The note has more than %1 signatures.").arg(MaxSignatures));
        if (!line.startsWith(SignaturePrefix)) {
            return malformed(QStringLiteral("Signature line %1 does not start with an em dash (U+2014) and a space.")
                                 .arg(lineNumber));
        }
        line = line.sliced(SignaturePrefix.size());
        const qsizetype space = line.indexOf(' ');
        if (space < 0)
            return malformed(QStringLiteral("Signature line %1 has no space between the key name and the signature.").arg(lineNumber));
        const QString name = QString::fromUtf8(line.first(space));
        if (!CheckpointVerifier::isValidKeyName(name))
            return malformed(QStringLiteral("Signature line %1 has an empty key name or one with spaces or '+'.").arg(lineNumber));
        const QByteArrayView base64 = line.sliced(space + 1);
        const auto decoded = QByteArray::fromBase64Encoding(base64.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
        // Only the canonical encoding: padded, no stray bits, so that one signature has one text.
        if (!decoded || base64.isEmpty() || decoded.decoded.toBase64() != base64)
            return malformed(QStringLiteral("Signature line %1 is not canonical base64.").arg(lineNumber));
        if (decoded.decoded.size() < 5) {
            return malformed(QStringLiteral("Signature line %1 is too short: a key ID and a signature take at least 5 bytes.")
                                 .arg(lineNumber));
        }
        result.m_signatures.append(NoteSignature{name, qFromBigEndian<quint32>(decoded.decoded.constData()),
                                                 decoded.decoded.sliced(4)});
    }
    return result;
}

Result<void> SignedNote::sign(const CheckpointSigner &signer)
{
    auto signature = signer.sign(m_text);
    if (!signature)
        return signature.error();
    m_signatures.removeIf([&](const NoteSignature &s) { return s.keyName == signer.name() && s.keyId == signer.keyId(); });
    return addSignature(NoteSignature{signer.name(), signer.keyId(), std::move(signature).value()});
}

Result<void> SignedNote::addSignature(const NoteSignature &signature)
{
    if (!CheckpointVerifier::isValidKeyName(signature.keyName))
        return malformed(QStringLiteral("The key name \"%1\" is empty or holds spaces or '+'.").arg(signature.keyName));
    if (signature.signature.isEmpty())
        return malformed(QStringLiteral("The signature by %1 is empty.").arg(keyLabel(signature.keyName, signature.keyId)));
    if (m_signatures.size() >= MaxSignatures)
        return malformed(QStringLiteral("A note holds at most %1 signatures.").arg(MaxSignatures));
    m_signatures.append(signature);
    return {};
}

QByteArray SignedNote::encoded() const
{
    QByteArray note = m_text;
    note += '\n';
    for (const NoteSignature &s : m_signatures) {
        QByteArray bytes(4, '\0');
        qToBigEndian<quint32>(s.keyId, bytes.data());
        note.append(SignaturePrefix);
        note += s.keyName.toUtf8();
        note += ' ';
        note += (bytes + s.signature).toBase64();
        note += '\n';
    }
    return note;
}

Result<QList<qsizetype>> SignedNote::verify(const QList<CheckpointVerifier> &trusted) const
{
    QList<qsizetype> verified;
    for (qsizetype i = 0; i < trusted.size(); ++i) {
        const CheckpointVerifier &key = trusted[i];
        bool signedByKey = false;
        for (const NoteSignature &s : m_signatures) {
            // A signature that shares only the name or only the ID is another key's: ignored.
            if (s.keyName != key.name() || s.keyId != key.keyId())
                continue;
            if (!key.verify(m_text, s.signature)) {
                return Error(ErrorCode::SignatureInvalid,
                             QStringLiteral("The signature by the trusted key %1 does not verify: the note was changed after signing.")
                                 .arg(keyLabel(key.name(), key.keyId())));
            }
            signedByKey = true;
        }
        if (signedByKey)
            verified.append(i);
    }
    if (verified.isEmpty()) {
        QStringList trustedLabels;
        for (const CheckpointVerifier &key : trusted)
            trustedLabels.append(keyLabel(key.name(), key.keyId()));
        QStringList signers;
        for (const NoteSignature &s : m_signatures)
            signers.append(keyLabel(s.keyName, s.keyId));
        return Error(ErrorCode::SignatureInvalid,
                     QStringLiteral("The note has no signature by a trusted key (trusted: %1; signed by: %2).")
                         .arg(trustedLabels.isEmpty() ? QStringLiteral("none") : trustedLabels.join(QLatin1String(", ")),
                              signers.isEmpty() ? QStringLiteral("nobody") : signers.join(QLatin1String(", "))));
    }
    return verified;
}

} // namespace QmsAudit
