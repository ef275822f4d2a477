// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/anomalyflag.h>
#include <qmsaudit/event.h>
#include <qmsaudit/result.h>

#include <QList>

namespace QmsAudit {

/**
 * One rule of AnomalyDetector, fed every event the scan reads, in seq order (and so in
 * recorded_at order): the history before the period first (the bulk-access baseline), then the
 * period. A rule flags only events of the period; the history only informs it.
 */
class AnomalyCheck
{
public:
    virtual ~AnomalyCheck() = default;
    /// @p inPeriod: recorded in the period scanned. An error stops the scan.
    virtual Result<void> visit(const Event &event, bool inPeriod) = 0;
    /// After the last event: appends the flags found to @p flags.
    virtual void finish(QList<AnomalyFlag> &flags) = 0;
    /// Events this rule read on its own, besides the scan's stream (document histories).
    virtual qint64 eventsRead() const { return 0; }
};

} // namespace QmsAudit
