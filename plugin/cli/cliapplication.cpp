// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cliapplication.h"

#include "eventwriter.h"
#include "exitstatus.h"
#include "generatecommand.h"
#include "helpprinter.h"
#include "statisticswriter.h"
#include "valueparsers.h"

#include <qmsaudit/eventjson.h>
#include <qmsaudit/eventvalidator.h>
#include <qmsaudit/keyfileprovider.h>
#include <qmsaudit/passphraseprovider.h>
#include <qmsaudit/timestamp.h>

#include <Poco/Logger.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>
#include <QSysInfo>

#include <exception>
#include <iostream>
#include <limits>

namespace QmsAudit::Cli {
namespace {

using Poco::Util::Option;
using Poco::Util::OptionSet;

/// Page size for `query --all` when --limit is not given.
constexpr int kAllPageSize = 1000;

void printLine(std::ostream &out, const QString &line)
{
    const QByteArray utf8 = line.toUtf8();
    out.write(utf8.constData(), utf8.size());
    out << '\n';
}

void printText(std::ostream &out, const std::string &text)
{
    out << text;
    out.flush();
}

QString fromArg(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

/// Silences Poco's loggers: the tool reports errors itself, on stderr, in one sentence.
void silencePocoLogging()
{
    Poco::Logger::root().setLevel(0);
    Poco::Logger::setLevel(std::string(), 0);
}

bool pathExists(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() || info.isSymLink();
}

HostInfo toolHostInfo()
{
    return HostInfo{QStringLiteral("qms-audit"), QStringLiteral(QMSAUDIT_VERSION_STRING), QSysInfo::machineHostName()};
}

QString describeFinding(const VerificationFinding &finding)
{
    QString line = QStringLiteral("  ") + findingKindName(finding.kind);
    if (finding.seq > 0)
        line += QStringLiteral(" at seq %1").arg(finding.seq);
    if (!finding.detail.isEmpty())
        line += QStringLiteral(": ") + finding.detail;
    return line;
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
            printText(std::cerr, HelpPrinter::overview());
            return usageError(QStringLiteral("No command given; run 'qms-audit --help' for the list."));
        }
        const std::string &first = args[1];
        if (first == "--help" || first == "-h" || first == "help") {
            if (args.size() > 2) {
                const CommandSpec *command = CommandCatalog::find(args[2]);
                if (!command)
                    return usageError(QStringLiteral("Unknown command '%1'; run 'qms-audit --help' for the list.").arg(fromArg(args[2])));
                printText(std::cout, HelpPrinter::commandHelp(*command));
                return toInt(ExitStatus::Ok);
            }
            printText(std::cout, HelpPrinter::overview());
            return toInt(ExitStatus::Ok);
        }
        if (first == "--version") {
            printText(std::cout, HelpPrinter::versionLine() + '\n');
            return toInt(ExitStatus::Ok);
        }
        m_command = CommandCatalog::find(first);
        if (!m_command) {
            if (!first.empty() && first.front() == '-')
                return usageError(QStringLiteral("Expected a command before '%1'; run 'qms-audit --help' for the list.").arg(fromArg(first)));
            return usageError(QStringLiteral("Unknown command '%1'; run 'qms-audit --help' for the list.").arg(fromArg(first)));
        }

        ArgVec commandArgs{args.front()};
        commandArgs.insert(commandArgs.end(), args.begin() + 2, args.end());
        try {
            init(commandArgs);
        } catch (const Poco::Util::OptionException &exception) {
            return usageError(optionErrorMessage(exception));
        }
        silencePocoLogging();
        return run();
    } catch (const Poco::Exception &exception) {
        return fail(Error(ErrorCode::Internal, QStringLiteral("Unexpected error: %1.").arg(fromArg(exception.displayText()))));
    } catch (const std::exception &exception) {
        return fail(Error(ErrorCode::Internal, QStringLiteral("Unexpected error: %1.").arg(QString::fromLocal8Bit(exception.what()))));
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
            printText(std::cout, HelpPrinter::commandHelp(*m_command));
            return toInt(ExitStatus::Ok);
        }
        if (!args.empty()) {
            return usageError(QStringLiteral("Unexpected argument '%1'; run 'qms-audit %2 --help' for the options.")
                                  .arg(fromArg(args.front()), fromArg(m_command->name)));
        }
        return dispatch();
    } catch (const std::exception &exception) {
        return fail(Error(ErrorCode::Internal, QStringLiteral("Unexpected error: %1.").arg(QString::fromLocal8Bit(exception.what()))));
    }
}

