// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/periodaggregates.h>
#include <qmsaudit/qmsaudit_export.h>

#include <QList>
#include <QString>

#include <optional>

namespace QmsAudit {

/**
 * One key figure of the management review (events, changes, approvals, releases, denied attempts,
 * changes without a reason, stale documents) for a period, and with a previous period its value
 * there, the change and the direction. What `qms-audit review-summary` prints and the management
 * review report shows, in the same order and with the same words.
 */
struct QMSAUDIT_EXPORT KeyFigure {
    QString name;                   ///< "events", "changes", …, "stale documents"
    qint64 value = 0;
    std::optional<qint64> previous; ///< set when a previous period is compared

    qint64 change() const { return value - previous.value_or(value); }
    /// "up", "down" or "same" (same without a previous period).
    QString direction() const;
    /// "+12 (+4.8 %)", "-3", "0": the difference, and its share of the previous value when that is not 0.
    QString changeText() const;

    /// The key figures of @p current, in the order a meeting reads them, compared with @p previous if given.
    static QList<KeyFigure> of(const PeriodAggregates &current, const PeriodAggregates *previous = nullptr);
};

} // namespace QmsAudit
