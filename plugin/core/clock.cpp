// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/clock.h>

#include <chrono>

namespace QmsAudit {

Clock::~Clock() = default;

qint64 SystemClock::nowUtcMicros() const
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

const SystemClock &SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace QmsAudit
