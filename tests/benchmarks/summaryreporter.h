// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <ostream>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace QmsAudit::Bench {

/**
 * Passes every report on to the display reporter that --benchmark_format and --benchmark_color
 * ask for, and remembers the counters of the runs it shows, so printSummary() can print a table
 * after RunSpecifiedBenchmarks(): for every scenario registered as "<scenario>/qmsaudit" and
 * "<scenario>/sqlite", the median of each counter over the reported runs (one per repetition),
 * its range, and the ratio qmsaudit / sqlite.
 * @code
 *   durable_8_threads: events_per_s: qmsaudit 5123 ev/s [5010..5190, n=3], sqlite 7001 ev/s [...], ratio 0.73
 * @endcode
 * Iteration-estimation runs are not reported by Google Benchmark, so they are not counted.
 */
class SummaryReporter : public benchmark::BenchmarkReporter
{
public:
    /// Reads --benchmark_format and --benchmark_color from @p argv (call before benchmark::Initialize).
    SummaryReporter(int argc, char **argv);

    bool ReportContext(const Context &context) override;
    void ReportRuns(const std::vector<Run> &reports) override;
    void Finalize() override;

    /// The summary table; on stdout for the console format, on stderr for json and csv.
    void printSummary() const;

private:
    std::unique_ptr<benchmark::BenchmarkReporter> m_display;
    bool m_summaryToStderr = false;
    /// scenario -> backend -> counter -> one value per reported run
    std::map<std::string, std::map<std::string, std::map<std::string, std::vector<double>>>> m_values;
    std::vector<std::pair<int64_t, std::string>> m_order; ///< (lowest family index, scenario), sorted
};

} // namespace QmsAudit::Bench
