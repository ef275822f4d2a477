// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/rollupcheck_p.h"

#include "integrity/chainverifier_p.h"
#include "rollup/rollupwriter_p.h"
#include "storage/connection_p.h"

#include <qmsaudit/timestamp.h>

#include <limits>

namespace QmsAudit {
namespace {

void addFinding(VerificationReport &report, QString detail)
{
    if (report.findings.size() < ChainVerifier::MaxFindings)
        report.findings.append({VerificationFinding::Kind::SummaryMismatch, 0, std::move(detail)});
}

QString monthName(qint64 month)
{
    return formatTimestamp(MonthRollup::monthStartUs(month)).left(7);
}

QString keyText(const std::string &key)
{
    return QString::fromUtf8(key).replace(QLatin1Char(MonthRollup::Separator), QLatin1Char(' '));
}

std::optional<qint64> optionalInt(const Statement &select, int column)
{
    return select.isNull(column) ? std::nullopt : std::optional<qint64>(select.int64(column));
}

std::string bytes(QByteArrayView view)
{
    return std::string(view.data(), size_t(view.size()));
}

} // namespace

RollupCheck::RollupCheck(Connection &connection)
    : m_connection(connection)
{
}

void RollupCheck::count(const RollupRecord &record)
{
    if (!m_rolledUntilUs) {
        auto head = m_connection.prepare("SELECT recorded_at FROM events ORDER BY seq DESC LIMIT 1");
        auto row = head ? head->step() : Result<bool>(head.error());
        if (!row)
            addFinding(m_pending, QStringLiteral("the rollups cannot be checked: %1").arg(row.error().message()));
        m_rolledUntilUs = row && *row ? RollupWriter::dayStartUs(head->int64(0)) : std::numeric_limits<qint64>::min();
    }
    if (record.recordedAtUs >= *m_rolledUntilUs) {
        if (!m_pastRolledUp) { // the newest day is not rolled up: compare what is, then only follow
            compareMonth(m_pending);
            m_month.reset();
            m_pastRolledUp = true;
        }
        return;
    }
    if (const qint64 month = MonthRollup::monthOf(record.recordedAtUs); month != m_month) {
        compareMonth(m_pending);
        m_month = month;
        m_firstSeqOfMonth = record.seq;
    }
    m_lastSeqOfMonth = record.seq;
    m_rollup.add(record);
}

void RollupCheck::compareMonth(VerificationReport &report)
{
    if (m_month) {
        compareObjects(*m_month, report);
        compareActors(*m_month, report);
        compareCycles(report);
        m_seenMonths.insert(*m_month);
    }
    m_rollup.clearCounts();
}

void RollupCheck::compareObjects(qint64 month, VerificationReport &report)
{
    auto select = m_connection.prepare(
        "SELECT o.object_type, o.object_id, m.events, m.accesses, m.changes, m.workflow, m.denied, m.last_revised_at, "
        "m.last_reviewed_at, m.last_retired_at FROM rollup_object_month m LEFT JOIN rollup_object o ON o.object_key = m.object_key "
        "WHERE m.month = ?1");
    if (!select) {
        addFinding(report, QStringLiteral("the document rollup cannot be read: %1").arg(select.error().message()));
        return;
    }
    select->bind(1, month);
    MonthRollup::ObjectMap expected;
    if (const auto it = m_rollup.objects().find(month); it != m_rollup.objects().end())
        expected = it->second;
    while (true) {
        auto row = select->step();
        if (!row) {
            addFinding(report, QStringLiteral("the document rollup cannot be read: %1").arg(row.error().message()));
            return;
        }
        if (!*row)
            break;
        const std::string key = MonthRollup::objectKey(select->textView(0), select->textView(1));
        MonthRollup::ObjectCounts stored;
        stored.events = select->int64(2);
        stored.accesses = select->int64(3);
        stored.changes = select->int64(4);
        stored.workflow = select->int64(5);
        stored.denied = select->int64(6);
        stored.lastRevisedUs = optionalInt(*select, 7);
        stored.lastReviewedUs = optionalInt(*select, 8);
        stored.lastRetiredUs = optionalInt(*select, 9);
        const auto it = expected.find(key);
        if (it == expected.end()) {
            addFinding(report, QStringLiteral("the document rollup for %1 counts %2 events of %3; the events: none")
                                   .arg(monthName(month))
                                   .arg(stored.events)
                                   .arg(keyText(key)));
            continue;
        }
        if (!(it->second == stored)) {
            addFinding(report, QStringLiteral("the document rollup for %1 of %2 disagrees with the events (stored %3 events, "
                                              "%4 accesses, %5 changes; the events: %6, %7, %8)")
                                   .arg(monthName(month), keyText(key))
                                   .arg(stored.events)
                                   .arg(stored.accesses)
                                   .arg(stored.changes)
                                   .arg(it->second.events)
                                   .arg(it->second.accesses)
                                   .arg(it->second.changes));
        }
        expected.erase(it);
    }
    for (const auto &[key, counts] : expected) {
        addFinding(report, QStringLiteral("the document rollup for %1 has no row for %2; the events: %3")
                               .arg(monthName(month), keyText(key))
                               .arg(counts.events));
    }
}

void RollupCheck::compareActors(qint64 month, VerificationReport &report)
{
    auto select = m_connection.prepare("SELECT actor_id, events, changes, workflow, denied FROM rollup_actor_month WHERE month = ?1");
    if (!select) {
        addFinding(report, QStringLiteral("the person rollup cannot be read: %1").arg(select.error().message()));
        return;
    }
    select->bind(1, month);
    MonthRollup::ActorMap expected;
    if (const auto it = m_rollup.actors().find(month); it != m_rollup.actors().end())
        expected = it->second;
    while (true) {
        auto row = select->step();
        if (!row) {
            addFinding(report, QStringLiteral("the person rollup cannot be read: %1").arg(row.error().message()));
            return;
        }
        if (!*row)
            break;
        const std::string actor = bytes(select->textView(0));
        const MonthRollup::ActorCounts stored{select->int64(1), select->int64(2), select->int64(3), select->int64(4)};
        const auto it = expected.find(actor);
        const MonthRollup::ActorCounts recounted = it == expected.end() ? MonthRollup::ActorCounts{} : it->second;
        if (!(recounted == stored)) {
            addFinding(report, QStringLiteral("the person rollup for %1 of %2 counts %3 events and %4 changes; the events: %5 and %6")
                                   .arg(monthName(month), QString::fromStdString(actor))
                                   .arg(stored.events)
                                   .arg(stored.changes)
                                   .arg(recounted.events)
                                   .arg(recounted.changes));
        }
        if (it != expected.end())
            expected.erase(it);
    }
    for (const auto &[actor, counts] : expected) {
        addFinding(report, QStringLiteral("the person rollup for %1 has no row for %2; the events: %3")
                               .arg(monthName(month), QString::fromStdString(actor))
                               .arg(counts.events));
    }
}

void RollupCheck::compareCycles(VerificationReport &report)
{
    auto select = m_connection.prepare(
        "SELECT seq, object_type, stage, submitted_at, recorded_at FROM rollup_cycle WHERE seq >= ?1 AND seq <= ?2 ORDER BY seq");
    if (!select) {
        addFinding(report, QStringLiteral("the workflow cycles cannot be read: %1").arg(select.error().message()));
        return;
    }
    select->bind(1, m_firstSeqOfMonth);
    select->bind(2, m_lastSeqOfMonth);
    std::vector<MonthRollup::Cycle> stored;
    while (true) {
        auto row = select->step();
        if (!row) {
            addFinding(report, QStringLiteral("the workflow cycles cannot be read: %1").arg(row.error().message()));
            return;
        }
        if (!*row)
            break;
        stored.push_back({select->int64(0), bytes(select->textView(1)), bytes(select->textView(2)), select->int64(3), select->int64(4)});
    }
    const std::vector<MonthRollup::Cycle> &expected = m_rollup.cycles();
    m_cycles += qint64(expected.size());
    if (stored != expected) {
        addFinding(report, QStringLiteral("the workflow cycles for %1 disagree with the events: %2 stored, %3 recounted")
                               .arg(monthName(*m_month))
                               .arg(stored.size())
                               .arg(expected.size()));
    }
}

void RollupCheck::finish(VerificationReport &report)
{
    if (!m_pastRolledUp)
        compareMonth(m_pending);
    for (const VerificationFinding &finding : std::as_const(m_pending.findings))
        addFinding(report, finding.detail);
    auto months = m_connection.prepare("SELECT month FROM rollup_object_month UNION SELECT month FROM rollup_actor_month");
    auto cycles = m_connection.prepare("SELECT count(*) FROM rollup_cycle");
    if (!months || !cycles) {
        addFinding(report, QStringLiteral("the rollups cannot be read: %1").arg((!months ? months.error() : cycles.error()).message()));
        return;
    }
    while (true) {
        auto row = months->step();
        if (!row || !*row)
            break;
        if (!m_seenMonths.contains(months->int64(0)))
            addFinding(report, QStringLiteral("the rollups count events in %1, a month without rolled-up events").arg(monthName(months->int64(0))));
    }
    if (auto row = cycles->step(); row && *row && cycles->int64(0) != m_cycles) {
        addFinding(report, QStringLiteral("the rollups hold %1 workflow cycles; the events make %2").arg(cycles->int64(0)).arg(m_cycles));
    }
}

} // namespace QmsAudit
