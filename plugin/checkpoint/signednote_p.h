// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/checkpointsigner.h>
#include <qmsaudit/checkpointverifier.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace QmsAudit {

/// One signature line of a note: "— <keyName> base64(keyId || signature)".
struct NoteSignature
{
    QString keyName;
    quint32 keyId = 0;
    /// The signature bytes after the key ID (64 for Ed25519; other algorithms differ).
    QByteArray signature;

    friend bool operator==(const NoteSignature &, const NoteSignature &) = default;
};

/**
 * A C2SP signed note (https://c2sp.org/signed-note): a UTF-8 text ending in a newline, a blank
 * line, then one or more signature lines. The text is what every signature signs. Signatures by
 * keys the reader does not know are kept (they may be a witness's or the next key's) and ignored
 * by verify(); the note fails unless a trusted key signed it and every trusted key's signature
 * verifies, as the specification requires.
 */
class SignedNote
{
public:
    /// Verifiers must accept at least 16 signatures; more than this is refused as a resource guard.
    static constexpr int MaxSignatures = 100;

    /// A note of @p text without signatures yet. InvalidArgument unless the text is valid UTF-8
    /// without control characters other than newline and ends with a newline.
    static Result<SignedNote> create(QByteArray text);
    /// Parses a whole note strictly; InvalidArgument with one sentence for anything malformed.
    static Result<SignedNote> parse(QByteArrayView note);

    /// The signed text, up to and including its last newline before the blank line.
    const QByteArray &text() const { return m_text; }
    const QList<NoteSignature> &signatures() const { return m_signatures; }

    /// Adds (or replaces, for the same key name and ID) @p signer's signature of text().
    Result<void> sign(const CheckpointSigner &signer);
    /// Appends a signature line as it is, e.g. one copied from another note.
    Result<void> addSignature(const NoteSignature &signature);

    /// The note: text, blank line, signature lines. Needs at least one signature to be parseable.
    QByteArray encoded() const;

    /**
     * Checks the signatures of the @p trusted keys (matched by key name and key ID) and returns
     * the indexes into @p trusted of those whose signature verified, ascending. SignatureInvalid
     * when a matching signature does not verify or when none of @p trusted signed the note.
     */
    Result<QList<qsizetype>> verify(const QList<CheckpointVerifier> &trusted) const;

private:
    explicit SignedNote(QByteArray text);

    QByteArray m_text;
    QList<NoteSignature> m_signatures;
};

} // namespace QmsAudit
