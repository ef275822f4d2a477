// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/periodaggregates.h>
#include <qmsaudit/reviewperiod.h>

#include <QJsonObject>
#include <QString>

#include <optional>

namespace QmsAudit::Cli {

/// One period's aggregates with the label it was asked by.
struct LabelledAggregates {
    ReviewPeriod period;
    PeriodAggregates aggregates;
};

/**
 * Renders `qms-audit review-summary`: the management review's figures for a period, and with a
 * previous period each key figure's value, previous value, change and direction. As a text table
 * or as JSON (docs/aggregates.md describes the fields).
 */
class ReviewSummaryWriter
{
public:
    static QJsonObject toJson(const PeriodAggregates &aggregates);
    static QString render(const LabelledAggregates &current, const std::optional<LabelledAggregates> &previous, bool json);

private:
    static QString toTable(const LabelledAggregates &current, const std::optional<LabelledAggregates> &previous);
};

} // namespace QmsAudit::Cli
