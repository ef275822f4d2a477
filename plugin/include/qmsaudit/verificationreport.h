// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_export.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace QmsAudit {

/// One problem found by AuditLog::verify().
struct VerificationFinding {
    enum class Kind {
        HashMismatch,      ///< stored hash differs from SHA-256(prev_hash || encoding)
        Gap,               ///< one or more seq values are missing before `seq`
        Duplicate,         ///< a record repeats an earlier seq
        OutOfOrder,        ///< a record claims a seq other than its position
        TimeWentBackwards, ///< recorded_at is earlier than its predecessor's
        ColumnMismatch,    ///< an index column disagrees with the hashed encoding
        Undecodable,       ///< the stored encoding cannot be decoded
        StorageDamaged,    ///< SQLCipher rejected a page (HMAC failure) or the b-tree is corrupt
        TextIndexMismatch, ///< the full-text index lists words an event lacks, or lacks words it has
        SummaryMismatch,   ///< the per-day summary behind statistics disagrees with the events
        MerkleMismatch,    ///< a stored Merkle subtree hash does not follow from the events, or is missing or stray
    };
    Kind kind;
    qint64 seq = 0; ///< the first seq affected (0 where no seq can be named)
    QString detail;
};

QMSAUDIT_EXPORT QString findingKindName(VerificationFinding::Kind kind);

/**
 * Progress and cancellation of a long verification, for views that run it on a thread of their
 * own (a 10 M-event log takes about 25 s). Both members are optional.
 */
struct VerificationControl {
    /// Called on the verifying thread about every ProgressInterval events: events checked so far,
    /// and the number of events in the snapshot being verified.
    std::function<void(qint64 checked, qint64 total)> progress;
    /// When it becomes true, the verification stops soon (both of its threads) and reports cancelled.
    const std::atomic_bool *cancel = nullptr;

    static constexpr qint64 ProgressInterval = 65536;
};

/// Outcome of a full chain verification.
struct QMSAUDIT_EXPORT VerificationReport {
    bool ok = false;
    bool cancelled = false;   ///< stopped by VerificationControl::cancel before it finished (ok is false)
    qint64 eventCount = 0;    ///< records read
    qint64 lastSeq = 0;       ///< seq of the last readable record
    QByteArray headHash;      ///< hash of the last record (the value to anchor externally)
    QByteArray treeRoot;      ///< Merkle root of the records read (a tree of eventCount leaves), recomputed from them
    QList<VerificationFinding> findings;

    /// The first bad seq, or 0 if none can be named.
    qint64 firstBadSeq() const;
    /// "OK 312 events, head 3fa2…" or "FAILED at seq 17: hash mismatch (…)".
    QString summary() const;
};

} // namespace QmsAudit
