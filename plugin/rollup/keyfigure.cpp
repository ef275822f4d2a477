// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/keyfigure.h>

namespace QmsAudit {
namespace {

struct Definition {
    const char *name;
    qint64 (*value)(const PeriodAggregates &);
};

const Definition kDefinitions[] = {
    {"events", [](const PeriodAggregates &a) { return a.total; }},
    {"changes", [](const PeriodAggregates &a) { return a.changes; }},
    {"approvals", [](const PeriodAggregates &a) { return a.approvals; }},
    {"releases", [](const PeriodAggregates &a) { return a.releases; }},
    {"denied attempts", [](const PeriodAggregates &a) { return a.denied; }},
    {"changes without a reason", [](const PeriodAggregates &a) { return a.changesWithoutReason; }},
    {"stale documents", [](const PeriodAggregates &a) { return a.staleDocumentCount; }},
};

} // namespace

QString KeyFigure::direction() const
{
    const qint64 difference = change();
    return difference > 0 ? QStringLiteral("up") : difference < 0 ? QStringLiteral("down") : QStringLiteral("same");
}

QString KeyFigure::changeText() const
{
    const qint64 difference = change();
    QString text = (difference > 0 ? QStringLiteral("+") : QString()) + QString::number(difference);
    if (previous && *previous != 0) {
        text += QStringLiteral(" (%1%2 %)")
                    .arg(difference > 0 ? QStringLiteral("+") : QString())
                    .arg(100.0 * double(difference) / double(*previous), 0, 'f', 1);
    }
    return text;
}

QList<KeyFigure> KeyFigure::of(const PeriodAggregates &current, const PeriodAggregates *previous)
{
    QList<KeyFigure> figures;
    for (const Definition &definition : kDefinitions) {
        KeyFigure figure{QLatin1StringView(definition.name), definition.value(current), std::nullopt};
        if (previous)
            figure.previous = definition.value(*previous);
        figures.append(figure);
    }
    return figures;
}

} // namespace QmsAudit
