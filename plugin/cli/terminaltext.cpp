// SPDX-License-Identifier: LGPL-2.1-or-later
#include "terminaltext.h"

namespace QmsAudit::Cli {
namespace {

bool isControl(QChar c)
{
    return c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Control;
}

} // namespace

QString TerminalText::blanked(const QString &text)
{
    QString result = text;
    for (QChar &c : result) {
        if (isControl(c))
            c = QLatin1Char(' ');
    }
    return result;
}

QString TerminalText::escaped(const QString &text)
{
    QString result;
    result.reserve(text.size());
    for (QChar c : text) {
        if (!isControl(c)) {
            result.append(c);
            continue;
        }
        switch (c.unicode()) {
        case '\n':
            result.append(QLatin1StringView("\\n"));
            break;
        case '\r':
            result.append(QLatin1StringView("\\r"));
            break;
        case '\t':
            result.append(QLatin1StringView("\\t"));
            break;
        default:
            if (c.unicode() <= 0xff)
                result.append(QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0')));
            else
                result.append(QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0')));
        }
    }
    return result;
}

} // namespace QmsAudit::Cli
