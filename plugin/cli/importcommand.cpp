// SPDX-License-Identifier: LGPL-2.1-or-later
#include "importcommand.h"

#include "console.h"
#include "exitstatus.h"
#include <qmsaudit/jsonlinesimport.h>

#include <QFile>

#include <cstdio>
#include <iostream>

namespace QmsAudit::Cli {

int ImportCommand::run(const CommandOptions &options)
{
    auto actor = options.requiredValue("actor");
    if (!actor)
        return Console::fail(actor.error());
    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return Console::fail(
            Error(ErrorCode::IoError, QStringLiteral("Cannot read the events from standard input: %1.").arg(input.errorString())));
    Actor importer;
    importer.id = *actor;
    importer.name = options.value("actor-name");
    JsonLinesImport import(*opened->log, importer, QStringLiteral("stdin"), options.value("reason"));
    auto report = import.run(input);
    if (!report)
        return Console::fail(report.error());
    if (report->imported == 0) {
        Console::printLine(std::cout, QStringLiteral("imported 0 events (recorded as seq %1)").arg(report->importEventSeq));
        return toInt(ExitStatus::Ok);
    }
    Console::printLine(std::cout,
        QStringLiteral("imported %1 events (seq %2..%3), recorded as seq %4, input sha256 %5")
            .arg(report->imported)
            .arg(report->firstSeq)
            .arg(report->lastSeq)
            .arg(report->importEventSeq)
            .arg(QString::fromLatin1(report->inputSha256.toHex())));
    return toInt(ExitStatus::Ok);
}

} // namespace QmsAudit::Cli
