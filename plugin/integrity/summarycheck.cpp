// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/summarycheck_p.h"

#include "integrity/chainverifier_p.h"
#include "storage/connection_p.h"

#include <qmsaudit/timestamp.h>

#include <cstring>

namespace QmsAudit {
namespace {

constexpr qint64 kMicrosPerDay = 86'400'000'000;
constexpr char kSeparator = '\x1f'; // cannot occur in ids, names or types (no control characters)

void startKey(std::string &key, qint64 day)
{
    key.assign(reinterpret_cast<const char *>(&day), sizeof day);
}

void appendPart(std::string &key, QByteArrayView part)
{
    key.push_back(kSeparator);
    key.append(part.data(), size_t(part.size()));
}

/// "2025-03-04 edit procedure success" for a finding.
QString describeKey(const std::string &key)
{
    qint64 day = 0;
    std::memcpy(&day, key.data(), sizeof day);
    QString text = formatTimestamp(day * kMicrosPerDay).left(10);
    for (const QByteArray &part : QByteArray::fromRawData(key.data() + sizeof day, qsizetype(key.size() - sizeof day)).split(kSeparator)) {
        if (!part.isEmpty())
            text += QLatin1Char(' ') + QString::fromUtf8(part);
    }
    return text;
}

void addFinding(VerificationReport &report, QString detail)
{
    if (report.findings.size() < ChainVerifier::MaxFindings)
        report.findings.append({VerificationFinding::Kind::SummaryMismatch, 0, std::move(detail)});
}

} // namespace

void SummaryCheck::count(qint64 recordedAtUs, QByteArrayView actorId, QByteArrayView action, QByteArrayView objectType,
                         QByteArrayView outcome)
{
    const qint64 day = recordedAtUs / kMicrosPerDay;
    startKey(m_key, day);
    appendPart(m_key, action);
    appendPart(m_key, objectType);
    appendPart(m_key, outcome);
    ++m_days[m_key];
    startKey(m_key, day);
    appendPart(m_key, actorId);
    ++m_actors[m_key];
}

void SummaryCheck::compareTable(Connection &connection, const char *sql, int keyColumns, Counts &expected, const char *what,
                                VerificationReport &report)
{
    auto select = connection.prepare(sql);
    if (!select) {
        addFinding(report, QStringLiteral("the %1 summary cannot be read: %2").arg(QLatin1StringView(what), select.error().message()));
        return;
    }
    while (true) {
        auto row = select->step();
        if (!row) {
            addFinding(report, QStringLiteral("the %1 summary cannot be read: %2").arg(QLatin1StringView(what), row.error().message()));
            return;
        }
        if (!*row)
            break;
        startKey(m_key, select->int64(0));
        for (int c = 1; c <= keyColumns; ++c)
            appendPart(m_key, select->textView(c));
        const qint64 stored = select->int64(keyColumns + 1);
        const auto it = expected.find(m_key);
        const qint64 recounted = it == expected.end() ? 0 : it->second;
        if (stored != recounted) {
            addFinding(report, QStringLiteral("the %1 summary counts %2 events for %3; the events: %4")
                                   .arg(QLatin1StringView(what))
                                   .arg(stored)
                                   .arg(describeKey(m_key))
                                   .arg(recounted));
        }
        if (it != expected.end())
            expected.erase(it);
    }
    for (const auto &[key, recounted] : expected) {
        addFinding(report, QStringLiteral("the %1 summary has no count for %2; the events: %3")
                               .arg(QLatin1StringView(what), describeKey(key))
                               .arg(recounted));
    }
    expected.clear();
}

void SummaryCheck::compare(Connection &connection, VerificationReport &report)
{
    compareTable(connection, "SELECT day, action, object_type, outcome, events FROM summary_day", 3, m_days, "daily", report);
    compareTable(connection, "SELECT day, actor_id, events FROM summary_day_actor", 1, m_actors, "daily actor", report);
}

} // namespace QmsAudit
