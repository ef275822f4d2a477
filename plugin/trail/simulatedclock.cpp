// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trail/simulatedclock_p.h"

namespace QmsAudit {

void SimulatedClock::moveTo(qint64 utcMicros)
{
    qint64 now = m_now.load(std::memory_order_acquire);
    while (utcMicros > now && !m_now.compare_exchange_weak(now, utcMicros, std::memory_order_acq_rel)) {
    }
}

} // namespace QmsAudit
