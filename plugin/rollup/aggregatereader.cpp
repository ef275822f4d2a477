// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rollup/aggregatereader_p.h"

#include "rollup/rollupwriter_p.h"
#include "storage/connection_p.h"
#include "storage/schemasql_p.h"

#include <qmsaudit/action.h>
#include <qmsaudit/timestamp.h>

#include <QDate>
#include <map>

#include <algorithm>
#include <future>
#include <limits>
#include <tuple>

namespace QmsAudit {
namespace {

/// Ends the read transaction on every path out of read().
struct ReadTransaction {
    Connection &connection;
    bool open = false;
    ~ReadTransaction()
    {
        if (open)
            (void)connection.exec("COMMIT");
    }
};

QString dayName(qint64 day)
{
    return formatTimestamp(day * MicrosPerDay).left(10);
}

QString isoWeekName(qint64 day)
{
    int weekYear = 0;
    const int week = QDate(1970, 1, 1).addDays(day).weekNumber(&weekYear);
    return QStringLiteral("%1-W%2").arg(weekYear).arg(week, 2, 10, QLatin1Char('0'));
}

QString text(QByteArrayView utf8)
{
    return QString::fromUtf8(utf8);
}

/// The value at rank ceil(p * n) of @p sorted (1-based), p in percent.
qint64 nearestRank(const std::vector<qint64> &sorted, int percent)
{
    const size_t rank = (sorted.size() * size_t(percent) + 99) / 100;
    return sorted[std::max<size_t>(rank, 1) - 1];
}

std::optional<qint64> optionalInt(const Statement &select, int column)
{
    return select.isNull(column) ? std::nullopt : std::optional<qint64>(select.int64(column));
}

/// Only the last revision, review and retirement of @p counts.
MonthRollup::ObjectCounts lastTimesOf(const MonthRollup::ObjectCounts &counts)
{
    MonthRollup::ObjectCounts last;
    last.lastRevisedUs = counts.lastRevisedUs;
    last.lastReviewedUs = counts.lastReviewedUs;
    last.lastRetiredUs = counts.lastRetiredUs;
    return last;
}

/// last_revised_at, last_reviewed_at, last_retired_at from @p first on.
MonthRollup::ObjectCounts lastTimes(const Statement &select, int first)
{
    MonthRollup::ObjectCounts last;
    last.lastRevisedUs = optionalInt(select, first);
    last.lastReviewedUs = optionalInt(select, first + 1);
    last.lastRetiredUs = optionalInt(select, first + 2);
    return last;
}

} // namespace

AggregateReader::AggregateReader(Connection &connection, Connection *scanConnection, const AggregateRequest &request,
                                 const std::atomic_bool *cancel)
    : m_connection(connection)
    , m_scanConnection(scanConnection)
    , m_request(request)
    , m_cancel(cancel)
{
}

bool AggregateReader::cancelled() const
{
    return m_cancel && m_cancel->load(std::memory_order_relaxed);
}

Result<PeriodAggregates> AggregateReader::read()
{
    const AggregateRequest &r = m_request;
    if (r.fromUs % MicrosPerDay != 0 || r.toUs % MicrosPerDay != 0 || r.fromUs >= r.toUs) {
        return Error(ErrorCode::InvalidArgument, QStringLiteral("A review period runs from one UTC midnight to a later one; %1 to %2 does not.")
                                                     .arg(formatTimestamp(r.fromUs), formatTimestamp(r.toUs)));
    }
    if (r.topCount < 0 || r.staleLimit < 0 || r.staleAfterUs <= 0)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The ranking size, stale limit and stale interval must be positive."));
    m_result.fromUs = r.fromUs;
    m_result.toUs = r.toUs;

    // One snapshot: the writer may close a day (and move events into the rollups) meanwhile.
    ReadTransaction transaction{m_connection};
    if (auto begun = m_connection.exec("BEGIN"); !begun)
        return begun.error();
    transaction.open = true;

    if (auto head = readHead(); !head)
        return head.error();
    // The events outside the rollups are counted beside the rollups, on the second connection.
    // Returning early still waits for it (the future's destructor), so `this` outlives the scan.
    std::future<Result<UncountedEvents>> scan;
    if (m_scanConnection)
        scan = std::async(std::launch::async, [this] { return scanEvents(*m_scanConnection); });
    for (auto step : {&AggregateReader::readDaySummary, &AggregateReader::readObjectRollups, &AggregateReader::readActorRollups,
                      &AggregateReader::readRolledCycles, &AggregateReader::countChangesWithoutReason}) {
        if (cancelled())
            return Error(ErrorCode::Cancelled, QStringLiteral("The aggregates were cancelled."));
        if (auto done = (this->*step)(); !done)
            return done.error();
    }
    auto scanned = m_scanConnection ? scan.get() : scanEvents(m_connection);
    if (!scanned)
        return scanned.error();
    addScanned(*scanned);
    finishCycles();
    finishStaleDocuments();
    finishRankings();
    return std::move(m_result);
}

Result<void> AggregateReader::readHead()
{
    auto head = m_connection.prepare(SchemaSql::SelectHead);
    if (!head)
        return head.error();
    auto row = head->step();
    if (!row)
        return row.error();
    m_headSeq = *row ? head->int64(0) : 0;
    m_rolledUntilUs = *row ? RollupWriter::dayStartUs(head->int64(2)) : std::numeric_limits<qint64>::min();

    // Whole months of the period come from the rollups, as far as they are rolled up.
    const qint64 from = m_request.fromUs;
    const qint64 to = m_request.toUs;
    const qint64 fromMonth = MonthRollup::monthOf(from);
    m_firstWholeMonth = MonthRollup::monthStartUs(fromMonth) == from ? fromMonth : fromMonth + 1;
    m_endWholeMonth = std::max(m_firstWholeMonth, MonthRollup::monthOf(to));
    const qint64 wholeStart = MonthRollup::monthStartUs(m_firstWholeMonth);
    const qint64 wholeEnd = MonthRollup::monthStartUs(m_endWholeMonth);
    m_rolledCounts = {wholeStart, std::clamp(m_rolledUntilUs, wholeStart, wholeEnd)};
    // Last revisions: every rolled-up month if the rollups end before the period does, else the
    // months that end by the period's end.
    m_staleRolledUntilUs = m_rolledUntilUs <= to ? m_rolledUntilUs : MonthRollup::monthStartUs(MonthRollup::monthOf(to));
    return {};
}

Result<void> AggregateReader::readDaySummary()
{
    // Rows come by day, then action, type and outcome: count with small keys first, and make
    // the names (day, week, month, group) once per day and per action, not once per row.
    auto select = m_connection.prepare("SELECT day, action, object_type, outcome, events FROM summary_day WHERE day >= ?1 AND day < ?2");
    if (!select)
        return select.error();
    select->bind(1, m_request.fromUs / MicrosPerDay);
    select->bind(2, m_request.toUs / MicrosPerDay);
    std::vector<std::string> actions;                  // index -> action name
    std::map<std::pair<qint64, size_t>, qint64> byDayAndAction;
    std::unordered_map<std::string, qint64> byType;
    std::unordered_map<std::string, qint64> byOutcome;
    std::map<qint64, qint64> deniedByDay;
    while (true) {
        auto row = select->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const QByteArrayView action = select->textView(1);
        size_t index = 0;
        while (index < actions.size() && QByteArrayView(actions[index].data(), qsizetype(actions[index].size())) != action)
            ++index;
        if (index == actions.size())
            actions.emplace_back(action.data(), size_t(action.size()));
        const qint64 n = select->int64(4);
        byDayAndAction[{select->int64(0), index}] += n;
        const QByteArrayView type = select->textView(2);
        byType[std::string(type.data(), size_t(type.size()))] += n;
        const QByteArrayView outcome = select->textView(3);
        byOutcome[std::string(outcome.data(), size_t(outcome.size()))] += n;
        if (outcome == QByteArrayView("denied"))
            deniedByDay[select->int64(0)] += n;
    }

    PeriodAggregates &a = m_result;
    std::vector<QString> actionNames;
    std::vector<QString> groupNames;
    for (const std::string &action : actions) {
        actionNames.push_back(QString::fromStdString(action));
        const auto known = actionFromName(actionNames.back());
        groupNames.push_back(known ? actionCategoryName(actionCategory(*known)) : QStringLiteral("unknown"));
    }
    std::optional<qint64> namedDay;
    QString day;
    QString week;
    for (const auto &[key, n] : byDayAndAction) {
        const auto &[dayNumber, index] = key;
        if (namedDay != dayNumber) {
            namedDay = dayNumber;
            day = dayName(dayNumber);
            week = isoWeekName(dayNumber);
        }
        const QString &action = actionNames[index];
        const QString &group = groupNames[index];
        a.total += n;
        a.byAction[action] += n;
        a.byActionGroup[group] += n;
        a.byDay[day] += n;
        a.byWeek[week] += n;
        a.byMonth[day.left(7)] += n;
        a.byWeekAndGroup[week][group] += n;
        if (group == QLatin1StringView("change"))
            a.changes += n;
        if (action == QLatin1StringView("approve")) {
            a.approvals += n;
            a.approvalsByWeek[week] += n;
        }
        if (action == QLatin1StringView("release")) {
            a.releases += n;
            a.releasesByWeek[week] += n;
        }
    }
    for (const auto &[dayNumber, n] : deniedByDay)
        a.deniedByWeek[isoWeekName(dayNumber)] += n;
    for (const auto &[type, n] : byType)
        a.byObjectType[QString::fromStdString(type)] += n;
    for (const auto &[outcome, n] : byOutcome)
        a.byOutcome[QString::fromStdString(outcome)] += n;
    a.denied = a.byOutcome.value(QStringLiteral("denied"));
    return {};
}

Result<void> AggregateReader::readObjectRollups()
{
    // Every month up to the one the last revisions need; the counts only of the whole months.
    // Documents are numbers here (rollup_object): a year of a big log is a few hundred thousand
    // rows of integers, counted in arrays.
    auto documents = m_connection.prepare("SELECT object_key, object_type, object_id FROM rollup_object");
    if (!documents)
        return documents.error();
    m_documents.resize(1); // numbers start at 1
    while (true) {
        auto row = documents->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const size_t number = size_t(documents->int64(0));
        if (number >= m_documents.size())
            m_documents.resize(number + 1);
        m_documents[number].key = MonthRollup::objectKey(documents->textView(1), documents->textView(2));
        m_numbers.emplace(m_documents[number].key, number);
    }
    auto select = m_connection.prepare(
        "SELECT month, object_key, accesses, last_revised_at, last_reviewed_at, last_retired_at FROM rollup_object_month WHERE month < ?1");
    if (!select)
        return select.error();
    const qint64 staleEndMonth = m_staleRolledUntilUs == std::numeric_limits<qint64>::min()
        ? std::numeric_limits<qint64>::min()
        : MonthRollup::monthOf(m_staleRolledUntilUs - 1) + 1;
    select->bind(1, staleEndMonth);
    while (true) {
        auto row = select->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const qint64 key = select->int64(1);
        if (key <= 0 || size_t(key) >= m_documents.size() || m_documents[size_t(key)].key.empty())
            return Error(ErrorCode::IntegrityFailure, QStringLiteral("The document rollup names document %1, which it does not know; run verify.").arg(key));
        DocumentFigures &document = m_documents[size_t(key)];
        document.last.add(lastTimes(*select, 3));
        const qint64 month = select->int64(0);
        if (month >= m_firstWholeMonth && month < m_endWholeMonth)
            document.accesses += select->int64(2);
    }
    return {};
}

Result<void> AggregateReader::readActorRollups()
{
    auto select = m_connection.prepare("SELECT actor_id, events, changes FROM rollup_actor_month WHERE month >= ?1 AND month < ?2");
    if (!select)
        return select.error();
    select->bind(1, m_firstWholeMonth);
    select->bind(2, m_endWholeMonth);
    while (true) {
        auto row = select->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const QString actor = text(select->textView(0));
        m_result.byActor[actor] += select->int64(1);
        if (const qint64 changes = select->int64(2); changes > 0)
            m_actorChanges[actor.toStdString()] += changes;
    }
    return {};
}

Result<void> AggregateReader::readRolledCycles()
{
    if (m_rolledCounts.first >= m_rolledCounts.second)
        return {};
    auto first = RollupWriter::firstSeqAt(m_connection, m_rolledCounts.first);
    auto end = first ? RollupWriter::firstSeqAt(m_connection, m_rolledCounts.second) : first;
    if (!end)
        return end.error();
    auto select = m_connection.prepare("SELECT object_type, stage, recorded_at - submitted_at FROM rollup_cycle WHERE seq >= ?1 AND seq < ?2");
    if (!select)
        return select.error();
    select->bind(1, *first);
    select->bind(2, *end);
    // Few distinct (stage, type) pairs: find them by the bytes in place, not by a string per row.
    std::vector<std::tuple<std::string, std::string, std::vector<qint64> *>> seen;
    while (true) {
        auto row = select->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const QByteArrayView type = select->textView(0);
        const QByteArrayView stage = select->textView(1);
        auto it = std::find_if(seen.begin(), seen.end(), [&](const auto &entry) {
            return QByteArrayView(std::get<0>(entry).data(), qsizetype(std::get<0>(entry).size())) == stage
                && QByteArrayView(std::get<1>(entry).data(), qsizetype(std::get<1>(entry).size())) == type;
        });
        if (it == seen.end()) {
            std::string stageText(stage.data(), size_t(stage.size()));
            std::string typeText(type.data(), size_t(type.size()));
            std::vector<qint64> *durations = &m_cycles[stageText][typeText];
            it = seen.insert(seen.end(), {std::move(stageText), std::move(typeText), durations});
        }
        std::get<2>(*it)->push_back(select->int64(2));
    }
    return {};
}

void AggregateReader::addCycle(const std::string &objectType, const std::string &stage, qint64 durationUs)
{
    m_cycles[stage][objectType].push_back(durationUs);
}

Result<void> AggregateReader::countChangesWithoutReason()
{
    // Worded like the partial index's WHERE, which INDEXED BY needs: SQLite 3.15 would rather
    // walk ix_events_action through every change of the log.
    auto select = m_connection.prepare(
        "SELECT count(*) FROM events INDEXED BY ix_events_change_without_reason WHERE reason = '' AND action IN ('create', 'edit', 'revise', 'delete', 'obsolete', 'restore') "
        "AND recorded_at >= ?1 AND recorded_at < ?2");
    if (!select)
        return select.error();
    select->bind(1, m_request.fromUs);
    select->bind(2, m_request.toUs);
    auto row = select->step();
    if (!row)
        return row.error();
    m_result.changesWithoutReason = *row ? select->int64(0) : 0;
    return {};
}

Result<AggregateReader::UncountedEvents> AggregateReader::scanEvents(Connection &connection) const
{
    const qint64 from = m_request.fromUs;
    const qint64 to = m_request.toUs;
    // What the rollups do not hold: the period's counts outside m_rolledCounts, and the last
    // revisions after m_staleRolledUntilUs. Both end at the period's end.
    const bool rolledCounts = m_rolledCounts.first < m_rolledCounts.second;
    std::vector<Range> ranges;
    if (rolledCounts) {
        ranges.push_back({from, m_rolledCounts.first});
        ranges.push_back({m_rolledCounts.second, to});
    } else {
        ranges.push_back({from, to});
    }
    ranges.push_back({std::max(m_staleRolledUntilUs, std::numeric_limits<qint64>::min() + 1), to});
    std::sort(ranges.begin(), ranges.end());
    std::vector<Range> merged;
    for (const Range &range : ranges) {
        if (range.first >= range.second)
            continue;
        if (!merged.empty() && range.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, range.second);
        else
            merged.push_back(range);
    }
    const auto counted = [&](qint64 us) {
        return us >= from && us < to && !(rolledCounts && us >= m_rolledCounts.first && us < m_rolledCounts.second);
    };

    auto lastSubmit = connection.prepare(SchemaSql::SelectLastSubmit);
    auto select = connection.prepare(SchemaSql::SelectRollupEventsUpTo);
    if (!lastSubmit || !select)
        return (!lastSubmit ? lastSubmit.error() : select.error());
    std::optional<Error> lookupError;
    UncountedEvents events{MonthRollup([&](QByteArrayView type, QByteArrayView id, qint64 beforeSeq) {
                               return RollupWriter::lastSubmit(*lastSubmit, type, id, beforeSeq, lookupError);
                           }),
                           MonthRollup()};
    MonthRollup &period = events.counted;
    MonthRollup &lastRevisions = events.lastRevisions;
    qint64 scanned = 0;
    for (const Range &range : merged) {
        auto first = RollupWriter::firstSeqAt(connection, range.first);
        if (!first)
            return first.error();
        period.forgetSubmits(); // the events before this range were not all seen
        select->reset();
        select->bind(1, *first);
        select->bind(2, range.second);
        select->bind(3, m_headSeq);
        while (true) {
            auto row = select->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            if (++scanned % 4096 == 0 && cancelled())
                return Error(ErrorCode::Cancelled, QStringLiteral("The aggregates were cancelled."));
            const RollupRecord record = RollupWriter::recordAt(*select);
            if (counted(record.recordedAtUs)) {
                period.add(record);
            } else {
                lastRevisions.add(record);
                period.followSubmits(record);
            }
            if (lookupError)
                return *lookupError;
        }
    }
    select->reset();
    return events;
}

void AggregateReader::addScanned(const UncountedEvents &scanned)
{
    // A counted event's last revision is in `counted`, an uncounted one's in `lastRevisions`.
    for (const MonthRollup *rollup : {&scanned.lastRevisions, &scanned.counted}) {
        for (const auto &[month, objects] : rollup->objects()) {
            for (const auto &[key, counts] : objects) {
                DocumentFigures &document = documentFor(key);
                document.last.add(lastTimesOf(counts));
                if (rollup == &scanned.counted)
                    document.accesses += counts.accesses;
            }
        }
    }
    for (const auto &[month, actors] : scanned.counted.actors()) {
        for (const auto &[actor, counts] : actors) {
            m_result.byActor[QString::fromStdString(actor)] += counts.events;
            if (counts.changes > 0)
                m_actorChanges[actor] += counts.changes;
        }
    }
    for (const MonthRollup::Cycle &cycle : scanned.counted.cycles())
        addCycle(cycle.objectType, cycle.stage, cycle.recordedAtUs - cycle.submittedAtUs);
}

void AggregateReader::finishCycles()
{
    for (auto &[stage, byType] : m_cycles) {
        QMap<QString, CycleTimes> &times = stage == "approve" ? m_result.submitToApprove : m_result.submitToRelease;
        for (auto &[type, durations] : byType) {
            std::sort(durations.begin(), durations.end());
            times.insert(QString::fromStdString(type), {qint64(durations.size()), nearestRank(durations, 50), nearestRank(durations, 90)});
        }
    }
}

std::pair<QString, QString> AggregateReader::documentName(size_t number) const
{
    const auto [type, id] = MonthRollup::splitObjectKey(m_documents[number].key);
    return {text(type), text(id)};
}

AggregateReader::DocumentFigures &AggregateReader::documentFor(const std::string &objectKey)
{
    auto known = m_numbers.find(objectKey);
    if (known == m_numbers.end()) { // new since the last rolled-up day
        known = m_numbers.emplace(objectKey, m_documents.size()).first;
        m_documents.emplace_back().key = objectKey;
    }
    return m_documents[known->second];
}

void AggregateReader::finishStaleDocuments()
{
    const qint64 staleBefore = m_request.toUs - m_request.staleAfterUs;
    QList<StaleDocument> stale;
    for (size_t number = 1; number < m_documents.size(); ++number) {
        const MonthRollup::ObjectCounts &last = m_documents[number].last;
        if (!last.lastRevisedUs && !last.lastReviewedUs)
            continue; // retired before the log knew of it, or never a document
        if (last.lastRetiredUs && *last.lastRetiredUs >= last.lastRevisedUs.value_or(0))
            continue; // obsolete or deleted, and not revised or restored since
        if (std::max(last.lastRevisedUs.value_or(0), last.lastReviewedUs.value_or(0)) >= staleBefore)
            continue;
        const auto [type, id] = documentName(number);
        stale.append({type, id, last.lastRevisedUs.value_or(0), last.lastReviewedUs.value_or(0)});
    }
    const auto latest = [](const StaleDocument &d) { return std::max(d.lastRevisedUs, d.lastReviewedUs); };
    std::sort(stale.begin(), stale.end(), [&](const StaleDocument &a, const StaleDocument &b) {
        return std::tuple(latest(a), a.objectType, a.objectId) < std::tuple(latest(b), b.objectType, b.objectId);
    });
    m_result.staleDocumentCount = stale.size();
    m_result.staleDocuments = stale.mid(0, m_request.staleLimit);
}

void AggregateReader::finishRankings()
{
    // The documents by accesses, by number first; names only for those that can still place
    // (ties at the last place are broken by type and id, which need the names).
    std::vector<std::pair<qint64, size_t>> accessed; // (accesses, number)
    for (size_t number = 1; number < m_documents.size(); ++number) {
        if (m_documents[number].accesses > 0)
            accessed.emplace_back(m_documents[number].accesses, number);
    }
    std::sort(accessed.begin(), accessed.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QList<RankedCount> documents;
    for (const auto &[accesses, number] : accessed) {
        if (documents.size() >= m_request.topCount && (documents.isEmpty() || accesses < documents.last().count))
            break;
        const auto [type, id] = documentName(number);
        documents.append({type, id, accesses});
    }
    m_result.topAccessedDocuments = top(std::move(documents));
    QList<RankedCount> users;
    for (const auto &[actor, changes] : m_actorChanges)
        users.append({QString(), QString::fromStdString(actor), changes});
    m_result.topUsersByChanges = top(std::move(users));
}

QList<RankedCount> AggregateReader::top(QList<RankedCount> ranking) const
{
    std::sort(ranking.begin(), ranking.end(), [](const RankedCount &a, const RankedCount &b) {
        return std::tuple(-a.count, a.objectType, a.id) < std::tuple(-b.count, b.objectType, b.id);
    });
    return ranking.mid(0, m_request.topCount);
}

} // namespace QmsAudit
