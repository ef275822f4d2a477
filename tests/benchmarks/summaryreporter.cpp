// SPDX-License-Identifier: LGPL-2.1-or-later
#include "summaryreporter.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <unistd.h>

namespace QmsAudit::Bench {
namespace {

/// The counters the table shows, in this order.
struct Metric {
    const char *counter;
    const char *unit;
};
constexpr Metric kMetrics[] = {
    {"events_per_s", "ev/s"},
    {"syncs_per_s", "sync/s"},
    {"p50_us", "us"},
    {"p99_us", "us"},
    {"events_per_commit", "ev/commit"},
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

std::string describe(const std::vector<double> &values, const char *unit)
{
    char text[160];
    const double mid = median(values);
    const int decimals = mid >= 100 ? 0 : (mid >= 10 ? 1 : 2);
    if (values.size() == 1) {
        std::snprintf(text, sizeof text, "%.*f %s", decimals, mid, unit);
    } else {
        const auto [low, high] = std::minmax_element(values.begin(), values.end());
        std::snprintf(text, sizeof text, "%.*f %s [%.*f..%.*f, n=%zu]", decimals, mid, unit, decimals, *low, decimals, *high,
                      values.size());
    }
    return text;
}

/// The value of --name=value or --name value in @p argv, empty if absent.
std::string flagValue(int argc, char **argv, const char *name)
{
    const std::string prefix = std::string("--") + name;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind(prefix + '=', 0) == 0)
            return arg.substr(prefix.size() + 1);
    }
    return {};
}

bool wantsColor(const std::string &flag)
{
    if (flag == "true" || flag == "yes" || flag == "1")
        return true;
    if (flag == "false" || flag == "no" || flag == "0")
        return false;
    // "auto", as Google Benchmark decides it: a terminal that is not dumb.
    const char *term = std::getenv("TERM");
    return ::isatty(STDOUT_FILENO) && term && std::strcmp(term, "dumb") != 0;
}

} // namespace

SummaryReporter::SummaryReporter(int argc, char **argv)
{
    const std::string format = flagValue(argc, argv, "benchmark_format");
    if (format == "json") {
        m_display = std::make_unique<benchmark::JSONReporter>();
        m_summaryToStderr = true;
    } else if (format == "csv") {
        BENCHMARK_DISABLE_DEPRECATED_WARNING
        m_display = std::make_unique<benchmark::CSVReporter>();
        BENCHMARK_RESTORE_DEPRECATED_WARNING
        m_summaryToStderr = true;
    } else {
        const bool color = wantsColor(flagValue(argc, argv, "benchmark_color"));
        m_display = std::make_unique<benchmark::ConsoleReporter>(color ? benchmark::ConsoleReporter::OO_ColorTabular
                                                                       : benchmark::ConsoleReporter::OO_Tabular);
    }
}

bool SummaryReporter::ReportContext(const Context &context)
{
    return m_display->ReportContext(context);
}

void SummaryReporter::Finalize()
{
    m_display->Finalize();
}

void SummaryReporter::ReportRuns(const std::vector<Run> &reports)
{
    m_display->ReportRuns(reports);
    for (const Run &run : reports) {
        if (run.run_type != Run::RT_Iteration || run.error_occurred)
            continue;
        const std::string &name = run.run_name.function_name;
        const auto slash = name.rfind('/');
        if (slash == std::string::npos)
            continue;
        const std::string scenario = name.substr(0, slash);
        const std::string backend = name.substr(slash + 1);
        // Registration order, not run order (--benchmark_enable_random_interleaving shuffles runs).
        const auto known = std::find_if(m_order.begin(), m_order.end(), [&scenario](const auto &entry) { return entry.second == scenario; });
        if (known == m_order.end()) {
            const auto position = std::upper_bound(m_order.begin(), m_order.end(), run.family_index,
                                                   [](int64_t index, const auto &entry) { return index < entry.first; });
            m_order.insert(position, {run.family_index, scenario});
        }
        for (const Metric &metric : kMetrics) {
            if (const auto it = run.counters.find(metric.counter); it != run.counters.end())
                m_values[scenario][backend][metric.counter].push_back(it->second.value);
        }
    }
}

void SummaryReporter::printSummary() const
{
    std::ostream &out = m_summaryToStderr ? std::cerr : std::cout;
    if (m_order.empty())
        return;
    out << "\nSummary (median over the reported runs [min..max, n]; ratio = qmsaudit / sqlite):\n";
    for (const auto &[familyIndex, scenario] : m_order) {
        const auto found = m_values.find(scenario);
        if (found == m_values.end())
            continue;
        const auto &backends = found->second;
        for (const Metric &metric : kMetrics) {
            std::string line;
            const std::vector<double> *ours = nullptr;
            const std::vector<double> *theirs = nullptr;
            for (const auto &[backend, counters] : backends) {
                const auto values = counters.find(metric.counter);
                if (values == counters.end())
                    continue;
                if (backend == "qmsaudit")
                    ours = &values->second;
                else if (backend == "sqlite")
                    theirs = &values->second;
                else
                    line += (line.empty() ? "" : ", ") + backend + ' ' + describe(values->second, metric.unit);
            }
            if (!ours && !theirs && line.empty())
                continue;
            if (ours || theirs) {
                line = std::string("qmsaudit ") + (ours ? describe(*ours, metric.unit) : "-") + ", sqlite "
                    + (theirs ? describe(*theirs, metric.unit) : "-") + (line.empty() ? "" : ", ") + line;
            }
            if (ours && theirs && median(*theirs) > 0) {
                char ratio[32];
                std::snprintf(ratio, sizeof ratio, ", ratio %.2f", median(*ours) / median(*theirs));
                line += ratio;
            }
            out << "  " << scenario << ": " << metric.counter << ": " << line << '\n';
        }
    }
    out.flush();
}

} // namespace QmsAudit::Bench
