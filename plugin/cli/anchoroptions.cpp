// SPDX-License-Identifier: LGPL-2.1-or-later
#include "anchoroptions.h"

#include <qmsaudit/checkpoint.h>
#include <qmsaudit/checkpointpublisher.h>

#include <QFile>

namespace QmsAudit::Cli {

QList<std::shared_ptr<CheckpointSink>> AnchorOptions::sinks(const CommandOptions &options)
{
    return CheckpointPublisher::sinksFor(options.values("anchor-dir"), options.values("anchor-file"), options.values("syslog"));
}

QString AnchorOptions::origin(const CommandOptions &options, const QString &logId)
{
    return options.isSet("origin") ? options.value("origin") : Checkpoint::defaultOrigin(logId);
}

QString AnchorOptions::keyName(const CommandOptions &options, const QString &origin)
{
    return options.isSet("key-name") ? options.value("key-name") : origin;
}

Result<QByteArray> AnchorOptions::readNote(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error(ErrorCode::NotFound, QStringLiteral("The checkpoint file %1 does not exist.").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::IoError, QStringLiteral("Cannot read the checkpoint file %1: %2.").arg(path, file.errorString()));
    return file.read(64 * 1024); // a note is well under 1 KiB; a huge file is no checkpoint
}

Result<CheckpointVerifier> AnchorOptions::trustedKey(const CommandOptions &options, const QString &keyName)
{
    auto path = options.requiredValue("public-key");
    if (!path)
        return path.error();
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(file.exists() ? ErrorCode::IoError : ErrorCode::NotFound,
                     QStringLiteral("Cannot read the public key %1: %2.").arg(*path, file.errorString()));
    }
    auto key = CheckpointVerifier::fromPem(keyName, file.read(64 * 1024));
    if (!key)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The public key %1 cannot be used: %2").arg(*path, key.error().message()));
    return key;
}

} // namespace QmsAudit::Cli
