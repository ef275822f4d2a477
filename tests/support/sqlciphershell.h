// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace QmsAudit::Test {

/// What the sqlcipher shell printed.
struct ShellResult {
    int exitCode = -1;
    QString out;
    QString err;
};

/**
 * Runs SQL on @p dbPath through Debian's `sqlcipher` shell, keyed with the raw key @p keyHex
 * (empty: no key). This plays the insider who holds the key and edits the file behind the
 * library's back; the key travels on stdin, not argv.
 */
ShellResult runSqlcipher(const QString &dbPath, const QByteArray &keyHex, const QString &sql);

} // namespace QmsAudit::Test