int CliApplication::dispatch()
{
    const std::string &name = m_command->name;
    if (name == "init")
        return runInit();
    // Every other command opens an existing log: check its options before any other.
    if (auto log = requiredValue("log"); !log)
        return fail(log.error());
    if (auto keys = keyProvider("key-file", "passphrase-env"); !keys)
        return fail(keys.error());
    if (name == "record")
        return runRecord();
    if (name == "import")
        return runImport();
    if (name == "query")
        return runQuery();
    if (name == "verify")
        return runVerify();
    if (name == "stats")
        return runStats();
    if (name == "rekey")
        return runRekey();
    if (name == "generate")
        return runGenerate();
    return fail(Error(ErrorCode::Internal, QStringLiteral("The command '%1' has no implementation.").arg(fromArg(name))));
}

// ---- init ------------------------------------------------------------------------------------

int CliApplication::runInit()
{
    const auto path = requiredValue("log");
    if (!path)
        return fail(path.error());
    const bool generate = isSet("generate-key-file");
    if (!generate && !isSet("key-file") && !isSet("passphrase-env")) {
        return usageError(QStringLiteral("Missing key option: give --key-file FILE, --passphrase-env VAR or "
                                         "--generate-key-file FILE; see 'qms-audit init --help'."));
    }
    if (pathExists(*path))
        return fail(Error(ErrorCode::AlreadyExists, QStringLiteral("The log %1 already exists; refusing to overwrite.").arg(*path)));

    LogPolicy policy = LogPolicy::defaultPolicy();
    if (isSet("reason-optional"))
        policy.reasonRequiredActions.clear();

    std::unique_ptr<KeyProvider> keys;
    QString generatedKeyFile;
    if (generate) {
        const auto keyPath = requiredValue("generate-key-file");
        if (!keyPath)
            return fail(keyPath.error());
        if (pathExists(*keyPath)) {
            return fail(Error(ErrorCode::AlreadyExists,
                              QStringLiteral("The key file %1 already exists; refusing to overwrite.").arg(*keyPath)));
        }
        if (auto generated = KeyFileProvider::generateKeyFile(*keyPath); !generated)
            return fail(generated.error());
        generatedKeyFile = *keyPath;
        keys = std::make_unique<KeyFileProvider>(*keyPath);
    } else {
        auto provider = keyProvider("key-file", "passphrase-env");
        if (!provider)
            return fail(provider.error());
        keys = std::move(provider).value();
    }

    auto log = AuditLog::create(*path, *keys, policy);
    if (!log) {
        // A key file that encrypts nothing is only clutter; keep it if a log file appeared anyway.
        if (!generatedKeyFile.isEmpty() && !pathExists(*path))
            QFile::remove(generatedKeyFile);
        return fail(log.error());
    }
    printLine(std::cout, QStringLiteral("created %1 (log id %2)").arg(*path, (*log)->logId()));
    if (!generatedKeyFile.isEmpty())
        printLine(std::cout, QStringLiteral("key file %1 (keep it safe: the log cannot be read without it)").arg(generatedKeyFile));
    return toInt(ExitStatus::Ok);
}

// ---- record ----------------------------------------------------------------------------------

