// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/anomalyrules.h>

#include "analysis/anomalycheck_p.h"
#include "analysis/flagbuilder_p.h"

#include <QHash>

#include <deque>
#include <optional>

namespace QmsAudit {

/**
 * denied_burst (docs/anomalies.md): a user's denied attempts (outcome denied, or login_failed)
 * in the period. `count` of them within less than `window_minutes` fire; overlapping bursts
 * (sharing an attempt) make one flag.
 */
class DeniedBurstCheck final : public AnomalyCheck
{
public:
    explicit DeniedBurstCheck(const AnomalyRules &rules);
    Result<void> visit(const Event &event, bool inPeriod) override;

    /// Whether @p event is a denied attempt.
    static bool isDeniedAttempt(const Event &event);

private:
    void closeAll() override;
    struct Attempt {
        qint64 index; ///< the user's n-th attempt
        Event event;
    };
    struct User {
        qint64 attempts = 0;
        std::deque<Attempt> recent; ///< the attempts within the window before the latest
        std::optional<FlagBuilder> burst;
        qint64 burstLastIndex = 0;  ///< the last attempt in burst
    };
    void close(User &user);

    const AnomalyRules &m_rules;
    qint64 m_windowUs;
    QHash<QString, User> m_users;
};

} // namespace QmsAudit
