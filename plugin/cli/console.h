// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/result.h>

#include <QString>

#include <ostream>
#include <string>

namespace QmsAudit::Cli {

/// What the tool prints: result lines on stdout, "qms-audit: <sentence>" on stderr.
class Console
{
public:
    /// @p line as UTF-8 and a newline.
    static void printLine(std::ostream &out, const QString &line);
    /// @p text as it is, flushed.
    static void printText(std::ostream &out, const std::string &text);
    /// Prints "qms-audit: <message>" on stderr (control characters escaped) and returns the exit
    /// code for @p error.
    static int fail(const Error &error);
    /// fail() with InvalidArgument: exit 1.
    static int usageError(const QString &message);
    /// An argv string (UTF-8) as QString.
    static QString fromArg(const std::string &text);
};

} // namespace QmsAudit::Cli
