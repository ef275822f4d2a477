// SPDX-License-Identifier: LGPL-2.1-or-later
#include "merkle/storedsubtreehashes_p.h"

#include "merkle/merklehash_p.h"
#include "storage/connection_p.h"
#include "storage/schemasql_p.h"

namespace QmsAudit {
namespace {

/// Prepares @p sql into @p statement on first use.
Result<Statement *> prepared(std::optional<Statement> &statement, const Connection &connection, const char *sql)
{
    if (!statement) {
        auto prepared = connection.prepare(sql);
        if (!prepared)
            return prepared.error();
        statement.emplace(std::move(*prepared));
    }
    return &*statement;
}

} // namespace

StoredSubtreeHashes::StoredSubtreeHashes(const Connection &connection)
    : m_connection(connection)
{
}

Result<QByteArray> StoredSubtreeHashes::hash(int level, qint64 index) const
{
    const bool leaf = level == 0;
    auto select = leaf ? prepared(m_selectPayload, m_connection, SchemaSql::SelectPayloadAt)
                       : prepared(m_selectSubtree, m_connection, SchemaSql::SelectSubtree);
    if (!select)
        return select.error();
    Statement &statement = **select;
    if (leaf) {
        statement.bind(1, index + 1); // leaf i is seq i + 1
    } else {
        statement.bind(1, qint64(level));
        statement.bind(2, index);
    }
    auto row = statement.step();
    QByteArray hash;
    if (row && *row)
        hash = leaf ? MerkleHash::leaf(statement.blobView(0)) : statement.blob(0);
    statement.reset();
    if (!row)
        return row.error();
    if (!*row || hash.size() != MerkleHash::Size) {
        const QString what = leaf ? QStringLiteral("the event seq %1").arg(index + 1)
                                  : QStringLiteral("the Merkle subtree hash (level %1, index %2)").arg(level).arg(index);
        return Error(ErrorCode::IntegrityFailure, QStringLiteral("%1 is missing from %2.").arg(what, m_connection.path()));
    }
    return hash;
}

} // namespace QmsAudit
