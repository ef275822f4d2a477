// SPDX-License-Identifier: LGPL-2.1-or-later
#include "reviewreportcommand.h"

#include "console.h"
#include "exitstatus.h"
#include "guiapplicationscope.h"
#include "reviewoptionparser.h"
#include "terminaltext.h"
#include "toolidentity.h"
#include "trailuserecorder.h"

#include <qmsaudit/clock.h>
#include <qmsaudit/eventexportfile.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/managementreviewreport.h>
#include <qmsaudit/trailexportrecord.h>

#include <QFileInfo>

#include <iostream>

namespace QmsAudit::Cli {

int ReviewReportCommand::run(const CommandOptions &options)
{
    auto period = ReviewOptionParser::period(options);
    if (!period)
        return Console::fail(period.error());
    auto request = ReviewOptionParser::aggregateRequest(options, *period);
    if (!request)
        return Console::fail(request.error());
    auto out = options.requiredValue("out");
    if (!out)
        return Console::fail(out.error());
    if (CommandOptions::pathExists(*out))
        return Console::fail(Error(ErrorCode::AlreadyExists, QStringLiteral("%1 exists; review-report never overwrites a file.").arg(*out)));
    auto rules = ReviewOptionParser::anomalyRules(options);
    if (!rules) {
        Console::fail(rules.error());
        return toInt(ExitStatus::BadRules);
    }
    ManagementReviewOptions review;
    review.comparePrevious = options.isSet("compare-previous");
    review.topCount = request->topCount;
    review.staleAfterUs = request->staleAfterUs;
    review.anomalyRules = *rules;

    auto use = TrailUseRecorder::create(options, Action::TrailExported, QStringLiteral("cli review-report"));
    if (!use)
        return Console::fail(use.error());
    // What export records for a PDF report, and what this report adds: the periods and the rules.
    TrailExportRecord record;
    record.filter.fromUs = period->fromUs();
    record.filter.toUs = period->toUs();
    record.format = QStringLiteral("pdf");
    record.fileName = QFileInfo(*out).fileName();
    record.report = QStringLiteral("management_review");
    use->setAttributes(record.attributes());
    use->setAttribute(QStringLiteral("period"), period->label());
    if (review.comparePrevious)
        use->setAttribute(QStringLiteral("compared_with"), period->previous().label());
    use->setAttribute(QStringLiteral("rules_sha256"), rules->digest());
    if (auto checked = use->check(); !checked)
        return Console::fail(checked.error());

    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());
    auto reader = opened->log->reader();
    if (!reader)
        return Console::fail(reader.error());
    auto gui = GuiApplicationScope::create(GuiApplicationScope::Kind::Widgets);
    if (!gui)
        return Console::fail(gui.error());
    EvidenceHeader header;
    header.generatedBy = ToolIdentity::reportAuthor(*options.recordedAs()); // --as checked by create()
    header.generatedAtUs = SystemClock().nowUtcMicros();
    auto report = ManagementReviewReport::build(**reader, *period, review, std::move(header));
    if (!report)
        return Console::fail(report.error());
    // Whole or not at all (QSaveFile): a failure leaves nothing at --out.
    if (auto saved = report->document.savePdf(*out); !saved)
        return Console::fail(saved.error());
    auto sha256 = EventExportFile::sha256(*out);
    if (!sha256)
        return Console::fail(sha256.error());
    const bool verified = report->header.verification.ok;
    Console::printLine(std::cout, TerminalText::escaped(QStringLiteral("wrote the management review %1 (%2 events, %3 flags) to %4, sha256 %5")
                                                            .arg(period->label())
                                                            .arg(report->figures.total)
                                                            .arg(report->anomalies.flags.size())
                                                            .arg(*out, QString::fromLatin1(sha256->toHex()))));
    record.sha256 = *sha256;
    record.eventCount = report->figures.total;
    record.verified = verified;
    use->setAttributes(record.attributes());
    use->setAttribute(QStringLiteral("flag_count"), QString::number(report->anomalies.flags.size()));
    return use->recordReport(*opened->log, verified, options.value("log"), *out);
}

} // namespace QmsAudit::Cli
