// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandoptions.h"

#include <qmsaudit/anomalyrules.h>
#include <qmsaudit/periodaggregates.h>
#include <qmsaudit/result.h>
#include <qmsaudit/reviewperiod.h>

namespace QmsAudit::Cli {

/// The options the management-review commands read alike: review-summary, review-report and anomalies.
class ReviewOptionParser
{
public:
    /// --period (required) as ReviewPeriod reads it; a usage error naming the accepted forms.
    static Result<ReviewPeriod> period(const CommandOptions &options);
    /// What EventReader::aggregates() is asked for @p period, with --top and --stale-after.
    static Result<AggregateRequest> aggregateRequest(const CommandOptions &options, const ReviewPeriod &period);
    /// The rules of --rules FILE, or the documented defaults; a failure means ExitStatus::BadRules.
    static Result<AnomalyRules> anomalyRules(const CommandOptions &options);
};

} // namespace QmsAudit::Cli
