// SPDX-License-Identifier: LGPL-2.1-or-later
#include "merkle/compactrange_p.h"

#include "merkle/merklehash_p.h"

#include <bit>

namespace QmsAudit {

Result<CompactRange> CompactRange::restore(const SubtreeHashes &hashes, qint64 size)
{
    if (size < 0)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("A Merkle tree cannot have %1 leaves.").arg(size));
    CompactRange range;
    for (int level = std::bit_width(quint64(size)) - 1; level >= 0; --level) {
        if ((size >> level & 1) == 0)
            continue;
        // The subtree of this bit ends where the leaves counted by the higher bits end.
        Result<QByteArray> hash = hashes.hash(level, (size >> level) - 1);
        if (!hash)
            return hash.error();
        range.m_roots.append(*hash);
    }
    range.m_size = size;
    return range;
}

QList<SubtreeHash> CompactRange::append(const QByteArray &leafHash)
{
    QList<SubtreeHash> completed;
    completed.reserve(std::countr_one(quint64(m_size)) + 1); // the leaf and one per merge
    completed.append({0, m_size, leafHash});
    QByteArray hash = leafHash;
    int level = 0;
    qint64 index = m_size;
    // An odd index is a right child: its left sibling is the last root, now complete on both sides.
    while (index & 1) {
        hash = MerkleHash::node(m_roots.takeLast(), hash);
        ++level;
        index >>= 1;
        completed.append({level, index, hash});
    }
    m_roots.append(hash);
    ++m_size;
    return completed;
}

QByteArray CompactRange::root() const
{
    if (m_roots.isEmpty())
        return MerkleHash::emptyRoot();
    // MTH splits off the largest power of two on the left, so the roots fold from the right.
    QByteArray hash = m_roots.last();
    for (qsizetype i = m_roots.size() - 2; i >= 0; --i)
        hash = MerkleHash::node(m_roots[i], hash);
    return hash;
}

} // namespace QmsAudit
