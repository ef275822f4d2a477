// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/evidencepack.h>
#include <qmsaudit/result.h>

#include <QString>

namespace QmsAudit::Cli {

/// The zip file of an evidence pack (Poco::Zip): the CLI's side of EvidencePack, which works on bytes.
class PackArchive
{
public:
    /// Every file in the zip @p path by name. IoError (exit 4) if it cannot be read as a zip,
    /// or holds a directory or a path.
    static Result<EvidencePack::Files> read(const QString &path);
    /// A new zip @p path holding @p files; never replaces an existing file (AlreadyExists), and
    /// appears only when complete.
    static Result<void> write(const QString &path, const EvidencePack::Files &files);
};

} // namespace QmsAudit::Cli
