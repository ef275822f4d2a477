// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <chrono>
#include <cstddef>
#include <vector>

namespace QmsAudit::Bench {

/// Per-call durations measured with steady_clock; percentiles by nearest rank.
class LatencySamples
{
public:
    void reserve(std::size_t count) { m_nanos.reserve(count); }
    void add(std::chrono::steady_clock::duration duration)
    {
        m_nanos.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(duration).count());
        m_sorted = false;
    }
    std::size_t size() const { return m_nanos.size(); }
    /// The @p fraction (0 < fraction <= 1) percentile in microseconds; 0 without samples. Sorts.
    double percentileUs(double fraction);

private:
    std::vector<long long> m_nanos;
    bool m_sorted = false;
};

} // namespace QmsAudit::Bench
