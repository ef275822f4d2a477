// SPDX-License-Identifier: LGPL-2.1-or-later
#include "writelockholder.h"

#include <QStandardPaths>

namespace QmsAudit::Test {

WriteLockHolder::~WriteLockHolder()
{
    if (m_shell.state() != QProcess::NotRunning)
        release();
}

QString WriteLockHolder::acquire(const QString &dbPath, const QByteArray &keyHex)
{
    const QString sqlcipher = QStandardPaths::findExecutable(QStringLiteral("sqlcipher"));
    // A declared dependency (packaging/scripts/install-deps.sh): missing is a failure, not a skip.
    if (sqlcipher.isEmpty())
        return QStringLiteral("the sqlcipher command line tool is not installed");
    m_shell.start(sqlcipher, {dbPath});
    if (!m_shell.waitForStarted(10000))
        return QStringLiteral("cannot start sqlcipher: %1").arg(m_shell.errorString());
    m_shell.write("PRAGMA key = \"x'" + keyHex + "'\";\n"
                  "PRAGMA cipher_page_size = 4096;\n"
                  "BEGIN EXCLUSIVE;\n"
                  "SELECT 'locked' FROM sqlite_master LIMIT 1;\n");
    // The SELECT answers only once BEGIN EXCLUSIVE holds the lock.
    QByteArray output;
    while (!output.contains("locked") && m_shell.waitForReadyRead(10000))
        output += m_shell.readAllStandardOutput();
    if (!output.contains("locked"))
        return QStringLiteral("sqlcipher did not take the lock: %1").arg(QString::fromUtf8(m_shell.readAllStandardError()));
    return {};
}

bool WriteLockHolder::release()
{
    m_shell.write("ROLLBACK;\n.quit\n");
    m_shell.closeWriteChannel();
    return m_shell.waitForFinished(10000);
}

} // namespace QmsAudit::Test
