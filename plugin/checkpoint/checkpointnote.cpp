// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/checkpointnote.h>

#include "checkpoint/signednote_p.h"

namespace QmsAudit {

Result<QByteArray> CheckpointNote::sign(const Checkpoint &checkpoint, const CheckpointSigner &signer)
{
    auto note = SignedNote::create(checkpoint.toText());
    if (!note)
        return note.error();
    if (auto ok = note->sign(signer); !ok)
        return ok.error();
    return note->encoded();
}

Result<QByteArray> CheckpointNote::sign(const QString &origin, qint64 treeSize, const QByteArray &rootHash,
                                        const CheckpointSigner &signer)
{
    auto checkpoint = Checkpoint::create(origin, treeSize, rootHash);
    if (!checkpoint)
        return checkpoint.error();
    return sign(*checkpoint, signer);
}

Result<Checkpoint> CheckpointNote::open(QByteArrayView note, const QList<CheckpointVerifier> &trusted)
{
    auto signedNote = SignedNote::parse(note);
    if (!signedNote)
        return signedNote.error();
    // Signatures first: the body of a note no trusted key signed must not be interpreted at all.
    if (auto verified = signedNote->verify(trusted); !verified)
        return verified.error();
    return Checkpoint::parse(signedNote->text());
}

} // namespace QmsAudit
