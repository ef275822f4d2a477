// SPDX-License-Identifier: LGPL-2.1-or-later
// qmsaudit_merkle_benchmarks: the Merkle tree and checkpoint figures of docs/performance.md.
//   qmsaudit_merkle_benchmarks [--log FILE --key-file KEYFILE] [--repetitions N] [--scratch DIR]
//                              [--figures append,proofs,checkpoints,tree-check]
// Appends are timed on fresh logs in --scratch (default: a temporary directory); proofs on --log.
// Without --log it generates a small log with `qms-audit generate`: a smoke run, not a measurement.
#include "benchmarklog.h"
#include "merklebenchmark.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QmsAudit::Bench::BenchmarkLog log(app.arguments());
    if (!log.isValid()) {
        std::fprintf(stderr, "%s\n", qPrintable(log.error()));
        return 1;
    }
    QTemporaryDir scratch;
    const qsizetype scratchAt = app.arguments().indexOf(QStringLiteral("--scratch"));
    const QString scratchDir = scratchAt > 0 && scratchAt + 1 < app.arguments().size() ? app.arguments().at(scratchAt + 1) : scratch.path();
    QmsAudit::Bench::MerkleBenchmark benchmark(log.logPath(), log.keyFile(), log.isSmoke() ? 1 : log.repetitions(), scratchDir);
    const qsizetype figuresAt = app.arguments().indexOf(QStringLiteral("--figures"));
    const QStringList figures = figuresAt > 0 && figuresAt + 1 < app.arguments().size() ? app.arguments().at(figuresAt + 1).split(QLatin1Char(',')) : QStringList();
    return benchmark.run(figures) ? 0 : 1;
}
