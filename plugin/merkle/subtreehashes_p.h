// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/result.h>

#include <QByteArray>
#include <QtGlobal>

namespace QmsAudit {

/**
 * The root of a perfect subtree: the 2^level leaves from index * 2^level on. Level 0 holds the
 * leaf hashes. These are the hashes CompactRange completes on append, so a store that keeps them
 * all (about two per leaf) answers any proof with O(log n) look-ups.
 */
struct SubtreeHash
{
    int level = 0;
    qint64 index = 0;
    QByteArray hash;
};

/// Where MerkleProofs and CompactRange::restore() read perfect-subtree hashes: memory or a table.
class SubtreeHashes
{
public:
    virtual ~SubtreeHashes() = default;
    /// The hash of the perfect subtree (@p level, @p index), or an error (not stored, I/O).
    virtual Result<QByteArray> hash(int level, qint64 index) const = 0;
};

} // namespace QmsAudit
