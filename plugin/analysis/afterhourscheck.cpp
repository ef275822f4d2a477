// SPDX-License-Identifier: LGPL-2.1-or-later
#include "analysis/afterhourscheck_p.h"

#include <QLocale>
#include <QTime>

namespace QmsAudit {

AfterHoursCheck::AfterHoursCheck(const AnomalyRules &rules)
    : m_rules(rules)
    , m_clock(rules.calendar.timeZone)
{
    const QVariantMap calendar = rules.toVariantMap().value(QStringLiteral("site_calendar")).toMap();
    m_calendarText = QStringLiteral("working hours %1 on %2 in %3")
                         .arg(calendar.value(QStringLiteral("working_hours")).toString(),
                              calendar.value(QStringLiteral("working_days")).toStringList().join(QLatin1Char(',')),
                              QString::fromLatin1(rules.calendar.timeZone.id()));
    if (!rules.calendar.holidays.isEmpty())
        m_calendarText += QStringLiteral(", holidays excepted");
}

bool AfterHoursCheck::isWatched(Action action)
{
    switch (actionCategory(action)) {
    case ActionCategory::Access:
    case ActionCategory::Change:
    case ActionCategory::Workflow:
        return true;
    default:
        return action == Action::Login;
    }
}

Result<void> AfterHoursCheck::visit(const Event &event, bool inPeriod)
{
    if (!inPeriod || !isWatched(event.action))
        return {};
    const LocalClock::LocalTime local = m_clock.toLocal(event.recordedAtUs);
    if (m_rules.calendar.isWorkingTime(local.date, local.microsOfDay))
        return {};
    Day &day = m_days[event.actor.id];
    if (day.date != local.date) {
        close(day);
        day.date = local.date;
        day.flag.emplace(AnomalyRule::AfterHours, AnomalySeverity::Low, event.actor.id, m_rules.maxSeqsPerFlag);
    }
    day.flag->add(event);
    return {};
}

void AfterHoursCheck::close(Day &day)
{
    if (!day.flag)
        return;
    FlagBuilder &flag = *day.flag;
    const auto localTime = [this](qint64 utcMicros) {
        return QTime::fromMSecsSinceStartOfDay(int(m_clock.toLocal(utcMicros).microsOfDay / 1000)).toString(QStringLiteral("HH:mm:ss"));
    };
    m_flags.append(flag.take(QStringLiteral("%1 recorded %2 event(s) outside working time on %3 %4, local time %5 to %6 (%7).")
                                 .arg(flag.actorId())
                                 .arg(flag.counted())
                                 .arg(QLocale::c().dayName(day.date.dayOfWeek()), day.date.toString(Qt::ISODate),
                                      localTime(flag.firstUs()), localTime(flag.lastUs()), m_calendarText)));
    day.flag.reset();
}

void AfterHoursCheck::closeAll()
{
    for (Day &day : m_days)
        close(day);
}

} // namespace QmsAudit
