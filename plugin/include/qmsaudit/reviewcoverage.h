// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QList>
#include <QString>

#include <atomic>

namespace QmsAudit {

class EventReader;

/// A signed "audit trail reviewed" statement (a trail_reviewed review_recorded event, docs/reviews.md).
struct ReviewStatement {
    qint64 seq = 0;            ///< the review_recorded event
    qint64 signedAtUs = 0;     ///< its recorded_at: the time of the signature
    QString reviewerId;
    QString reviewerName;
    QString meaning;           ///< the meaning of the signature
    qint64 periodFromUs = 0;   ///< the period it states was reviewed, [from, to)
    qint64 periodToUs = 0;
    QString scope;
    QString result;
    bool operator==(const ReviewStatement &) const = default;
};

/// One calendar month (UTC) of a period and the statements that cover any of it.
struct QMSAUDIT_EXPORT MonthCoverage {
    enum class State { NotReviewed, PartlyReviewed, Reviewed };
    QString month;             ///< "YYYY-MM"
    qint64 fromUs = 0;         ///< the month's part inside the period, [from, to)
    qint64 toUs = 0;
    State state = State::NotReviewed;
    qint64 coveredUs = 0;      ///< how much of [from, to) the statements' periods cover together
    QList<qint64> statementSeqs; ///< the statements overlapping the month, oldest first

    static QString stateName(State state); ///< not_reviewed, partly_reviewed, reviewed
};

/**
 * Audit-trail review coverage of a period (ISO 9001 §9.3 input, PIC/S PI 041 §9.8): for each
 * month, whether recorded trail_reviewed statements cover it, wholly, partly or not at all. A
 * statement counts whenever it was recorded, also after the period (a review of July signed in
 * August covers July); statements recorded after the log's last event are not there to be read.
 */
struct QMSAUDIT_EXPORT ReviewCoverage {
    qint64 fromUs = 0;
    qint64 toUs = 0;
    QList<MonthCoverage> months;          ///< in order; the first and last may be partial months
    QList<ReviewStatement> statements;    ///< every statement overlapping the period, oldest first
    int reviewedMonths = 0;               ///< months with state Reviewed

    /// Reads every trail_reviewed statement of @p reader (the review_recorded events, by the
    /// action index) and lays them over [fromUs, toUs). Cancelled: Error::Cancelled.
    static Result<ReviewCoverage> compute(const EventReader &reader, qint64 fromUs, qint64 toUs,
                                          const std::atomic_bool *cancel = nullptr);
};

} // namespace QmsAudit
