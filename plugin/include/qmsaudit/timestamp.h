// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_export.h>

#include <QString>
#include <QStringView>

#include <optional>

namespace QmsAudit {

/// Timestamps are UTC microseconds since the epoch; a UTC day is this many of them (no leap seconds).
inline constexpr qint64 MicrosPerDay = 86'400'000'000;

/// "2026-11-23T18:10:00.123456Z" (always UTC, always six fractional digits).
QMSAUDIT_EXPORT QString formatTimestamp(qint64 utcMicros);

/**
 * Parses ISO 8601 "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.f…]]" followed by "Z" or "±HH:MM";
 * a date alone means 00:00 UTC. Up to six fractional digits. std::nullopt if malformed.
 */
QMSAUDIT_EXPORT std::optional<qint64> parseTimestamp(QStringView text);

} // namespace QmsAudit
