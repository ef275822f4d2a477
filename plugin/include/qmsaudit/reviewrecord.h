// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/event.h>
#include <qmsaudit/eventfilter.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace QmsAudit {

/**
 * A review of the audit trail, recorded as a `review_recorded` event on the trail itself
 * (docs/reviews.md): a review is never a change to the events it covers, only a new event that
 * names them. Three kinds:
 * - EventsReviewed: these events (seqs) were looked at, with a comment;
 * - Finding: something found in these events, with what it is;
 * - TrailReviewed: the statement "audit trail reviewed for period X, scope Y, result Z",
 *   e-signed: the reviewer (the event's actor), the time (its recorded_at) and the meaning.
 * What a review covers is its seqs, or a population (filter, last seq and digest: a sample's
 * definition, EventSample), or both.
 */
struct QMSAUDIT_EXPORT ReviewRecord {
    enum class Kind { EventsReviewed, Finding, TrailReviewed };

    Kind kind = Kind::EventsReviewed;
    QList<qint64> seqs;                ///< the events covered (required for EventsReviewed and Finding)
    std::optional<EventFilter> filter; ///< the population covered, with upToSeq and populationDigest
    qint64 upToSeq = 0;
    QByteArray populationDigest;       ///< SHA-256 (EventSample::populationDigest)
    std::optional<qint64> periodFromUs; ///< TrailReviewed: the period reviewed, [from, to) (required)
    std::optional<qint64> periodToUs;
    QString scope;                     ///< TrailReviewed: what was in scope ("all GMP documents")
    QString result;                    ///< TrailReviewed: the verdict ("no findings", "2 findings")
    QString comment;                   ///< recorded as the event's reason (required for a finding)
    QString signatureMeaning;          ///< TrailReviewed: the meaning of the signature (required)

    /// As many 9-digit seqs as fit the 4,096 characters of an attribute (EventValidator::Limits).
    static constexpr int MaxSeqs = 400;

    /// Stable name of @p kind: events_reviewed, finding, trail_reviewed (the "kind" attribute).
    static QString kindName(Kind kind);
    /**
     * The review_recorded event on @p trail (AuditTrail::trailObject()): attributes "kind",
     * "seqs" (comma-separated, ascending), "filter", "up_to_seq", "population_sha256",
     * "period_from", "period_to", "scope", "result". InvalidArgument when a field the kind needs
     * is missing or a seq is not positive; the actor is left to the recorder.
     */
    Result<Event> toEvent(const ObjectRef &trail) const;
};

} // namespace QmsAudit
