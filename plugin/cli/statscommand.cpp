// SPDX-License-Identifier: LGPL-2.1-or-later
#include "statscommand.h"

#include "console.h"
#include "exitstatus.h"
#include "statisticswriter.h"

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

    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());
    auto statistics = opened->log->statistics(range->first, range->second);
    if (!statistics)
        return Console::fail(statistics.error());
    const QByteArray text = StatisticsWriter::render(*statistics, format).toUtf8();
    std::cout.write(text.constData(), text.size());
    std::cout.flush();
    return toInt(ExitStatus::Ok);
}

} // namespace QmsAudit::Cli
