// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <ostream>

/// GoogleTest prints a QString that fails a comparison as its text (UTF-8), not as UTF-16 code units.
inline void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}

namespace QmsAudit::Test {

/**
 * A PDF read back with poppler-utils, as a stranger would read it: the text of each page
 * (`pdftotext -layout`), the page count (`pdfinfo`), the pages that hold images
 * (`pdfimages -list`) and the colours of the vector paths of a page (`pdftocairo -svg`). error() says what went wrong (a tool missing, or the file unreadable).
 */
class PdfProbe
{
public:
    explicit PdfProbe(const QString &path);

    const QString &error() const { return m_error; }
    int pageCount() const { return m_pageCount; }
    /// The text of each page, in page order.
    const QStringList &pages() const { return m_pages; }
    QString text() const { return m_pages.join(QLatin1Char('\n')); }
    /// A word as `pdftotext -bbox` places it, in points from the page's top left.
    struct Word {
        int page = 0; ///< 1-based
        QRectF box;
        QString text;
    };
    /// Every word of the file, page by page in reading order; the page height in points.
    QList<Word> words(qreal *pageHeight = nullptr) const;
    /**
     * The words of a table column, in order across all pages: those that start at or right of
     * the word @p title on page 1 and before the next column's title @p nextTitle (empty: up to
     * the right edge), below the row of titles on their page (which is left out) and above the
     * first line that starts left of the table, and between @p topMargin and @p bottomMargin
     * points (running header, footer).
     */
    QString columnText(const QString &title, const QString &nextTitle, qreal topMargin, qreal bottomMargin) const;
    /// The page (1-based) of each image in the file.
    QList<int> imagePages() const;
    /**
     * The fill colours of the vector paths drawn on page @p page (`pdftocairo -svg`), as "#rrggbb"
     * (QColor::name()), each with the number of paths filled with it: a chart's bars are paths in
     * the colour of their series. Text is drawn with glyphs, not counted here.
     */
    QMap<QString, int> filledPaths(int page) const;
    /// Renders page @p page to @p pngPath with `pdftoppm -png -r DPI -singlefile`.
    bool renderPage(int page, int dpi, const QString &pngPath) const;

    /// @p text with every run of white space as one space: text that wrapped reads as one line.
    static QString flattened(const QString &text);
    /// @p text without any white space: text that wrapped inside a word (hashes, ids) is whole again.
    static QString joined(const QString &text);

private:
    QString m_path;
    QString m_error;
    int m_pageCount = 0;
    QStringList m_pages;
};

} // namespace QmsAudit::Test
