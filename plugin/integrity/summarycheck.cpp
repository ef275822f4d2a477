// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/summarycheck_p.h"

#include "integrity/chainverifier_p.h"
#include "storage/connection_p.h"

#include <qmsaudit/timestamp.h>

namespace QmsAudit {
namespace {

constexpr char kSeparator = '\x1f'; // cannot occur in ids, names or types (no control characters)

void appendPart(std::string &key, QByteArrayView part)
{
    if (!key.empty())
        key.push_back(kSeparator);
    key.append(part.data(), size_t(part.size()));
}

QString dayName(qint64 day)
{
    return formatTimestamp(day * MicrosPerDay).left(10);
}

void addFinding(VerificationReport &report, QString detail)
{
    if (report.findings.size() < ChainVerifier::MaxFindings)
        report.findings.append({VerificationFinding::Kind::SummaryMismatch, 0, std::move(detail)});
}

} // namespace

SummaryCheck::SummaryCheck(Connection &connection)
    : m_connection(connection)
    , m_rollups(connection)
{
}

void SummaryCheck::count(const RollupRecord &record)
{
    m_rollups.count(record);
    const qint64 day = record.recordedAtUs / MicrosPerDay;
    if (m_day != day) {
        // A day seen before means time went backwards in the hashed records (reported as such);
        // its counts are then split and may show as a summary mismatch as well.
        compareDay(m_pending);
        m_day = day;
    }
    m_key.clear();
    appendPart(m_key, record.action);
    appendPart(m_key, record.objectType);
    appendPart(m_key, record.outcome);
    ++m_actions[m_key];
    m_key.assign(record.actorId.data(), size_t(record.actorId.size()));
    ++m_actors[m_key];
}

void SummaryCheck::compareRows(std::optional<Statement> &select, int keyColumns, Counts &expected, const char *what,
                               VerificationReport &report)
{
    select->reset();
    select->bind(1, *m_day);
    while (true) {
        auto row = select->step();
        if (!row) {
            addFinding(report, QStringLiteral("the %1 summary cannot be read: %2").arg(QLatin1StringView(what), row.error().message()));
            break;
        }
        if (!*row)
            break;
        m_key.clear();
        for (int c = 0; c < keyColumns; ++c)
            appendPart(m_key, select->textView(c));
        const qint64 stored = select->int64(keyColumns);
        const auto it = expected.find(m_key);
        const qint64 recounted = it == expected.end() ? 0 : it->second;
        if (stored != recounted) {
            addFinding(report, QStringLiteral("the %1 summary counts %2 events for %3 %4; the events: %5")
                                   .arg(QLatin1StringView(what))
                                   .arg(stored)
                                   .arg(dayName(*m_day), QString::fromUtf8(m_key).replace(QLatin1Char(kSeparator), QLatin1Char(' ')))
                                   .arg(recounted));
        }
        if (it != expected.end())
            expected.erase(it);
    }
    select->reset();
    for (const auto &[key, recounted] : expected) {
        addFinding(report, QStringLiteral("the %1 summary has no count for %2 %3; the events: %4")
                               .arg(QLatin1StringView(what), dayName(*m_day),
                                    QString::fromUtf8(key).replace(QLatin1Char(kSeparator), QLatin1Char(' ')))
                               .arg(recounted));
    }
    expected.clear();
}

void SummaryCheck::compareDay(VerificationReport &report)
{
    if (!m_day)
        return;
    if (!m_selectDay) {
        auto day = m_connection.prepare("SELECT action, object_type, outcome, events FROM summary_day WHERE day = ?1");
        auto actorDay = m_connection.prepare("SELECT actor_id, events FROM summary_day_actor WHERE day = ?1");
        if (!day || !actorDay) {
            addFinding(report, QStringLiteral("the summary cannot be read: %1").arg((!day ? day.error() : actorDay.error()).message()));
            m_day.reset();
            return;
        }
        m_selectDay.emplace(std::move(*day));
        m_selectActorDay.emplace(std::move(*actorDay));
    }
    compareRows(m_selectDay, 3, m_actions, "daily", report);
    compareRows(m_selectActorDay, 1, m_actors, "daily actor", report);
    m_seenDays.insert(*m_day);
}

void SummaryCheck::finish(VerificationReport &report)
{
    m_rollups.finish(report);
    compareDay(m_pending);
    m_selectDay.reset(); // finish the statements: open reads block WAL checkpoints
    m_selectActorDay.reset();
    for (const VerificationFinding &finding : std::as_const(m_pending.findings))
        addFinding(report, finding.detail);
    auto days = m_connection.prepare("SELECT day FROM summary_day UNION SELECT day FROM summary_day_actor");
    if (!days) {
        addFinding(report, QStringLiteral("the summary cannot be read: %1").arg(days.error().message()));
        return;
    }
    while (true) {
        auto row = days->step();
        if (!row || !*row)
            break;
        if (!m_seenDays.contains(days->int64(0)))
            addFinding(report, QStringLiteral("the summary counts events on %1, a day without events").arg(dayName(days->int64(0))));
    }
}

} // namespace QmsAudit
