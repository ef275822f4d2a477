// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "mockclock.h"
#include "testlog.h"

#include <qmsaudit/anomalydetector.h>
#include <qmsaudit/auditlog.h>

#include <QList>
#include <QString>

#include <atomic>
#include <memory>

namespace QmsAudit::Test {

/// A log whose events the test places in time (a MockClock stamps recorded_at), for the anomaly rules.
class AnomalyTestLog
{
public:
    AnomalyTestLog();

    /// Appends @p event recorded at @p isoTime (parseTimestamp(); never earlier than the last); returns its seq.
    qint64 at(const QString &isoTime, const Event &event);
    /// Appends @p event recorded at @p utcMicros; returns its seq.
    qint64 at(qint64 utcMicros, const Event &event);
    /// Appends @p events in one transaction, all recorded at @p utcMicros; returns the last seq.
    qint64 batchAt(qint64 utcMicros, const QList<Event> &events);

    /// AnomalyDetector::scan over [from, to) on a fresh reader.
    Result<AnomalyReport> scan(const QString &from, const QString &to, const AnomalyRules &rules,
                               const std::atomic_bool *cancel = nullptr) const;
    Result<AnomalyReport> scan(qint64 fromUs, qint64 toUs, const AnomalyRules &rules, const std::atomic_bool *cancel = nullptr) const;

    AuditLog &log() { return *m_log; }
    const TestLogDir &dir() const { return m_dir; }

private:
    TestLogDir m_dir;
    MockClock m_clock;
    std::unique_ptr<AuditLog> m_log;
};

/// An event by @p actor: @p action on procedure @p objectId, with what validation needs
/// (a reason for changes, a meaning for signatures).
Event anomalyEvent(const QString &actor, Action action, const QString &objectId = QStringLiteral("SOP-1"),
                   const QString &objectType = QStringLiteral("procedure"));
/// Rules with only @p rule enabled (defaults otherwise).
AnomalyRules onlyRule(AnomalyRule rule);
/// parseTimestamp() of @p iso, which must be valid.
qint64 us(const QString &iso);

} // namespace QmsAudit::Test
