// SPDX-License-Identifier: LGPL-2.1-or-later
#include "analysis/bulkaccesscheck_p.h"

#include <qmsaudit/timestamp.h>

namespace QmsAudit {
namespace {

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace

BulkAccessCheck::BulkAccessCheck(const AnomalyRules &rules)
    : m_rules(rules)
{
}

qint64 BulkAccessCheck::historyStartUs(qint64 fromUs, const AnomalyRules &rules)
{
    return (floorDiv(fromUs, MicrosPerHour) - qint64(rules.bulkAccess.baselineDays) * 24) * MicrosPerHour;
}

QList<Action> BulkAccessCheck::countedActions()
{
    return {Action::View, Action::Print, Action::Export, Action::Download};
}

bool BulkAccessCheck::counts(const Event &event)
{
    static const QList<Action> counted = countedActions();
    return event.outcome == Outcome::Success && !event.object.id.isEmpty() && counted.contains(event.action);
}

Result<void> BulkAccessCheck::visit(const Event &event, bool inPeriod)
{
    if (!counts(event))
        return {};
    User &user = m_users[event.actor.id];
    const qint64 hour = floorDiv(event.recordedAtUs, MicrosPerHour);
    if (!user.current.events || user.current.index != hour) {
        close(user);
        user.current.index = hour;
        user.current.events.emplace(AnomalyRule::BulkAccess, AnomalySeverity::Medium, event.actor.id, m_rules.maxSeqsPerFlag);
    }
    user.current.documents.insert({event.object.type, event.object.id});
    user.current.events->add(event);
    user.current.inPeriod = user.current.inPeriod || inPeriod;
    return {};
}

void BulkAccessCheck::close(User &user)
{
    Hour &hour = user.current;
    if (!hour.events)
        return;
    const qint64 distinct = hour.documents.size();
    const qint64 windowStart = hour.index - qint64(m_rules.bulkAccess.baselineDays) * 24;
    while (!user.history.empty() && user.history.front().first < windowStart) {
        user.historySum -= user.history.front().second;
        user.history.pop_front();
    }
    const qint64 activeHours = qint64(user.history.size());
    // distinct > factor × sum / hours, without dividing: exact at the threshold. No history: a baseline of 0.
    if (hour.inPeriod && distinct >= m_rules.bulkAccess.minDistinctDocuments
        && (activeHours == 0 || double(distinct) * double(activeHours) > m_rules.bulkAccess.factor * double(user.historySum))) {
        const QString baseline = activeHours == 0
            ? QStringLiteral("no document access in the %1 days before, so only the minimum of %2 applies")
                  .arg(m_rules.bulkAccess.baselineDays)
                  .arg(m_rules.bulkAccess.minDistinctDocuments)
            : QStringLiteral("their %1-day baseline is %2 per active hour over %3 hour(s); flagged above %4 × baseline and from %5")
                  .arg(m_rules.bulkAccess.baselineDays)
                  .arg(double(user.historySum) / double(activeHours), 0, 'f', 1)
                  .arg(activeHours)
                  .arg(m_rules.bulkAccess.factor)
                  .arg(m_rules.bulkAccess.minDistinctDocuments);
        m_flags.append(hour.events->take(QStringLiteral("%1 accessed %2 distinct documents in %3 events in the hour from %4; %5.")
                                             .arg(hour.events->actorId())
                                             .arg(distinct)
                                             .arg(hour.events->counted())
                                             .arg(formatTimestamp(hour.index * MicrosPerHour), baseline)));
    }
    user.history.emplace_back(hour.index, distinct);
    user.historySum += distinct;
    hour.documents.clear();
    hour.events.reset();
    hour.inPeriod = false;
}

void BulkAccessCheck::closeAll()
{
    for (User &user : m_users)
        close(user);
}

} // namespace QmsAudit
