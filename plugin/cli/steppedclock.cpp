// SPDX-License-Identifier: LGPL-2.1-or-later
#include "steppedclock.h"

namespace QmsAudit::Cli {

qint64 SteppedClock::nowUtcMicros() const
{
    return m_now;
}

} // namespace QmsAudit::Cli
