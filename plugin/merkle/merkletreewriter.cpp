// SPDX-License-Identifier: LGPL-2.1-or-later
#include "merkle/merkletreewriter_p.h"

#include "merkle/merklehash_p.h"
#include "merkle/storedsubtreehashes_p.h"
#include "storage/connection_p.h"
#include "storage/schemasql_p.h"

namespace QmsAudit {

MerkleTreeWriter::MerkleTreeWriter(Connection &connection)
    : m_connection(connection)
{
}

Result<void> MerkleTreeWriter::begin(qint64 size)
{
    if (!m_committed || m_committed->size() != size) {
        // First append of this writer, or another writer (thread or process) appended since.
        auto restored = CompactRange::restore(StoredSubtreeHashes(m_connection), size);
        if (!restored)
            return restored.error();
        m_committed = std::move(*restored);
    }
    m_pending = *m_committed;
    if (!m_insert) {
        auto insert = m_connection.prepare(SchemaSql::InsertSubtree);
        if (!insert)
            return insert.error();
        m_insert.emplace(std::move(*insert));
    }
    return {};
}

Result<void> MerkleTreeWriter::append(QByteArrayView payload)
{
    for (const SubtreeHash &subtree : m_pending.append(MerkleHash::leaf(payload))) {
        if (subtree.level == 0)
            continue; // leaf hashes are recomputed from the payload
        m_insert->bind(1, qint64(subtree.level));
        m_insert->bind(2, subtree.index);
        m_insert->bindBlob(3, subtree.hash);
        auto inserted = m_insert->run();
        m_insert->reset();
        if (!inserted)
            return inserted;
    }
    return {};
}

Result<void> MerkleTreeWriter::build(Connection &connection)
{
    MerkleTreeWriter writer(connection);
    if (auto begun = writer.begin(0); !begun)
        return begun;
    auto select = connection.prepare(SchemaSql::SelectPayloadsFrom);
    if (!select)
        return select.error();
    select->bind(1, qint64(1));
    while (true) {
        auto row = select->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        if (select->int64(0) != writer.m_pending.size() + 1) {
            return Error(ErrorCode::IntegrityFailure, QStringLiteral("%1 has no event seq %2; the Merkle tree cannot be built. Run verify.")
                                                          .arg(connection.path())
                                                          .arg(writer.m_pending.size() + 1));
        }
        if (auto appended = writer.append(select->blobView(1)); !appended)
            return appended;
    }
    return {};
}

} // namespace QmsAudit
