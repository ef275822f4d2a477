// SPDX-License-Identifier: LGPL-2.1-or-later
#include "reviewchart_p.h"

#include "reportstyle_p.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QPainter>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>
#include <utility>

namespace QmsAudit {
namespace {

// More columns than this and their labels no longer fit side by side: they are set upright.
constexpr int kUprightLabelsFrom = 16;

QAbstractBarSeries *newSeries(ReviewChart::Kind kind)
{
    switch (kind) {
    case ReviewChart::Kind::StackedColumns:
        return new QStackedBarSeries;
    case ReviewChart::Kind::Columns:
        return new QBarSeries;
    case ReviewChart::Kind::Bars:
        return new QHorizontalBarSeries;
    }
    return new QBarSeries;
}

/// The value axis: from 0 to a round value above @p maximum in steps of 1, 2 or 5 × 10^n, so
/// that every tick is a round number (and a whole one for counts: the smallest step is 1).
std::pair<qreal, int> niceRange(qreal maximum, bool whole)
{
    constexpr int kMaxSteps = 8;
    if (maximum <= 0)
        return { 1, 2 };
    qreal magnitude = std::pow(10.0, std::floor(std::log10(maximum / kMaxSteps)));
    qreal step = magnitude;
    for (qreal factor : { 1.0, 2.0, 5.0, 10.0 }) {
        step = factor * magnitude;
        if (maximum / step <= kMaxSteps)
            break;
    }
    if (whole)
        step = std::max<qreal>(1, std::round(step));
    const int steps = int(std::ceil(maximum / step - 1e-9));
    return { steps * step, steps + 1 };
}

} // namespace

ReviewChart::ReviewChart(Kind kind, const QStringList &categories) : m_kind(kind), m_categories(categories) { }

void ReviewChart::addSeries(const QString &name, const QColor &color, const QList<qreal> &values)
{
    m_series.append({ name, color, values });
}

bool ReviewChart::canRender()
{
    return qobject_cast<QApplication *>(QCoreApplication::instance()) != nullptr;
}

QPicture ReviewChart::render(int widthPx, int heightPx) const
{
    const bool bars = m_kind == Kind::Bars;
    // Horizontal bars are drawn bottom up: reversed, the first category (the largest) comes first.
    const auto ordered = [bars](auto list) {
        if (bars)
            std::reverse(list.begin(), list.end());
        return list;
    };

    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->setVisible(m_series.size() > 1);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->setFont(ReportStyle::sansFont(7));

    QAbstractBarSeries *series = newSeries(m_kind);
    qreal maximum = 0;
    for (const Series &data : m_series) {
        auto *set = new QBarSet(data.name);
        set->setColor(data.color);
        set->setBorderColor(data.color);
        set->setLabelFont(ReportStyle::sansFont(6.5));
        set->setLabelColor(ReportStyle::textColor());
        for (qreal value : ordered(data.values))
            set->append(value);
        series->append(set);
        for (qreal value : data.values)
            maximum = std::max(maximum, value);
    }
    if (m_kind == Kind::StackedColumns) {
        maximum = 0;
        for (qsizetype c = 0; c < m_categories.size(); ++c) {
            qreal stacked = 0;
            for (const Series &data : m_series)
                stacked += data.values.value(c);
            maximum = std::max(maximum, stacked);
        }
    }
    // One series of bars carries its values; several would crowd each other (the report adds a table).
    if (bars && m_series.size() == 1) {
        series->setLabelsVisible(true);
        series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
        series->setLabelsFormat(QStringLiteral("@value"));
    }
    chart->addSeries(series);

    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(ordered(m_categories));
    categoryAxis->setLabelsFont(ReportStyle::sansFont(6.5));
    categoryAxis->setGridLineVisible(false);
    // Document names and user ids in full: the chart is the ranking, nothing else names them.
    categoryAxis->setTruncateLabels(false);
    if (!bars && m_categories.size() >= kUprightLabelsFrom)
        categoryAxis->setLabelsAngle(-90);
    auto *valueAxis = new QValueAxis;
    valueAxis->setLabelFormat(m_valueFormat);
    valueAxis->setLabelsFont(ReportStyle::sansFont(6.5));
    valueAxis->setTitleText(m_valueTitle);
    valueAxis->setTitleFont(ReportStyle::sansFont(6.5));
    // Room beside the longest bar for its value.
    const auto [axisMaximum, ticks] = niceRange(maximum * (bars ? 1.12 : 1.04), m_valueFormat == QLatin1StringView("%d"));
    valueAxis->setRange(0, axisMaximum);
    valueAxis->setTickCount(ticks);
    chart->addAxis(categoryAxis, bars ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(valueAxis, bars ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    series->attachAxis(valueAxis);

    QGraphicsScene scene; // owns the chart
    scene.addItem(chart);
    chart->setGeometry(0, 0, widthPx, heightPx);
    QPicture picture;
    QPainter painter(&picture);
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, QRectF(0, 0, widthPx, heightPx), QRectF(0, 0, widthPx, heightPx));
    painter.end();
    // The chart's whole area: QPicture's own bounds leave out the axis labels, and the report
    // scales a picture by its bounds (docs/design-notes.md, pitfall 23).
    picture.setBoundingRect(QRect(0, 0, widthPx, heightPx));
    return picture;
}

} // namespace QmsAudit
