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
namespace {

Error cancelled()
{
    return Error(ErrorCode::Cancelled, QStringLiteral("The anomaly scan was cancelled."));
}

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

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
    if (rules.bulkAccess.enabled)
        checks.push_back(std::make_unique<BulkAccessCheck>(rules));
    if (rules.deniedBurst.enabled)
        checks.push_back(std::make_unique<DeniedBurstCheck>(rules));
    if (rules.releasedEdit.enabled || rules.selfApproval.enabled)
        checks.push_back(std::make_unique<DocumentCheck>(reader, rules));
    if (rules.clock.enabled) {
        auto imported = ClockCheck::importedRanges(reader, fromUs);
        if (!imported)
            return imported.error();
        checks.push_back(std::make_unique<ClockCheck>(rules, *imported));
    }

    AnomalyReport report;
    report.fromUs = fromUs;
    report.toUs = toUs;
    // One stream, oldest first: the baseline days before the period when bulk_access needs them.
    EventFilter filter;
    filter.fromUs = rules.bulkAccess.enabled ? BulkAccessCheck::historyStartUs(fromUs, rules) : fromUs;
    filter.toUs = toUs;
    Error failure;
    auto visited = reader.forEach(filter, [&](const Event &event) {
        if (isCancelled(cancel)) {
            failure = cancelled();
            return false;
        }
        const bool inPeriod = event.recordedAtUs >= fromUs;
        ++(inPeriod ? report.periodEvents : report.historyEvents);
        for (const auto &check : checks) {
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
    if (isCancelled(cancel))
        return cancelled();

    for (const auto &check : checks) {
        check->finish(report.flags);
        report.historyEvents += check->eventsRead();
    }
    std::sort(report.flags.begin(), report.flags.end(), [](const AnomalyFlag &a, const AnomalyFlag &b) {
        return std::tie(a.firstUs, a.rule, a.actorId, a.seqs) < std::tie(b.firstUs, b.rule, b.actorId, b.seqs);
    });
    return report;
}

} // namespace QmsAudit
