// SPDX-License-Identifier: LGPL-2.1-or-later
#include "storage/connection_p.h"

#include "crypto/opensslexitpolicy_p.h"

#include <QFileInfo>

#include <QFile>

namespace QmsAudit {

Connection::Connection(const SqlCipherApi &api, sqlite3 *db, QString path)
    : m_api(api)
    , m_db(db)
    , m_path(std::move(path))
{
}

Connection::~Connection()
{
    // close_v2 defers the close until outstanding statements are finalized.
    m_api.close_v2(m_db);
}

Result<std::unique_ptr<Connection>> Connection::open(const QString &path, const SecretKey &key, Mode mode, int busyTimeoutMs)
{
    auto api = SqlCipherApi::instance();
    if (!api)
        return api.error();
    if (key.isEmpty()) {
        // An empty key silently creates or reads a plaintext database (docs/design-notes.md, pitfall 3).
        return Error(ErrorCode::KeyUnavailable, QStringLiteral("Refusing an empty key: the log would not be encrypted."));
    }
    // Usually done already when the library loaded (opensslexitpolicy.cpp); calling it here also
    // links that file into static builds, whose linker would drop an unreferenced object
    // (docs/design-notes.md, pitfall 24). Cheap after the first call.
    keepOpenSslStateUntilExit();
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_FULLMUTEX;
    sqlite3 *db = nullptr;
    const int rc = (*api)->open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    std::unique_ptr<Connection> connection(new Connection(**api, db, path));
    if (rc != SQLITE_OK)
        return connection->errorFor(rc, QStringLiteral("opening %1").arg(path));
    (*api)->extended_result_codes(db, 1);
    (*api)->busy_timeout(db, busyTimeoutMs);
    if (auto keyed = connection->applyKey(key); !keyed)
        return keyed.error();
    // Temp files (sorts, indexes) would be written in plaintext (docs/design-notes.md, pitfall 7).
    if (auto r = connection->exec("PRAGMA temp_store = MEMORY"); !r)
        return r.error();
    // FULL: WAL + NORMAL may lose the last commits on power loss (docs/design-notes.md, pitfall 10).
    if (auto r = connection->exec("PRAGMA synchronous = FULL"); !r)
        return r.error();
    const QByteArray cacheSize = "PRAGMA cache_size = -" + QByteArray::number(CacheSizeKiB);
    if (auto r = connection->exec(cacheSize.constData()); !r)
        return r.error();
    return connection;
}

Result<void> Connection::applyKey(const SecretKey &key)
{
    // sqlite3_key, never "PRAGMA key = '…'": the key must not appear in any SQL text.
    const SecretKey argument = key.sqlcipherKeyArgument();
    int rc = m_api.key(m_db, argument.data(), int(argument.size()));
    if (rc != SQLITE_OK)
        return errorFor(rc, QStringLiteral("applying the key"));
    if (auto r = exec("PRAGMA cipher_page_size = 4096"); !r)
        return r.error();
    static_assert(CipherPageSize == 4096);

    // Fail closed if the loaded library is not SQLCipher (a plain libsqlite3 ignores keys).
    auto cipher = queryText("PRAGMA cipher_version");
    if (!cipher || cipher->isEmpty()) {
        return Error(ErrorCode::EncryptionUnavailable,
                     QStringLiteral("The SQLite library in use does not encrypt (PRAGMA cipher_version is empty); refusing to open %1.").arg(m_path));
    }
    // Probe: the first read decrypts page 1; SQLITE_NOTADB here means wrong key or damaged header.
    // prepare() already reads the schema, so either call can be the one that fails.
    auto probe = prepare("SELECT count(*) FROM sqlite_master");
    Error failure = probe ? Error() : probe.error();
    if (probe) {
        if (auto stepped = probe->step(); !stepped)
            failure = stepped.error();
    }
    if (failure.code() == ErrorCode::NotALog || failure.code() == ErrorCode::IntegrityFailure) {
        return Error(ErrorCode::WrongKey,
                     QStringLiteral("The key does not open %1 (wrong key, or the file is damaged or not a QmsAudit log).").arg(m_path));
    }
    if (failure)
        return failure;
    return {};
}

Result<void> Connection::exec(const char *sql)
{
    char *message = nullptr;
    const int rc = m_api.exec(m_db, sql, nullptr, nullptr, &message);
    if (message)
        m_api.free(message);
    if (rc != SQLITE_OK)
        return errorFor(rc, QStringLiteral("running %1").arg(QString::fromUtf8(sql).section(QLatin1Char(' '), 0, 2)));
    return {};
}

Result<Statement> Connection::prepare(const char *sql) const
{
    sqlite3_stmt *stmt = nullptr;
    const int rc = m_api.prepare_v2(m_db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return errorFor(rc, QStringLiteral("preparing a statement"));
    return Statement(*this, stmt);
}

Result<Statement> Connection::prepare(const QByteArray &sql) const
{
    return prepare(sql.constData());
}

Result<QString> Connection::queryText(const char *sql)
{
    auto statement = prepare(sql);
    if (!statement)
        return statement.error();
    auto row = statement->step();
    if (!row)
        return row.error();
    return *row ? statement->text(0) : QString();
}

Result<void> Connection::rekey(const SecretKey &newKey)
{
    if (newKey.isEmpty())
        return Error(ErrorCode::KeyUnavailable, QStringLiteral("Refusing an empty key: the log would be decrypted."));
    const SecretKey argument = newKey.sqlcipherKeyArgument();
    const int rc = m_api.rekey(m_db, argument.data(), int(argument.size()));
    if (rc != SQLITE_OK)
        return errorFor(rc, QStringLiteral("re-encrypting the log"));
    return {};
}

Error Connection::errorFor(int rc, const QString &what) const
{
    const QString sqliteMessage = m_db ? QString::fromUtf8(m_api.errmsg(m_db)) : QString::fromUtf8(m_api.errstr(rc));
    const QString message = QStringLiteral("Error %1 on %2: %3 (SQLite code %4).").arg(what, m_path, sqliteMessage).arg(rc);
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
        return Error(ErrorCode::NotALog, message);
    case SQLITE_CORRUPT:
        return Error(ErrorCode::IntegrityFailure, message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error(ErrorCode::Busy, message);
    case SQLITE_CANTOPEN:
        // Most often the -wal/-shm files cannot be created next to the log.
        return Error(ErrorCode::IoError, message + QStringLiteral(" The directory of the log must be writable: "
                                                                  "SQLite keeps its -wal and -shm files beside it."));
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_NOLFS:
    case SQLITE_NOMEM:
        return Error(ErrorCode::IoError, message);
    case SQLITE_CONSTRAINT:
        return Error(ErrorCode::InvalidArgument, message);
    default:
        return Error(ErrorCode::Internal, message);
    }
}

bool Connection::isPlaintextSqlite(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

Result<void> Connection::checkExistingLog(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error(ErrorCode::NotFound, QStringLiteral("%1 does not exist.").arg(path));
    if (!info.isFile())
        return Error(ErrorCode::NotALog, QStringLiteral("%1 is not a regular file.").arg(path));
    if (info.size() == 0)
        return Error(ErrorCode::NotALog, QStringLiteral("%1 is empty: it is not a QmsAudit log.").arg(path));
    if (isPlaintextSqlite(path)) {
        return Error(ErrorCode::NotEncrypted,
                     QStringLiteral("%1 is an unencrypted SQLite database; QmsAudit logs are always encrypted. Refusing to open it.").arg(path));
    }
    return {};
}

Result<SecretKey> Connection::usableKey(const KeyProvider &keys)
{
    auto key = keys.fetchKey();
    if (!key)
        return key.error();
    if (key->isEmpty())
        return Error(ErrorCode::KeyUnavailable, QStringLiteral("The %1 produced an empty key; refusing (the log would not be encrypted).").arg(keys.description()));
    return key;
}

void Connection::setInterruptFlag(const std::atomic_bool *flag)
{
    constexpr int StepsBetweenChecks = 10000;
    const auto check = [](void *data) -> int { return static_cast<const std::atomic_bool *>(data)->load(std::memory_order_relaxed) ? 1 : 0; };
    if (flag)
        m_api.progress_handler(m_db, StepsBetweenChecks, check, const_cast<std::atomic_bool *>(flag));
    else
        m_api.progress_handler(m_db, 0, nullptr, nullptr);
}

} // namespace QmsAudit
