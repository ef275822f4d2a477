// SPDX-License-Identifier: LGPL-2.1-or-later
#include "verifypackcommand.h"

#include "console.h"
#include "exitstatus.h"
#include "terminaltext.h"

#include <qmsaudit/checkpointverifier.h>
#include <qmsaudit/evidencepackarchive.h>
#include <qmsaudit/evidencepackverifier.h>

#include <QFile>

#include <iostream>

namespace QmsAudit::Cli {

namespace {

/// The raw Ed25519 key of the --trusted-key PEM file.
Result<QByteArray> trustedKey(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("Cannot read the trusted key %1: %2.").arg(path, file.errorString()));
    auto key = CheckpointVerifier::fromPem(QStringLiteral("trusted-key"), file.readAll());
    if (!key)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The trusted key %1 is not usable: %2").arg(path, key.error().message()));
    return key->publicKey();
}

} // namespace

int VerifyPackCommand::run(const CommandOptions &options, const std::vector<std::string> &arguments)
{
    if (arguments.size() != 1)
        return Console::usageError(QStringLiteral("verify-pack takes one evidence pack: qms-audit verify-pack FILE.zip [--trusted-key PUB.pem]."));
    const QString path = Console::fromArg(arguments.front());
    std::optional<QByteArray> trusted;
    if (options.isSet("trusted-key")) {
        auto key = trustedKey(options.value("trusted-key"));
        if (!key)
            return Console::fail(key.error());
        trusted = *key;
    }
    auto files = EvidencePackArchive::read(path);
    if (!files)
        return Console::fail(files.error());

    const EvidencePackCheck check = EvidencePackVerifier::verify(*files, trusted, options.value("origin"));
    if (!check.ok()) {
        Console::printLine(std::cout, TerminalText::escaped(QStringLiteral("FAILED evidence pack %1").arg(path)));
        for (const EvidencePackFinding &finding : check.findings)
            Console::printLine(std::cout, QStringLiteral("  ") + TerminalText::escaped(finding.describe()));
        std::cout.flush();
        const EvidencePackFinding &first = check.findings.first();
        const QString what = check.code() == ErrorCode::SignatureInvalid
                                 ? QStringLiteral("is not signed by the %1 key").arg(trusted ? QStringLiteral("trusted") : QStringLiteral("pack's"))
                                 : QStringLiteral("does not match itself");
        return Console::fail(Error(check.code(), QStringLiteral("The evidence pack %1 %2: %3").arg(path, what, first.describe())));
    }
    const QString events = check.eventCount == 0
                               ? QStringLiteral("no events")
                               : QStringLiteral("%1 events (seq %2 to %3)").arg(check.eventCount).arg(check.firstSeq).arg(check.lastSeq);
    Console::printLine(std::cout, TerminalText::escaped(
        QStringLiteral("OK evidence pack %1: %2, checkpoint %3 at tree size %4, root %5, signed as %6")
            .arg(path, events, check.origin)
            .arg(check.treeSize)
            .arg(QString::fromLatin1(check.rootHash.toHex()), check.keyName)));
    if (check.trusted) {
        Console::printLine(std::cout, QStringLiteral("public-key.pem is the trusted key."));
    } else {
        Console::printLine(std::cout, TerminalText::escaped(
            QStringLiteral("NOTE: no --trusted-key: the pack is only self-consistent. Whoever holds the private key of its "
                           "public-key.pem (Ed25519 %1) could have made it; check that key with its owner.")
                .arg(QString::fromLatin1(check.publicKey.toBase64()))));
    }
    return toInt(ExitStatus::Ok);
}

} // namespace QmsAudit::Cli
