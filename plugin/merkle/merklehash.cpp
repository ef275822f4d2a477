// SPDX-License-Identifier: LGPL-2.1-or-later
#include "merkle/merklehash_p.h"

#include "integrity/sha256_p.h"

#include <QCryptographicHash>

namespace QmsAudit {

namespace {

constexpr char LeafPrefix = 0x00;
constexpr char NodePrefix = 0x01;

/// SHA-256(prefix || data). OpenSSL's assembler through one context per thread: verify and the
/// writer hash two records per event, and QCryptographicHash is several times slower.
QByteArray prefixedDigest(char prefix, QByteArrayView data)
{
    thread_local Sha256 sha256;
    Sha256::Digest digest;
    if (sha256.link(QByteArrayView(&prefix, 1), data, digest))
        return QByteArray(reinterpret_cast<const char *>(digest.data()), qsizetype(digest.size()));
    QCryptographicHash fallback(QCryptographicHash::Sha256); // same digest, if OpenSSL failed
    fallback.addData(QByteArrayView(&prefix, 1));
    fallback.addData(data);
    return fallback.result();
}

} // namespace

QByteArray MerkleHash::emptyRoot()
{
    return QCryptographicHash::hash(QByteArrayView(), QCryptographicHash::Sha256);
}

QByteArray MerkleHash::leaf(QByteArrayView data)
{
    return prefixedDigest(LeafPrefix, data);
}

QByteArray MerkleHash::node(QByteArrayView left, QByteArrayView right)
{
    char both[2 * Size];
    if (left.size() != Size || right.size() != Size) { // not a hash: hash what was given all the same
        return prefixedDigest(NodePrefix, QByteArray(left.data(), left.size()) + QByteArray(right.data(), right.size()));
    }
    std::copy_n(left.data(), Size, both);
    std::copy_n(right.data(), Size, both + Size);
    return prefixedDigest(NodePrefix, QByteArrayView(both, 2 * Size));
}

} // namespace QmsAudit
