// SPDX-License-Identifier: LGPL-2.1-or-later
// qmsaudit_anomaly_benchmarks: the anomaly-scan figures of docs/performance.md on one log.
//   qmsaudit_anomaly_benchmarks [--log FILE --key-file KEYFILE] [--repetitions N]
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
    QmsAudit::Bench::AnomalyBenchmark benchmark(log.logPath(), log.keyFile(), log.repetitions());
    return benchmark.run() ? 0 : 1;
}
