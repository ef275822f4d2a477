// SPDX-License-Identifier: LGPL-2.1-or-later
#include "storage/statement_p.h"

#include "storage/connection_p.h"

namespace QmsAudit {

Statement::Statement(const Connection &connection, sqlite3_stmt *stmt)
    : m_connection(connection)
    , m_api(connection.api())
    , m_stmt(stmt)
{
}

Statement::~Statement()
{
    if (m_stmt)
        m_api.finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_connection(other.m_connection)
    , m_api(other.m_api)
    , m_stmt(other.m_stmt)
    , m_bindError(other.m_bindError)
{
    other.m_stmt = nullptr;
}

void Statement::noteBindResult(int rc)
{
    if (rc != SQLITE_OK && m_bindError == SQLITE_OK)
        m_bindError = rc;
}

void Statement::bind(int index, qint64 value)
{
    noteBindResult(m_api.bind_int64(m_stmt, index, value));
}

void Statement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    noteBindResult(m_api.bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT));
}

void Statement::bindText(int index, QByteArrayView utf8)
{
    // A non-null pointer even for no bytes: empty text, not NULL.
    noteBindResult(m_api.bind_text(m_stmt, index, utf8.isNull() ? "" : utf8.data(), int(utf8.size()), SQLITE_TRANSIENT));
}

void Statement::bindBlob(int index, const QByteArray &blob)
{
    // A zero-length blob must still be a blob, not NULL: pass a non-null pointer.
    static const char empty = 0;
    noteBindResult(m_api.bind_blob(m_stmt, index, blob.isEmpty() ? &empty : blob.constData(), int(blob.size()), SQLITE_TRANSIENT));
}

void Statement::bindNull(int index)
{
    noteBindResult(m_api.bind_null(m_stmt, index));
}

Result<bool> Statement::step()
{
    if (m_bindError != SQLITE_OK)
        return m_connection.errorFor(m_bindError, QStringLiteral("binding a value"));
    const int rc = m_api.step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return m_connection.errorFor(rc, QStringLiteral("running a statement"));
}

Result<void> Statement::run()
{
    while (true) {
        auto r = step();
        if (!r)
            return r.error();
        if (!*r)
            return {};
    }
}

void Statement::reset()
{
    m_api.reset(m_stmt);
    m_api.clear_bindings(m_stmt);
    m_bindError = SQLITE_OK;
}

bool Statement::isNull(int column) const
{
    return m_api.column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return m_api.column_int64(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *bytes = reinterpret_cast<const char *>(m_api.column_text(m_stmt, column));
    return QString::fromUtf8(bytes, m_api.column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const auto *bytes = static_cast<const char *>(m_api.column_blob(m_stmt, column));
    return QByteArray(bytes, m_api.column_bytes(m_stmt, column));
}

QByteArrayView Statement::textView(int column) const
{
    // column_text before column_bytes: the length is that of the converted text.
    const auto *bytes = reinterpret_cast<const char *>(m_api.column_text(m_stmt, column));
    return QByteArrayView(bytes, m_api.column_bytes(m_stmt, column));
}

QByteArrayView Statement::blobView(int column) const
{
    const auto *bytes = static_cast<const char *>(m_api.column_blob(m_stmt, column));
    return QByteArrayView(bytes, m_api.column_bytes(m_stmt, column));
}

} // namespace QmsAudit
