// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace QmsAudit {

/**
 * The Merkle tree hashes of RFC 9162 §2.1.1 (the same as RFC 6962 §2.1) with SHA-256. The prefix
 * bytes keep a leaf from ever hashing like an inner node (second-preimage resistance).
 */
class MerkleHash
{
public:
    static constexpr int Size = 32;

    /// MTH({}) = SHA-256(""): the root of a tree with no leaves.
    static QByteArray emptyRoot();
    /// SHA-256(0x00 || data).
    static QByteArray leaf(QByteArrayView data);
    /// SHA-256(0x01 || left || right).
    static QByteArray node(QByteArrayView left, QByteArrayView right);
};

} // namespace QmsAudit
