// SPDX-License-Identifier: LGPL-2.1-or-later
// qmsaudit_read_benchmarks: the read figures of docs/performance.md on one log.
//   qmsaudit_read_benchmarks [--log FILE --key-file KEYFILE] [--repetitions N]
// Without --log (or QMSAUDIT_READ_LOG / QMSAUDIT_READ_KEY_FILE) it generates a small log with
// `qms-audit generate` in a temporary directory: a smoke run, not a measurement.
#include "readbenchmark.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString log = qEnvironmentVariable("QMSAUDIT_READ_LOG");
    QString keyFile = qEnvironmentVariable("QMSAUDIT_READ_KEY_FILE");
    int repetitions = 5;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QStringLiteral("--log"))
            log = args[i + 1];
        else if (args[i] == QStringLiteral("--key-file"))
            keyFile = args[i + 1];
        else if (args[i] == QStringLiteral("--repetitions"))
            repetitions = std::max(1, args[i + 1].toInt());
    }
    QTemporaryDir dir;
    if (log.isEmpty()) {
        log = dir.filePath(QStringLiteral("generated.qmslog"));
        keyFile = dir.filePath(QStringLiteral("generated.key"));
        if (auto key = QmsAudit::KeyFileProvider::generateKeyFile(keyFile); !key) {
            std::fprintf(stderr, "%s\n", qPrintable(key.error().message()));
            return 1;
        }
        QProcess generate;
        generate.start(QStringLiteral(QMSAUDIT_CLI_PATH), {QStringLiteral("generate"), QStringLiteral("--log"), log, QStringLiteral("--key-file"),
                                                           keyFile, QStringLiteral("--events"), QStringLiteral("5000")});
        if (!generate.waitForFinished(120000) || generate.exitCode() != 0) {
            std::fprintf(stderr, "qms-audit generate failed: %s\n", generate.readAllStandardError().constData());
            return 1;
        }
        repetitions = 1;
    }
    QmsAudit::Bench::ReadBenchmark benchmark(log, keyFile, repetitions);
    return benchmark.run() ? 0 : 1;
}
