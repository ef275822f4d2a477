// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace QmsAudit::Cli {

/// One option of a command, registered with Poco's OptionSet and listed by `--help`.
struct OptionSpec {
    std::string name;        ///< long name without dashes, e.g. "log"
    std::string argument;    ///< value placeholder, e.g. "PATH"; empty for a flag
    std::string description;
    bool repeatable = false;
    std::string group;       ///< options sharing a group exclude each other (at most one may be given)
};

/// A sub-command of qms-audit: its name, help texts and options.
struct CommandSpec {
    std::string name;
    std::string summary;     ///< one line, shown by `qms-audit --help`
    std::string usage;       ///< synopsis after "qms-audit <name>"
    std::string details;     ///< paragraph shown by `qms-audit <name> --help`
    std::vector<OptionSpec> options;

    /// The option called @p name, or nullptr.
    const OptionSpec *option(std::string_view name) const;
};

/**
 * The fixed table of qms-audit commands and their options: the single source for option
 * registration, `--help` output and the messages about conflicting options.
 */
class CommandCatalog
{
public:
    /// Every command, in the order `--help` lists them.
    static const std::vector<CommandSpec> &commands();
    /// The command called exactly @p name, or nullptr.
    static const CommandSpec *find(std::string_view name);
    /// Text of the "Exit codes" section shared by every help page.
    static std::string exitCodesHelp();
};

} // namespace QmsAudit::Cli
