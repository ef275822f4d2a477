// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/action.h>
#include <qmsaudit/event.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

/// Parsers for option values. Each returns InvalidArgument with one sentence naming the option.
namespace QmsAudit::Cli {

/// An action name ("edit"); the error lists every allowed name.
Result<Action> parseAction(const QString &text);
/// Action names from repeated options, each possibly a comma-separated list; duplicates dropped.
Result<QList<Action>> parseActionList(const QStringList &values);
/// An outcome name ("success"); the error lists every allowed name.
Result<Outcome> parseOutcome(const QString &text);
/// An ISO 8601 time (see parseTimestamp()) given to option --@p optionName, as UTC µs.
Result<qint64> parseTime(const QString &optionName, const QString &text);
/// A decimal integer in [@p min, @p max] given to option --@p optionName.
Result<qint64> parseInteger(const QString &optionName, const QString &text, qint64 min, qint64 max);
/// "FIELD=OLD=>NEW": the field ends at the first '=', the old value at the next "=>".
Result<FieldChange> parseChange(const QString &text);
/// "KEY=VALUE": the key ends at the first '='.
Result<std::pair<QString, QString>> parseAttribute(const QString &text);

/// An externally anchored chain position, from "SEQ:HEX".
struct ExpectedHead {
    qint64 seq = 0;
    QByteArray hash; ///< raw bytes (32)
};
Result<ExpectedHead> parseExpectedHead(const QString &text);

/// "a, b, c" for error messages.
QString joinedActionNames();
QString joinedOutcomeNames();

} // namespace QmsAudit::Cli
