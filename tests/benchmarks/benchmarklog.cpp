// SPDX-License-Identifier: LGPL-2.1-or-later
#include "benchmarklog.h"

#include <qmsaudit/keyfileprovider.h>

#include <QProcess>

#include <algorithm>

namespace QmsAudit::Bench {

BenchmarkLog::BenchmarkLog(const QStringList &arguments, int smokeEvents)
    : m_logPath(qEnvironmentVariable("QMSAUDIT_READ_LOG"))
    , m_keyFile(qEnvironmentVariable("QMSAUDIT_READ_KEY_FILE"))
{
    for (qsizetype i = 1; i + 1 < arguments.size(); i += 2) {
        if (arguments[i] == QStringLiteral("--log"))
            m_logPath = arguments[i + 1];
        else if (arguments[i] == QStringLiteral("--key-file"))
            m_keyFile = arguments[i + 1];
        else if (arguments[i] == QStringLiteral("--repetitions"))
            m_repetitions = std::max(1, arguments[i + 1].toInt());
    }
    if (!m_logPath.isEmpty())
        return;
    m_generatedDir = std::make_unique<QTemporaryDir>();
    m_logPath = m_generatedDir->filePath(QStringLiteral("generated.qmslog"));
    m_keyFile = m_generatedDir->filePath(QStringLiteral("generated.key"));
    m_repetitions = 1;
    if (auto key = KeyFileProvider::generateKeyFile(m_keyFile); !key) {
        m_error = key.error().message();
        return;
    }
    QProcess generate;
    generate.start(QStringLiteral(QMSAUDIT_CLI_PATH), {QStringLiteral("generate"), QStringLiteral("--log"), m_logPath, QStringLiteral("--key-file"),
                                                       m_keyFile, QStringLiteral("--events"), QString::number(smokeEvents)});
    if (!generate.waitForFinished(120000) || generate.exitStatus() != QProcess::NormalExit || generate.exitCode() != 0)
        m_error = QStringLiteral("qms-audit generate failed: %1").arg(QString::fromUtf8(generate.readAllStandardError()));
}

BenchmarkLog::~BenchmarkLog() = default;

} // namespace QmsAudit::Bench
