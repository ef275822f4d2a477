// SPDX-License-Identifier: LGPL-2.1-or-later
#include "analysis/localclock_p.h"
#include <qmsaudit/timestamp.h>

#include <QDateTime>

namespace QmsAudit {
namespace {

constexpr qint64 kJulianDayOfEpoch = 2'440'588; // 1970-01-01

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace

LocalClock::LocalClock(QTimeZone zone)
    : m_zone(std::move(zone))
{
}

LocalClock::LocalTime LocalClock::toLocal(qint64 utcMicros)
{
    if (utcMicros < m_validFromUs || utcMicros >= m_validToUs)
        refresh(utcMicros);
    const qint64 local = utcMicros + m_offsetUs;
    const qint64 day = floorDiv(local, MicrosPerDay);
    return {QDate::fromJulianDay(kJulianDayOfEpoch + day), local - day * MicrosPerDay};
}

void LocalClock::refresh(qint64 utcMicros)
{
    // Offsets change on whole seconds: the millisecond that holds utcMicros has one offset.
    const qint64 ms = floorDiv(utcMicros, 1000);
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    m_offsetUs = qint64(m_zone.offsetFromUtc(at)) * 1'000'000;
    m_validFromUs = ms * 1000;
    // The first transition strictly after `at` ends the offset (none: it holds for ever).
    const QTimeZone::OffsetData next = m_zone.hasTransitions() ? m_zone.nextTransition(at) : QTimeZone::OffsetData();
    m_validToUs = next.atUtc.isValid() ? next.atUtc.toMSecsSinceEpoch() * 1000 : std::numeric_limits<qint64>::max();
}

} // namespace QmsAudit
