// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QColor>
#include <QFont>

#include <array>

class QPaintDevice;

namespace QmsAudit {

/**
 * Fonts, colours and lengths of a report, in the units of the device it is laid out and painted
 * on. Layout and painting must measure with the same fonts for the same device, or a line that
 * fit when it was laid out overflows when painted: both take them from here.
 */
class ReportStyle
{
public:
    enum class Font { Body, Bold, Small, SmallItalic, Code, TableHeader, Heading, Title, Count };

    explicit ReportStyle(const QPaintDevice &device);

    const QFont &font(Font role) const { return m_fonts[static_cast<size_t>(role)]; }
    /// @p millimetres in device units.
    qreal mm(qreal millimetres) const { return millimetres * m_dotsPerMm; }
    const QPaintDevice &device() const { return m_device; }
    /// DejaVu Sans, unhinted and unshaped like the report's text, for what others draw into it (the charts).
    static QFont sansFont(qreal points, QFont::Weight weight = QFont::Normal);

    static QColor textColor() { return QColor(0x1f, 0x24, 0x2b); }
    static QColor mutedColor() { return QColor(0x5b, 0x64, 0x70); }
    static QColor accentColor() { return QColor(0x1d, 0x4e, 0x89); }
    static QColor ruleColor() { return QColor(0xc9, 0xcf, 0xd6); }
    static QColor headerFill() { return QColor(0xdf, 0xe6, 0xee); }
    static QColor stripeFill() { return QColor(0xf4, 0xf6, 0xf9); }
    static QColor panelFill() { return QColor(0xf0, 0xf3, 0xf7); }
    static QColor goodColor() { return QColor(0x1b, 0x6e, 0x34); }
    static QColor alertColor() { return QColor(0xb0, 0x1e, 0x1e); }

private:
    const QPaintDevice &m_device;
    qreal m_dotsPerMm;
    std::array<QFont, static_cast<size_t>(Font::Count)> m_fonts;
};

} // namespace QmsAudit
