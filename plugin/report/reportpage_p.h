// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "reportstyle_p.h"

#include <QColor>
#include <QImage>
#include <QLineF>
#include <QList>
#include <QPicture>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <variant>

class QPainter;

namespace QmsAudit {

/**
 * One laid-out page: what to paint where, in the order given (fills before the text on them).
 * ReportLayout fills pages completely, footers included, before the first is painted.
 */
class ReportPage
{
public:
    struct Text {
        QPointF baseline;
        QString text;
        ReportStyle::Font font;
        QColor color;
    };
    struct Fill {
        QRectF rect;
        QColor color;
    };
    struct Rule {
        QLineF line;
        QColor color;
        qreal width;
    };
    struct Picture {
        QRectF rect;
        QImage image; ///< or
        QPicture picture; ///< scaled from its bounding rectangle into rect
    };

    void add(Text text) { m_items.append(std::move(text)); }
    void add(Fill fill) { m_items.append(std::move(fill)); }
    void add(Rule rule) { m_items.append(std::move(rule)); }
    void add(Picture picture) { m_items.append(std::move(picture)); }

    void paint(QPainter &painter, const ReportStyle &style) const;

private:
    QList<std::variant<Text, Fill, Rule, Picture>> m_items;
};

} // namespace QmsAudit
