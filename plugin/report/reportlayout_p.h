// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "reportpage_p.h"
#include "reportstyle_p.h"
#include "wrappedtext_p.h"

#include <qmsaudit/reportsection.h>

#include <QList>
#include <QSizeF>

#include <functional>

namespace QmsAudit {

class ReportDocument;

/**
 * Places a ReportDocument's sections on pages of a given size: every page is complete, footer
 * ("page X of Y") included, before anything is painted, because Y is known only at the end.
 * Lengths are in the style's device units.
 */
class ReportLayout
{
public:
    ReportLayout(const ReportStyle &style, QSizeF pageSize);

    QList<ReportPage> layOut(const ReportDocument &document);

private:
    struct Cell {
        WrappedText text;
        ReportStyle::Font font;
        QColor color;
    };
    /// A table or key/value row: its cells, its background (invalid: none) and the rule below it.
    struct Row {
        QList<Cell> cells;
        QColor fill;
        QColor rule;
    };
    struct Column {
        qreal x;
        qreal width;
    };

    void newPage();
    qreal space() const { return m_bottom - m_y; }
    /// Space on a fresh page after its running header.
    qreal pageSpace() const { return m_bottom - m_continuedTop; }
    void endSection();

    void placeTitle(const ReportDocument &document);
    /// A heading, on the next page unless @p keepWith (what must follow it on the same page) fits below it.
    void placeHeading(const QString &text, qreal keepWith);
    void placeParagraph(const QString &text);
    void placeKeyValues(const QList<ReportSection::Field> &fields);
    void placeTable(const ReportTable &table);
    void placePicture(const ReportSection &section);
    /// A picture as it will be placed: scaled to its width, never wider than the text nor taller than a page.
    struct PictureSize {
        qreal width = 0;
        qreal height = 0;
        qreal captionHeight = 0;
    };
    PictureSize pictureSize(const ReportSection &section) const;
    /// The height of a picture with its caption.
    qreal pictureHeight(const ReportSection &section) const;
    /**
     * Places @p row below the last one. A row that does not fit moves to the next page if it
     * fits a fresh one (@p freshSpace high); otherwise it is split between its lines, the rest
     * continuing on the next page. @p continuation runs at the top of each new page (to repeat
     * a table's column titles).
     */
    void placeRow(const Row &row, const QList<Column> &columns, qreal freshSpace, const std::function<void()> &continuation);
    void placeRowPart(
        const Row &row, const QList<Column> &columns, const QList<qsizetype> &first, const QList<qsizetype> &count, qreal height);
    Cell cell(const QString &text, ReportStyle::Font font, const QColor &color, qreal width) const;
    qreal rowHeight(const Row &row) const;
    void addRunningHeadersAndFooters(const ReportDocument &document);

    const ReportStyle &m_style;
    QSizeF m_pageSize;
    qreal m_left;
    qreal m_width;
    qreal m_continuedTop; ///< where the content of pages after the first starts
    qreal m_bottom;
    QList<ReportPage> m_pages;
    qreal m_y = 0;
    bool m_pageHasContent = false;
    int m_rowsOnPage = 0; ///< rows of the current table or key/value block on this page
    QString m_lastHeading;
};

} // namespace QmsAudit
