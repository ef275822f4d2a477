// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_export.h>

#include <QMetaType>
#include <QString>

#include <optional>
#include <utility>

namespace QmsAudit {

/// What went wrong, coarse enough for a host or the CLI to act on (retry, ask for a key, alert).
enum class ErrorCode {
    None = 0,
    InvalidArgument,   ///< bad input from the caller (options, filters, file contents)
    InvalidEvent,      ///< an event broke a field limit or rule; nothing was written
    ReasonRequired,    ///< a change action without a reason under a policy that requires one
    NotFound,          ///< the log file (or key file) does not exist
    AlreadyExists,     ///< refused to overwrite an existing log
    WrongKey,          ///< the key does not open this file (or page 1 is damaged: SQLCipher cannot tell)
    NotALog,           ///< an openable database that is not a QmsAudit log
    NotEncrypted,      ///< the file is plaintext SQLite: refused (fail closed)
    EncryptionUnavailable, ///< SQLCipher could not be loaded or did not report a cipher version
    KeyUnavailable,    ///< the key provider could not produce a usable key
    IntegrityFailure,  ///< the hash chain or the storage pages are damaged
    IoError,           ///< disk full, I/O error, permissions
    Busy,              ///< another writer held the lock past the timeout
    Internal,          ///< a bug or an unexpected SQLite result
    QueueFull,         ///< the recording queue stayed full past the back-pressure timeout
    Unavailable,       ///< the trail is unavailable (fail_closed after a failure) or not open
    Cancelled,         ///< the caller cancelled the operation (a view's count that a new filter superseded)
    SignatureInvalid,  ///< a signature does not verify with the trusted key, or no trusted key signed (checkpoints, packs)
};

/// Stable lower-case name of an error code ("wrong_key"), for logs and JSON.
QMSAUDIT_EXPORT QString errorCodeName(ErrorCode code);

/// An error: a code plus one clear sentence for humans. Never contains key material.
class QMSAUDIT_EXPORT Error
{
public:
    Error() = default;
    Error(ErrorCode code, QString message) : m_code(code), m_message(std::move(message)) {}

    ErrorCode code() const { return m_code; }
    const QString &message() const { return m_message; }
    /// Same as message(); Qt naming for hosts used to QIODevice::errorString().
    QString errorString() const { return m_message; }
    explicit operator bool() const { return m_code != ErrorCode::None; }

private:
    ErrorCode m_code = ErrorCode::None;
    QString m_message;
};

/**
 * Either a value or an Error; no exceptions cross the library boundary.
 * @code
 * auto log = AuditLog::open(path, keys);
 * if (!log) { qWarning() << log.error().message(); return; }
 * (*log)->append(event);
 * @endcode
 */
template<typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

    T &value() & { return *m_value; }
    const T &value() const & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }
    T &operator*() & { return *m_value; }
    const T &operator*() const & { return *m_value; }

private:
    std::optional<T> m_value;
    Error m_error;
};

/// Result of an operation that returns nothing but may fail.
template<>
class Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
};

} // namespace QmsAudit

Q_DECLARE_METATYPE(QmsAudit::Error)
