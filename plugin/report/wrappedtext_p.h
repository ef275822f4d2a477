// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QFont>
#include <QList>
#include <QString>

class QPaintDevice;

namespace QmsAudit {

/**
 * Text broken into lines no wider than a width, for one font on one device: at word boundaries,
 * or anywhere in a word longer than the width (hashes, ids), so that nothing is ever clipped.
 * Keeps only each line's text and metrics, not the QTextLayout: a long report holds hundreds of
 * thousands of lines, and painting a line's text at its baseline gives the same glyphs.
 */
class WrappedText
{
public:
    struct Line {
        QString text;
        qreal ascent = 0;
        qreal height = 0;
        qreal width = 0; ///< of the text itself, for centring and right alignment
    };

    WrappedText() = default;
    /// '\n' starts a new line; see printable() for control characters.
    WrappedText(const QString &text, const QFont &font, qreal width, const QPaintDevice &device);

    const QList<Line> &lines() const { return m_lines; }
    qsizetype lineCount() const { return m_lines.size(); }
    /// Height of @p count lines from @p first (count < 0: to the end).
    qreal height(qsizetype first = 0, qsizetype count = -1) const;
    /// How many lines from @p first fit into @p height.
    qsizetype linesFitting(qsizetype first, qreal height) const;
    /// The widest line.
    qreal naturalWidth() const { return m_naturalWidth; }

    /**
     * @p text with line ends normalised to '\n', tabs as spaces and every other control character
     * as U+FFFD, which a reader sees: recorded text may hold anything, and an invisible control
     * character would hide that it does. The exact bytes are in the CSV and JSON Lines exports.
     */
    static QString printable(const QString &text);

private:
    QList<Line> m_lines;
    qreal m_naturalWidth = 0;
};

} // namespace QmsAudit