int CliApplication::runRecord()
{
    for (const char *name : {"actor", "action", "object-id"}) {
        if (auto required = requiredValue(name); !required)
            return fail(required.error());
    }

    Event event;
    event.actor.id = value("actor");
    event.actor.name = value("actor-name");
    event.actor.roles = values("role");

    auto action = parseAction(value("action"));
    if (!action)
        return fail(action.error());
    event.action = *action;

    event.object.type = isSet("object-type") ? value("object-type") : QStringLiteral("document");
    event.object.id = value("object-id");
    event.object.version = value("object-version");
    event.object.title = value("object-title");
    event.reason = value("reason");
    event.signatureMeaning = value("signature-meaning");
    event.session = value("session");
    event.host = toolHostInfo();

    if (isSet("outcome")) {
        auto outcome = parseOutcome(value("outcome"));
        if (!outcome)
            return fail(outcome.error());
        event.outcome = *outcome;
    }
    for (const QString &text : values("change")) {
        auto change = parseChange(text);
        if (!change)
            return fail(change.error());
        event.changes.append(*change);
    }
    for (const QString &text : values("attr")) {
        auto attribute = parseAttribute(text);
        if (!attribute)
            return fail(attribute.error());
        if (event.attributes.contains(attribute->first))
            return usageError(QStringLiteral("The attribute '%1' is given more than once.").arg(attribute->first));
        event.attributes.insert(attribute->first, attribute->second);
    }
    if (isSet("occurred-at")) {
        auto occurred = parseTime(QStringLiteral("occurred-at"), value("occurred-at"));
        if (!occurred)
            return fail(occurred.error());
        event.occurredAtUs = *occurred;
    }

    auto opened = openLog();
    if (!opened)
        return fail(opened.error());
    auto seq = opened->log->append(event);
    if (!seq)
        return fail(seq.error());
    printLine(std::cout, QString::number(*seq));
    return toInt(ExitStatus::Ok);
}

// ---- import ----------------------------------------------------------------------------------

int CliApplication::runImport()
{
    auto opened = openLog();
    if (!opened)
        return fail(opened.error());
    const QSet<Action> reasonRequired = opened->log->policy().reasonRequiredActions;

    QList<Event> events;
    std::string line;
    qint64 lineNumber = 0;
    while (std::getline(std::cin, line)) {
        ++lineNumber;
        QByteArray bytes(line.data(), qsizetype(line.size()));
        if (lineNumber == 1 && bytes.startsWith("\xEF\xBB\xBF"))
            bytes.remove(0, 3);
        if (bytes.trimmed().isEmpty())
            continue;
        const auto lineError = [lineNumber](const Error &error) {
            return Error(error.code(), QStringLiteral("line %1: %2").arg(lineNumber).arg(error.message()));
        };

        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            return fail(lineError(Error(ErrorCode::InvalidArgument,
                                        QStringLiteral("Invalid JSON at offset %1: %2.").arg(parseError.offset).arg(parseError.errorString()))));
        }
        if (!document.isObject())
            return fail(lineError(Error(ErrorCode::InvalidArgument, QStringLiteral("Expected a JSON object (one event per line)."))));
        const QJsonObject object = document.object();
        auto parsed = eventFromJson(object);
        if (!parsed)
            return fail(lineError(parsed.error()));

        Event event = std::move(parsed).value();
        // The receiving log assigns its own position, time and hash; keep the original time.
        if (!event.occurredAtUs && object.contains(QStringLiteral("recorded_at")) && event.recordedAtUs != 0)
            event.occurredAtUs = event.recordedAtUs;
        event.seq = 0;
        event.recordedAtUs = 0;
        event.hash.clear();
        if (auto valid = validateEvent(event, reasonRequired); !valid)
            return fail(lineError(valid.error()));
        events.append(std::move(event));
    }
    if (std::cin.bad())
        return fail(Error(ErrorCode::IoError, QStringLiteral("Cannot read the events from standard input.")));

    if (events.isEmpty()) {
        printLine(std::cout, QStringLiteral("imported 0 events"));
        return toInt(ExitStatus::Ok);
    }
    auto seqs = opened->log->appendAll(events);
    if (!seqs)
        return fail(seqs.error());
    printLine(std::cout, QStringLiteral("imported %1 events (seq %2..%3)").arg(seqs->size()).arg(seqs->constFirst()).arg(seqs->constLast()));
    return toInt(ExitStatus::Ok);
}

// ---- query -----------------------------------------------------------------------------------

