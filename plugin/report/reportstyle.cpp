// SPDX-License-Identifier: LGPL-2.1-or-later
#include "reportstyle_p.h"

#include <QPaintDevice>

namespace QmsAudit {
namespace {

// DejaVu (Debian's fonts-dejavu-core) covers Latin, Greek, Cyrillic and the arrows the reports
// use; naming it keeps the output the same on every machine that has it.
constexpr auto kSans = "DejaVu Sans";
constexpr auto kMono = "DejaVu Sans Mono";

QFont deviceFreeFont(const char *family, QFont::StyleHint hint, qreal points, QFont::Weight weight, bool italic = false)
{
    QFont font { QString::fromLatin1(family) };
    font.setStyleHint(hint);
    font.setPointSizeF(points);
    font.setWeight(weight);
    font.setItalic(italic);
    // Hinting moves glyphs to the pixel grid of a screen; a PDF has none, and hinted advances
    // would differ between layout and painting.
    font.setHintingPreference(QFont::PreferNoHinting);
    // No ligatures where a script does not need them: "fi" drawn as one glyph is copied and
    // searched as U+FB01, and evidence must read back as the text that was recorded.
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

QFont makeFont(
    const char *family, QFont::StyleHint hint, qreal points, QFont::Weight weight, const QPaintDevice &device, bool italic = false)
{
    return QFont(deviceFreeFont(family, hint, points, weight, italic), &device);
}

} // namespace

ReportStyle::ReportStyle(const QPaintDevice &device) : m_device(device), m_dotsPerMm(device.logicalDpiX() / 25.4)
{
    const auto set = [this](Font role, QFont font) { m_fonts[static_cast<size_t>(role)] = std::move(font); };
    set(Font::Body, makeFont(kSans, QFont::SansSerif, 8.5, QFont::Normal, device));
    set(Font::Bold, makeFont(kSans, QFont::SansSerif, 8.5, QFont::Bold, device));
    set(Font::Small, makeFont(kSans, QFont::SansSerif, 7, QFont::Normal, device));
    set(Font::SmallItalic, makeFont(kSans, QFont::SansSerif, 7, QFont::Normal, device, true));
    set(Font::Code, makeFont(kMono, QFont::Monospace, 7.5, QFont::Normal, device));
    set(Font::TableHeader, makeFont(kSans, QFont::SansSerif, 8, QFont::Bold, device));
    set(Font::Heading, makeFont(kSans, QFont::SansSerif, 12, QFont::Bold, device));
    set(Font::Title, makeFont(kSans, QFont::SansSerif, 17, QFont::Bold, device));
}

QFont ReportStyle::sansFont(qreal points, QFont::Weight weight)
{
    return deviceFreeFont(kSans, QFont::SansSerif, points, weight);
}

} // namespace QmsAudit
