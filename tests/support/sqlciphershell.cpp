// SPDX-License-Identifier: LGPL-2.1-or-later
#include "sqlciphershell.h"

#include <QProcess>

namespace QmsAudit::Test {

ShellResult runSqlcipher(const QString &dbPath, const QByteArray &keyHex, const QString &sql)
{
    QByteArray script;
    if (!keyHex.isEmpty())
        script += "PRAGMA key = \"x'" + keyHex + "'\";\nPRAGMA cipher_page_size = 4096;\n";
    script += ".bail on\n" + sql.toUtf8() + "\n";
    QProcess shell;
    shell.start(QStringLiteral("sqlcipher"), {QStringLiteral("-batch"), dbPath});
    ShellResult result;
    if (!shell.waitForStarted(10000)) {
        result.err = QStringLiteral("cannot start sqlcipher (install the sqlcipher package)");
        return result;
    }
    shell.write(script);
    shell.closeWriteChannel();
    shell.waitForFinished(60000);
    result.exitCode = shell.exitStatus() == QProcess::NormalExit ? shell.exitCode() : -1;
    result.out = QString::fromUtf8(shell.readAllStandardOutput());
    result.err = QString::fromUtf8(shell.readAllStandardError());
    return result;
}

} // namespace QmsAudit::Test
