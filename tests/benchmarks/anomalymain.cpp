// SPDX-License-Identifier: LGPL-2.1-or-later
// qmsaudit_anomaly_benchmarks: the anomaly-scan figures of docs/performance.md on one log.
//   qmsaudit_anomaly_benchmarks [--log FILE --key-file KEYFILE] [--repetitions N] [--rules FILE]
// Without --log it generates a small log with `qms-audit generate`: a smoke run, not a measurement.
#include "anomalybenchmark.h"
#include "benchmarklog.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QmsAudit::Bench::BenchmarkLog log(app.arguments());
    if (!log.isValid()) {
        std::fprintf(stderr, "%s\n", qPrintable(log.error()));
        return 1;
    }
    QmsAudit::AnomalyRules rules;
    if (const qsizetype at = app.arguments().indexOf(QStringLiteral("--rules")); at > 0 && at + 1 < app.arguments().size()) {
        auto read = QmsAudit::AnomalyRules::fromFile(app.arguments()[at + 1]);
        if (!read) {
            std::fprintf(stderr, "%s\n", qPrintable(read.error().message()));
            return 1;
        }
        rules = *read;
    }
    QmsAudit::Bench::AnomalyBenchmark benchmark(log.logPath(), log.keyFile(), log.repetitions(), rules);
    return benchmark.run() ? 0 : 1;
}
