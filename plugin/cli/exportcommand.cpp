// SPDX-License-Identifier: LGPL-2.1-or-later
#include "exportcommand.h"

#include "console.h"
#include "eventwriter.h"
#include "exitstatus.h"
#include "guiapplicationscope.h"
#include "packexportcommand.h"
#include "terminaltext.h"
#include "toolidentity.h"
#include "trailuserecorder.h"

#include <qmsaudit/clock.h>
#include <qmsaudit/documenttrailreport.h>
#include <qmsaudit/eventexportfile.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/eventsreport.h>
#include <qmsaudit/trailexportrecord.h>

#include <QFileInfo>

#include <iostream>

namespace QmsAudit::Cli {

namespace {

/// The events report, or with --document-report the document's audit-trail report (docs/reports.md).
Result<EvidenceReport> writeReport(const CommandOptions &options, const AuditLog &log, const EventFilter &filter,
                                   const QString &generatedBy, const QString &out)
{
    auto gui = GuiApplicationScope::create();
    if (!gui)
        return gui.error();
    auto reader = log.reader();
    if (!reader)
        return reader.error();
    EvidenceHeader header;
    header.generatedBy = ToolIdentity::reportAuthor(generatedBy);
    header.generatedAtUs = SystemClock().nowUtcMicros();
    auto report = options.isSet("document-report")
                      ? DocumentTrailReport::build(**reader, filter.objectType, filter.objectId, std::move(header))
                      : EventsReport::build(**reader, filter, std::move(header));
    if (!report)
        return report.error();
    if (auto saved = report->document.savePdf(out); !saved)
        return saved.error();
    return report;
}

struct ExportFormat {
    QString label; ///< as printed and recorded: jsonl, csv, csv-spreadsheet-safe or pdf
    bool pdf = false;
    EventExportWriter::Format format = EventExportWriter::Format::JsonLines; ///< JSON Lines and CSV
    CsvCells cells = CsvCells::Verbatim;
};

/// --format, --spreadsheet-safe and --document-report, checked together.
Result<ExportFormat> exportFormat(const CommandOptions &options, const EventFilter &filter)
{
    auto name = options.requiredValue("format");
    if (!name)
        return name.error();
    if (*name != QLatin1String("pdf")) {
        if (options.isSet("document-report"))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("--document-report applies to --format pdf only."));
        if (*name != QLatin1String("jsonl") && *name != QLatin1String("csv"))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("Unknown format '%1' for export; use jsonl, csv or pdf.").arg(*name));
        auto output = EventWriter::outputFromOptions(options, QStringLiteral("export"), false);
        if (!output)
            return output.error();
        const auto format = output->format == EventWriter::Format::Csv ? EventExportWriter::Format::Csv : EventExportWriter::Format::JsonLines;
        return ExportFormat{TrailExportRecord::formatName(format, output->cells), false, format, output->cells};
    }
    if (options.isSet("spreadsheet-safe"))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("--spreadsheet-safe applies to --format csv only."));
    if (options.isSet("document-report")) {
        if (filter.objectId.isEmpty())
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("--document-report needs --object-id (and --object-type if the id names several)."));
        EventFilter others = filter;
        others.objectId.clear();
        others.objectType.clear();
        if (!others.isEmpty()) {
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("--document-report covers every event on the document; drop the other filters (%1).")
                             .arg(others.describe()));
        }
    }
    return ExportFormat{*name, true};
}

} // namespace

int ExportCommand::run(const CommandOptions &options)
{
    if (options.isSet("pack"))
        return PackExportCommand::run(options);
    auto filter = options.eventFilter();
    if (!filter)
        return Console::fail(filter.error());
    auto format = exportFormat(options, *filter);
    if (!format)
        return Console::fail(format.error());
    auto out = options.requiredValue("out");
    if (!out)
        return Console::fail(out.error());
    if (CommandOptions::pathExists(*out))
        return Console::fail(Error(ErrorCode::AlreadyExists, QStringLiteral("%1 exists; export never overwrites a file.").arg(*out)));

    auto use = TrailUseRecorder::create(options, Action::TrailExported, QStringLiteral("cli export"));
    if (!use)
        return Console::fail(use.error());
    TrailExportRecord record;
    record.filter = *filter;
    record.format = format->label;
    record.fileName = QFileInfo(*out).fileName();
    if (format->pdf)
        record.report = options.isSet("document-report") ? QStringLiteral("document") : QStringLiteral("events");
    use->setAttributes(record.attributes());
    if (auto checked = use->check(); !checked)
        return Console::fail(checked.error());
    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());

    qint64 exported = 0;
    bool verified = true;
    if (format->pdf) {
        auto report = writeReport(options, *opened->log, *filter, *options.recordedAs(), *out); // --as checked by create()
        if (!report)
            return Console::fail(report.error());
        exported = report->header.eventCount;
        verified = report->header.verification.ok;
        record.verified = verified;
    } else {
        auto reader = opened->log->reader();
        if (!reader)
            return Console::fail(reader.error());
        auto written = EventExportFile::write(**reader, *filter, format->format, format->cells, *out);
        if (!written)
            return Console::fail(written.error());
        exported = *written;
    }
    auto sha256 = EventExportFile::sha256(*out);
    if (!sha256)
        return Console::fail(sha256.error());
    Console::printLine(std::cout, TerminalText::escaped(QStringLiteral("exported %1 events to %2 (%3), sha256 %4")
                                                            .arg(exported).arg(*out, format->label, QString::fromLatin1(sha256->toHex()))));
    record.sha256 = *sha256;
    record.eventCount = exported;
    use->setAttributes(record.attributes());
    return use->recordReport(*opened->log, verified, options.value("log"), *out);
}

} // namespace QmsAudit::Cli
