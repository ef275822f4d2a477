// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/keyprovider.h>

#include <QString>

namespace QmsAudit {

/**
 * A raw 256-bit key read from a file holding exactly 64 hexadecimal characters (one trailing
 * newline allowed). Files that group or others may read or write are refused, so are symlinks to
 * such files. The file is re-read on every fetchKey(), so removing it revokes new connections.
 * @code
 * QmsAudit::KeyFileProvider keys("/etc/qms/audit.key");
 * auto log = QmsAudit::AuditLog::open("/var/lib/qms/audit.qmslog", keys);
 * @endcode
 */
class QMSAUDIT_EXPORT KeyFileProvider final : public KeyProvider
{
public:
    explicit KeyFileProvider(QString path);
    Result<SecretKey> fetchKey() const override;
    QString description() const override;

    /// Writes a fresh random key to @p path with mode 0600; refuses to overwrite an existing file.
    static Result<void> generateKeyFile(const QString &path);

private:
    QString m_path;
};

} // namespace QmsAudit
