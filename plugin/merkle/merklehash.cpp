// SPDX-License-Identifier: LGPL-2.1-or-later
#include "merkle/merklehash_p.h"

#include <QCryptographicHash>

namespace QmsAudit {

namespace {

constexpr char LeafPrefix = 0x00;
constexpr char NodePrefix = 0x01;

} // namespace

QByteArray MerkleHash::emptyRoot()
{
    return QCryptographicHash::hash(QByteArrayView(), QCryptographicHash::Sha256);
}

QByteArray MerkleHash::leaf(QByteArrayView data)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(&LeafPrefix, 1));
    hash.addData(data);
    return hash.result();
}

QByteArray MerkleHash::node(QByteArrayView left, QByteArrayView right)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(&NodePrefix, 1));
    hash.addData(left);
    hash.addData(right);
    return hash.result();
}

} // namespace QmsAudit
