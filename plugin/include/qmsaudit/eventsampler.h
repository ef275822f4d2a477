// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/action.h>
#include <qmsaudit/eventfilter.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QList>
#include <QMap>

namespace QmsAudit {

class EventReader;

/**
 * What to sample: the population is every event that matches @p filter up to and including seq
 * @p upToSeq. The log only grows, so the same filter, last seq and seed draw the same sample
 * however many events were recorded since: an inspector can re-draw it.
 */
struct QMSAUDIT_EXPORT SampleRequest {
    EventFilter filter;
    qint64 upToSeq = 0;     ///< the population's last seq; 0: the log's newest when drawn
    quint64 seed = 0;
    int size = 0;           ///< random picks; fewer when the population is smaller
    /// By action group (access, change, workflow, …), each group drawn in proportion to its share
    /// of the population (largest remainder), so that a rare group is not left out by chance.
    bool stratified = false;
    /// Targeted picks besides the random ones: every denied attempt of the population.
    bool allDenied = false;

    static constexpr int MaxSize = 100000;
};

/// A drawn sample and what identifies its population.
struct QMSAUDIT_EXPORT EventSample {
    SampleRequest request;       ///< as asked, with upToSeq resolved
    qint64 populationSize = 0;
    /**
     * SHA-256 over the population, event by event in ascending seq: the seq as 8 bytes big-endian,
     * then the event's 32-byte chain hash. Equal digests: the same events, unchanged.
     */
    QByteArray populationDigest;
    QList<qint64> seqs;          ///< the random picks, ascending
    QList<qint64> targetedSeqs;  ///< the targeted picks (SampleRequest::allDenied), ascending
    QMap<ActionCategory, qint64> strata; ///< population per action group (stratified samples)

    /**
     * What the drawing of this sample records (trail_viewed, docs/cli.md), so that the record
     * alone lets an inspector re-draw it: "filter", "sample_up_to_seq", "sample_seed",
     * "sample_size", "sample_stratified" (yes/no), "sample_targeted" (denied/none), "population",
     * "population_sha256", and "event_count" (the random and targeted picks).
     */
    QMap<QString, QString> recordedAttributes() const;
};

/**
 * Draws reproducible samples of a log's events for audit-trail review (docs/sampling.md). One
 * pass over the population in seq order, with reservoir sampling (memory bounded by the sample
 * size, not the population) driven by std::mt19937_64, whose sequence the C++ standard fixes, and
 * an unbiased reduction of its own (std::uniform_int_distribution differs between libraries):
 * the same request gives the same sample on every platform and version.
 */
class QMSAUDIT_EXPORT EventSampler
{
public:
    /// InvalidArgument for a size outside 1…MaxSize or an upToSeq beyond the log's end.
    static Result<EventSample> draw(const EventReader &reader, const SampleRequest &request);
};

} // namespace QmsAudit
