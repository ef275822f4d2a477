// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandcatalog.h"

#include <Poco/Util/Application.h>
#include <Poco/Util/OptionException.h>

#include <QString>

#include <map>
#include <string>
#include <vector>

namespace QmsAudit::Cli {

/**
 * The qms-audit command line tool: `qms-audit <command> [options]`.
 *
 * The command is taken from argv[1] before Poco parses the options, so that defineOptions()
 * registers only that command's options (CommandCatalog). Errors are one sentence on stderr
 * prefixed "qms-audit: "; the exit code comes from exitStatusFor().
 * @code
 * Poco::AutoPtr<QmsAudit::Cli::CliApplication> app(new QmsAudit::Cli::CliApplication);
 * return app->execute(argc, argv);
 * @endcode
 */
class CliApplication : public Poco::Util::Application
{
public:
    CliApplication();

    /// Parses @p argv, runs the command and returns the process exit code. Never throws.
    int execute(int argc, char **argv);

protected:
    ~CliApplication() override;

    void defineOptions(Poco::Util::OptionSet &options) override;
    void handleOption(const std::string &name, const std::string &value) override;
    int main(const std::vector<std::string> &args) override;

private:
    /// Runs the command's class (one file per command) with the parsed options.
    int dispatch();
    QString optionErrorMessage(const Poco::Util::OptionException &exception) const;

    const CommandSpec *m_command = nullptr;
    bool m_helpRequested = false;
    std::map<std::string, std::vector<std::string>> m_values;
};

} // namespace QmsAudit::Cli
