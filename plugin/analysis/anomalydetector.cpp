// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/anomalydetector.h>

#include <qmsaudit/eventreader.h>

#include "analysis/afterhourscheck_p.h"
#include "analysis/bulkaccesscheck_p.h"
#include "analysis/clockcheck_p.h"
#include "analysis/deniedburstcheck_p.h"
#include "analysis/documentcheck_p.h"

#include <algorithm>
#include <memory>
#include <tuple>
#include <vector>

namespace QmsAudit {

Result<AnomalyReport> AnomalyDetector::scan(const EventReader &reader, qint64 fromUs, qint64 toUs, const AnomalyRules &rules,
                                            const std::atomic_bool *cancel)
{
    if (auto valid = rules.validate(); !valid)
        return valid.error();
    if (fromUs >= toUs)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The period to scan for anomalies is empty: it must start before it ends."));

    std::vector<std::unique_ptr<AnomalyCheck>> checks;
    if (rules.afterHours.enabled)
        checks.push_back(std::make_unique<AfterHoursCheck>(rules));
    BulkAccessCheck *bulkAccess = nullptr;
    if (rules.bulkAccess.enabled) {
        checks.push_back(std::make_unique<BulkAccessCheck>(rules));
        bulkAccess = static_cast<BulkAccessCheck *>(checks.back().get());
    }
    if (rules.deniedBurst.enabled)
        checks.push_back(std::make_unique<DeniedBurstCheck>(rules));
    if (rules.releasedEdit.enabled || rules.selfApproval.enabled)
        checks.push_back(std::make_unique<DocumentCheck>(reader, rules, fromUs, cancel));
    if (rules.clock.enabled) {
        auto imported = ClockCheck::importedRanges(reader, fromUs);
        if (!imported)
            return imported.error();
        checks.push_back(std::make_unique<ClockCheck>(rules, *imported));
    }

    AnomalyReport report;
    report.fromUs = fromUs;
    report.toUs = toUs;
    // Oldest first, the events of @p filter to @p visitors: first the bulk-access baseline before
    // the period, its successful accesses only (the others are not even decoded), then the period.
    const auto stream = [&](const EventFilter &filter, const std::vector<AnomalyCheck *> &visitors, bool inPeriod) -> Result<void> {
        Error failure;
        auto visited = reader.forEach(filter, [&](const Event &event) {
            if (AnomalyCheck::isCancelled(cancel)) {
                failure = AnomalyCheck::cancelledError();
                return false;
            }
            for (AnomalyCheck *check : visitors) {
                if (auto checked = check->visit(event, inPeriod); !checked) {
                    failure = checked.error();
                    return false;
                }
            }
            return true;
        });
        if (!visited)
            return visited.error();
        if (failure)
            return failure;
        (inPeriod ? report.periodEvents : report.historyEvents) += *visited;
        return {};
    };
    if (bulkAccess) {
        if (auto streamed = stream(*baselineFilter(fromUs, rules), {bulkAccess}, false); !streamed)
            return streamed.error();
    }
    EventFilter period;
    period.fromUs = fromUs;
    period.toUs = toUs;
    std::vector<AnomalyCheck *> all;
    for (const auto &check : checks)
        all.push_back(check.get());
    if (auto streamed = stream(period, all, true); !streamed)
        return streamed.error();
    for (AnomalyCheck *check : all) {
        if (AnomalyCheck::isCancelled(cancel))
            return AnomalyCheck::cancelledError();
        if (auto ended = check->endOfStream(); !ended)
            return ended.error();
    }

    for (const auto &check : checks) {
        report.flags.append(check->takeFlags());
        report.historyEvents += check->eventsRead();
    }
    std::sort(report.flags.begin(), report.flags.end(), [](const AnomalyFlag &a, const AnomalyFlag &b) {
        return std::tie(a.firstUs, a.rule, a.actorId, a.seqs) < std::tie(b.firstUs, b.rule, b.actorId, b.seqs);
    });
    return report;
}

std::optional<EventFilter> AnomalyDetector::baselineFilter(qint64 fromUs, const AnomalyRules &rules)
{
    if (!rules.bulkAccess.enabled)
        return std::nullopt;
    EventFilter baseline;
    baseline.fromUs = BulkAccessCheck::historyStartUs(fromUs, rules);
    baseline.toUs = fromUs;
    baseline.actions = BulkAccessCheck::countedActions();
    baseline.outcome = Outcome::Success;
    return baseline;
}

} // namespace QmsAudit
