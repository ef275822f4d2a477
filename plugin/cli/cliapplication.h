// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandcatalog.h"

#include <qmsaudit/auditlog.h>
#include <qmsaudit/keyprovider.h>
#include <qmsaudit/result.h>

#include <Poco/Util/Application.h>
#include <Poco/Util/OptionException.h>

#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>
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
    /// The key provider and the log opened with it; the provider must outlive the log.
    struct OpenedLog {
        std::unique_ptr<KeyProvider> keys;
        std::unique_ptr<AuditLog> log;
    };

    int dispatch();
    int runInit();
    int runRecord();
    int runImport();
    int runQuery();
    int runVerify();
    int runStats();
    int runRekey();
    int runGenerate();

    bool isSet(const char *name) const;
    /// The (last) value of option --@p name, empty if not given.
    QString value(const char *name) const;
    QStringList values(const char *name) const;
    /// Fails with a usage message if option --@p name is missing or empty.
    Result<QString> requiredValue(const char *name) const;
    /// --from/--to as a time range; fails if either is malformed or from lies after to.
    Result<std::pair<std::optional<qint64>, std::optional<qint64>>> timeRange() const;

    /// The provider named by --@p fileOption or --@p envOption (exactly one must be given).
    Result<std::unique_ptr<KeyProvider>> keyProvider(const char *fileOption, const char *envOption) const;
    /// Opens --log with the key from --key-file/--passphrase-env.
    Result<OpenedLog> openLog() const;

    /// Prints "qms-audit: <message>" on stderr and returns the exit code for @p error.
    int fail(const Error &error) const;
    int usageError(const QString &message) const;
    QString optionErrorMessage(const Poco::Util::OptionException &exception) const;

    const CommandSpec *m_command = nullptr;
    bool m_helpRequested = false;
    std::map<std::string, std::vector<std::string>> m_values;
};

} // namespace QmsAudit::Cli
