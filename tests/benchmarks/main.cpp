// SPDX-License-Identifier: LGPL-2.1-or-later
// QmsAudit against plain SQLite: record() latency, durable throughput, what group commit buys.
// See docs/performance.md. Prints Google Benchmark's table, then a summary with the ratios.
#include "summaryreporter.h"
#include "trailbenchmarks.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QmsAudit::Bench::SummaryReporter reporter(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    QCoreApplication app(argc, argv);
    QmsAudit::Bench::registerTrailBenchmarks();
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.printSummary();
    benchmark::Shutdown();
    return 0;
}
