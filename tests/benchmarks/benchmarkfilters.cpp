// SPDX-License-Identifier: LGPL-2.1-or-later
#include "benchmarkfilters.h"

#include <qmsaudit/eventreader.h>
#include <qmsaudit/timestamp.h>

namespace QmsAudit::Bench {
namespace {

constexpr qint64 kMicrosPerDay = 86'400'000'000;
// The default text partition size of layout 6 (docs/queries.md): the newest partition's events
// are the ones a newest-first text page reads.
constexpr qint64 kTextPartitionEvents = 262144;

} // namespace

QList<BenchmarkFilter> benchmarkFilters(const EventReader &reader)
{
    auto head = reader.head();
    if (!head || head->seq == 0)
        return {};
    auto first = reader.eventAt(1);
    if (!first)
        return {};
    const qint64 firstDay = first->recordedAtUs / kMicrosPerDay * kMicrosPerDay;
    const qint64 lastDay = head->recordedAtUs / kMicrosPerDay * kMicrosPerDay + kMicrosPerDay;

    QList<BenchmarkFilter> filters;
    filters.append({QStringLiteral("all events"), {}, "SELECT seq, payload, hash FROM events ORDER BY seq DESC LIMIT ?1", {}});

    BenchmarkFilter actor{QStringLiteral("actor u00001"), {}, "SELECT seq, payload, hash FROM events WHERE actor_id = ?2 ORDER BY seq DESC LIMIT ?1",
                          {QStringLiteral("u00001")}};
    actor.filter.actorId = QStringLiteral("u00001");
    filters.append(actor);

    BenchmarkFilter object{QStringLiteral("object %1").arg(first->object.id), {},
                           "SELECT seq, payload, hash FROM events WHERE object_id = ?2 ORDER BY seq DESC LIMIT ?1", {first->object.id}};
    object.filter.objectId = first->object.id;
    filters.append(object);

    BenchmarkFilter action{QStringLiteral("action edit"), {}, "SELECT seq, payload, hash FROM events WHERE action = ?2 ORDER BY seq DESC LIMIT ?1",
                           {QStringLiteral("edit")}};
    action.filter.actions = {Action::Edit};
    filters.append(action);

    const qint64 middle = firstDay + (lastDay - firstDay) / 2;
    const QString monthStart = formatTimestamp(middle).left(7) + QStringLiteral("-01");
    BenchmarkFilter month{QStringLiteral("month %1").arg(monthStart.left(7)), {},
                          "SELECT seq, payload, hash FROM events WHERE recorded_at >= ?2 AND recorded_at < ?3 ORDER BY recorded_at DESC LIMIT ?1", {}};
    month.filter.fromUs = parseTimestamp(monthStart);
    month.filter.toUs = parseTimestamp(formatTimestamp(*month.filter.fromUs + 32 * kMicrosPerDay).left(7) + QStringLiteral("-01"));
    month.rawArguments = {*month.filter.fromUs, *month.filter.toUs};
    filters.append(month);

    BenchmarkFilter text{QStringLiteral("text \"calibration\""), {},
                         "SELECT e.seq, e.payload, e.hash FROM events_text t JOIN events e ON e.seq = t.docid "
                         "WHERE events_text MATCH ?2 AND t.part = ?3 ORDER BY t.docid DESC LIMIT ?1",
                         {QStringLiteral("calibration*"), (head->seq - 1) / kTextPartitionEvents}};
    text.filter.text = QStringLiteral("calibration");
    filters.append(text);

    BenchmarkFilter actorAction{QStringLiteral("actor u00001 + action edit"), {},
                                "SELECT seq, payload, hash FROM events WHERE actor_id = ?2 AND action = ?3 ORDER BY seq DESC LIMIT ?1",
                                {QStringLiteral("u00001"), QStringLiteral("edit")}};
    actorAction.filter.actorId = QStringLiteral("u00001");
    actorAction.filter.actions = {Action::Edit};
    filters.append(actorAction);
    return filters;
}

} // namespace QmsAudit::Bench
