// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/anomalyflag.h>
#include <qmsaudit/anomalyrules.h>
#include <qmsaudit/eventfilter.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QList>

#include <atomic>
#include <optional>

namespace QmsAudit {

class EventReader;

/// What one scan found, and what it read to find it.
struct QMSAUDIT_EXPORT AnomalyReport {
    qint64 fromUs = 0;            ///< the period scanned, [fromUs, toUs) of recorded_at
    qint64 toUs = 0;
    qint64 periodEvents = 0;      ///< events recorded in the period
    qint64 historyEvents = 0;     ///< events read before it: the bulk-access baseline and the document histories
    /// Ordered by firstUs, then rule, actor and first seq.
    QList<AnomalyFlag> flags;
};

/**
 * The anomaly flags of a period (docs/anomalies.md): access outside working hours, bulk access,
 * bursts of denied attempts, edits of released documents, self-approval and clock anomalies.
 * Reads through the public EventReader API only: one stream over the period (and over the
 * baseline days before it when bulk_access runs), plus a document's history before that when
 * the state of a document at the start matters.
 * @code
 * auto rules = QmsAudit::AnomalyRules::fromFile("/etc/qms/anomaly-rules.json");
 * if (!rules)
 *     return fail(rules.error().message());
 * auto report = QmsAudit::AnomalyDetector::scan(*reader, *QmsAudit::parseTimestamp(u"2026-07-01"),
 *                                               *QmsAudit::parseTimestamp(u"2026-10-01"), *rules);
 * for (const QmsAudit::AnomalyFlag &flag : report->flags)
 *     show(flag.explanation, flag.seqs);
 * @endcode
 */
class QMSAUDIT_EXPORT AnomalyDetector
{
public:
    /**
     * Flags the events recorded in [@p fromUs, @p toUs) by @p rules. InvalidArgument for an
     * empty period or invalid rules. While @p cancel is true the scan stops soon with
     * ErrorCode::Cancelled (a view that runs it on a thread of its own and no longer needs it).
     */
    static Result<AnomalyReport> scan(const EventReader &reader, qint64 fromUs, qint64 toUs, const AnomalyRules &rules,
                                      const std::atomic_bool *cancel = nullptr);
    /**
     * The events a scan of a period from @p fromUs streams before it for the bulk-access
     * baseline: the successful view, print, export and download events of the baseline days
     * before the hour that holds @p fromUs. std::nullopt when bulk_access is off. What a scan
     * costs besides its period (and the document histories it may need, docs/anomalies.md).
     */
    static std::optional<EventFilter> baselineFilter(qint64 fromUs, const AnomalyRules &rules);
};

} // namespace QmsAudit
