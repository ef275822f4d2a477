// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDate>
#include <QTimeZone>

#include <limits>

namespace QmsAudit {

/**
 * UTC µs to local date and time of day in one time zone, exact to the µs. Why not QDateTime:
 * it keeps milliseconds only, and asking QTimeZone for the offset of every one of millions of
 * events is slow. The offset is cached until the zone's next transition, so a stream of events
 * in time order asks QTimeZone about twice a year of events.
 */
class LocalClock
{
public:
    struct LocalTime {
        QDate date;
        qint64 microsOfDay = 0;
    };

    explicit LocalClock(QTimeZone zone);
    LocalTime toLocal(qint64 utcMicros);

private:
    /// Looks up the offset at @p utcMicros and how long it stays valid.
    void refresh(qint64 utcMicros);

    QTimeZone m_zone;
    qint64 m_validFromUs = 1; ///< [from, to) in which m_offsetUs holds; empty at first
    qint64 m_validToUs = 0;
    qint64 m_offsetUs = 0;
};

} // namespace QmsAudit
