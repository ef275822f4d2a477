// SPDX-License-Identifier: LGPL-2.1-or-later
#include "helpprinter.h"

#include "valueparsers.h"

#include <algorithm>
#include <sstream>

#ifndef QMSAUDIT_VERSION_STRING
#error "QMSAUDIT_VERSION_STRING must be defined by the build"
#endif

namespace QmsAudit::Cli {
namespace {

constexpr std::size_t kLineWidth = 80;

/// Word-wraps @p text to kLineWidth columns; continuation lines start with @p indent spaces.
std::string wrap(const std::string &text, std::size_t firstColumn, std::size_t indent)
{
    std::istringstream words(text);
    std::string word;
    std::string result;
    std::size_t column = firstColumn;
    bool lineStart = true;
    while (words >> word) {
        if (!lineStart && column + 1 + word.size() > kLineWidth) {
            result += '\n';
            result.append(indent, ' ');
            column = indent;
            lineStart = true;
        }
        if (!lineStart) {
            result += ' ';
            ++column;
        }
        result += word;
        column += word.size();
        lineStart = false;
    }
    return result;
}

std::string optionLabel(const OptionSpec &option)
{
    std::string label = "--" + option.name;
    if (!option.argument.empty())
        label += ' ' + option.argument;
    return label;
}

const char *const kKeysParagraph =
    "KEY is one of --key-file FILE (a raw 256-bit key: 64 hex characters in a file that only its owner "
    "may read) or --passphrase-env VAR (a passphrase read from the environment variable VAR). Keys are "
    "never taken from the command line. Options take their value as \"--option VALUE\" or \"--option=VALUE\"; "
    "times are ISO 8601 (\"2026-11-23\", \"2026-11-23T18:10:00Z\", \"2026-11-23T19:10:00+01:00\").";

} // namespace

std::string HelpPrinter::versionLine()
{
    return std::string("qms-audit ") + QMSAUDIT_VERSION_STRING;
}

std::string HelpPrinter::overview()
{
    std::string text = "usage: qms-audit <command> [options]\n"
                       "       qms-audit <command> --help\n"
                       "       qms-audit --help | --version\n\n"
                       "Work with an encrypted, tamper-evident QmsAudit audit log.\n\n"
                       "Commands:\n";
    std::size_t width = 0;
    for (const CommandSpec &command : CommandCatalog::commands())
        width = std::max(width, command.name.size());
    for (const CommandSpec &command : CommandCatalog::commands()) {
        text += "  " + command.name + std::string(width - command.name.size() + 2, ' ') + command.summary + '\n';
    }
    text += "  help" + std::string(width >= 4 ? width - 4 + 2 : 2, ' ') + "show this help, or a command's help\n\n";
    text += wrap(kKeysParagraph, 0, 0) + "\n\n";
    text += CommandCatalog::exitCodesHelp();
    return text;
}

std::string HelpPrinter::commandHelp(const CommandSpec &command)
{
    std::string text = "usage: qms-audit " + command.name + ' ';
    text += wrap(command.usage, text.size(), 8) + "\n\n";
    text += wrap(command.details, 0, 0) + "\n\n";

    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back("-h, --help", "show this help");
    for (const OptionSpec &option : command.options) {
        std::string description = option.description;
        if (!option.group.empty()) {
            std::string others;
            for (const OptionSpec &other : command.options) {
                if (other.group == option.group && other.name != option.name)
                    others += (others.empty() ? "--" : ", --") + other.name;
            }
            description += "; not with " + others;
        }
        rows.emplace_back(optionLabel(option), description);
    }
    std::size_t labelWidth = 0;
    for (const auto &row : rows)
        labelWidth = std::max(labelWidth, row.first.size());
    labelWidth = std::min<std::size_t>(labelWidth, 30);

    text += "Options:\n";
    for (const auto &[label, description] : rows) {
        std::string line = "  " + label;
        if (label.size() > labelWidth)
            line += '\n' + std::string(labelWidth + 4, ' ');
        else
            line += std::string(labelWidth - label.size() + 2, ' ');
        text += line + wrap(description, labelWidth + 4, labelWidth + 4) + '\n';
    }

    if (command.option("action")) {
        text += '\n' + wrap("Actions: " + joinedActionNames().toStdString() + '.', 0, 2) + '\n';
    }
    if (command.option("outcome"))
        text += wrap("Outcomes: " + joinedOutcomeNames().toStdString() + '.', 0, 2) + '\n';
    text += '\n' + wrap(kKeysParagraph, 0, 0) + "\n\n";
    text += CommandCatalog::exitCodesHelp();
    return text;
}

} // namespace QmsAudit::Cli
