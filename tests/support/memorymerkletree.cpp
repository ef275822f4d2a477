// SPDX-License-Identifier: LGPL-2.1-or-later
#include "memorymerkletree.h"

namespace QmsAudit::Test {

QList<SubtreeHash> MemoryMerkleTree::append(const QByteArray &leafHash)
{
    const QList<SubtreeHash> completed = m_range.append(leafHash);
    for (const SubtreeHash &subtree : completed) {
        if (m_levels.size() <= subtree.level)
            m_levels.resize(subtree.level + 1);
        // Appends complete each level's subtrees in index order (the reference test checks it).
        m_levels[subtree.level].append(subtree.hash);
    }
    return completed;
}

Result<QByteArray> MemoryMerkleTree::hash(int level, qint64 index) const
{
    if (level < 0 || level >= m_levels.size() || index < 0 || index >= m_levels[level].size())
        return Error(ErrorCode::NotFound, QStringLiteral("No subtree hash at level %1, index %2.").arg(level).arg(index));
    return m_levels[level][index];
}

} // namespace QmsAudit::Test