int CliApplication::runQuery()
{

    EventFilter filter;
    auto range = timeRange();
    if (!range)
        return fail(range.error());
    filter.fromUs = range->first;
    filter.toUs = range->second;
    filter.actorId = value("actor");
    filter.objectId = value("object-id");
    filter.objectType = value("object-type");
    filter.text = value("text");
    if (isSet("action")) {
        auto actions = parseActionList(values("action"));
        if (!actions)
            return fail(actions.error());
        filter.actions = *actions;
    }
    if (isSet("outcome")) {
        auto outcome = parseOutcome(value("outcome"));
        if (!outcome)
            return fail(outcome.error());
        filter.outcome = *outcome;
    }

    const bool all = isSet("all");
    PageRequest page;
    page.limit = all ? kAllPageSize : page.limit;
    if (isSet("limit")) {
        auto limit = parseInteger(QStringLiteral("limit"), value("limit"), 1, PageRequest::MaxLimit);
        if (!limit)
            return fail(limit.error());
        page.limit = int(*limit);
    }
    if (isSet("after-seq")) {
        auto afterSeq = parseInteger(QStringLiteral("after-seq"), value("after-seq"), 0, std::numeric_limits<qint64>::max());
        if (!afterSeq)
            return fail(afterSeq.error());
        page.afterSeq = *afterSeq;
    }
    EventWriter::Format format = EventWriter::Format::Table;
    if (isSet("format")) {
        const auto parsed = EventWriter::formatFromName(value("format"));
        if (!parsed)
            return usageError(QStringLiteral("Unknown format '%1' for query; use table, jsonl or csv.").arg(value("format")));
        format = *parsed;
    }

    auto opened = openLog();
    if (!opened)
        return fail(opened.error());
    EventWriter writer(format, std::cout);
    while (true) {
        auto result = opened->log->query(filter, page);
        if (!result) {
            std::cout.flush();
            return fail(result.error());
        }
        writer.write(result->events);
        if (!result->hasMore || result->events.isEmpty())
            break;
        if (!all) {
            std::cerr << "qms-audit: note: more events match; continue with --after-seq " << result->nextAfterSeq
                      << " or use --all." << std::endl;
            break;
        }
        page.afterSeq = result->nextAfterSeq;
    }
    writer.finish();
    return toInt(ExitStatus::Ok);
}

// ---- verify ----------------------------------------------------------------------------------

int CliApplication::runVerify()
{
    std::optional<ExpectedHead> expected;
    if (isSet("expect-head")) {
        auto parsed = parseExpectedHead(value("expect-head"));
        if (!parsed)
            return fail(parsed.error());
        expected = *parsed;
    }
    auto opened = openLog();
    if (!opened)
        return fail(opened.error());

    const VerificationReport report = opened->log->verify();
    if (!report.ok) {
        printLine(std::cout, report.summary());
        for (const VerificationFinding &finding : report.findings)
            printLine(std::cout, describeFinding(finding));
        std::cout.flush();
        return fail(Error(ErrorCode::IntegrityFailure,
                          QStringLiteral("The log %1 failed verification; it may have been tampered with or damaged.").arg(value("log"))));
    }

    QByteArray headHash = report.headHash;
    if (headHash.isEmpty()) {
        // An empty log: its head is the genesis value derived from the log id.
        auto head = opened->log->head();
        if (!head)
            return fail(head.error());
        headHash = head->hash;
    }

    QString anchorLine;
    if (expected) {
        QString problem;
        if (expected->seq > report.lastSeq) {
            problem = QStringLiteral("FAILED: event %1 is not in the log (last seq %2)").arg(expected->seq).arg(report.lastSeq);
        } else {
            auto event = opened->log->eventAt(expected->seq);
            if (!event)
                return fail(event.error());
            if (event->hash != expected->hash) {
                problem = QStringLiteral("FAILED: event %1 has hash %2, expected %3")
                              .arg(expected->seq)
                              .arg(QString::fromLatin1(event->hash.toHex()), QString::fromLatin1(expected->hash.toHex()));
            }
        }
        if (!problem.isEmpty()) {
            printLine(std::cout, problem);
            std::cout.flush();
            return fail(Error(ErrorCode::IntegrityFailure,
                              QStringLiteral("The log %1 does not contain the expected head; events may have been removed or rewritten.")
                                  .arg(value("log"))));
        }
        anchorLine = QStringLiteral("expected head at seq %1 matches").arg(expected->seq);
    }

    printLine(std::cout, QStringLiteral("OK %1 events, head %2").arg(report.eventCount).arg(QString::fromLatin1(headHash.toHex())));
    if (!anchorLine.isEmpty())
        printLine(std::cout, anchorLine);
    return toInt(ExitStatus::Ok);
}

