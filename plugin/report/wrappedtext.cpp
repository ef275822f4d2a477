// SPDX-License-Identifier: LGPL-2.1-or-later
#include "wrappedtext_p.h"

#include <QFontMetricsF>
#include <QTextLayout>
#include <QTextOption>

namespace QmsAudit {

WrappedText::WrappedText(const QString &text, const QFont &font, qreal width, const QPaintDevice &device)
{
    const QFontMetricsF metrics(font, &device);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    const QStringList paragraphs = printable(text).split(QLatin1Char('\n'));
    for (const QString &paragraph : paragraphs) {
        if (paragraph.isEmpty()) {
            m_lines.append({ QString(), metrics.ascent(), metrics.height(), 0 });
            continue;
        }
        QTextLayout layout(paragraph, font, &device);
        layout.setTextOption(option);
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(width);
            m_lines.append({ paragraph.mid(line.textStart(), line.textLength()), line.ascent(), line.height(), line.naturalTextWidth() });
            m_naturalWidth = std::max(m_naturalWidth, line.naturalTextWidth());
        }
        layout.endLayout();
    }
}

qreal WrappedText::height(qsizetype first, qsizetype count) const
{
    const qsizetype end = count < 0 ? m_lines.size() : std::min(m_lines.size(), first + count);
    qreal total = 0;
    for (qsizetype i = first; i < end; ++i)
        total += m_lines[i].height;
    return total;
}

qsizetype WrappedText::linesFitting(qsizetype first, qreal height) const
{
    qsizetype count = 0;
    qreal used = 0;
    for (qsizetype i = first; i < m_lines.size() && used + m_lines[i].height <= height; ++i) {
        used += m_lines[i].height;
        ++count;
    }
    return count;
}

QString WrappedText::printable(const QString &text)
{
    QString result = text;
    result.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    for (QChar &c : result) {
        if (c == QLatin1Char('\r') || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = QLatin1Char('\n');
        else if (c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
        else if (c != QLatin1Char('\n') && c.category() == QChar::Other_Control)
            c = QChar::ReplacementCharacter;
    }
    return result;
}

} // namespace QmsAudit
