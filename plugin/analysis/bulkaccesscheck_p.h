// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/anomalyrules.h>

#include "analysis/anomalycheck_p.h"
#include "analysis/flagbuilder_p.h"

#include <QHash>
#include <QSet>

#include <deque>
#include <utility>
#include <optional>

namespace QmsAudit {

/**
 * bulk_access (docs/anomalies.md): per user and UTC clock hour, the distinct documents
 * (object type and id) of their successful view, print, export and download events, against
 * their own baseline: the mean of that number over the hours in which they accessed any document
 * during the baseline days before the hour. Flags an hour with at least min_distinct_documents
 * and more than factor × the baseline (a user without such hours has a baseline of 0).
 */
class BulkAccessCheck final : public AnomalyCheck
{
public:
    explicit BulkAccessCheck(const AnomalyRules &rules);
    Result<void> visit(const Event &event, bool inPeriod) override;

    /// Where the scan must start reading so that every hour of a period from @p fromUs has its
    /// whole baseline: the baseline days before the hour that holds @p fromUs.
    static qint64 historyStartUs(qint64 fromUs, const AnomalyRules &rules);
    /// The actions that access a document: view, print, export, download.
    static QList<Action> countedActions();
    /// Whether @p event counts as accessing a document: one of those, successful, on an object.
    static bool counts(const Event &event);

    static constexpr qint64 MicrosPerHour = 3'600'000'000;

private:
    void closeAll() override;
    struct Hour {
        qint64 index = 0;             ///< hours since the epoch
        QSet<std::pair<QString, QString>> documents; ///< (object type, object id): no key string built per event
        std::optional<FlagBuilder> events;
        bool inPeriod = false;        ///< at least one of its events lies in the period
    };
    struct User {
        Hour current;
        std::deque<std::pair<qint64, qint64>> history; ///< (hour, distinct documents) of active hours, ascending
        qint64 historySum = 0;
    };
    /// Judges the user's current hour against the hours before it, then adds it to them.
    void close(User &user);

    const AnomalyRules &m_rules;
    QHash<QString, User> m_users;
};

} // namespace QmsAudit
