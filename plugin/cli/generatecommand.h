// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandoptions.h"

#include <qmsaudit/keyprovider.h>
#include <qmsaudit/result.h>

#include <QString>

#include <iosfwd>

namespace QmsAudit::Cli {

/**
 * `qms-audit generate`: creates a new log and fills it with a HistoryGenerator history through
 * the normal append path (AuditLog::appendAll, one transaction per batch), stamped by a
 * SteppedClock so that recorded_at spreads over the requested months.
 */
class GenerateCommand
{
public:
    struct Options {
        qint64 events = 0;
        int months = 12;
        quint64 seed = 1;
        qint64 startUs = 0; ///< first possible recorded_at (UTC µs)
    };

    /// The command: --log, --key-file/--passphrase-env, --events, --months, --seed, --start.
    static int run(const CommandOptions &options);

    /// Checks the option texts (empty means the default: 12 months, seed 1, start 2025-01-01).
    static Result<Options> parseOptions(const QString &events, const QString &months, const QString &seed, const QString &start);
    /// Creates @p path (refusing an existing file) and appends the history; returns a one-line summary.
    static Result<QString> run(const QString &path, const KeyProvider &keys, const Options &options, std::ostream &progress);
};

} // namespace QmsAudit::Cli
