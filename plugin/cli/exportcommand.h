// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandoptions.h"

namespace QmsAudit::Cli {

/// `qms-audit export` (docs/cli.md): matching events into an evidence file, recorded with its SHA-256.
class ExportCommand
{
public:
    /// Returns the process exit code; errors are printed by Console::fail().
    static int run(const CommandOptions &options);
};

} // namespace QmsAudit::Cli
