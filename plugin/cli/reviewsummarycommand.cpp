// SPDX-License-Identifier: LGPL-2.1-or-later
#include "reviewsummarycommand.h"

#include "console.h"
#include "exitstatus.h"
#include "reviewoptionparser.h"
#include "reviewsummarywriter.h"
#include "statisticswriter.h"
#include "trailuserecorder.h"

#include <qmsaudit/eventreader.h>

#include <iostream>

namespace QmsAudit::Cli {

int ReviewSummaryCommand::run(const CommandOptions &options)
{
    auto period = ReviewOptionParser::period(options);
    if (!period)
        return Console::fail(period.error());
    auto request = ReviewOptionParser::aggregateRequest(options, *period);
    if (!request)
        return Console::fail(request.error());
    bool json = false;
    if (options.isSet("format")) {
        const auto format = StatisticsWriter::formatFromName(options.value("format"));
        if (!format)
            return Console::usageError(QStringLiteral("Unknown format '%1' for review-summary; use table or json.").arg(options.value("format")));
        json = *format == StatisticsWriter::Format::Json;
    }

    auto use = TrailUseRecorder::create(options, Action::TrailViewed, QStringLiteral("cli review-summary"));
    if (!use)
        return Console::fail(use.error());
    use->setAttribute(QStringLiteral("period"), period->label());
    if (auto checked = use->check(); !checked)
        return Console::fail(checked.error());

    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());
    auto reader = opened->log->reader();
    if (!reader)
        return Console::fail(reader.error());
    auto current = (*reader)->aggregates(*request);
    if (!current)
        return Console::fail(current.error());
    std::optional<LabelledAggregates> previous;
    if (options.isSet("compare-previous")) {
        const ReviewPeriod before = period->previous();
        AggregateRequest previousRequest = *request;
        previousRequest.fromUs = before.fromUs();
        previousRequest.toUs = before.toUs();
        auto aggregates = (*reader)->aggregates(previousRequest);
        if (!aggregates)
            return Console::fail(aggregates.error());
        previous = LabelledAggregates{before, std::move(*aggregates)};
        use->setAttribute(QStringLiteral("compared_with"), before.label());
    }
    const QByteArray text = ReviewSummaryWriter::render({*period, *current}, previous, json).toUtf8();
    std::cout.write(text.constData(), text.size());
    std::cout.flush();
    // After the figures, so that they never include their own record.
    use->setAttribute(QStringLiteral("event_count"), QString::number(current->total));
    return use->record(*opened->log, toInt(ExitStatus::Ok));
}

} // namespace QmsAudit::Cli
