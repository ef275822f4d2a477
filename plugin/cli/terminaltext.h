// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

namespace QmsAudit::Cli {

/**
 * Text from the log or from input files made safe for a terminal. Control characters (escape
 * sequences, carriage returns, newlines) could otherwise move the cursor, erase lines and paint
 * output the tool never wrote, such as a fake success line above an error.
 */
class TerminalText
{
public:
    /// For table cells: each control character becomes a space, so the columns stay aligned.
    static QString blanked(const QString &text);
    /// For messages: each control character becomes a visible escape (\n, \r, \t, \x1b, \u0085),
    /// so the reader sees exactly what the input held.
    static QString escaped(const QString &text);
};

} // namespace QmsAudit::Cli
