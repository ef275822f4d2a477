// SPDX-License-Identifier: LGPL-2.1-or-later
// qmsaudit_read_benchmarks: the read figures of docs/performance.md on one log.
//   qmsaudit_read_benchmarks [--log FILE --key-file KEYFILE] [--repetitions N] [--part aggregates]
// Without --log (or QMSAUDIT_READ_LOG / QMSAUDIT_READ_KEY_FILE) it generates a small log with
// `qms-audit generate` in a temporary directory: a smoke run, not a measurement.
#include "benchmarklog.h"
#include "readbenchmark.h"

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
    QmsAudit::Bench::ReadBenchmark benchmark(log.logPath(), log.keyFile(), log.repetitions());
    const bool aggregatesOnly = app.arguments().contains(QStringLiteral("aggregates"));
    return benchmark.run(aggregatesOnly) ? 0 : 1;
}
