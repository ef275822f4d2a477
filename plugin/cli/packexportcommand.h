// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandoptions.h"

namespace QmsAudit::Cli {

/**
 * `qms-audit export --pack FILE.zip --signing-key KEY.pem` (docs/evidence-packs.md): the matching
 * events with their PDF report, inclusion proofs and a signed checkpoint, all of one tree size,
 * in a zip an inspector checks offline; recorded as a trail_exported event of format "pack".
 * Parses the options and records the use; EvidencePackExport makes the pack, as it does for the views.
 */
class PackExportCommand
{
public:
    /// Returns the process exit code; errors are printed by Console::fail().
    static int run(const CommandOptions &options);
};

} // namespace QmsAudit::Cli
