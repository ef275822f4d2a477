// SPDX-License-Identifier: LGPL-2.1-or-later
// Command line handling shared by every command: help, version, unknown input, key options.

#include "clitest.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

class UsageTest : public CliTest
{
};

TEST_F(UsageTest, NoArgumentsPrintsUsageAndFails)
{
    const CliResult result = run({});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(u"usage: qms-audit <command>"_s)) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(u"qms-audit: No command given"_s));
}

TEST_F(UsageTest, GlobalHelpListsEveryCommandAndExitCode)
{
    for (const QString &flag : {u"--help"_s, u"-h"_s, u"help"_s}) {
        const CliResult result = run({flag});
        EXPECT_EQ(result.exitCode, 0) << flag.toStdString();
        for (const QString &command : {u"init"_s, u"record"_s, u"import"_s, u"query"_s, u"verify"_s, u"stats"_s, u"rekey"_s})
            EXPECT_TRUE(result.out.contains(u"\n  "_s + command + u' ')) << command.toStdString();
        EXPECT_TRUE(result.out.contains(u"Exit codes:"_s));
        for (const QString &code : {u"  0  "_s, u"  1  "_s, u"  2  "_s, u"  3  "_s, u"  4  "_s, u"  5  "_s})
            EXPECT_TRUE(result.out.contains(code)) << code.toStdString();
        EXPECT_TRUE(result.err.isEmpty());
    }
}

TEST_F(UsageTest, VersionPrintsNameAndVersion)
{
    const CliResult result = run({u"--version"_s});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(QRegularExpression(u"^qms-audit \\d+\\.\\d+\\.\\d+\\n$"_s).match(result.out).hasMatch()) << result.out.toStdString();
}

TEST_F(UsageTest, UnknownCommandFails)
{
    const CliResult result = run({u"frobnicate"_s, u"--log"_s, logPath()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: Unknown command 'frobnicate'"_s)) << result.err.toStdString();
}

TEST_F(UsageTest, OptionBeforeCommandFails)
{
    const CliResult result = run({u"--log"_s, logPath(), u"verify"_s});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(u"Expected a command"_s)) << result.err.toStdString();
}

TEST_F(UsageTest, HelpCommandShowsCommandHelp)
{
    const CliResult viaHelp = run({u"help"_s, u"record"_s});
    const CliResult viaOption = run({u"record"_s, u"--help"_s});
    EXPECT_EQ(viaHelp.exitCode, 0);
    EXPECT_EQ(viaOption.exitCode, 0);
    EXPECT_EQ(viaHelp.out, viaOption.out);
    EXPECT_TRUE(viaHelp.out.startsWith(u"usage: qms-audit record "_s));
}

TEST_F(UsageTest, HelpForUnknownCommandFails)
{
    const CliResult result = run({u"help"_s, u"frobnicate"_s});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.out.isEmpty());
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: Unknown command 'frobnicate'"_s)) << result.err.toStdString();
}

TEST_F(UsageTest, HelpWinsOverOtherOptions)
{
    const CliResult result = run({u"query"_s, u"--format"_s, u"xml"_s, u"--help"_s, u"--no-such-option"_s});
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.startsWith(u"usage: qms-audit query "_s));
}

TEST_F(UsageTest, UnknownOptionFails)
{
    const CliResult result = run(commandArgs(u"verify"_s, {u"--bogus"_s}));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: Unknown option 'bogus' for verify"_s)) << result.err.toStdString();
}

TEST_F(UsageTest, AmbiguousAbbreviationFails)
{
    // --act abbreviates --actor, --actor-name and --action.
    const CliResult result = run(commandArgs(u"record"_s, {u"--act"_s, u"x"_s}));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(u"Ambiguous option 'act'"_s)) << result.err.toStdString();
}

TEST_F(UsageTest, OptionWithoutValueFails)
{
    const CliResult result = run({u"verify"_s, u"--key-file"_s, keyFilePath(), u"--log"_s});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(u"--log needs a value"_s)) << result.err.toStdString();
}

TEST_F(UsageTest, FlagWithValueFails)
{
    ASSERT_EQ(initLog().exitCode, 0);
    const CliResult result = run(commandArgs(u"query"_s, {u"--all=yes"_s}));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(u"--all takes no value"_s)) << result.err.toStdString();
}

TEST_F(UsageTest, RepeatedSingleOptionFails)
{
    const CliResult result = run(commandArgs(u"verify"_s, {u"--log"_s, logPath()}));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(u"--log may be given only once"_s)) << result.err.toStdString();
}

TEST_F(UsageTest, UnexpectedPositionalArgumentFails)
{
    ASSERT_EQ(initLog().exitCode, 0);
    const CliResult result = run(commandArgs(u"verify"_s, {u"extra"_s}));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(u"Unexpected argument 'extra'"_s)) << result.err.toStdString();
}

