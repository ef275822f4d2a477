// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QMap>
#include <QString>

#include <optional>

namespace QmsAudit {

/// Counts over recorded_at in [fromUs, toUs). Days are UTC calendar days "YYYY-MM-DD".
struct LogStatistics {
    std::optional<qint64> fromUs;
    std::optional<qint64> toUs;
    qint64 total = 0;
    QMap<QString, qint64> byAction;
    QMap<QString, qint64> byActor;
    QMap<QString, qint64> byObjectType;
    QMap<QString, qint64> byOutcome;
    QMap<QString, qint64> byDay;
};

} // namespace QmsAudit
