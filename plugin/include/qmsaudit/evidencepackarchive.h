// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/evidencepack.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QString>

namespace QmsAudit {

/**
 * The zip file of an evidence pack (docs/evidence-packs.md): EvidencePack and
 * EvidencePackVerifier work on the files' bytes, this class puts them into a zip and reads them
 * back. What `qms-audit export --pack`, `verify-pack` and the views' EventExport use.
 * @code
 * if (auto written = QmsAudit::EvidencePackArchive::write("sop.zip", contents->files); !written)
 *     return written.error();
 * auto files = QmsAudit::EvidencePackArchive::read("sop.zip");
 * auto check = QmsAudit::EvidencePackVerifier::verify(*files, trustedRawKey);
 * @endcode
 */
class QMSAUDIT_EXPORT EvidencePackArchive
{
public:
    /// Every file in the zip @p path by name. IoError if it cannot be read as a zip, or holds a
    /// directory or a path.
    static Result<EvidencePack::Files> read(const QString &path);
    /// A new zip @p path holding @p files; never replaces an existing file (AlreadyExists), and
    /// appears only when complete.
    static Result<void> write(const QString &path, const EvidencePack::Files &files);
};

} // namespace QmsAudit