// ---- stats -----------------------------------------------------------------------------------

int CliApplication::runStats()
{
    auto range = timeRange();
    if (!range)
        return fail(range.error());
    StatisticsWriter::Format format = StatisticsWriter::Format::Table;
    if (isSet("format")) {
        const auto parsed = StatisticsWriter::formatFromName(value("format"));
        if (!parsed)
            return usageError(QStringLiteral("Unknown format '%1' for stats; use table or json.").arg(value("format")));
        format = *parsed;
    }

    auto opened = openLog();
    if (!opened)
        return fail(opened.error());
    auto statistics = opened->log->statistics(range->first, range->second);
    if (!statistics)
        return fail(statistics.error());
    const QByteArray text = StatisticsWriter::render(*statistics, format).toUtf8();
    std::cout.write(text.constData(), text.size());
    std::cout.flush();
    return toInt(ExitStatus::Ok);
}

// ---- rekey -----------------------------------------------------------------------------------

int CliApplication::runRekey()
{
    if (auto actor = requiredValue("actor"); !actor)
        return fail(actor.error());
    const bool generate = isSet("generate-new-key-file");
    if (!generate && !isSet("new-key-file") && !isSet("new-passphrase-env")) {
        return usageError(QStringLiteral("Missing new key option: give --new-key-file FILE, --new-passphrase-env VAR "
                                         "or --generate-new-key-file FILE; see 'qms-audit rekey --help'."));
    }
    QString generatedKeyFile;
    if (generate) {
        const auto keyPath = requiredValue("generate-new-key-file");
        if (!keyPath)
            return fail(keyPath.error());
        if (pathExists(*keyPath)) {
            return fail(Error(ErrorCode::AlreadyExists,
                              QStringLiteral("The key file %1 already exists; refusing to overwrite.").arg(*keyPath)));
        }
        generatedKeyFile = *keyPath;
    }

    // Declared before the log: the log may use the new provider until it is closed.
    std::unique_ptr<KeyProvider> newKeys;
    if (generate) {
        newKeys = std::make_unique<KeyFileProvider>(generatedKeyFile);
    } else {
        auto provider = keyProvider("new-key-file", "new-passphrase-env");
        if (!provider)
            return fail(provider.error());
        newKeys = std::move(provider).value();
    }

    auto opened = openLog();
    if (!opened)
        return fail(opened.error());
    if (generate) {
        if (auto written = KeyFileProvider::generateKeyFile(generatedKeyFile); !written)
            return fail(written.error());
    }

    Actor by;
    by.id = value("actor");
    by.name = value("actor-name");
    auto rekeyed = opened->log->rekey(*newKeys, by, value("reason"));
    if (!rekeyed)
        return fail(rekeyed.error());
    printLine(std::cout, QStringLiteral("rekeyed %1; it now opens only with the %2").arg(value("log"), newKeys->description()));
    return toInt(ExitStatus::Ok);
}

// ---- helpers ---------------------------------------------------------------------------------

bool CliApplication::isSet(const char *name) const
{
    return m_values.find(name) != m_values.end();
}

QString CliApplication::value(const char *name) const
{
    const auto it = m_values.find(name);
    return it == m_values.end() || it->second.empty() ? QString() : fromArg(it->second.back());
}

QStringList CliApplication::values(const char *name) const
{
    QStringList result;
    if (const auto it = m_values.find(name); it != m_values.end()) {
        for (const std::string &item : it->second)
            result.append(fromArg(item));
    }
    return result;
}

Result<QString> CliApplication::requiredValue(const char *name) const
{
    const QString text = value(name);
    if (!isSet(name)) {
        const OptionSpec *spec = m_command->option(name);
        const QString placeholder = spec ? fromArg(spec->argument) : QStringLiteral("VALUE");
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("Missing required option --%1 %2; see 'qms-audit %3 --help'.")
                         .arg(QString::fromLatin1(name), placeholder, fromArg(m_command->name)));
    }
    if (text.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The option --%1 needs a non-empty value.").arg(QString::fromLatin1(name)));
    return text;
}

