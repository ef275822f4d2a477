// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandoptions.h"

namespace QmsAudit::Cli {

/// `qms-audit anomalies` (docs/cli.md, docs/anomalies.md).
class AnomaliesCommand
{
public:
    /// Returns the process exit code; errors are printed by Console::fail().
    static int run(const CommandOptions &options);
};

} // namespace QmsAudit::Cli
