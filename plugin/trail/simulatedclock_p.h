// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/clock.h>

#include <atomic>

namespace QmsAudit {

/**
 * The clock of a trail opened with "simulated_clock_start" (demonstration data): it shows the
 * time it was last moved to, and only ever moves forward. The writer thread reads it while the
 * recording thread moves it, hence the atomic.
 */
class SimulatedClock final : public Clock
{
public:
    explicit SimulatedClock(qint64 startUtcMicros) : m_now(startUtcMicros) {}
    qint64 nowUtcMicros() const override { return m_now.load(std::memory_order_acquire); }
    void moveTo(qint64 utcMicros);

private:
    std::atomic<qint64> m_now;
};

} // namespace QmsAudit
