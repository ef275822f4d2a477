// SPDX-License-Identifier: LGPL-2.1-or-later
#include "packexportcommand.h"

#include "console.h"
#include "guiapplicationscope.h"
#include "terminaltext.h"
#include "toolidentity.h"
#include "trailuserecorder.h"

#include <qmsaudit/checkpoint.h>
#include <qmsaudit/clock.h>
#include <qmsaudit/eventexportfile.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/eventsreport.h>
#include <qmsaudit/evidencepack.h>
#include <qmsaudit/evidencepackarchive.h>
#include <qmsaudit/signingkeyfileprovider.h>
#include <qmsaudit/trailexportrecord.h>

#include <QBuffer>
#include <QFileInfo>

#include <iostream>

namespace QmsAudit::Cli {

namespace {

/// The events report of @p filter as PDF bytes (as `export --format pdf` writes it), with its header.
Result<std::pair<EvidenceHeader, QByteArray>> reportPdf(const EventReader &reader, const EventFilter &filter, const QString &generatedBy)
{
    auto gui = GuiApplicationScope::create();
    if (!gui)
        return gui.error();
    EvidenceHeader header;
    header.generatedBy = ToolIdentity::reportAuthor(generatedBy);
    header.generatedAtUs = SystemClock().nowUtcMicros();
    auto report = EventsReport::build(reader, filter, std::move(header));
    if (!report)
        return report.error();
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    if (auto written = report->document.writePdf(pdf); !written)
        return written.error();
    return std::pair{report->header, pdf.data()};
}

} // namespace

int PackExportCommand::run(const CommandOptions &options)
{
    for (const char *other : {"format", "out", "document-report", "spreadsheet-safe"}) {
        if (options.isSet(other))
            return Console::usageError(QStringLiteral("--%1 does not apply to --pack: a pack holds JSON Lines and the PDF report.")
                                           .arg(QString::fromLatin1(other)));
    }
    auto filter = options.eventFilter();
    if (!filter)
        return Console::fail(filter.error());
    auto out = options.requiredValue("pack");
    if (!out)
        return Console::fail(out.error());
    auto keyFile = options.requiredValue("signing-key");
    if (!keyFile)
        return Console::fail(keyFile.error());
    if (CommandOptions::pathExists(*out))
        return Console::fail(Error(ErrorCode::AlreadyExists, QStringLiteral("%1 exists; export never overwrites a file.").arg(*out)));

    auto use = TrailUseRecorder::create(options, Action::TrailExported, QStringLiteral("cli export"));
    if (!use)
        return Console::fail(use.error());
    TrailExportRecord record;
    record.filter = *filter;
    record.format = QStringLiteral("pack");
    record.fileName = QFileInfo(*out).fileName();
    record.report = QStringLiteral("events");
    use->setAttributes(record.attributes());
    if (auto checked = use->check(); !checked)
        return Console::fail(checked.error());
    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());

    const QString origin = Checkpoint::defaultOrigin(opened->log->logId());
    const QString keyName = options.isSet("key-name") ? options.value("key-name") : origin;
    auto signer = SigningKeyFileProvider(*keyFile, keyName).fetchSigner();
    if (!signer)
        return Console::fail(signer.error());
    auto reader = opened->log->reader();
    if (!reader)
        return Console::fail(reader.error());

    // The report verifies the log up to its head; that head's seq is the one size of the pack:
    // the checkpoint, the proofs and the events all stop there, whatever is appended meanwhile.
    auto report = reportPdf(**reader, *filter, *options.recordedAs()); // --as checked by create()
    if (!report)
        return Console::fail(report.error());
    const EvidenceHeader &header = report->first;
    if (!header.verification.ok) {
        return Console::fail(Error(ErrorCode::IntegrityFailure,
            QStringLiteral("The log %1 failed verification; no evidence pack is signed for it: run verify.").arg(options.value("log"))));
    }
    auto contents = EvidencePack::collect(**reader, *filter, header.head.seq, origin, *signer);
    if (!contents)
        return Console::fail(contents.error());
    contents->files.insert(EvidencePack::reportName(), report->second);
    if (auto sealed = EvidencePack::seal(contents->files, *signer); !sealed)
        return Console::fail(sealed.error());
    if (auto written = EvidencePackArchive::write(*out, contents->files); !written)
        return Console::fail(written.error());

    auto sha256 = EventExportFile::sha256(*out);
    if (!sha256)
        return Console::fail(sha256.error());
    Console::printLine(std::cout, TerminalText::escaped(
        QStringLiteral("exported %1 events to %2 (pack), checkpoint %3 at tree size %4, signed as %5, sha256 %6")
            .arg(contents->eventCount)
            .arg(*out, origin)
            .arg(contents->treeHead.size)
            .arg(keyName, QString::fromLatin1(sha256->toHex()))));
    record.sha256 = *sha256;
    record.eventCount = contents->eventCount;
    record.verified = true;
    use->setAttributes(record.attributes());
    use->setAttribute(QStringLiteral("tree_size"), QString::number(contents->treeHead.size));
    use->setAttribute(QStringLiteral("origin"), origin);
    return use->recordReport(*opened->log, true, options.value("log"), *out);
}

} // namespace QmsAudit::Cli