Result<std::pair<std::optional<qint64>, std::optional<qint64>>> CliApplication::timeRange() const
{
    std::optional<qint64> from;
    std::optional<qint64> to;
    if (isSet("from")) {
        auto parsed = parseTime(QStringLiteral("from"), value("from"));
        if (!parsed)
            return parsed.error();
        from = *parsed;
    }
    if (isSet("to")) {
        auto parsed = parseTime(QStringLiteral("to"), value("to"));
        if (!parsed)
            return parsed.error();
        to = *parsed;
    }
    if (from && to && *from > *to) {
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("--from %1 lies after --to %2.").arg(formatTimestamp(*from), formatTimestamp(*to)));
    }
    return std::pair{from, to};
}

Result<std::unique_ptr<KeyProvider>> CliApplication::keyProvider(const char *fileOption, const char *envOption) const
{
    if (isSet(fileOption)) {
        auto path = requiredValue(fileOption);
        if (!path)
            return path.error();
        return std::unique_ptr<KeyProvider>(std::make_unique<KeyFileProvider>(*path));
    }
    if (isSet(envOption)) {
        auto variable = requiredValue(envOption);
        if (!variable)
            return variable.error();
        if (variable->contains(QLatin1Char('=')))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("--%1 takes the name of an environment variable, not an assignment.").arg(QString::fromLatin1(envOption)));
        return std::unique_ptr<KeyProvider>(std::make_unique<PassphraseProvider>(PassphraseProvider::fromEnvironment(*variable)));
    }
    return Error(ErrorCode::InvalidArgument,
                 QStringLiteral("Missing key option: give --%1 FILE or --%2 VAR; see 'qms-audit %3 --help'.")
                     .arg(QString::fromLatin1(fileOption), QString::fromLatin1(envOption), fromArg(m_command->name)));
}

Result<CliApplication::OpenedLog> CliApplication::openLog() const
{
    auto path = requiredValue("log");
    if (!path)
        return path.error();
    auto keys = keyProvider("key-file", "passphrase-env");
    if (!keys)
        return keys.error();
    OpenedLog opened;
    opened.keys = std::move(keys).value();
    auto log = AuditLog::open(*path, *opened.keys);
    if (!log)
        return log.error();
    opened.log = std::move(log).value();
    return opened;
}

int CliApplication::fail(const Error &error) const
{
    printLine(std::cerr, QStringLiteral("qms-audit: ") + error.message());
    return toInt(exitStatusFor(error.code()));
}

int CliApplication::usageError(const QString &message) const
{
    return fail(Error(ErrorCode::InvalidArgument, message));
}

QString CliApplication::optionErrorMessage(const Poco::Util::OptionException &exception) const
{
    const QString command = fromArg(m_command->name);
    const QString detail = fromArg(exception.message());
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
        return QStringLiteral("The option --%1 needs a value: --%1 %2.").arg(name, placeholder.isEmpty() ? QStringLiteral("VALUE") : placeholder);
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
                    alternatives.append(QStringLiteral("--") + fromArg(other.name));
            }
        }
        if (alternatives.isEmpty())
            return QStringLiteral("The option --%1 conflicts with another option; %2.").arg(detail, seeHelp);
        return QStringLiteral("Give only one of %1 (each at most once).").arg(alternatives.join(QStringLiteral(", ")));
    }
    return QStringLiteral("%1; %2.").arg(fromArg(exception.displayText()), seeHelp);
}

// ---- generate --------------------------------------------------------------------------------

int CliApplication::runGenerate()
{
    if (auto events = requiredValue("events"); !events)
        return fail(events.error());
    auto options = GenerateCommand::parseOptions(value("events"), value("months"), value("seed"), value("start"));
    if (!options)
        return fail(options.error());
    auto keys = keyProvider("key-file", "passphrase-env");
    if (!keys)
        return fail(keys.error());
    auto summary = GenerateCommand::run(value("log"), **keys, *options, std::cerr);
    if (!summary)
        return fail(summary.error());
    printLine(std::cout, *summary);
    return toInt(ExitStatus::Ok);
}

} // namespace QmsAudit::Cli
