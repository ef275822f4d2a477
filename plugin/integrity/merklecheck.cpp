// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/merklecheck_p.h"

#include "integrity/chainverifier_p.h"
#include "merkle/merklehash_p.h"
#include "storage/connection_p.h"
#include "storage/schemasql_p.h"

#include <algorithm>

namespace QmsAudit {
namespace {

/// Merkle findings name no seq (0): a changed event also changes every subtree above it, and the
/// chain check names that event; the detail says which seqs a subtree covers.
void addFinding(VerificationReport &report, QString detail)
{
    if (report.findings.size() < ChainVerifier::MaxFindings)
        report.findings.append({VerificationFinding::Kind::MerkleMismatch, 0, std::move(detail)});
}

/// "level 2, index 5 (seqs 21-24)": which events a stored subtree covers.
QString subtreeName(int level, qint64 index)
{
    const qint64 first = (index << level) + 1;
    return QStringLiteral("level %1, index %2 (seqs %3-%4)").arg(level).arg(index).arg(first).arg(first + (qint64(1) << level) - 1);
}

} // namespace

MerkleCheck::MerkleCheck(Connection &connection)
    : m_connection(connection)
{
}

const MerkleCheck::StoredSubtree *MerkleCheck::peek(int level)
{
    if (m_cannotRead)
        return nullptr;
    if (m_levels.size() < size_t(level))
        m_levels.resize(level);
    Level &stored = m_levels[level - 1];
    if (stored.next < stored.batch.size())
        return &stored.batch[stored.next];
    if (stored.end)
        return nullptr;
    if (!m_select) {
        auto select = m_connection.prepare(SchemaSql::SelectSubtreesOfLevel);
        if (!select) {
            addFinding(m_pending, QStringLiteral("the Merkle tree cannot be read: %1").arg(select.error().message()));
            m_cannotRead = true;
            return nullptr;
        }
        m_select.emplace(std::move(*select));
    }
    m_select->reset();
    m_select->bind(1, qint64(level));
    m_select->bind(2, stored.nextIndex);
    m_select->bind(3, qint64(BatchRows));
    stored.batch.clear();
    stored.next = 0;
    while (true) {
        auto row = m_select->step();
        if (!row) {
            addFinding(m_pending, QStringLiteral("the Merkle tree cannot be read: %1").arg(row.error().message()));
            m_cannotRead = true;
            return nullptr;
        }
        if (!*row)
            break;
        StoredSubtree &subtree = stored.batch.emplace_back();
        subtree.index = m_select->int64(0);
        const QByteArrayView hash = m_select->blobView(1);
        if (hash.size() == qsizetype(subtree.hash.size())) // else all zeros: no hash, so it differs
            std::copy_n(hash.data(), hash.size(), subtree.hash.begin());
    }
    m_select->reset(); // no statement stays open between batches
    stored.end = stored.batch.size() < size_t(BatchRows);
    if (stored.batch.empty())
        return nullptr;
    stored.nextIndex = stored.batch.back().index + 1;
    return &stored.batch.front();
}

void MerkleCheck::add(QByteArrayView payload)
{
    for (const SubtreeHash &subtree : m_range.append(MerkleHash::leaf(payload))) {
        if (subtree.level > 0) // leaf hashes are not stored
            compare(subtree);
    }
}

void MerkleCheck::compare(const SubtreeHash &subtree)
{
    // A level's rows come in index order, as the appends completed them: a missing row shows as a
    // larger stored index (kept for the next subtree), a stray one as a smaller.
    while (true) {
        const StoredSubtree *stored = peek(subtree.level);
        if (!stored) {
            if (!m_cannotRead)
                addFinding(m_pending, QStringLiteral("the Merkle tree lacks the hash of %1").arg(subtreeName(subtree.level, subtree.index)));
            return;
        }
        if (stored->index > subtree.index) {
            addFinding(m_pending, QStringLiteral("the Merkle tree lacks the hash of %1").arg(subtreeName(subtree.level, subtree.index)));
            return;
        }
        ++m_levels[subtree.level - 1].next;
        if (stored->index < subtree.index) {
            addFinding(m_pending, QStringLiteral("the Merkle tree has a stray hash at %1").arg(subtreeName(subtree.level, stored->index)));
            continue;
        }
        if (QByteArrayView(stored->hash.data(), qsizetype(stored->hash.size())) != QByteArrayView(subtree.hash)) {
            addFinding(m_pending,
                       QStringLiteral("the Merkle tree's hash of %1 does not follow from the events").arg(subtreeName(subtree.level, subtree.index)));
        }
        return;
    }
}

void MerkleCheck::finish(VerificationReport &report)
{
    // Rows after the last subtree the records complete, on the levels read and above them.
    for (size_t i = 0; i < m_levels.size(); ++i) {
        if (const StoredSubtree *stray = peek(int(i) + 1))
            addFinding(m_pending, QStringLiteral("the Merkle tree has a stray hash at %1").arg(subtreeName(int(i) + 1, stray->index)));
    }
    auto above = m_connection.prepare(SchemaSql::SelectSubtreeAboveLevel);
    if (above) {
        above->bind(1, qint64(m_levels.size()));
        auto row = above->step();
        if (row && *row)
            addFinding(m_pending, QStringLiteral("the Merkle tree has a stray hash at %1").arg(subtreeName(int(above->int64(0)), above->int64(1))));
    }
    for (VerificationFinding &finding : m_pending.findings)
        addFinding(report, std::move(finding.detail));
    report.treeRoot = m_range.root();
}

} // namespace QmsAudit
