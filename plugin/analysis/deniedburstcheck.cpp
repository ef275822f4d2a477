// SPDX-License-Identifier: LGPL-2.1-or-later
#include "analysis/deniedburstcheck_p.h"

#include <qmsaudit/timestamp.h>

namespace QmsAudit {

DeniedBurstCheck::DeniedBurstCheck(const AnomalyRules &rules)
    : m_rules(rules)
    , m_windowUs(qint64(rules.deniedBurst.windowMinutes) * 60'000'000)
{
}

bool DeniedBurstCheck::isDeniedAttempt(const Event &event)
{
    return event.outcome == Outcome::Denied || event.action == Action::LoginFailed;
}

Result<void> DeniedBurstCheck::visit(const Event &event, bool inPeriod)
{
    if (!inPeriod || !isDeniedAttempt(event))
        return {};
    User &user = m_users[event.actor.id];
    const qint64 index = ++user.attempts;
    user.recent.push_back({index, event});
    while (event.recordedAtUs - user.recent.front().event.recordedAtUs >= m_windowUs)
        user.recent.pop_front();
    const qint64 needed = m_rules.deniedBurst.count;
    if (qint64(user.recent.size()) < needed)
        return {};
    // The last `count` attempts lie within the window: a burst from attempt index - count + 1.
    const qint64 burstStart = index - needed + 1;
    if (user.burst && burstStart > user.burstLastIndex)
        close(user);
    if (!user.burst)
        user.burst.emplace(AnomalyRule::DeniedBurst, AnomalySeverity::Medium, event.actor.id, m_rules.maxSeqsPerFlag);
    for (const Attempt &attempt : user.recent) {
        if (attempt.index > user.burstLastIndex && attempt.index >= burstStart)
            user.burst->add(attempt.event);
    }
    user.burstLastIndex = index;
    return {};
}

void DeniedBurstCheck::close(User &user)
{
    if (!user.burst)
        return;
    FlagBuilder &burst = *user.burst;
    m_flags.append(burst.take(QStringLiteral("%1 had %2 denied attempts from %3 to %4 (%5), at least %6 of them within less than %7 minutes.")
                                  .arg(burst.actorId())
                                  .arg(burst.counted())
                                  .arg(formatTimestamp(burst.firstUs()), formatTimestamp(burst.lastUs()),
                                       FlagBuilder::durationText(burst.lastUs() - burst.firstUs()))
                                  .arg(m_rules.deniedBurst.count)
                                  .arg(m_rules.deniedBurst.windowMinutes)));
    user.burst.reset();
}

void DeniedBurstCheck::closeAll()
{
    for (User &user : m_users)
        close(user);
}

} // namespace QmsAudit
