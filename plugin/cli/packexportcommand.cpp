// SPDX-License-Identifier: LGPL-2.1-or-later
#include "packexportcommand.h"

#include "console.h"
#include "guiapplicationscope.h"
#include "terminaltext.h"
#include "toolidentity.h"
#include "trailuserecorder.h"

#include <qmsaudit/checkpoint.h>
#include <qmsaudit/clock.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/evidencepackexport.h>
#include <qmsaudit/signingkeyfileprovider.h>

#include <iostream>

namespace QmsAudit::Cli {

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

    auto use = TrailUseRecorder::create(options, Action::TrailExported, QStringLiteral("cli export"));
    if (!use)
        return Console::fail(use.error());
    use->setAttributes(EvidencePackExport::record(*filter, *out).attributes());
    if (auto checked = use->check(); !checked)
        return Console::fail(checked.error());
    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());
    auto reader = opened->log->reader();
    if (!reader)
        return Console::fail(reader.error());

    const QString keyName = options.isSet("key-name") ? options.value("key-name") : Checkpoint::defaultOrigin((*reader)->logId());
    auto gui = GuiApplicationScope::create();
    if (!gui)
        return Console::fail(gui.error());
    EvidenceHeader header;
    header.generatedBy = ToolIdentity::reportAuthor(*options.recordedAs()); // --as checked by create()
    header.generatedAtUs = SystemClock().nowUtcMicros();
    auto written = EvidencePackExport::write(**reader, *filter, std::move(header), SigningKeyFileProvider(*keyFile, keyName), *out);
    if (!written)
        return Console::fail(written.error());

    const TrailExportRecord &record = written->record;
    Console::printLine(std::cout, TerminalText::escaped(
        QStringLiteral("exported %1 events to %2 (pack), checkpoint %3 at tree size %4, signed as %5, sha256 %6")
            .arg(record.eventCount)
            .arg(*out, record.origin)
            .arg(*record.treeSize)
            .arg(written->keyName, QString::fromLatin1(record.sha256.toHex()))));
    use->setAttributes(record.attributes());
    return use->recordReport(*opened->log, true, options.value("log"), *out);
}

} // namespace QmsAudit::Cli
