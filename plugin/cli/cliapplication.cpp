// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cliapplication.h"

#include "anomaliescommand.h"
#include "checkpointcommand.h"
#include "consistencycommand.h"
#include "console.h"
#include "exitstatus.h"
#include "generatecommand.h"
#include "helpprinter.h"
#include "importcommand.h"
#include "initcommand.h"
#include "exportcommand.h"
#include "querycommand.h"
#include "reviewcommand.h"
#include "reviewreportcommand.h"
#include "reviewsummarycommand.h"
#include "samplecommand.h"
#include "recordcommand.h"
#include "rekeycommand.h"
#include "statscommand.h"
#include "verifycommand.h"
#include "verifypackcommand.h"

#include <Poco/Logger.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <exception>
#include <iostream>
#include <map>

namespace QmsAudit::Cli {
namespace {

using Poco::Util::Option;
using Poco::Util::OptionSet;

/// Silences Poco's loggers: the tool reports errors itself, on stderr, in one sentence.
void silencePocoLogging()
{
    Poco::Logger::root().setLevel(0);
    Poco::Logger::setLevel(std::string(), 0);
}

} // namespace

CliApplication::CliApplication()
{
    silencePocoLogging();
}

CliApplication::~CliApplication() = default;

int CliApplication::execute(int argc, char **argv)
{
    try {
        const std::vector<std::string> args(argv, argv + argc);
        if (args.size() < 2) {
            Console::printText(std::cerr, HelpPrinter::overview());
            return Console::usageError(QStringLiteral("No command given; run 'qms-audit --help' for the list."));
        }
        const std::string &first = args[1];
        if (first == "--help" || first == "-h" || first == "help") {
            if (args.size() > 2) {
                const CommandSpec *command = CommandCatalog::find(args[2]);
                if (!command)
                    return Console::usageError(
                        QStringLiteral("Unknown command '%1'; run 'qms-audit --help' for the list.").arg(Console::fromArg(args[2])));
                Console::printText(std::cout, HelpPrinter::commandHelp(*command));
                return toInt(ExitStatus::Ok);
            }
            Console::printText(std::cout, HelpPrinter::overview());
            return toInt(ExitStatus::Ok);
        }
        if (first == "--version") {
            Console::printText(std::cout, HelpPrinter::versionLine() + '\n');
            return toInt(ExitStatus::Ok);
        }
        m_command = CommandCatalog::find(first);
        if (!m_command) {
            if (!first.empty() && first.front() == '-')
                return Console::usageError(
                    QStringLiteral("Expected a command before '%1'; run 'qms-audit --help' for the list.").arg(Console::fromArg(first)));
            return Console::usageError(
                QStringLiteral("Unknown command '%1'; run 'qms-audit --help' for the list.").arg(Console::fromArg(first)));
        }

        ArgVec commandArgs { args.front() };
        commandArgs.insert(commandArgs.end(), args.begin() + 2, args.end());
        try {
            init(commandArgs);
        } catch (const Poco::Util::OptionException &exception) {
            return Console::usageError(optionErrorMessage(exception));
        }
        silencePocoLogging();
        return run();
    } catch (const Poco::Exception &exception) {
        return Console::fail(
            Error(ErrorCode::Internal, QStringLiteral("Unexpected error: %1.").arg(Console::fromArg(exception.displayText()))));
    } catch (const std::exception &exception) {
        return Console::fail(
            Error(ErrorCode::Internal, QStringLiteral("Unexpected error: %1.").arg(QString::fromLocal8Bit(exception.what()))));
    }
}

void CliApplication::defineOptions(OptionSet &options)
{
    Application::defineOptions(options);
    options.addOption(Option("help", "h", "show this help").required(false).repeatable(false));
    if (!m_command)
        return;
    for (const OptionSpec &spec : m_command->options) {
        Option option(spec.name, "", spec.description);
        option.required(false).repeatable(spec.repeatable);
        if (!spec.argument.empty())
            option.argument(spec.argument);
        if (!spec.group.empty())
            option.group(spec.group);
        options.addOption(option);
    }
}

void CliApplication::handleOption(const std::string &name, const std::string &value)
{
    Application::handleOption(name, value);
    if (name == "help") {
        m_helpRequested = true;
        stopOptionsProcessing();
        return;
    }
    m_values[name].push_back(value);
}

int CliApplication::main(const std::vector<std::string> &args)
{
    try {
        if (m_helpRequested) {
            Console::printText(std::cout, HelpPrinter::commandHelp(*m_command));
            return toInt(ExitStatus::Ok);
        }
        // The one command that reads a file, not a log: the evidence pack is its argument.
        if (m_command->name == "verify-pack")
            return VerifyPackCommand::run(CommandOptions(*m_command, m_values), args);
        if (m_command->name == "consistency") // its two checkpoint files are arguments too
            return ConsistencyCommand::run(CommandOptions(*m_command, m_values), args);
        if (!args.empty()) {
            return Console::usageError(QStringLiteral("Unexpected argument '%1'; run 'qms-audit %2 --help' for the options.")
                                           .arg(Console::fromArg(args.front()), Console::fromArg(m_command->name)));
        }
        return dispatch();
    } catch (const std::exception &exception) {
        return Console::fail(
            Error(ErrorCode::Internal, QStringLiteral("Unexpected error: %1.").arg(QString::fromLocal8Bit(exception.what()))));
    }
}

int CliApplication::dispatch()
{
    const CommandOptions options(*m_command, m_values);
    const std::string &name = m_command->name;
    if (name == "init")
        return InitCommand::run(options);
    // Every other command opens an existing log: check its options before any other.
    if (auto log = options.requiredValue("log"); !log)
        return Console::fail(log.error());
    if (auto keys = options.keyProvider("key-file", "passphrase-env"); !keys)
        return Console::fail(keys.error());
    using Runner = int (*)(const CommandOptions &);
    static const std::map<std::string, Runner> runners = {
        { "record", &RecordCommand::run },
        { "import", &ImportCommand::run },
        { "query", &QueryCommand::run },
        { "sample", &SampleCommand::run },
        { "export", &ExportCommand::run },
        { "anomalies", &AnomaliesCommand::run },
        { "review", &ReviewCommand::run },
        { "review-summary", &ReviewSummaryCommand::run },
        { "review-report", &ReviewReportCommand::run },
        { "verify", &VerifyCommand::run },
        { "checkpoint", &CheckpointCommand::run },
        { "stats", &StatsCommand::run },
        { "rekey", &RekeyCommand::run },
        { "generate", &GenerateCommand::run },
    };
    if (const auto runner = runners.find(name); runner != runners.end())
        return runner->second(options);
    return Console::fail(Error(ErrorCode::Internal, QStringLiteral("The command '%1' has no implementation.").arg(Console::fromArg(name))));
}

QString CliApplication::optionErrorMessage(const Poco::Util::OptionException &exception) const
{
    const QString command = Console::fromArg(m_command->name);
    const QString detail = Console::fromArg(exception.message());
    const QString seeHelp = QStringLiteral("see 'qms-audit %1 --help'").arg(command);
    // Poco reports the option name (as typed, without dashes) in message().
    if (dynamic_cast<const Poco::Util::UnknownOptionException *>(&exception))
        return QStringLiteral("Unknown option '%1' for %2; %3.").arg(detail, command, seeHelp);
    if (dynamic_cast<const Poco::Util::AmbiguousOptionException *>(&exception))
        return QStringLiteral("Ambiguous option '%1' for %2: it abbreviates more than one option; %3.").arg(detail, command, seeHelp);
    if (dynamic_cast<const Poco::Util::MissingArgumentException *>(&exception)) {
        // message() is "log requires PATH".
        const QString name = detail.section(QLatin1Char(' '), 0, 0);
        const QString placeholder = detail.section(QStringLiteral(" requires "), 1);
        return QStringLiteral("The option --%1 needs a value: --%1 %2.")
            .arg(name, placeholder.isEmpty() ? QStringLiteral("VALUE") : placeholder);
    }
    if (dynamic_cast<const Poco::Util::UnexpectedArgumentException *>(&exception)) {
        const QString name = detail.section(QLatin1Char('='), 0, 0).section(QLatin1Char(':'), 0, 0);
        return QStringLiteral("The option --%1 takes no value.").arg(name);
    }
    if (dynamic_cast<const Poco::Util::DuplicateOptionException *>(&exception))
        return QStringLiteral("The option --%1 may be given only once.").arg(detail);
    if (dynamic_cast<const Poco::Util::IncompatibleOptionsException *>(&exception)) {
        QStringList alternatives;
        if (const OptionSpec *spec = m_command->option(exception.message()); spec && !spec->group.empty()) {
            for (const OptionSpec &other : m_command->options) {
                if (other.group == spec->group)
                    alternatives.append(QStringLiteral("--") + Console::fromArg(other.name));
            }
        }
        if (alternatives.isEmpty())
            return QStringLiteral("The option --%1 conflicts with another option; %2.").arg(detail, seeHelp);
        return QStringLiteral("Give only one of %1 (each at most once).").arg(alternatives.join(QStringLiteral(", ")));
    }
    return QStringLiteral("%1; %2.").arg(Console::fromArg(exception.displayText()), seeHelp);
}

} // namespace QmsAudit::Cli
