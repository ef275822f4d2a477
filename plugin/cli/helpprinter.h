// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandcatalog.h"

#include <string>

namespace QmsAudit::Cli {

/// The text of `qms-audit --help` and `qms-audit <command> --help`, built from CommandCatalog.
class HelpPrinter
{
public:
    /// Usage, the command list, how keys are given, exit codes.
    static std::string overview();
    /// Usage, description, every option, allowed names where relevant, exit codes.
    static std::string commandHelp(const CommandSpec &command);
    /// "qms-audit 0.1.0"
    static std::string versionLine();
};

} // namespace QmsAudit::Cli
