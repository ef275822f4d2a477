// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace QmsAudit::Bench {

/**
 * The log a read benchmark runs on, from its command line:
 *   --log FILE --key-file KEYFILE [--repetitions N]
 * (or QMSAUDIT_READ_LOG / QMSAUDIT_READ_KEY_FILE). Without a log it generates a small one with
 * `qms-audit generate` in a temporary directory and asks for one repetition: the smoke run CTest
 * does, which proves that every figure runs and measures nothing.
 */
class BenchmarkLog
{
public:
    explicit BenchmarkLog(const QStringList &arguments, int smokeEvents = 5000);
    ~BenchmarkLog();
    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString logPath() const { return m_logPath; }
    QString keyFile() const { return m_keyFile; }
    int repetitions() const { return m_repetitions; }
    /// A generated smoke log, not a measurement.
    bool isSmoke() const { return m_generatedDir != nullptr; }

private:
    QString m_logPath;
    QString m_keyFile;
    int m_repetitions = 5;
    QString m_error;
    std::unique_ptr<QTemporaryDir> m_generatedDir;
};

} // namespace QmsAudit::Bench
