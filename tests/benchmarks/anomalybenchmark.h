// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/anomalyrules.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/keyfileprovider.h>

#include <QString>

#include <memory>

namespace QmsAudit::Bench {

/**
 * The anomaly-scan figures of docs/performance.md on one log: AnomalyDetector::scan over one
 * month and over twelve, each beside a plain scan of the same events (EventReader::forEach over
 * the same range, doing nothing with them) in the same run, so the ratio shows what the rules add
 * to reading. The log is only read (EventReader), never migrated or written.
 */
class AnomalyBenchmark
{
public:
    /// @p rules: the rules to scan with (the defaults, or a --rules file's).
    AnomalyBenchmark(QString logPath, QString keyFile, int repetitions, AnomalyRules rules);
    /// Opens the log read-only and runs both periods; false on an error.
    bool run();

private:
    /// One period: the plain scans, the anomaly scan, the flags per rule and the peak memory.
    bool period(const char *name, qint64 fromUs, qint64 toUs);

    QString m_logPath;
    KeyFileProvider m_keys;
    int m_repetitions;
    AnomalyRules m_rules;
    std::unique_ptr<EventReader> m_reader;
};

} // namespace QmsAudit::Bench
