// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QPicture>
#include <QString>
#include <QStringList>

namespace QmsAudit {

/**
 * One chart of the management review report, drawn by Qt Charts and recorded as vector paths in
 * a QPicture, which the report scales onto its page like any picture: the PDF holds the bars
 * and the text as paths and glyphs, sharp at any zoom.
 *
 * QChart is a QGraphicsWidget and needs a QApplication (docs/design-notes.md, pitfall 13);
 * canRender() says whether one exists.
 */
class ReviewChart
{
public:
    enum class Kind {
        StackedColumns, ///< one column per category, the series stacked
        Columns,        ///< the series side by side per category
        Bars            ///< horizontal bars, the first category at the top; a single series has its values beside them
    };

    ReviewChart(Kind kind, const QStringList &categories);

    void addSeries(const QString &name, const QColor &color, const QList<qreal> &values);
    /// The value axis' title, e.g. "events" or "days".
    void setValueTitle(const QString &title) { m_valueTitle = title; }
    /// printf format of the value axis' labels (and of the bars' values): "%d" for counts.
    void setValueFormat(const QString &format) { m_valueFormat = format; }

    /// The chart at @p widthPx × @p heightPx (QPicture pixels: 96 per inch).
    QPicture render(int widthPx, int heightPx) const;

    static bool canRender();

private:
    struct Series {
        QString name;
        QColor color;
        QList<qreal> values;
    };

    Kind m_kind;
    QStringList m_categories;
    QList<Series> m_series;
    QString m_valueTitle;
    QString m_valueFormat = QStringLiteral("%d");
};

} // namespace QmsAudit
