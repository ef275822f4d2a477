// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rekeycommand.h"

#include "console.h"
#include "exitstatus.h"
#include <qmsaudit/keyfileprovider.h>

#include <QFile>

#include <iostream>

namespace QmsAudit::Cli {

int RekeyCommand::run(const CommandOptions &options)
{
    if (auto actor = options.requiredValue("actor"); !actor)
        return Console::fail(actor.error());
    const bool generate = options.isSet("generate-new-key-file");
    if (!generate && !options.isSet("new-key-file") && !options.isSet("new-passphrase-env")) {
        return Console::usageError(QStringLiteral("Missing new key option: give --new-key-file FILE, --new-passphrase-env VAR "
                                                  "or --generate-new-key-file FILE; see 'qms-audit rekey --help'."));
    }
    QString generatedKeyFile;
    if (generate) {
        const auto keyPath = options.requiredValue("generate-new-key-file");
        if (!keyPath)
            return Console::fail(keyPath.error());
        if (CommandOptions::pathExists(*keyPath)) {
            return Console::fail(
                Error(ErrorCode::AlreadyExists, QStringLiteral("The key file %1 already exists; refusing to overwrite.").arg(*keyPath)));
        }
        generatedKeyFile = *keyPath;
    }

    // Declared before the log: the log may use the new provider until it is closed.
    std::unique_ptr<KeyProvider> newKeys;
    if (generate) {
        newKeys = std::make_unique<KeyFileProvider>(generatedKeyFile);
    } else {
        auto provider = options.keyProvider("new-key-file", "new-passphrase-env");
        if (!provider)
            return Console::fail(provider.error());
        newKeys = std::move(provider).value();
    }

    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());
    if (generate) {
        if (auto written = KeyFileProvider::generateKeyFile(generatedKeyFile); !written)
            return Console::fail(written.error());
    }

    Actor by;
    by.id = options.value("actor");
    by.name = options.value("actor-name");
    auto rekeyed = opened->log->rekey(*newKeys, by, options.value("reason"));
    if (!rekeyed) {
        // A generated key that encrypts nothing is only clutter, and a secret lying around: remove
        // it, unless the log did end up under it (rotated, but the event could not be recorded).
        if (generate) {
            opened.value().log.reset();
            const auto underNewKey = AuditLog::open(options.value("log"), *newKeys);
            if (!underNewKey && underNewKey.error().code() == ErrorCode::WrongKey)
                QFile::remove(generatedKeyFile);
        }
        return Console::fail(rekeyed.error());
    }
    Console::printLine(
        std::cout, QStringLiteral("rekeyed %1; it now opens only with the %2").arg(options.value("log"), newKeys->description()));
    return toInt(ExitStatus::Ok);
}

} // namespace QmsAudit::Cli
