// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/auditlog.h>
#include <qmsaudit/keyfileprovider.h>

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace QmsAudit::Test {

/// A temporary directory with a key file (mode 0600) and a log path inside it.
class TestLogDir
{
public:
    TestLogDir();
    QString path(const QString &name) const;
    QString logPath() const { return path(QStringLiteral("audit.qmslog")); }
    QString keyFilePath() const { return path(QStringLiteral("audit.key")); }
    const KeyFileProvider &keys() const { return m_keys; }
    /// Another valid key file, different from keys().
    QString writeOtherKeyFile(const QString &name = QStringLiteral("other.key")) const;
    /// The key file's 32 bytes as 64 hex characters (for raw SQLCipher access in tamper tests).
    QByteArray keyHex() const;

    std::unique_ptr<AuditLog> create(const LogOptions &options = {}, const LogPolicy &policy = LogPolicy::defaultPolicy()) const;
    std::unique_ptr<AuditLog> open(const LogOptions &options = {}) const;

private:
    QTemporaryDir m_dir;
    KeyFileProvider m_keys;
};

/// A valid event; @p i varies actor, object and action so queries have something to find.
Event sampleEvent(int i);
/// Reads a whole file (empty if missing).
QByteArray readFile(const QString &path);

} // namespace QmsAudit::Test
