// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <atomic>

#include "storage/sqlcipherapi_p.h"
#include "storage/statement_p.h"

#include <qmsaudit/result.h>
#include <qmsaudit/keyprovider.h>
#include <qmsaudit/secretkey.h>

#include <QString>

#include <memory>

namespace QmsAudit {

/**
 * One keyed SQLCipher connection with the pragmas every log connection needs.
 * open() fails closed: no cipher version, plaintext file, or a key that does not decrypt page 1
 * all refuse the connection before anything is written.
 */
class Connection
{
public:
    enum class Mode { ReadWrite, ReadOnly };
    /// SQLCipher 3 page size used for every log (docs/design-notes.md, pitfall 5: set on every open, after the key).
    static constexpr int CipherPageSize = 4096;
    /// Page cache per connection, in KiB. SQLite 3.15's default (2000 KiB) holds too few index
    /// leaves for a big log: every append then re-reads and re-decrypts them, and a long
    /// transaction spills encrypted pages mid-way (docs/performance.md). Filled only as pages are read.
    static constexpr int CacheSizeKiB = 16384;

    /// Opens @p path (which must exist, possibly empty for a new log) and applies @p key.
    static Result<std::unique_ptr<Connection>> open(const QString &path, const SecretKey &key, Mode mode, int busyTimeoutMs);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    /// Static SQL only (no user data ever reaches this; values go through prepare()+bind()).
    Result<void> exec(const char *sql);
    Result<Statement> prepare(const char *sql) const;
    Result<Statement> prepare(const QByteArray &sql) const;
    /// First column of the first row as text (for PRAGMAs); empty when there is no row.
    Result<QString> queryText(const char *sql);
    /// Re-encrypts every page under @p newKey (sqlite3_rekey). Rollback-journal mode only.
    Result<void> rekey(const SecretKey &newKey);

    /**
     * While @p flag is set, the statement running on this connection stops with SQLITE_INTERRUPT
     * (checked every few thousand VM steps): how a long scan on another thread is cancelled.
     * nullptr removes the check. @p flag must outlive its use.
     */
    void setInterruptFlag(const std::atomic_bool *flag);

    /// Maps an SQLite result code to an Error naming @p what and SQLite's message.
    Error errorFor(int rc, const QString &what) const;
    const SqlCipherApi &api() const { return m_api; }
    const QString &path() const { return m_path; }

    /// true if @p path begins with the plaintext SQLite header "SQLite format 3\0".
    static bool isPlaintextSqlite(const QString &path);
    /// Before opening an existing log: NotFound, NotALog (not a file, empty) or NotEncrypted.
    static Result<void> checkExistingLog(const QString &path);
    /// The provider's key, refused when empty: SQLCipher would silently write plaintext.
    static Result<SecretKey> usableKey(const KeyProvider &keys);

private:
    Connection(const SqlCipherApi &api, sqlite3 *db, QString path);
    Result<void> applyKey(const SecretKey &key);

    const SqlCipherApi &m_api;
    sqlite3 *m_db;
    QString m_path;
};

} // namespace QmsAudit
