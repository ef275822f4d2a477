// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/hashchain_p.h"

#include <QCryptographicHash>

namespace QmsAudit {

QByteArray HashChain::genesis(const QString &logId)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("QmsAudit genesis v1\n"));
    hash.addData(logId.toUtf8());
    return hash.result();
}

QByteArray HashChain::genesis(const QString &logId, const QString &reasonRequired)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("QmsAudit genesis v2\n"));
    hash.addData(logId.toUtf8());
    hash.addData(QByteArrayView("\nreason_required="));
    hash.addData(reasonRequired.toUtf8());
    hash.addData(QByteArrayView("\n"));
    return hash.result();
}

QByteArray HashChain::link(const QByteArray &previousHash, const QByteArray &encoding)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previousHash);
    hash.addData(encoding);
    return hash.result();
}

} // namespace QmsAudit
