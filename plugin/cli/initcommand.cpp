// SPDX-License-Identifier: LGPL-2.1-or-later
#include "initcommand.h"

#include "console.h"
#include "exitstatus.h"
#include <qmsaudit/keyfileprovider.h>

#include <QFile>

#include <iostream>

namespace QmsAudit::Cli {

int InitCommand::run(const CommandOptions &options)
{
    const auto path = options.requiredValue("log");
    if (!path)
        return Console::fail(path.error());
    const bool generate = options.isSet("generate-key-file");
    if (!generate && !options.isSet("key-file") && !options.isSet("passphrase-env")) {
        return Console::usageError(QStringLiteral("Missing key option: give --key-file FILE, --passphrase-env VAR or "
                                                  "--generate-key-file FILE; see 'qms-audit init --help'."));
    }
    if (CommandOptions::pathExists(*path))
        return Console::fail(
            Error(ErrorCode::AlreadyExists, QStringLiteral("The log %1 already exists; refusing to overwrite.").arg(*path)));

    LogPolicy policy = LogPolicy::defaultPolicy();
    if (options.isSet("reason-optional"))
        policy.reasonRequiredActions.clear();

    std::unique_ptr<KeyProvider> keys;
    QString generatedKeyFile;
    if (generate) {
        const auto keyPath = options.requiredValue("generate-key-file");
        if (!keyPath)
            return Console::fail(keyPath.error());
        if (CommandOptions::pathExists(*keyPath)) {
            return Console::fail(
                Error(ErrorCode::AlreadyExists, QStringLiteral("The key file %1 already exists; refusing to overwrite.").arg(*keyPath)));
        }
        if (auto generated = KeyFileProvider::generateKeyFile(*keyPath); !generated)
            return Console::fail(generated.error());
        generatedKeyFile = *keyPath;
        keys = std::make_unique<KeyFileProvider>(*keyPath);
    } else {
        auto provider = options.keyProvider("key-file", "passphrase-env");
        if (!provider)
            return Console::fail(provider.error());
        keys = std::move(provider).value();
    }

    auto log = AuditLog::create(*path, *keys, policy);
    if (!log) {
        // A key file that encrypts nothing is only clutter; keep it if a log file appeared anyway.
        if (!generatedKeyFile.isEmpty() && !CommandOptions::pathExists(*path))
            QFile::remove(generatedKeyFile);
        return Console::fail(log.error());
    }
    Console::printLine(std::cout, QStringLiteral("created %1 (log id %2)").arg(*path, (*log)->logId()));
    if (!generatedKeyFile.isEmpty())
        Console::printLine(
            std::cout, QStringLiteral("key file %1 (keep it safe: the log cannot be read without it)").arg(generatedKeyFile));
    return toInt(ExitStatus::Ok);
}

} // namespace QmsAudit::Cli
