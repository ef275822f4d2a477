// SPDX-License-Identifier: LGPL-2.1-or-later
#include "querycommand.h"

#include "console.h"
#include "eventwriter.h"
#include "exitstatus.h"
#include "trailuserecorder.h"
#include "valueparsers.h"

#include <iostream>
#include <limits>

namespace QmsAudit::Cli {

namespace {

/// Page size for `query --all` when --limit is not given.
constexpr int kAllPageSize = 1000;

} // namespace

int QueryCommand::run(const CommandOptions &options)
{
    auto parsedFilter = options.eventFilter();
    if (!parsedFilter)
        return Console::fail(parsedFilter.error());
    const EventFilter filter = *parsedFilter;

    const bool all = options.isSet("all");
    PageRequest page;
    page.limit = all ? kAllPageSize : page.limit;
    if (options.isSet("limit")) {
        auto limit = parseInteger(QStringLiteral("limit"), options.value("limit"), 1, PageRequest::MaxLimit);
        if (!limit)
            return Console::fail(limit.error());
        page.limit = int(*limit);
    }
    if (options.isSet("after-seq")) {
        auto afterSeq = parseInteger(QStringLiteral("after-seq"), options.value("after-seq"), 0, std::numeric_limits<qint64>::max());
        if (!afterSeq)
            return Console::fail(afterSeq.error());
        page.afterSeq = *afterSeq;
    }
    if (options.isSet("before-seq")) {
        auto beforeSeq = parseInteger(QStringLiteral("before-seq"), options.value("before-seq"), 1, std::numeric_limits<qint64>::max());
        if (!beforeSeq)
            return Console::fail(beforeSeq.error());
        page.beforeSeq = *beforeSeq;
    }
    if (options.isSet("order")) {
        const QString order = options.value("order");
        if (order == QLatin1StringView("newest"))
            page.order = PageRequest::Order::NewestFirst;
        else if (order != QLatin1StringView("oldest"))
            return Console::usageError(QStringLiteral("Unknown order '%1'; use newest or oldest.").arg(order));
    }
    const bool newestFirst = page.order == PageRequest::Order::NewestFirst;
    auto output = EventWriter::outputFromOptions(options, QStringLiteral("query"));
    if (!output)
        return Console::fail(output.error());

    auto use = TrailUseRecorder::create(options, Action::TrailViewed, QStringLiteral("cli query"));
    if (!use)
        return Console::fail(use.error());
    use->setAttribute(QStringLiteral("filter"), filter.describe());

    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());
    EventWriter writer(output->format, std::cout, output->cells);
    qint64 printed = 0;
    while (true) {
        auto result = opened->log->query(filter, page);
        if (!result) {
            std::cout.flush();
            return Console::fail(result.error());
        }
        // Before the first page is printed, once the log has judged the filter (its messages
        // say more than a refusal to record it would).
        if (printed == 0) {
            if (auto checked = use->check(); !checked)
                return Console::fail(checked.error());
        }
        if (auto written = writer.write(result->events); !written)
            return Console::fail(written.error());
        printed += result->events.size();
        if (!result->hasMore || result->events.isEmpty())
            break;
        if (!all) {
            if (newestFirst)
                std::cerr << "qms-audit: note: more events match; continue with --before-seq " << result->nextBeforeSeq;
            else
                std::cerr << "qms-audit: note: more events match; continue with --after-seq " << result->nextAfterSeq;
            std::cerr << " or use --all." << std::endl;
            break;
        }
        page.afterSeq = result->nextAfterSeq;
        page.beforeSeq = result->nextBeforeSeq;
    }
    if (auto finished = writer.finish(); !finished)
        return Console::fail(finished.error());
    // After the listing, so that it never shows its own record.
    use->setAttribute(QStringLiteral("event_count"), QString::number(printed));
    return use->record(*opened->log, toInt(ExitStatus::Ok));
}

} // namespace QmsAudit::Cli
