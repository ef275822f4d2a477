// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace QmsAudit {

/// hash(n) = SHA-256(hash(n-1) || encoding(n)); hash(0) = genesis(log id). 32 bytes each.
class HashChain
{
public:
    static constexpr int HashSize = 32;
    /// SHA-256("QmsAudit genesis v1\n" || log id as UTF-8): logs created before layout 3.
    static QByteArray genesis(const QString &logId);
    /// SHA-256("QmsAudit genesis v2\n" || log id || "\nreason_required=" || policy || "\n"), all
    /// UTF-8, where @p reasonRequired is the policy as stored in meta (action names in declaration
    /// order, comma-separated). Binds the policy into the chain: changing it breaks seq 1.
    static QByteArray genesis(const QString &logId, const QString &reasonRequired);
    static QByteArray link(const QByteArray &previousHash, const QByteArray &encoding);
};

} // namespace QmsAudit
