// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandoptions.h"

#include <string>
#include <vector>

namespace QmsAudit::Cli {

/// `qms-audit consistency OLD NEW` (docs/anchors.md): proves from the log that the signed checkpoint
/// NEW extends the signed checkpoint OLD, and prints the RFC 9162 consistency proof.
class ConsistencyCommand
{
public:
    /// @p args: the two checkpoint files.
    static int run(const CommandOptions &options, const std::vector<std::string> &args);
};

} // namespace QmsAudit::Cli
