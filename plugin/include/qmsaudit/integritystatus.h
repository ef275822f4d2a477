// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/auditlog.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QString>

#include <optional>

namespace QmsAudit {

class EventReader;

/// A verification recorded in the log (a trail_verified event, AuditTrail::trailVerified()).
struct RecordedVerification {
    qint64 seq = 0;
    qint64 atUs = 0;          ///< its recorded_at
    QString actorId;
    QString actorName;
    QString result;           ///< ok, failed or cancelled
    qint64 eventCount = 0;    ///< events it checked
    qint64 lastSeq = 0;       ///< the last seq it checked
    QString headHash;         ///< hex, when ok
    qint64 firstBadSeq = 0;   ///< when failed and known
};

/**
 * What a dashboard can say about a log's integrity without re-verifying it: the chain's head now,
 * and the newest verification recorded in the log (and the newest that passed). How many events
 * were appended since that verification tells how stale its verdict is.
 */
struct QMSAUDIT_EXPORT IntegrityStatus {
    ChainHead head;
    std::optional<RecordedVerification> lastVerification;     ///< newest trail_verified, any result
    std::optional<RecordedVerification> lastPassedVerification; ///< newest with result ok

    /// Events recorded after the last passed verification's last seq (all of them when none passed).
    qint64 eventsSinceLastPass() const;

    /// Reads the head and the newest trail_verified events (by the action index, newest first).
    static Result<IntegrityStatus> read(const EventReader &reader);
};

} // namespace QmsAudit
