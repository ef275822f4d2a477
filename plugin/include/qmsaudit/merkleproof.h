// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace QmsAudit {

/**
 * The Merkle tree over a log's events (RFC 9162 §2.1, docs/merkle.md): leaf i is the canonical
 * encoding of the event with seq i + 1, so a tree of size n covers seqs 1..n. These are the
 * values a checkpoint signs and the proofs an inspector checks, from hashes alone.
 */
struct TreeHead {
    qint64 size = 0;     ///< events covered: seqs 1..size
    QByteArray rootHash; ///< 32 bytes; SHA-256("") for an empty log
};

/// Proof that the event seq is leaf seq - 1 of the tree of treeSize events (RFC 9162 §2.1.3).
struct QMSAUDIT_EXPORT InclusionProof {
    qint64 seq = 0;
    qint64 treeSize = 0;
    QByteArray leafHash;      ///< SHA-256(0x00 || canonical encoding of the event)
    QList<QByteArray> hashes; ///< the audit path, leaf side first

    /// SHA-256(0x00 || @p canonicalEncoding): the leaf hash of an event.
    static QByteArray leafHashOf(QByteArrayView canonicalEncoding);
    /// Does the path lead from leafHash to @p rootHash? IntegrityFailure naming what does not fit.
    Result<void> verify(const QByteArray &rootHash) const;
};

/// Proof that the tree of oldSize events is a prefix of the tree of newSize (RFC 9162 §2.1.4):
/// nothing of the first oldSize events was changed, removed or reordered.
struct QMSAUDIT_EXPORT ConsistencyProof {
    qint64 oldSize = 0;
    qint64 newSize = 0;
    QList<QByteArray> hashes;

    /// Does the proof join @p oldRoot to @p newRoot? IntegrityFailure naming what does not fit.
    Result<void> verify(const QByteArray &oldRoot, const QByteArray &newRoot) const;
};

} // namespace QmsAudit
