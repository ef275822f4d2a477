// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/action.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/reviewcoverage.h>
#include <qmsaudit/reviewrecord.h>
#include <qmsaudit/timestamp.h>

#include <QDateTime>

#include <algorithm>

namespace QmsAudit {

namespace {

std::optional<ReviewStatement> statementOf(const Event &event)
{
    const auto &attributes = event.attributes;
    if (attributes.value(QStringLiteral("kind")) != ReviewRecord::kindName(ReviewRecord::Kind::TrailReviewed))
        return std::nullopt;
    const auto from = parseTimestamp(attributes.value(QStringLiteral("period_from")));
    const auto to = parseTimestamp(attributes.value(QStringLiteral("period_to")));
    // An imported or hand-made event without a valid period states nothing we could lay over a month.
    if (!from || !to || *from >= *to)
        return std::nullopt;
    return ReviewStatement{event.seq, event.recordedAtUs, event.actor.id, event.actor.name, event.signatureMeaning,
                           *from, *to, attributes.value(QStringLiteral("scope")), attributes.value(QStringLiteral("result"))};
}

qint64 startOfNextMonth(qint64 us)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC).date();
    return QDateTime(QDate(day.year(), day.month(), 1).addMonths(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() * 1000;
}

/// How much of [from, to) the statements' periods cover together (overlaps counted once).
qint64 coveredLength(qint64 from, qint64 to, const QList<ReviewStatement> &statements)
{
    QList<std::pair<qint64, qint64>> spans;
    for (const auto &statement : statements) {
        const qint64 start = std::max(from, statement.periodFromUs);
        const qint64 end = std::min(to, statement.periodToUs);
        if (start < end)
            spans.append({start, end});
    }
    std::sort(spans.begin(), spans.end());
    qint64 covered = 0;
    qint64 reached = from;
    for (const auto &[start, end] : spans) {
        if (end <= reached)
            continue;
        covered += end - std::max(start, reached);
        reached = end;
    }
    return covered;
}

} // namespace

QString MonthCoverage::stateName(State state)
{
    switch (state) {
    case State::NotReviewed:
        return QStringLiteral("not_reviewed");
    case State::PartlyReviewed:
        return QStringLiteral("partly_reviewed");
    case State::Reviewed:
        return QStringLiteral("reviewed");
    }
    return {};
}

Result<ReviewCoverage> ReviewCoverage::compute(const EventReader &reader, qint64 fromUs, qint64 toUs, const std::atomic_bool *cancel)
{
    if (fromUs >= toUs)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("A review coverage needs a period from before to.")};
    ReviewCoverage coverage;
    coverage.fromUs = fromUs;
    coverage.toUs = toUs;

    EventFilter filter;
    filter.actions = {Action::ReviewRecorded};
    const auto read = reader.forEach(filter, [&](const Event &event) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return false;
        if (const auto statement = statementOf(event); statement && statement->periodFromUs < toUs && statement->periodToUs > fromUs)
            coverage.statements.append(*statement);
        return true;
    });
    if (!read)
        return read.error();
    if (cancel && cancel->load())
        return Error{ErrorCode::Cancelled, QStringLiteral("The review coverage was cancelled.")};

    for (qint64 monthFrom = fromUs; monthFrom < toUs;) {
        const qint64 monthTo = std::min(toUs, startOfNextMonth(monthFrom));
        MonthCoverage month;
        month.month = QDateTime::fromMSecsSinceEpoch(monthFrom / 1000, Qt::UTC).toString(QStringLiteral("yyyy-MM"));
        month.fromUs = monthFrom;
        month.toUs = monthTo;
        for (const auto &statement : std::as_const(coverage.statements)) {
            if (statement.periodFromUs < monthTo && statement.periodToUs > monthFrom)
                month.statementSeqs.append(statement.seq);
        }
        month.coveredUs = coveredLength(monthFrom, monthTo, coverage.statements);
        month.state = month.coveredUs == monthTo - monthFrom ? MonthCoverage::State::Reviewed
                      : month.coveredUs > 0                  ? MonthCoverage::State::PartlyReviewed
                                                             : MonthCoverage::State::NotReviewed;
        coverage.reviewedMonths += month.state == MonthCoverage::State::Reviewed ? 1 : 0;
        coverage.months.append(month);
        monthFrom = monthTo;
    }
    return coverage;
}

} // namespace QmsAudit
