// SPDX-License-Identifier: LGPL-2.1-or-later
#include "statscommand.h"

#include "console.h"
#include "exitstatus.h"
#include "statisticswriter.h"
#include "trailuserecorder.h"

#include <iostream>

namespace QmsAudit::Cli {

int StatsCommand::run(const CommandOptions &options)
{
    auto range = options.timeRange();
    if (!range)
        return Console::fail(range.error());
    StatisticsWriter::Format format = StatisticsWriter::Format::Table;
    if (options.isSet("format")) {
        const auto parsed = StatisticsWriter::formatFromName(options.value("format"));
        if (!parsed)
            return Console::usageError(QStringLiteral("Unknown format '%1' for stats; use table or json.").arg(options.value("format")));
        format = *parsed;
    }

    auto use = TrailUseRecorder::create(options, Action::TrailViewed, QStringLiteral("cli stats"));
    if (!use)
        return Console::fail(use.error());
    EventFilter counted;
    counted.fromUs = range->first;
    counted.toUs = range->second;
    use->setAttribute(QStringLiteral("filter"), counted.describe());
    if (auto checked = use->check(); !checked)
        return Console::fail(checked.error());

    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());
    auto statistics = opened->log->statistics(range->first, range->second);
    if (!statistics)
        return Console::fail(statistics.error());
    const QByteArray text = StatisticsWriter::render(*statistics, format).toUtf8();
    std::cout.write(text.constData(), text.size());
    std::cout.flush();
    // After the counts, so that they never include their own record.
    use->setAttribute(QStringLiteral("event_count"), QString::number(statistics->total));
    return use->record(*opened->log, toInt(ExitStatus::Ok));
}

} // namespace QmsAudit::Cli
