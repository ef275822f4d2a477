// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/reportsection.h>

namespace QmsAudit {

ReportSection::ReportSection(Kind kind, const QString &text) : m_kind(kind), m_text(text) { }

ReportSection ReportSection::heading(const QString &text)
{
    return ReportSection(Kind::Heading, text);
}

ReportSection ReportSection::paragraph(const QString &text)
{
    return ReportSection(Kind::Paragraph, text);
}

ReportSection ReportSection::keyValues(const QList<Field> &fields)
{
    ReportSection section(Kind::KeyValues);
    section.m_fields = fields;
    return section;
}

ReportSection ReportSection::table(const ReportTable &table)
{
    ReportSection section(Kind::Table);
    section.m_table = table;
    return section;
}

ReportSection ReportSection::picture(const QImage &image, const QString &caption, qreal widthMm)
{
    ReportSection section(Kind::Picture, caption);
    section.m_image = image;
    section.m_widthMm = widthMm;
    return section;
}

ReportSection ReportSection::picture(const QPicture &picture, const QString &caption, qreal widthMm)
{
    ReportSection section(Kind::Picture, caption);
    section.m_picture = picture;
    section.m_widthMm = widthMm;
    return section;
}

} // namespace QmsAudit
