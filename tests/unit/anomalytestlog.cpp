// SPDX-License-Identifier: LGPL-2.1-or-later
#include "anomalytestlog.h"

#include <qmsaudit/eventreader.h>
#include <qmsaudit/timestamp.h>

#include <gtest/gtest.h>

namespace QmsAudit::Test {

AnomalyTestLog::AnomalyTestLog()
{
    LogOptions options;
    options.clock = &m_clock;
    m_log = m_dir.create(options);
}

qint64 AnomalyTestLog::at(const QString &isoTime, const Event &event)
{
    return at(us(isoTime), event);
}

qint64 AnomalyTestLog::at(qint64 utcMicros, const Event &event)
{
    return batchAt(utcMicros, {event});
}

qint64 AnomalyTestLog::batchAt(qint64 utcMicros, const QList<Event> &events)
{
    m_clock.set(utcMicros);
    auto seqs = m_log->appendAll(events);
    EXPECT_TRUE(seqs) << seqs.error().message().toStdString();
    return seqs && !seqs->isEmpty() ? seqs->last() : -1;
}

Result<AnomalyReport> AnomalyTestLog::scan(const QString &from, const QString &to, const AnomalyRules &rules,
                                           const std::atomic_bool *cancel) const
{
    return scan(us(from), us(to), rules, cancel);
}

Result<AnomalyReport> AnomalyTestLog::scan(qint64 fromUs, qint64 toUs, const AnomalyRules &rules, const std::atomic_bool *cancel) const
{
    auto reader = EventReader::open(m_dir.logPath(), m_dir.keys());
    if (!reader)
        return reader.error();
    return AnomalyDetector::scan(**reader, fromUs, toUs, rules, cancel);
}

Event anomalyEvent(const QString &actor, Action action, const QString &objectId, const QString &objectType)
{
    Event event;
    event.actor = {actor, QString(), {}};
    event.action = action;
    event.object = {objectType, objectId, QStringLiteral("A"), QStringLiteral("Calibration of balances")};
    if (actionCategory(action) == ActionCategory::Change)
        event.reason = QStringLiteral("Annual review");
    if (action == Action::Sign)
        event.signatureMeaning = QStringLiteral("approved as reviewer");
    if (action == Action::AccessDenied)
        event.outcome = Outcome::Denied;
    if (action == Action::LoginFailed)
        event.outcome = Outcome::Failed;
    return event;
}

AnomalyRules onlyRule(AnomalyRule rule)
{
    AnomalyRules rules;
    for (AnomalyRule other : allAnomalyRules())
        rules.setEnabled(other, other == rule);
    return rules;
}

qint64 us(const QString &iso)
{
    const auto parsed = parseTimestamp(iso);
    EXPECT_TRUE(parsed) << iso.toStdString();
    return parsed.value_or(0);
}

} // namespace QmsAudit::Test
