// SPDX-License-Identifier: LGPL-2.1-or-later
#include "latencysamples.h"

#include <algorithm>
#include <cmath>

namespace QmsAudit::Bench {

double LatencySamples::percentileUs(double fraction)
{
    if (m_nanos.empty())
        return 0;
    if (!m_sorted) {
        std::sort(m_nanos.begin(), m_nanos.end());
        m_sorted = true;
    }
    const auto rank = std::size_t(std::ceil(fraction * double(m_nanos.size())));
    const std::size_t index = std::clamp<std::size_t>(rank, 1, m_nanos.size()) - 1;
    return double(m_nanos[index]) / 1000.0;
}

} // namespace QmsAudit::Bench
