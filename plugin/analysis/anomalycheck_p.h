// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/anomalyflag.h>
#include <qmsaudit/event.h>
#include <qmsaudit/result.h>

#include <QList>

#include <atomic>
#include <utility>

namespace QmsAudit {

/**
 * One rule of AnomalyDetector, fed the events the scan reads in seq order (and so in recorded_at
 * order): every event of the period, and before them, to bulk_access only, the successful
 * accesses of its baseline days. A rule flags only events of the period; the history only
 * informs it.
 */
class AnomalyCheck
{
public:
    virtual ~AnomalyCheck() = default;
    /// @p inPeriod: recorded in the period scanned. An error stops the scan.
    virtual Result<void> visit(const Event &event, bool inPeriod) = 0;
    /// After the last event: work that had to wait for the end (reading history). An error stops the scan.
    virtual Result<void> endOfStream() { return {}; }
    /// After the last event: the flags found, those still being collected closed first.
    QList<AnomalyFlag> takeFlags()
    {
        closeAll();
        return std::exchange(m_flags, {});
    }
    /// Events this rule read on its own, besides the scan's stream (document histories).
    virtual qint64 eventsRead() const { return 0; }

    /// Whether the scan's caller asked it to stop (AnomalyDetector::scan()'s @p cancel).
    static bool isCancelled(const std::atomic_bool *cancel) { return cancel && cancel->load(std::memory_order_relaxed); }
    /// What a cancelled scan returns.
    static Error cancelledError() { return Error(ErrorCode::Cancelled, QStringLiteral("The anomaly scan was cancelled.")); }

protected:
    /// Closes the flags still being collected (a user's open day, hour or burst) into m_flags.
    virtual void closeAll() {}

    QList<AnomalyFlag> m_flags; ///< the flags found so far
};

} // namespace QmsAudit
