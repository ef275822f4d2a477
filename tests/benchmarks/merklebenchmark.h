// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace QmsAudit::Bench {

/**
 * The figures of issue 10 (docs/performance.md, "Merkle tree and checkpoints"): the append cost
 * with the tree maintained and without it, in the same run on fresh logs; proof sizes and times at
 * 1 M and 10 M events (the tree of that size, on a given log); checkpoint signing and verification;
 * what verify's tree check (MerkleCheck) costs over a raw scan of the payloads it hashes.
 */
class MerkleBenchmark
{
public:
    MerkleBenchmark(QString logPath, QString keyFile, int repetitions, QString scratchDir);
    /// Takes the figures named in @p figures (append, proofs, checkpoints, tree-check), all if empty.
    bool run(const QStringList &figures);

private:
    bool appendFigures();
    bool proofFigures();
    bool checkpointFigures();
    bool treeCheckFigures();

    QString m_logPath;
    QString m_keyFile;
    int m_repetitions;
    QString m_scratchDir;
};

} // namespace QmsAudit::Bench
