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
    /// SHA-256("QmsAudit genesis v1\n" || log id as UTF-8).
    static QByteArray genesis(const QString &logId);
    static QByteArray link(const QByteArray &previousHash, const QByteArray &encoding);
};

} // namespace QmsAudit
