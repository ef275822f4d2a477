// SPDX-License-Identifier: LGPL-2.1-or-later
#include "analysis/clockcheck_p.h"

#include <qmsaudit/eventreader.h>
#include <qmsaudit/timestamp.h>

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace QmsAudit {
namespace {

} // namespace

ClockCheck::ClockCheck(const AnomalyRules &rules, QList<SeqRange> imported)
    : m_rules(rules)
    , m_imported(std::move(imported))
{
}

Result<QList<ClockCheck::SeqRange>> ClockCheck::importedRanges(const EventReader &reader, qint64 fromUs)
{
    EventFilter filter;
    filter.actions = {Action::TrailImported};
    filter.fromUs = fromUs;
    filter.outcome = Outcome::Success;
    QList<SeqRange> ranges;
    auto visited = reader.forEach(filter, [&](const Event &event) {
        bool firstOk = false;
        bool lastOk = false;
        const qint64 first = event.attributes.value(QStringLiteral("first_seq")).toLongLong(&firstOk);
        const qint64 last = event.attributes.value(QStringLiteral("last_seq")).toLongLong(&lastOk);
        // An import names its own events, which come right before it: never a later one.
        if (firstOk && lastOk && first <= last && last < event.seq)
            ranges.append({first, last});
        return true;
    });
    if (!visited)
        return visited.error();
    std::sort(ranges.begin(), ranges.end());
    return ranges;
}

bool ClockCheck::isImported(qint64 seq) const
{
    // The last range starting at or before seq is the only one that can hold it (imports do not overlap).
    const auto after = std::upper_bound(m_imported.cbegin(), m_imported.cend(), SeqRange{seq, std::numeric_limits<qint64>::max()});
    return after != m_imported.cbegin() && std::prev(after)->second >= seq;
}

Result<void> ClockCheck::visit(const Event &event, bool inPeriod)
{
    if (!inPeriod)
        return {};
    if (event.action == Action::ClockAnomaly) {
        FlagBuilder flag(AnomalyRule::Clock, AnomalySeverity::Medium, event.actor.id, m_rules.maxSeqsPerFlag);
        flag.add(event);
        const QString kind = event.attributes.value(QStringLiteral("kind"));
        m_flags.append(flag.take(QStringLiteral("The recorder saw the wall clock %1 (%2 to %3, drift %4 ms): events around seq %5 may carry shifted times.")
                                     .arg(kind == QLatin1StringView("backwards") ? QStringLiteral("move backwards") : QStringLiteral("jump ahead"),
                                          event.attributes.value(QStringLiteral("previous_utc")),
                                          event.attributes.value(QStringLiteral("current_utc")),
                                          event.attributes.value(QStringLiteral("drift_ms")))
                                     .arg(event.seq)));
        return {};
    }
    if (!event.occurredAtUs)
        return {};
    const qint64 difference = *event.occurredAtUs - event.recordedAtUs;
    const bool ahead = difference > qint64(m_rules.clock.aheadToleranceSeconds) * 1'000'000;
    const bool behind = -difference > qint64(m_rules.clock.behindToleranceHours) * 3'600'000'000 && !isImported(event.seq);
    if (!ahead && !behind)
        return {};
    Skew &skew = m_skews[event.actor.id + (ahead ? QStringLiteral("\nahead") : QStringLiteral("\nbehind"))];
    const qint64 day = event.recordedAtUs / MicrosPerDay;
    if (skew.flag && skew.day != day)
        close(skew);
    if (!skew.flag) {
        skew.ahead = ahead;
        skew.day = day;
        skew.largestUs = 0;
        skew.flag.emplace(AnomalyRule::Clock, AnomalySeverity::Medium, event.actor.id, m_rules.maxSeqsPerFlag);
    }
    skew.largestUs = std::max(skew.largestUs, std::abs(difference));
    skew.flag->add(event);
    return {};
}

void ClockCheck::close(Skew &skew)
{
    if (!skew.flag)
        return;
    FlagBuilder &flag = *skew.flag;
    const QString tolerance = skew.ahead ? QStringLiteral("%1 s").arg(m_rules.clock.aheadToleranceSeconds)
                                         : QStringLiteral("%1 h").arg(m_rules.clock.behindToleranceHours);
    m_flags.append(flag.take(QStringLiteral("%1 recorded %2 event(s) on %3 whose occurred_at lies up to %4 %5 their recorded_at "
                                            "(tolerance %6)%7.")
                                 .arg(flag.actorId())
                                 .arg(flag.counted())
                                 .arg(formatTimestamp(skew.day * MicrosPerDay).left(10),
                                      FlagBuilder::durationText(skew.largestUs), skew.ahead ? QStringLiteral("after") : QStringLiteral("before"),
                                      tolerance,
                                      skew.ahead ? QStringLiteral(": a client clock ahead, or a time set by hand")
                                                 : QStringLiteral(", outside any import: a client clock behind, or events entered late"))));
    skew.flag.reset();
}

void ClockCheck::closeAll()
{
    for (Skew &skew : m_skews)
        close(skew);
}

} // namespace QmsAudit
