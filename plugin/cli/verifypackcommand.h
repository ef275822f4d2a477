// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandoptions.h"

#include <string>
#include <vector>

namespace QmsAudit::Cli {

/**
 * `qms-audit verify-pack FILE.zip [--trusted-key PUB.pem] [--origin ORIGIN]` (docs/evidence-packs.md):
 * checks an evidence pack offline, without a log, and names every file and seq that fails.
 */
class VerifyPackCommand
{
public:
    /// @p arguments: the words after the options, the pack's path. Returns the process exit code.
    static int run(const CommandOptions &options, const std::vector<std::string> &arguments);
};

} // namespace QmsAudit::Cli
