// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/clock.h>

namespace QmsAudit::Cli {

/// A clock that shows whatever time it was last set to: `generate` stamps a history with it.
class SteppedClock final : public Clock
{
public:
    explicit SteppedClock(qint64 utcMicros) : m_now(utcMicros) {}
    qint64 nowUtcMicros() const override;
    void set(qint64 utcMicros) { m_now = utcMicros; }

private:
    qint64 m_now;
};

} // namespace QmsAudit::Cli
