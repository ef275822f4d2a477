// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/merkleproof.h>

#include "merkle/merklehash_p.h"
#include "merkle/merkleproofs_p.h"

namespace QmsAudit {

QByteArray InclusionProof::leafHashOf(QByteArrayView canonicalEncoding)
{
    return MerkleHash::leaf(canonicalEncoding);
}

Result<void> InclusionProof::verify(const QByteArray &rootHash) const
{
    return MerkleProofs::verifyInclusion(leafHash, seq - 1, treeSize, hashes, rootHash);
}

Result<void> ConsistencyProof::verify(const QByteArray &oldRoot, const QByteArray &newRoot) const
{
    return MerkleProofs::verifyConsistency(oldSize, oldRoot, newSize, newRoot, hashes);
}

} // namespace QmsAudit
