// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/verificationreport.h>

#include <algorithm>

namespace QmsAudit {

QString findingKindName(VerificationFinding::Kind kind)
{
    using K = VerificationFinding::Kind;
    switch (kind) {
    case K::HashMismatch: return QStringLiteral("hash mismatch");
    case K::Gap: return QStringLiteral("gap");
    case K::Duplicate: return QStringLiteral("duplicate seq");
    case K::OutOfOrder: return QStringLiteral("out of order");
    case K::TimeWentBackwards: return QStringLiteral("time went backwards");
    case K::ColumnMismatch: return QStringLiteral("column mismatch");
    case K::Undecodable: return QStringLiteral("undecodable record");
    case K::StorageDamaged: return QStringLiteral("storage damaged");
    case K::TextIndexMismatch: return QStringLiteral("text index mismatch");
    case K::SummaryMismatch: return QStringLiteral("summary mismatch");
    case K::MerkleMismatch: return QStringLiteral("Merkle tree mismatch");
    }
    return QStringLiteral("unknown");
}

qint64 VerificationReport::firstBadSeq() const
{
    qint64 first = 0;
    for (const auto &finding : findings) {
        if (finding.seq > 0 && (first == 0 || finding.seq < first))
            first = finding.seq;
    }
    return first;
}

QString VerificationReport::summary() const
{
    if (cancelled)
        return QStringLiteral("CANCELLED after %1 events").arg(eventCount);
    if (ok)
        return QStringLiteral("OK %1 events, head %2").arg(eventCount).arg(QString::fromLatin1(headHash.toHex()));
    if (findings.isEmpty())
        return QStringLiteral("FAILED: verification did not complete");
    // The finding for the first bad seq leads; findings without a seq come after.
    const qint64 first = firstBadSeq();
    auto lead = std::find_if(findings.cbegin(), findings.cend(), [first](const auto &f) { return f.seq == first; });
    if (lead == findings.cend())
        lead = findings.cbegin();
    if (lead->seq > 0)
        return QStringLiteral("FAILED at seq %1: %2 (%3)").arg(lead->seq).arg(findingKindName(lead->kind), lead->detail);
    return QStringLiteral("FAILED: %1 (%2)").arg(findingKindName(lead->kind), lead->detail);
}

} // namespace QmsAudit
