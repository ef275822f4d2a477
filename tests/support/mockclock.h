// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/clock.h>

#include <atomic>

namespace QmsAudit::Test {

/// A clock the test moves by hand. Thread-safe.
class MockClock final : public Clock
{
public:
    explicit MockClock(qint64 startUs = 1'767'225'600'000'000); // 2026-01-01T00:00:00Z
    qint64 nowUtcMicros() const override;
    void set(qint64 us);
    void advance(qint64 us);

private:
    std::atomic<qint64> m_now;
};

} // namespace QmsAudit::Test
