// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_export.h>

#include <QtGlobal>

namespace QmsAudit {

/// Source of `recorded_at`. Injectable so tests and hosts with trusted time sources can supply one.
class QMSAUDIT_EXPORT Clock
{
public:
    virtual ~Clock();
    /// Microseconds since 1970-01-01T00:00:00Z.
    virtual qint64 nowUtcMicros() const = 0;
};

/// The system wall clock (CLOCK_REALTIME).
class QMSAUDIT_EXPORT SystemClock final : public Clock
{
public:
    qint64 nowUtcMicros() const override;
    /// A process-wide instance.
    static const SystemClock &instance();
};

} // namespace QmsAudit
