// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_report_export.h>
#include <qmsaudit/reporttable.h>

#include <QImage>
#include <QList>
#include <QPicture>
#include <QString>

namespace QmsAudit {

/**
 * One block of a report, laid out below the previous one: a heading, a paragraph, a key/value
 * block, a table or a picture. Headings stay with what follows them; paragraphs, key/value
 * blocks and tables break across pages; a picture is kept whole on one page (scaled down to
 * fit the page if it is larger), with its caption below it.
 * @code
 * document.addSection(QmsAudit::ReportSection::heading("Activity per week"));
 * document.addSection(QmsAudit::ReportSection::picture(chartImage, "Events per week by action group"));
 * @endcode
 */
class QMSAUDIT_REPORT_EXPORT ReportSection
{
public:
    enum class Kind { Heading, Paragraph, KeyValues, Table, Picture };

    /// How the value of a key/value field is set.
    enum class Emphasis {
        None,
        Code, ///< fixed-width, for hashes and ids
        Good, ///< a favourable verdict (green, bold)
        Alert ///< an unfavourable verdict (red, bold)
    };
    struct Field {
        QString key;
        QString value; ///< may hold several lines ('\n')
        Emphasis emphasis = Emphasis::None;
    };

    static ReportSection heading(const QString &text);
    static ReportSection paragraph(const QString &text);
    static ReportSection keyValues(const QList<Field> &fields);
    static ReportSection table(const ReportTable &table);
    /**
     * @p image at @p widthMm millimetres wide (0: the width its dots-per-metre give it), never
     * wider than the text and never taller than a page.
     */
    static ReportSection picture(const QImage &image, const QString &caption = {}, qreal widthMm = 0);
    /// A vector picture (a chart recorded with QPainter on a QPicture), scaled like an image.
    static ReportSection picture(const QPicture &picture, const QString &caption = {}, qreal widthMm = 0);

    Kind kind() const { return m_kind; }
    /// The heading's or paragraph's text, or the picture's caption.
    const QString &text() const { return m_text; }
    const QList<Field> &fields() const { return m_fields; }
    const ReportTable &table() const { return m_table; }
    /// The picture as an image (null for a vector picture).
    const QImage &image() const { return m_image; }
    /// The picture as a vector picture (null for an image).
    const QPicture &vectorPicture() const { return m_picture; }
    qreal widthMm() const { return m_widthMm; }

private:
    explicit ReportSection(Kind kind, const QString &text = {});

    Kind m_kind;
    QString m_text;
    QList<Field> m_fields;
    ReportTable m_table;
    QImage m_image;
    QPicture m_picture;
    qreal m_widthMm = 0;
};

} // namespace QmsAudit
