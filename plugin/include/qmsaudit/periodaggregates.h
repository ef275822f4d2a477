// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace QmsAudit {

/// What EventReader::aggregates() is asked: a period of whole UTC days, [fromUs, toUs).
struct AggregateRequest {
    qint64 fromUs = 0;
    qint64 toUs = 0;
    int topCount = 10;                                   ///< entries in each ranking
    qint64 staleAfterUs = 365LL * 24 * 3600 * 1000000;   ///< a document unrevised and unreviewed this long is stale
    int staleLimit = 100;                                ///< stale documents listed (all are counted)
};

/// The time from a submit to the next approve or release of the same object, over the cycles
/// that ended in the period. Percentiles by nearest rank: the value at rank ceil(p * count).
struct CycleTimes {
    qint64 count = 0;
    qint64 medianUs = 0;
    qint64 p90Us = 0;
    bool operator==(const CycleTimes &) const = default;
};

/// One place in a ranking: a document (type and id) or a person (id only).
struct RankedCount {
    QString objectType;
    QString id;
    qint64 count = 0;
    bool operator==(const RankedCount &) const = default;
};

/// A document with no revision and no review for longer than AggregateRequest::staleAfterUs at
/// the end of the period. 0 means never.
struct StaleDocument {
    QString objectType;
    QString objectId;
    qint64 lastRevisedUs = 0;
    qint64 lastReviewedUs = 0;
    bool operator==(const StaleDocument &) const = default;
};

/**
 * What the log shows for a period, for the management review (docs/aggregates.md): counts by
 * action, action group, person, object type, outcome, day, ISO week and month; workflow cycle
 * times; stale documents; changes without a reason; rankings. Answered from the per-day summary
 * and the per-month rollups, which verify checks against the hash chain.
 */
struct PeriodAggregates {
    qint64 fromUs = 0;
    qint64 toUs = 0;
    qint64 total = 0;
    QMap<QString, qint64> byAction;
    QMap<QString, qint64> byActionGroup; ///< access, change, workflow, security, audit, system
    QMap<QString, qint64> byActor;
    QMap<QString, qint64> byObjectType;
    QMap<QString, qint64> byOutcome;
    QMap<QString, qint64> byDay;   ///< "YYYY-MM-DD"
    QMap<QString, qint64> byWeek;  ///< ISO week "YYYY-Www"
    QMap<QString, qint64> byMonth; ///< "YYYY-MM"
    QMap<QString, QMap<QString, qint64>> byWeekAndGroup; ///< week -> action group -> events
    QMap<QString, qint64> approvalsByWeek; ///< the trends beside byWeekAndGroup's "change"
    QMap<QString, qint64> releasesByWeek;
    QMap<QString, qint64> deniedByWeek;    ///< events with outcome denied, per ISO week
    qint64 changes = 0;   ///< events of the change group
    qint64 approvals = 0;
    qint64 releases = 0;
    qint64 denied = 0;    ///< events with outcome denied
    qint64 changesWithoutReason = 0;
    QMap<QString, CycleTimes> submitToApprove; ///< by object type
    QMap<QString, CycleTimes> submitToRelease; ///< by object type
    qint64 staleDocumentCount = 0;
    QList<StaleDocument> staleDocuments;       ///< the longest-unrevised first, at most staleLimit
    QList<RankedCount> topAccessedDocuments;   ///< by access events (view, print, export, download, search)
    QList<RankedCount> topUsersByChanges;      ///< by change events
};

} // namespace QmsAudit
