// SPDX-License-Identifier: LGPL-2.1-or-later
#include "mockclock.h"

namespace QmsAudit::Test {

MockClock::MockClock(qint64 startUs)
    : m_now(startUs)
{
}

qint64 MockClock::nowUtcMicros() const
{
    return m_now.load();
}

void MockClock::set(qint64 us)
{
    m_now.store(us);
}

void MockClock::advance(qint64 us)
{
    m_now.fetch_add(us);
}

} // namespace QmsAudit::Test
