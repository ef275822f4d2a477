// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/anomalyrules.h>

#include "analysis/anomalycheck_p.h"
#include "analysis/flagbuilder_p.h"
#include "analysis/localclock_p.h"

#include <QHash>

#include <optional>

namespace QmsAudit {

/**
 * after_hours (docs/anomalies.md): work on documented information (access, change and workflow
 * actions, and logins, whatever their outcome) recorded outside the site calendar's working
 * time; one flag per user and local date.
 */
class AfterHoursCheck final : public AnomalyCheck
{
public:
    explicit AfterHoursCheck(const AnomalyRules &rules);
    Result<void> visit(const Event &event, bool inPeriod) override;

    /// Whether @p action is work on documented information, which the rule watches.
    static bool isWatched(Action action);

private:
    void closeAll() override;
    struct Day {
        QDate date;
        std::optional<FlagBuilder> flag;
    };
    void close(Day &day);

    const AnomalyRules &m_rules;
    LocalClock m_clock;
    QString m_calendarText;
    QHash<QString, Day> m_days; ///< per user: the local date of their last off-hours event
};

} // namespace QmsAudit
