// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandoptions.h"

#include <qmsaudit/checkpointsink.h>
#include <qmsaudit/checkpointverifier.h>

#include <QList>

#include <memory>

namespace QmsAudit::Cli {

/// The checkpoint options that checkpoint, verify and consistency share (docs/anchors.md).
class AnchorOptions
{
public:
    /// The sinks of --anchor-dir, --anchor-file and --syslog, in that order.
    static QList<std::shared_ptr<CheckpointSink>> sinks(const CommandOptions &options);
    /// --origin, or the default origin of @p logId.
    static QString origin(const CommandOptions &options, const QString &logId);
    /// --key-name, or the origin: the signed-note name of the checkpoint key.
    static QString keyName(const CommandOptions &options, const QString &origin);
    /// The key of --public-key (PEM) under keyName(); InvalidArgument when it is not given.
    static Result<CheckpointVerifier> trustedKey(const CommandOptions &options, const QString &keyName);
    /// Reads a checkpoint note file, with a message naming it.
    static Result<QByteArray> readNote(const QString &path);
};

} // namespace QmsAudit::Cli
