// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/logstatistics.h>

#include <QJsonObject>
#include <QString>

#include <optional>

namespace QmsAudit::Cli {

/**
 * Renders LogStatistics for `qms-audit stats`: a JSON object
 * {from, to, total, by_action, by_actor, by_object_type, by_outcome, by_day} (from/to are UTC
 * timestamps or null) or a plain text table.
 */
class StatisticsWriter
{
public:
    enum class Format { Table, Json };

    /// "table" or "json".
    static std::optional<Format> formatFromName(const QString &name);

    static QJsonObject toJson(const LogStatistics &statistics);
    /// Human-readable sections, one count per line; ends with a newline.
    static QString toTable(const LogStatistics &statistics);
    /// The complete output for @p format, ending with a newline.
    static QString render(const LogStatistics &statistics, Format format);
};

} // namespace QmsAudit::Cli
