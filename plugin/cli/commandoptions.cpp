// SPDX-License-Identifier: LGPL-2.1-or-later
#include "commandoptions.h"

#include "console.h"
#include "toolidentity.h"
#include "valueparsers.h"

#include <qmsaudit/keyfileprovider.h>
#include <qmsaudit/passphraseprovider.h>
#include <qmsaudit/timestamp.h>

#include <QFileInfo>

namespace QmsAudit::Cli {
CommandOptions::CommandOptions(const CommandSpec &command, Values values) : m_command(command), m_values(std::move(values)) { }

bool CommandOptions::isSet(const char *name) const
{
    return m_values.find(name) != m_values.end();
}

QString CommandOptions::value(const char *name) const
{
    const auto it = m_values.find(name);
    return it == m_values.end() || it->second.empty() ? QString() : Console::fromArg(it->second.back());
}

QStringList CommandOptions::values(const char *name) const
{
    QStringList result;
    if (const auto it = m_values.find(name); it != m_values.end()) {
        for (const std::string &item : it->second)
            result.append(Console::fromArg(item));
    }
    return result;
}

Result<QString> CommandOptions::requiredValue(const char *name) const
{
    const QString text = value(name);
    if (!isSet(name)) {
        const OptionSpec *spec = m_command.option(name);
        const QString placeholder = spec ? Console::fromArg(spec->argument) : QStringLiteral("VALUE");
        return Error(ErrorCode::InvalidArgument,
            QStringLiteral("Missing required option --%1 %2; see 'qms-audit %3 --help'.")
                .arg(QString::fromLatin1(name), placeholder, Console::fromArg(m_command.name)));
    }
    if (text.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The option --%1 needs a non-empty value.").arg(QString::fromLatin1(name)));
    return text;
}

Result<std::pair<std::optional<qint64>, std::optional<qint64>>> CommandOptions::timeRange() const
{
    std::optional<qint64> from;
    std::optional<qint64> to;
    if (isSet("from")) {
        auto parsed = parseTime(QStringLiteral("from"), value("from"));
        if (!parsed)
            return parsed.error();
        from = *parsed;
    }
    if (isSet("to")) {
        auto parsed = parseTime(QStringLiteral("to"), value("to"));
        if (!parsed)
            return parsed.error();
        to = *parsed;
    }
    if (from && to && *from > *to) {
        return Error(
            ErrorCode::InvalidArgument, QStringLiteral("--from %1 lies after --to %2.").arg(formatTimestamp(*from), formatTimestamp(*to)));
    }
    return std::pair { from, to };
}

Result<QString> CommandOptions::recordedAs() const
{
    return isSet("as") ? requiredValue("as") : Result<QString>(ToolIdentity::systemUser());
}

Result<EventFilter> CommandOptions::eventFilter() const
{
    EventFilter filter;
    auto range = timeRange();
    if (!range)
        return range.error();
    filter.fromUs = range->first;
    filter.toUs = range->second;
    for (const auto &[option, bound] : {std::pair{"occurred-from", &filter.occurredFromUs}, std::pair{"occurred-to", &filter.occurredToUs}}) {
        if (!isSet(option))
            continue;
        auto parsed = parseTime(QString::fromLatin1(option), value(option));
        if (!parsed)
            return parsed.error();
        *bound = *parsed;
    }
    if (filter.occurredFromUs && filter.occurredToUs && *filter.occurredFromUs > *filter.occurredToUs)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("--occurred-from lies after --occurred-to."));
    filter.actorId = value("actor");
    filter.objectId = value("object-id");
    filter.objectType = value("object-type");
    filter.text = value("text");
    if (isSet("action")) {
        auto actions = parseActionList(values("action"));
        if (!actions)
            return actions.error();
        filter.actions = *actions;
    }
    if (isSet("outcome")) {
        auto outcome = parseOutcome(value("outcome"));
        if (!outcome)
            return outcome.error();
        filter.outcome = *outcome;
    }
    return filter;
}

Result<std::unique_ptr<KeyProvider>> CommandOptions::keyProvider(const char *fileOption, const char *envOption) const
{
    if (isSet(fileOption)) {
        auto path = requiredValue(fileOption);
        if (!path)
            return path.error();
        return std::unique_ptr<KeyProvider>(std::make_unique<KeyFileProvider>(*path));
    }
    if (isSet(envOption)) {
        auto variable = requiredValue(envOption);
        if (!variable)
            return variable.error();
        if (variable->contains(QLatin1Char('=')))
            return Error(ErrorCode::InvalidArgument,
                QStringLiteral("--%1 takes the name of an environment variable, not an assignment.").arg(QString::fromLatin1(envOption)));
        return std::unique_ptr<KeyProvider>(std::make_unique<PassphraseProvider>(PassphraseProvider::fromEnvironment(*variable)));
    }
    return Error(ErrorCode::InvalidArgument,
        QStringLiteral("Missing key option: give --%1 FILE or --%2 VAR; see 'qms-audit %3 --help'.")
            .arg(QString::fromLatin1(fileOption), QString::fromLatin1(envOption), Console::fromArg(m_command.name)));
}

Result<OpenedLog> CommandOptions::openLog() const
{
    auto path = requiredValue("log");
    if (!path)
        return path.error();
    auto keys = keyProvider("key-file", "passphrase-env");
    if (!keys)
        return keys.error();
    OpenedLog opened;
    opened.keys = std::move(keys).value();
    auto log = AuditLog::open(*path, *opened.keys);
    if (!log)
        return log.error();
    opened.log = std::move(log).value();
    return opened;
}

bool CommandOptions::pathExists(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() || info.isSymLink();
}

} // namespace QmsAudit::Cli
