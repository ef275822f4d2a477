// SPDX-License-Identifier: LGPL-2.1-or-later
#include "valueparsers.h"

#include <qmsaudit/timestamp.h>

namespace QmsAudit::Cli {
namespace {

Error invalid(const QString &message)
{
    return Error(ErrorCode::InvalidArgument, message);
}

bool isHex(const QString &text)
{
    for (const QChar c : text) {
        const bool digit = c >= QLatin1Char('0') && c <= QLatin1Char('9');
        const bool lower = c >= QLatin1Char('a') && c <= QLatin1Char('f');
        const bool upper = c >= QLatin1Char('A') && c <= QLatin1Char('F');
        if (!digit && !lower && !upper)
            return false;
    }
    return true;
}

} // namespace

QString joinedActionNames()
{
    QStringList names;
    for (const Action action : allActions())
        names.append(actionName(action));
    return names.join(QStringLiteral(", "));
}

QString joinedOutcomeNames()
{
    return QStringList{outcomeName(Outcome::Success), outcomeName(Outcome::Denied), outcomeName(Outcome::Failed)}
        .join(QStringLiteral(", "));
}

Result<Action> parseAction(const QString &text)
{
    if (const auto action = actionFromName(text))
        return *action;
    return invalid(QStringLiteral("Unknown action '%1'; allowed actions are: %2.").arg(text, joinedActionNames()));
}

Result<QList<Action>> parseActionList(const QStringList &values)
{
    QList<Action> actions;
    for (const QString &value : values) {
        for (const QString &part : value.split(QLatin1Char(','))) {
            const QString name = part.trimmed();
            if (name.isEmpty())
                return invalid(QStringLiteral("Empty action name in --action '%1'.").arg(value));
            auto action = parseAction(name);
            if (!action)
                return action.error();
            if (!actions.contains(*action))
                actions.append(*action);
        }
    }
    return actions;
}

Result<Outcome> parseOutcome(const QString &text)
{
    if (const auto outcome = outcomeFromName(text))
        return *outcome;
    return invalid(QStringLiteral("Unknown outcome '%1'; allowed outcomes are: %2.").arg(text, joinedOutcomeNames()));
}

Result<qint64> parseTime(const QString &optionName, const QString &text)
{
    if (const auto micros = parseTimestamp(text))
        return *micros;
    return invalid(QStringLiteral("Invalid time '%1' for --%2; expected ISO 8601 such as 2026-11-23, "
                                  "2026-11-23T18:10:00Z or 2026-11-23T19:10:00+01:00.")
                       .arg(text, optionName));
}

Result<qint64> parseInteger(const QString &optionName, const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok, 10);
    if (!ok || value < min || value > max || text.trimmed() != text || text.startsWith(QLatin1Char('+'))) {
        return invalid(QStringLiteral("Invalid value '%1' for --%2; expected a whole number from %3 to %4.")
                           .arg(text, optionName)
                           .arg(min)
                           .arg(max));
    }
    return value;
}

Result<FieldChange> parseChange(const QString &text)
{
    const qsizetype fieldEnd = text.indexOf(QLatin1Char('='));
    const qsizetype arrow = fieldEnd < 0 ? -1 : text.indexOf(QStringLiteral("=>"), fieldEnd + 1);
    if (fieldEnd <= 0 || arrow < 0)
        return invalid(QStringLiteral("Invalid --change '%1'; expected FIELD=OLD=>NEW, e.g. interval_days=365=>180.").arg(text));
    FieldChange change;
    change.field = text.left(fieldEnd);
    change.oldValue = text.mid(fieldEnd + 1, arrow - fieldEnd - 1);
    change.newValue = text.mid(arrow + 2);
    return change;
}

Result<std::pair<QString, QString>> parseAttribute(const QString &text)
{
    const qsizetype keyEnd = text.indexOf(QLatin1Char('='));
    if (keyEnd <= 0)
        return invalid(QStringLiteral("Invalid --attr '%1'; expected KEY=VALUE, e.g. ticket=CAPA-12.").arg(text));
    return std::pair{text.left(keyEnd), text.mid(keyEnd + 1)};
}

Result<ExpectedHead> parseExpectedHead(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString hex = colon < 0 ? QString() : text.mid(colon + 1);
    bool ok = false;
    const qint64 seq = colon <= 0 ? 0 : text.left(colon).toLongLong(&ok, 10);
    if (!ok || seq < 1 || hex.size() != 64 || !isHex(hex)) {
        return invalid(QStringLiteral("Invalid --expect-head '%1'; expected SEQ:HEX with a seq of at least 1 "
                                      "and 64 hexadecimal characters.")
                           .arg(text));
    }
    return ExpectedHead{seq, QByteArray::fromHex(hex.toLatin1())};
}

} // namespace QmsAudit::Cli