TEST_F(UsageTest, EqualsFormOfOptionsWorks)
{
    ASSERT_EQ(run({u"init"_s, u"--log="_s + logPath(), u"--key-file="_s + keyFilePath()}).exitCode, 0);
    EXPECT_EQ(eventCount(), 0);
}

/// Every command needs --log: without it, exit 1 and a message naming the option.
class MissingLogTest : public CliTest, public ::testing::WithParamInterface<const char *>
{
};

TEST_P(MissingLogTest, FailsWithUsageError)
{
    QStringList args{QString::fromLatin1(GetParam()), u"--key-file"_s, keyFilePath()};
    if (args.front() == u"record"_s)
        args << u"--actor"_s << u"u1"_s << u"--action"_s << u"view"_s << u"--object-id"_s << u"D-1"_s;
    if (args.front() == u"rekey"_s)
        args << u"--actor"_s << u"u1"_s << u"--new-key-file"_s << otherKeyFile();
    const CliResult result = run(args);
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: Missing required option --log PATH"_s)) << result.err.toStdString();
}

INSTANTIATE_TEST_SUITE_P(EveryCommand, MissingLogTest,
                         ::testing::Values("init", "record", "import", "query", "verify", "stats", "rekey"));

/// Every command needs exactly one key option.
class KeyOptionTest : public CliTest, public ::testing::WithParamInterface<const char *>
{
};

TEST_P(KeyOptionTest, MissingKeyOptionFails)
{
    const CliResult result = run({QString::fromLatin1(GetParam()), u"--log"_s, logPath()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(u"--key-file"_s)) << result.err.toStdString();
    EXPECT_FALSE(QFile::exists(logPath()));
}

TEST_P(KeyOptionTest, BothKeyOptionsFail)
{
    const CliResult result = run({QString::fromLatin1(GetParam()), u"--log"_s, logPath(), u"--key-file"_s, keyFilePath(),
                                  u"--passphrase-env"_s, u"QMS_PASS"_s});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(u"Give only one of --key-file, --passphrase-env"_s)) << result.err.toStdString();
}

INSTANTIATE_TEST_SUITE_P(EveryCommand, KeyOptionTest,
                         ::testing::Values("init", "record", "import", "query", "verify", "stats", "rekey"));

struct HelpCase {
    const char *command;
    std::vector<const char *> options;
};

void PrintTo(const HelpCase &helpCase, std::ostream *out)
{
    *out << helpCase.command;
}

/// `qms-audit <command> --help` exits 0 and documents every option and the exit codes.
class CommandHelpTest : public CliTest, public ::testing::WithParamInterface<HelpCase>
{
};

TEST_P(CommandHelpTest, ListsOptionsAndExitCodes)
{
    const HelpCase &helpCase = GetParam();
    const QString command = QString::fromLatin1(helpCase.command);
    const CliResult result = run({command, u"--help"_s});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(result.err.isEmpty()) << result.err.toStdString();
    EXPECT_TRUE(result.out.startsWith(u"usage: qms-audit "_s + command + u' ')) << result.out.toStdString();
    for (const char *option : helpCase.options)
        EXPECT_TRUE(result.out.contains(u"  --"_s + QString::fromLatin1(option))) << command.toStdString() << " --" << option;
    EXPECT_TRUE(result.out.contains(u"-h, --help"_s));
    EXPECT_TRUE(result.out.contains(u"Exit codes:"_s));
    EXPECT_TRUE(result.out.contains(u"integrity failure"_s));
}

INSTANTIATE_TEST_SUITE_P(
    EveryCommand, CommandHelpTest,
    ::testing::Values(
        HelpCase{"init", {"log", "key-file", "passphrase-env", "generate-key-file", "reason-optional"}},
        HelpCase{"record", {"log", "key-file", "passphrase-env", "actor", "actor-name", "role", "action", "object-id",
                            "object-type", "object-version", "object-title", "reason", "change", "outcome", "attr",
                            "signature-meaning", "session", "occurred-at"}},
        HelpCase{"import", {"log", "key-file", "passphrase-env", "actor", "actor-name", "reason"}},
        HelpCase{"query", {"log", "key-file", "passphrase-env", "from", "to", "occurred-from", "occurred-to", "actor", "action",
                           "object-id", "object-type", "outcome", "text", "limit", "after-seq", "before-seq", "order", "all",
                           "format", "as"}},
        HelpCase{"anomalies", {"log", "key-file", "passphrase-env", "from", "to", "rules", "rule", "actor", "format", "as"}},
        HelpCase{"verify", {"log", "key-file", "passphrase-env", "expect-head", "as"}},
        HelpCase{"stats", {"log", "key-file", "passphrase-env", "from", "to", "format", "as"}},
        HelpCase{"rekey", {"log", "key-file", "passphrase-env", "new-key-file", "new-passphrase-env",
                           "generate-new-key-file", "actor", "actor-name", "reason"}}),
    [](const ::testing::TestParamInfo<HelpCase> &param) { return std::string(param.param.command); });

} // namespace
} // namespace QmsAudit::Test
