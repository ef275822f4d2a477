// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "storage/sqlcipherapi_p.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace QmsAudit {

class Connection;

/// A prepared statement (RAII: finalized on destruction). Values are always bound, never spliced.
class Statement
{
public:
    Statement(const Connection &connection, sqlite3_stmt *stmt);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&) = delete;
    Statement(const Statement &) = delete;

    void bind(int index, qint64 value);
    void bind(int index, const QString &text);
    /// UTF-8 text that is already bytes (a column read with textView(), a rollup key).
    void bindText(int index, QByteArrayView utf8);
    void bindBlob(int index, const QByteArray &blob);
    void bindNull(int index);

    /// true: a row is available; false: done. Errors carry the mapped ErrorCode.
    Result<bool> step();
    /// Runs to completion, ignoring rows.
    Result<void> run();
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    /// The column's bytes in place (UTF-8 for text), valid until the next step() or reset():
    /// for scans that must not allocate per row.
    QByteArrayView textView(int column) const;
    QByteArrayView blobView(int column) const;

private:
    void noteBindResult(int rc);

    const Connection &m_connection;
    const SqlCipherApi &m_api;
    sqlite3_stmt *m_stmt;
    int m_bindError = SQLITE_OK;
};

} // namespace QmsAudit
