// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandoptions.h"

namespace QmsAudit::Cli {

/// `qms-audit review-report` (docs/cli.md, docs/reports.md): the management review report as PDF, recorded with its SHA-256.
class ReviewReportCommand
{
public:
    /// Returns the process exit code; errors are printed by Console::fail().
    static int run(const CommandOptions &options);
};

} // namespace QmsAudit::Cli
