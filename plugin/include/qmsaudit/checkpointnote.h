// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/checkpoint.h>
#include <qmsaudit/checkpointsigner.h>
#include <qmsaudit/checkpointverifier.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace QmsAudit {

/**
 * Signed checkpoints: a Checkpoint body in a C2SP signed note (https://c2sp.org/signed-note),
 * one line per signature "— <key name> base64(key ID || Ed25519 signature)". Any tool for
 * transparency-log checkpoints (golang.org/x/mod/sumdb/note, the transparency-dev tools) reads them;
 * docs/checkpoints.md shows how to check one with openssl alone.
 * @code
 * auto note = QmsAudit::CheckpointNote::sign(origin, size, root, *signer);
 * auto checkpoint = QmsAudit::CheckpointNote::open(*note, {trustedKey});
 * if (!checkpoint || checkpoint->origin() != origin) { ... refuse ... }
 * @endcode
 */
class QMSAUDIT_EXPORT CheckpointNote
{
public:
    /// The note text of @p checkpoint signed by @p signer.
    static Result<QByteArray> sign(const Checkpoint &checkpoint, const CheckpointSigner &signer);
    /// The same for a checkpoint made of @p origin, @p treeSize and @p rootHash (see Checkpoint::create()).
    static Result<QByteArray> sign(const QString &origin, qint64 treeSize, const QByteArray &rootHash,
                                   const CheckpointSigner &signer);

    /**
     * Parses @p note, checks the signatures of the @p trusted keys and returns its checkpoint.
     * Signatures by other keys are ignored. Fails with InvalidArgument for a malformed note or
     * body, and with SignatureInvalid when a trusted key's signature does not verify or when no
     * trusted key signed the note. The origin is not compared with anything: check it.
     */
    static Result<Checkpoint> open(QByteArrayView note, const QList<CheckpointVerifier> &trusted);
};

} // namespace QmsAudit
