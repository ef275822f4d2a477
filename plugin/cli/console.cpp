// SPDX-License-Identifier: LGPL-2.1-or-later
#include "console.h"

#include "exitstatus.h"
#include "terminaltext.h"

#include <iostream>

namespace QmsAudit::Cli {

void Console::printLine(std::ostream &out, const QString &line)
{
    const QByteArray utf8 = line.toUtf8();
    out.write(utf8.constData(), utf8.size());
    out << '\n';
}

void Console::printText(std::ostream &out, const std::string &text)
{
    out << text;
    out.flush();
}

int Console::fail(const Error &error)
{
    // Messages may quote the input (a JSON line, a file name): never let it drive the terminal.
    printLine(std::cerr, QStringLiteral("qms-audit: ") + TerminalText::escaped(error.message()));
    return toInt(exitStatusFor(error.code()));
}

int Console::usageError(const QString &message)
{
    return fail(Error(ErrorCode::InvalidArgument, message));
}

QString Console::fromArg(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace QmsAudit::Cli
