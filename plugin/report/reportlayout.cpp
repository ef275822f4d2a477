// SPDX-License-Identifier: LGPL-2.1-or-later
#include "reportlayout_p.h"

#include <qmsaudit/reportdocument.h>

#include <QFontMetricsF>

#include <algorithm>

namespace QmsAudit {
namespace {

// Page geometry and spacing, in millimetres.
constexpr qreal kSideMargin = 15;
constexpr qreal kFirstTop = 14;
constexpr qreal kRunningHeaderBaseline = 10;
constexpr qreal kRunningHeaderRule = 12;
constexpr qreal kContinuedTop = 17;
constexpr qreal kContentBottom = 16; ///< from the page's bottom edge
constexpr qreal kFooterRule = 13;
constexpr qreal kFooterBaseline = 9.5;
constexpr qreal kSectionGap = 4;
constexpr qreal kHeadingGapBefore = 5;
constexpr qreal kHeadingGapAfter = 2;
constexpr qreal kKeepWithHeading = 16; ///< room for a table's titles and a first row, or the heading starts the next page
constexpr qreal kMinSplit = 12; ///< below this much room a row is not split but moved
constexpr qreal kCellPadH = 1.5;
constexpr qreal kCellPadV = 1.1;
constexpr qreal kThinRule = 0.15;
constexpr qreal kKeyColumnShare = 0.3;

using Font = ReportStyle::Font;

} // namespace

ReportLayout::ReportLayout(const ReportStyle &style, QSizeF pageSize)
    : m_style(style)
    , m_pageSize(pageSize)
    , m_left(style.mm(kSideMargin))
    , m_width(pageSize.width() - 2 * style.mm(kSideMargin))
    , m_continuedTop(style.mm(kContinuedTop))
    , m_bottom(pageSize.height() - style.mm(kContentBottom))
{
}

QList<ReportPage> ReportLayout::layOut(const ReportDocument &document)
{
    m_pages.clear();
    m_pages.append(ReportPage());
    m_y = m_style.mm(kFirstTop);
    placeTitle(document);
    const QList<ReportSection> &sections = document.sections();
    for (qsizetype i = 0; i < sections.size(); ++i) {
        const ReportSection &section = sections[i];
        switch (section.kind()) {
        case ReportSection::Kind::Heading: {
            // A heading stays with what follows it: a first row or lines, or a whole picture.
            const bool pictureNext = i + 1 < sections.size() && sections[i + 1].kind() == ReportSection::Kind::Picture;
            placeHeading(section.text(), pictureNext ? pictureHeight(sections[i + 1]) : m_style.mm(kKeepWithHeading));
            break;
        }
        case ReportSection::Kind::Paragraph:
            placeParagraph(section.text());
            break;
        case ReportSection::Kind::KeyValues:
            placeKeyValues(section.fields());
            break;
        case ReportSection::Kind::Table:
            placeTable(section.table());
            break;
        case ReportSection::Kind::Picture:
            placePicture(section);
            break;
        }
    }
    addRunningHeadersAndFooters(document);
    return std::move(m_pages);
}

void ReportLayout::newPage()
{
    m_pages.append(ReportPage());
    m_y = m_continuedTop;
    m_pageHasContent = false;
    m_rowsOnPage = 0;
}

void ReportLayout::endSection()
{
    m_y += m_style.mm(kSectionGap);
}

ReportLayout::Cell ReportLayout::cell(const QString &text, Font font, const QColor &color, qreal width) const
{
    return { WrappedText(text, m_style.font(font), width - 2 * m_style.mm(kCellPadH), m_style.device()), font, color };
}

void ReportLayout::placeTitle(const ReportDocument &document)
{
    ReportPage &page = m_pages.last();
    const auto placeLines = [&](const QString &text, Font font, const QColor &color) {
        const WrappedText wrapped(text, m_style.font(font), m_width, m_style.device());
        for (const WrappedText::Line &line : wrapped.lines()) {
            page.add(ReportPage::Text { { m_left, m_y + line.ascent }, line.text, font, color });
            m_y += line.height;
        }
    };
    if (!document.title().isEmpty())
        placeLines(document.title(), Font::Title, ReportStyle::textColor());
    if (!document.subtitle().isEmpty()) {
        m_y += m_style.mm(0.8);
        placeLines(document.subtitle(), Font::Body, ReportStyle::mutedColor());
    }
    m_y += m_style.mm(2);
    page.add(ReportPage::Rule { { m_left, m_y, m_left + m_width, m_y }, ReportStyle::accentColor(), m_style.mm(0.6) });
    m_y += m_style.mm(5);
}

void ReportLayout::placeHeading(const QString &text, qreal keepWith)
{
    const WrappedText wrapped(text, m_style.font(Font::Heading), m_width, m_style.device());
    const qreal before = m_pageHasContent ? m_style.mm(kHeadingGapBefore) : 0;
    if (m_pageHasContent && before + wrapped.height() + keepWith > space())
        newPage();
    else
        m_y += before;
    for (const WrappedText::Line &line : wrapped.lines()) {
        m_pages.last().add(ReportPage::Text { { m_left, m_y + line.ascent }, line.text, Font::Heading, ReportStyle::accentColor() });
        m_y += line.height;
    }
    m_y += m_style.mm(kHeadingGapAfter);
    m_pageHasContent = true;
    m_lastHeading = text;
}

void ReportLayout::placeParagraph(const QString &text)
{
    const WrappedText wrapped(text, m_style.font(Font::Body), m_width, m_style.device());
    for (const WrappedText::Line &line : wrapped.lines()) {
        if (line.height > space() && m_pageHasContent)
            newPage();
        m_pages.last().add(ReportPage::Text { { m_left, m_y + line.ascent }, line.text, Font::Body, ReportStyle::textColor() });
        m_y += line.height;
        m_pageHasContent = true;
    }
    endSection();
}

void ReportLayout::placeKeyValues(const QList<ReportSection::Field> &fields)
{
    const qreal padding = 2 * m_style.mm(kCellPadH);
    qreal keyWidth = 0;
    for (const ReportSection::Field &field : fields) {
        const WrappedText key(field.key, m_style.font(Font::Bold), m_width, m_style.device());
        keyWidth = std::max(keyWidth, key.naturalWidth() + padding);
    }
    keyWidth = std::min(keyWidth + m_style.mm(3), m_width * kKeyColumnShare);
    const QList<Column> columns { { m_left, keyWidth }, { m_left + keyWidth, m_width - keyWidth } };
    m_rowsOnPage = 0;
    for (const ReportSection::Field &field : fields) {
        Font valueFont = Font::Body;
        QColor valueColor = ReportStyle::textColor();
        switch (field.emphasis) {
        case ReportSection::Emphasis::None:
            break;
        case ReportSection::Emphasis::Code:
            valueFont = Font::Code;
            break;
        case ReportSection::Emphasis::Good:
            valueFont = Font::Bold;
            valueColor = ReportStyle::goodColor();
            break;
        case ReportSection::Emphasis::Alert:
            valueFont = Font::Bold;
            valueColor = ReportStyle::alertColor();
            break;
        }
        const Row row { { cell(field.key, Font::Bold, ReportStyle::mutedColor(), columns[0].width),
                            cell(field.value, valueFont, valueColor, columns[1].width) },
            ReportStyle::panelFill(), Qt::white };
        placeRow(row, columns, pageSpace(), {});
    }
    endSection();
}

void ReportLayout::placeTable(const ReportTable &table)
{
    qreal totalWeight = 0;
    for (const ReportTable::Column &column : table.columns())
        totalWeight += column.weight;
    QList<Column> columns;
    Row header { {}, ReportStyle::headerFill(), ReportStyle::mutedColor() };
    qreal x = m_left;
    for (const ReportTable::Column &column : table.columns()) {
        const qreal width = m_width * column.weight / totalWeight;
        columns.append({ x, width });
        header.cells.append(cell(column.title, Font::TableHeader, ReportStyle::textColor(), width));
        x += width;
    }
    const QString continued = m_lastHeading.isEmpty() ? QString() : m_lastHeading + QStringLiteral(" (continued)");
    const WrappedText continuedLine(continued, m_style.font(Font::SmallItalic), m_width, m_style.device());
    const qreal headerHeight = rowHeight(header);
    const auto placeHeader = [&] {
        placeRowPart(header, columns, QList<qsizetype>(columns.size(), 0), QList<qsizetype>(columns.size(), -1), headerHeight);
        m_y += headerHeight;
    };
    const auto continueTable = [&] {
        if (!continued.isEmpty()) {
            for (const WrappedText::Line &line : continuedLine.lines()) {
                m_pages.last().add(
                    ReportPage::Text { { m_left, m_y + line.ascent }, line.text, Font::SmallItalic, ReportStyle::mutedColor() });
                m_y += line.height;
            }
            m_y += m_style.mm(1);
        }
        placeHeader();
    };
    const qreal freshSpace = pageSpace() - headerHeight - (continued.isEmpty() ? 0 : continuedLine.height() + m_style.mm(1));

    QList<Row> rows;
    rows.reserve(table.rows().size());
    for (qsizetype r = 0; r < table.rows().size(); ++r) {
        Row row { {}, r % 2 ? ReportStyle::stripeFill() : QColor(), ReportStyle::ruleColor() };
        for (qsizetype c = 0; c < columns.size(); ++c)
            row.cells.append(cell(table.rows()[r].value(c), Font::Body, ReportStyle::textColor(), columns[c].width));
        rows.append(std::move(row));
    }
    // The column titles never stand alone at the bottom of a page, and a first row that fits
    // on a fresh page is not split.
    const qreal firstRow = rows.isEmpty() ? 0 : rowHeight(rows.first());
    if (m_pageHasContent && headerHeight + (firstRow <= freshSpace ? firstRow : m_style.mm(kMinSplit)) > space())
        newPage();
    m_rowsOnPage = 0;
    placeHeader();
    m_pageHasContent = true;
    for (const Row &row : std::as_const(rows))
        placeRow(row, columns, freshSpace, continueTable);
    endSection();
}

ReportLayout::PictureSize ReportLayout::pictureSize(const ReportSection &section) const
{
    const QImage &image = section.image();
    const QPicture &picture = section.vectorPicture();
    QSizeF natural; // in millimetres
    if (!image.isNull()) {
        const qreal dotsPerMm = image.dotsPerMeterX() > 0 ? image.dotsPerMeterX() / 1000.0 : 96 / 25.4;
        natural = QSizeF(image.width(), image.height()) / dotsPerMm;
    } else {
        const qreal dotsPerMm = picture.logicalDpiX() / 25.4;
        natural = QSizeF(picture.boundingRect().size()) / dotsPerMm;
    }
    if (natural.isEmpty())
        return {};
    PictureSize size;
    size.width = std::min(m_style.mm(section.widthMm() > 0 ? section.widthMm() : natural.width()), m_width);
    size.height = size.width * natural.height() / natural.width();
    const WrappedText caption(section.text(), m_style.font(Font::SmallItalic), m_width, m_style.device());
    size.captionHeight = section.text().isEmpty() ? 0 : m_style.mm(1.5) + caption.height();
    // Kept whole: scaled down to fit an empty page.
    if (size.height + size.captionHeight > pageSpace()) {
        size.height = pageSpace() - size.captionHeight;
        size.width = size.height * natural.width() / natural.height();
    }
    return size;
}

qreal ReportLayout::pictureHeight(const ReportSection &section) const
{
    const PictureSize size = pictureSize(section);
    return size.height + size.captionHeight;
}

void ReportLayout::placePicture(const ReportSection &section)
{
    const auto [width, height, captionHeight] = pictureSize(section);
    if (width <= 0)
        return;
    // Moved to a fresh page if this one lacks room.
    if (m_pageHasContent && height + captionHeight > space())
        newPage();
    const QRectF rect(m_left + (m_width - width) / 2, m_y, width, height);
    m_pages.last().add(ReportPage::Picture { rect, section.image(), section.vectorPicture() });
    m_y += height;
    if (captionHeight > 0) {
        m_y += m_style.mm(1.5);
        const WrappedText caption(section.text(), m_style.font(Font::SmallItalic), m_width, m_style.device());
        for (const WrappedText::Line &line : caption.lines()) {
            const QPointF baseline(m_left + (m_width - line.width) / 2, m_y + line.ascent);
            m_pages.last().add(ReportPage::Text { baseline, line.text, Font::SmallItalic, ReportStyle::mutedColor() });
            m_y += line.height;
        }
    }
    m_pageHasContent = true;
    endSection();
}

qreal ReportLayout::rowHeight(const Row &row) const
{
    qreal height = 0;
    for (const Cell &c : row.cells)
        height = std::max(height, c.text.height());
    return height + 2 * m_style.mm(kCellPadV);
}

void ReportLayout::placeRow(const Row &row, const QList<Column> &columns, qreal freshSpace, const std::function<void()> &continuation)
{
    const qreal padding = 2 * m_style.mm(kCellPadV);
    Row current = row;
    QList<qsizetype> next(row.cells.size(), 0);
    const auto startNextPage = [&] {
        newPage();
        if (continuation)
            continuation();
        m_pageHasContent = true;
        // The rest of a split row names its row again ("17 (cont.)"), unless the first cell is
        // what continues: a reader who starts on this page must know whose values these are.
        Cell &first = current.cells.first();
        if (next.first() >= first.text.lineCount() && first.text.lineCount() > 0 && !first.text.lines().first().text.isEmpty()) {
            first = cell(first.text.lines().first().text + QStringLiteral(" (cont.)"), Font::SmallItalic, ReportStyle::mutedColor(),
                columns.first().width);
            next.first() = 0;
        }
    };
    while (true) {
        qreal remaining = 0;
        for (qsizetype c = 0; c < current.cells.size(); ++c)
            remaining = std::max(remaining, current.cells[c].text.height(next[c]));
        if (remaining + padding <= space()) {
            QList<qsizetype> rest(current.cells.size(), -1);
            placeRowPart(current, columns, next, rest, remaining + padding);
            m_y += remaining + padding;
            ++m_rowsOnPage;
            m_pageHasContent = true;
            return;
        }
        if (m_rowsOnPage > 0 && (remaining + padding <= freshSpace || space() < m_style.mm(kMinSplit))) {
            startNextPage();
            continue;
        }
        // Taller than a page (or the page is empty): as many lines of each cell as fit here.
        QList<qsizetype> count(current.cells.size(), 0);
        qreal partHeight = 0;
        bool progress = false;
        for (qsizetype c = 0; c < current.cells.size(); ++c) {
            count[c] = current.cells[c].text.linesFitting(next[c], space() - padding);
            if (count[c] == 0 && m_rowsOnPage == 0 && next[c] < current.cells[c].text.lineCount())
                count[c] = 1; // a line taller than the page: print it anyway rather than loop
            partHeight = std::max(partHeight, current.cells[c].text.height(next[c], count[c]));
            progress = progress || count[c] > 0;
        }
        if (!progress) {
            startNextPage();
            continue;
        }
        placeRowPart(current, columns, next, count, partHeight + padding);
        m_y += partHeight + padding;
        for (qsizetype c = 0; c < current.cells.size(); ++c)
            next[c] += count[c];
        startNextPage();
    }
}

void ReportLayout::placeRowPart(
    const Row &row, const QList<Column> &columns, const QList<qsizetype> &first, const QList<qsizetype> &count, qreal height)
{
    ReportPage &page = m_pages.last();
    const qreal right = columns.last().x + columns.last().width;
    if (row.fill.isValid())
        page.add(ReportPage::Fill { { m_left, m_y, right - m_left, height }, row.fill });
    for (qsizetype c = 0; c < row.cells.size(); ++c) {
        const Cell &cell = row.cells[c];
        const qsizetype end = count[c] < 0 ? cell.text.lineCount() : std::min(cell.text.lineCount(), first[c] + count[c]);
        qreal y = m_y + m_style.mm(kCellPadV);
        for (qsizetype i = first[c]; i < end; ++i) {
            const WrappedText::Line &line = cell.text.lines()[i];
            page.add(ReportPage::Text { { columns[c].x + m_style.mm(kCellPadH), y + line.ascent }, line.text, cell.font, cell.color });
            y += line.height;
        }
    }
    if (row.rule.isValid())
        page.add(ReportPage::Rule { { m_left, m_y + height, right, m_y + height }, row.rule, m_style.mm(kThinRule) });
}

void ReportLayout::addRunningHeadersAndFooters(const ReportDocument &document)
{
    const QFontMetricsF small(m_style.font(Font::Small), &m_style.device());
    const qreal right = m_left + m_width;
    const int pageCount = static_cast<int>(m_pages.size());
    for (int i = 0; i < pageCount; ++i) {
        ReportPage &page = m_pages[i];
        if (i > 0) {
            const QString heading = small.elidedText(document.title(), Qt::ElideRight, m_width);
            page.add(ReportPage::Text { { m_left, m_style.mm(kRunningHeaderBaseline) }, heading, Font::Small, ReportStyle::mutedColor() });
            const qreal y = m_style.mm(kRunningHeaderRule);
            page.add(ReportPage::Rule { { m_left, y, right, y }, ReportStyle::ruleColor(), m_style.mm(kThinRule) });
        }
        const qreal ruleY = m_pageSize.height() - m_style.mm(kFooterRule);
        page.add(ReportPage::Rule { { m_left, ruleY, right, ruleY }, ReportStyle::ruleColor(), m_style.mm(kThinRule) });
        const qreal baseline = m_pageSize.height() - m_style.mm(kFooterBaseline);
        const QString pageLabel = QStringLiteral("page %1 of %2").arg(i + 1).arg(pageCount);
        const qreal labelWidth = small.horizontalAdvance(pageLabel);
        page.add(ReportPage::Text { { right - labelWidth, baseline }, pageLabel, Font::Small, ReportStyle::mutedColor() });
        // The footer's own text gives way to the page number, never the other way round.
        const QString footer = small.elidedText(document.footerText(), Qt::ElideMiddle, m_width - labelWidth - m_style.mm(6));
        page.add(ReportPage::Text { { m_left, baseline }, footer, Font::Small, ReportStyle::mutedColor() });
    }
}

} // namespace QmsAudit
