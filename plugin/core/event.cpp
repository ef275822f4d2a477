// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/event.h>

namespace QmsAudit {

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Success: return QStringLiteral("success");
    case Outcome::Denied: return QStringLiteral("denied");
    case Outcome::Failed: return QStringLiteral("failed");
    }
    return {};
}

std::optional<Outcome> outcomeFromName(QStringView name)
{
    for (Outcome o : {Outcome::Success, Outcome::Denied, Outcome::Failed}) {
        if (name == outcomeName(o))
            return o;
    }
    return std::nullopt;
}

} // namespace QmsAudit
