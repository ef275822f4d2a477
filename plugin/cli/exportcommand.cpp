// SPDX-License-Identifier: LGPL-2.1-or-later
#include "exportcommand.h"

#include "console.h"
#include "eventwriter.h"
#include "exitstatus.h"
#include "terminaltext.h"
#include "trailuserecorder.h"

#include <qmsaudit/eventexportwriter.h>

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <iostream>

namespace QmsAudit::Cli {

namespace {

constexpr int kPageSize = 1000;

/// SHA-256 of the file as it is on disk: what the recipient of the evidence gets.
Result<QByteArray> fileSha256(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return Error(ErrorCode::IoError, QStringLiteral("Cannot read back %1: %2.").arg(path, file.errorString()));
    return hash.result();
}

} // namespace

int ExportCommand::run(const CommandOptions &options)
{
    auto filter = options.eventFilter();
    if (!filter)
        return Console::fail(filter.error());
    if (auto formatName = options.requiredValue("format"); !formatName)
        return Console::fail(formatName.error());
    auto output = EventWriter::outputFromOptions(options, QStringLiteral("export"), false);
    if (!output)
        return Console::fail(output.error());
    auto out = options.requiredValue("out");
    if (!out)
        return Console::fail(out.error());
    if (CommandOptions::pathExists(*out))
        return Console::fail(Error(ErrorCode::AlreadyExists, QStringLiteral("%1 exists; export never overwrites a file.").arg(*out)));

    auto use = TrailUseRecorder::create(options, Action::TrailExported, QStringLiteral("cli export"));
    if (!use)
        return Console::fail(use.error());
    const QString formatLabel = output->cells == CsvCells::SpreadsheetSafe ? QStringLiteral("csv-spreadsheet-safe") : options.value("format");
    use->setAttribute(QStringLiteral("filter"), filter->describe());
    use->setAttribute(QStringLiteral("format"), formatLabel);
    use->setAttribute(QStringLiteral("file"), QFileInfo(*out).fileName());
    if (auto checked = use->check(); !checked)
        return Console::fail(checked.error());
    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());

    // QSaveFile writes beside the target and renames on commit: a failed export leaves no file.
    QSaveFile file(*out);
    if (!file.open(QIODevice::WriteOnly))
        return Console::fail(Error(ErrorCode::IoError, QStringLiteral("Cannot create %1: %2.").arg(*out, file.errorString())));
    EventExportWriter writer(output->format == EventWriter::Format::Csv ? EventExportWriter::Format::Csv : EventExportWriter::Format::JsonLines,
                             file, output->cells);
    PageRequest page{0, kPageSize};
    qint64 exported = 0;
    while (true) {
        auto result = opened->log->query(*filter, page);
        if (!result)
            return Console::fail(result.error());
        for (const Event &event : std::as_const(result->events)) {
            if (auto written = writer.write(event); !written)
                return Console::fail(written.error());
        }
        exported += result->events.size();
        if (!result->hasMore)
            break;
        page.afterSeq = result->nextAfterSeq;
    }
    if (auto finished = writer.finish(); !finished)
        return Console::fail(finished.error());
    if (!file.commit())
        return Console::fail(Error(ErrorCode::IoError, QStringLiteral("Cannot write %1: %2.").arg(*out, file.errorString())));
    auto sha256 = fileSha256(*out);
    if (!sha256)
        return Console::fail(sha256.error());
    const QString hex = QString::fromLatin1(sha256->toHex());
    Console::printLine(std::cout, TerminalText::escaped(QStringLiteral("exported %1 events to %2 (%3), sha256 %4").arg(exported).arg(*out, formatLabel, hex)));
    use->setAttribute(QStringLiteral("sha256"), hex);
    use->setAttribute(QStringLiteral("event_count"), QString::number(exported));
    return use->record(*opened->log, toInt(ExitStatus::Ok));
}

} // namespace QmsAudit::Cli
