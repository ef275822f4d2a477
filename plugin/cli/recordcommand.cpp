// SPDX-License-Identifier: LGPL-2.1-or-later
#include "recordcommand.h"

#include "console.h"
#include "exitstatus.h"
#include "toolidentity.h"
#include "valueparsers.h"

#include <qmsaudit/timestamp.h>

#include <iostream>

namespace QmsAudit::Cli {

int RecordCommand::run(const CommandOptions &options)
{
    for (const char *name : { "actor", "action", "object-id" }) {
        if (auto required = options.requiredValue(name); !required)
            return Console::fail(required.error());
    }

    Event event;
    event.actor.id = options.value("actor");
    event.actor.name = options.value("actor-name");
    event.actor.roles = options.values("role");

    auto action = parseAction(options.value("action"));
    if (!action)
        return Console::fail(action.error());
    if (isLibraryOnlyAction(*action)) {
        return Console::usageError(
            QStringLiteral("\"%1\" events are written only by the QmsAudit library itself; they cannot be recorded by hand.")
                .arg(actionName(*action)));
    }
    event.action = *action;

    event.object.type = options.isSet("object-type") ? options.value("object-type") : QStringLiteral("document");
    event.object.id = options.value("object-id");
    event.object.version = options.value("object-version");
    event.object.title = options.value("object-title");
    event.reason = options.value("reason");
    event.signatureMeaning = options.value("signature-meaning");
    event.session = options.value("session");
    event.host = ToolIdentity::host();

    if (options.isSet("outcome")) {
        auto outcome = parseOutcome(options.value("outcome"));
        if (!outcome)
            return Console::fail(outcome.error());
        event.outcome = *outcome;
    }
    for (const QString &text : options.values("change")) {
        auto change = parseChange(text);
        if (!change)
            return Console::fail(change.error());
        event.changes.append(*change);
    }
    for (const QString &text : options.values("attr")) {
        auto attribute = parseAttribute(text);
        if (!attribute)
            return Console::fail(attribute.error());
        if (event.attributes.contains(attribute->first))
            return Console::usageError(QStringLiteral("The attribute '%1' is given more than once.").arg(attribute->first));
        event.attributes.insert(attribute->first, attribute->second);
    }
    if (options.isSet("occurred-at")) {
        auto occurred = parseTime(QStringLiteral("occurred-at"), options.value("occurred-at"));
        if (!occurred)
            return Console::fail(occurred.error());
        event.occurredAtUs = *occurred;
    }

    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());
    auto seq = opened->log->append(event);
    if (!seq)
        return Console::fail(seq.error());
    Console::printLine(std::cout, QString::number(*seq));
    return toInt(ExitStatus::Ok);
}

} // namespace QmsAudit::Cli
