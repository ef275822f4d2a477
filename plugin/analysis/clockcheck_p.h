// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/anomalyrules.h>

#include "analysis/anomalycheck_p.h"
#include "analysis/flagbuilder_p.h"

#include <QHash>
#include <QList>

#include <optional>
#include <utility>

namespace QmsAudit {

class EventReader;

/**
 * clock (docs/anomalies.md): every clock_anomaly event in the period (the recorder saw the wall
 * clock step), and events whose occurred_at lies after their recorded_at by more than
 * ahead_tolerance_seconds, or before it by more than behind_tolerance_hours unless an import
 * brought them (the seq ranges that successful trail_imported events name). The skews make one
 * flag per user, direction and UTC day.
 */
class ClockCheck final : public AnomalyCheck
{
public:
    using SeqRange = std::pair<qint64, qint64>; ///< first and last seq, inclusive

    ClockCheck(const AnomalyRules &rules, QList<SeqRange> imported);
    Result<void> visit(const Event &event, bool inPeriod) override;

    /// The seq ranges of the imports recorded at or after @p fromUs, ascending.
    static Result<QList<SeqRange>> importedRanges(const EventReader &reader, qint64 fromUs);

private:
    void closeAll() override;
    struct Skew {
        bool ahead = false;
        qint64 day = 0;        ///< UTC day of recorded_at
        qint64 largestUs = 0;  ///< the largest difference seen
        std::optional<FlagBuilder> flag;
    };
    bool isImported(qint64 seq) const;
    void close(Skew &skew);

    const AnomalyRules &m_rules;
    QList<SeqRange> m_imported;
    QHash<QString, Skew> m_skews; ///< by "user\nahead" or "user\nbehind"
};

} // namespace QmsAudit
