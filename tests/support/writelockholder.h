// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>

namespace QmsAudit::Test {

/**
 * Another process that holds a log's write lock: Debian's `sqlcipher` shell inside
 * BEGIN EXCLUSIVE, for as long as the test needs a writer to find the log busy. The key travels
 * on stdin, not argv. release() (or the destructor) rolls back and ends the shell.
 */
class WriteLockHolder
{
public:
    WriteLockHolder() = default;
    ~WriteLockHolder();
    WriteLockHolder(const WriteLockHolder &) = delete;
    WriteLockHolder &operator=(const WriteLockHolder &) = delete;

    /// Takes the lock on @p dbPath; empty when it holds it, else what went wrong.
    QString acquire(const QString &dbPath, const QByteArray &keyHex);
    /// Rolls back and waits for the shell to end; false if it did not end in time.
    bool release();

private:
    QProcess m_shell;
};

} // namespace QmsAudit::Test
