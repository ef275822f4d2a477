// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandoptions.h"

namespace QmsAudit::Cli {

/// `qms-audit review` (docs/cli.md, docs/reviews.md): a review of the trail, recorded in it.
class ReviewCommand
{
public:
    /// Returns the process exit code; errors are printed by Console::fail().
    static int run(const CommandOptions &options);
};

} // namespace QmsAudit::Cli
