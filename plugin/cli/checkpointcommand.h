// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandoptions.h"

namespace QmsAudit::Cli {

/// `qms-audit checkpoint` (docs/anchors.md): signs the log's tree head now, writes it beside the log
/// and to the anchors named, and prints the note.
class CheckpointCommand
{
public:
    static int run(const CommandOptions &options);
};

} // namespace QmsAudit::Cli
