// SPDX-License-Identifier: LGPL-2.1-or-later
#include "reviewoptionparser.h"

#include "valueparsers.h"

#include <qmsaudit/timestamp.h>

namespace QmsAudit::Cli {

Result<ReviewPeriod> ReviewOptionParser::period(const CommandOptions &options)
{
    auto text = options.requiredValue("period");
    if (!text)
        return text.error();
    return ReviewPeriod::parse(*text);
}

Result<AggregateRequest> ReviewOptionParser::aggregateRequest(const CommandOptions &options, const ReviewPeriod &period)
{
    AggregateRequest request;
    request.fromUs = period.fromUs();
    request.toUs = period.toUs();
    if (options.isSet("top")) {
        auto top = parseInteger(QStringLiteral("top"), options.value("top"), 1, 1000);
        if (!top)
            return top.error();
        request.topCount = int(*top);
    }
    if (options.isSet("stale-after")) {
        auto days = parseInteger(QStringLiteral("stale-after"), options.value("stale-after"), 1, 36500);
        if (!days)
            return days.error();
        request.staleAfterUs = *days * MicrosPerDay;
    }
    return request;
}

Result<AnomalyRules> ReviewOptionParser::anomalyRules(const CommandOptions &options)
{
    if (!options.isSet("rules"))
        return AnomalyRules();
    return AnomalyRules::fromFile(options.value("rules"));
}

} // namespace QmsAudit::Cli
