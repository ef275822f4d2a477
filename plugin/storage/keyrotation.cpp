// SPDX-License-Identifier: LGPL-2.1-or-later
#include "storage/keyrotation_p.h"

#include "storage/auditlog_p.h"
#include "storage/durablefile_p.h"
#include "storage/schemasql_p.h"

#include <QFileInfo>

namespace QmsAudit {
namespace {

constexpr qint64 kFreeSpaceMargin = 16 * 1024 * 1024;

bool exists(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() || info.isSymLink();
}

/// The last seq with @p action, 0 if none: one lookup in the (action, seq) index.
Result<qint64> lastSeqOf(Connection &connection, Action action)
{
    auto select = connection.prepare("SELECT max(seq) FROM events WHERE action = ?1");
    if (!select)
        return select.error();
    select->bind(1, actionName(action));
    auto row = select->step();
    if (!row)
        return row.error();
    return *row && !select->isNull(0) ? select->int64(0) : 0;
}

} // namespace

KeyRotation::KeyRotation(AuditLogPrivate &log)
    : d(log)
{
}

QString KeyRotation::backupPath(const QString &logPath)
{
    return logPath + QStringLiteral(".rekey-backup");
}

QString KeyRotation::partialBackupPath(const QString &logPath)
{
    return logPath + QStringLiteral(".rekey-backup.tmp");
}

Result<void> KeyRotation::checkFreeSpace() const
{
    // The backup and the rollback journal are each as large as the log.
    const qint64 size = QFileInfo(d.m_path).size() + QFileInfo(d.m_path + QStringLiteral("-wal")).size();
    const qint64 needed = 2 * size + kFreeSpaceMargin;
    const qint64 available = DurableFile::freeBytes(d.m_path);
    if (available >= 0 && available < needed) {
        return Error(ErrorCode::IoError, QStringLiteral("Not enough free space to rotate the key of %1: it needs about %2 MiB (a backup "
                                                        "and a journal, each as large as the log), and %3 MiB are free.")
                                             .arg(d.m_path)
                                             .arg((needed + (1 << 20) - 1) >> 20)
                                             .arg(available >> 20));
    }
    return {};
}

Result<void> KeyRotation::makeBackup()
{
    const QString partial = partialBackupPath(d.m_path);
    if (auto copied = DurableFile::copy(d.m_path, partial); !copied)
        return copied;
    if (auto renamed = DurableFile::rename(partial, backupPath(d.m_path)); !renamed) {
        (void)DurableFile::remove(partial);
        return renamed;
    }
    return {};
}

void KeyRotation::removeBackups() const
{
    (void)DurableFile::remove(partialBackupPath(d.m_path));
    (void)DurableFile::remove(backupPath(d.m_path));
}

Result<void> KeyRotation::restoreBackup()
{
    d.dropReader();
    d.dropStatements();
    d.m_connection.reset();
    // A journal left by the failed rekey belongs to the half-rekeyed file: it must not be
    // replayed onto the restored one.
    for (const char *suffix : {"-journal", "-wal", "-shm"})
        (void)DurableFile::remove(d.m_path + QLatin1StringView(suffix));
    if (auto renamed = DurableFile::rename(backupPath(d.m_path), d.m_path); !renamed) {
        return Error(ErrorCode::IoError, QStringLiteral("Key rotation failed and restoring %1 from %2 failed too (%3); the backup holds "
                                                        "the log under its old key.")
                                             .arg(d.m_path, backupPath(d.m_path), renamed.error().message()));
    }
    return d.connect();
}

Result<void> KeyRotation::recordFailure(Event event, const Error &error, const QString &recovery)
{
    event.action = Action::KeyRotated;
    event.outcome = Outcome::Failed;
    event.attributes.insert(QStringLiteral("error"), errorCodeName(error.code()));
    if (!recovery.isEmpty())
        event.attributes.insert(QStringLiteral("recovery"), recovery);
    if (auto recorded = d.appendLocked({event}); !recorded)
        return recorded.error();
    return {};
}

Error KeyRotation::failed(const Event &attempt, const Error &error)
{
    if (auto recorded = recordFailure(attempt, error); !recorded) {
        return Error(error.code(), QStringLiteral("%1 (The failed key rotation could not be recorded either: %2)")
                                       .arg(error.message(), recorded.error().message()));
    }
    return error;
}

Result<void> KeyRotation::recordSuccess(Event event, const QString &keyKind, const QString &recovery)
{
    event.action = Action::KeyRotated;
    event.outcome = Outcome::Success;
    event.attributes.insert(QStringLiteral("key_kind"), keyKind);
    if (!recovery.isEmpty())
        event.attributes.insert(QStringLiteral("recovery"), recovery);
    AuditLogPrivate::PendingAppend pending;
    if (auto begun = d.beginAppend(pending); !begun)
        return begun;
    if (auto r = Schema::setKeyKind(*d.m_connection, keyKind); !r)
        return r;
    if (auto inserted = d.insertEvent(pending, event); !inserted)
        return inserted.error();
    if (auto committed = d.commitAppend(pending); !committed)
        return committed;
    d.m_meta.keyKind = keyKind;
    return {};
}

Result<void> KeyRotation::rotate(const SecretKey &newKey, const QString &newKeyKind, const Event &template_)
{
    Event attempt = template_;
    attempt.attributes.insert(QStringLiteral("key_kind"), newKeyKind);
    if (exists(backupPath(d.m_path)) || exists(partialBackupPath(d.m_path))) {
        return failed(attempt, Error(ErrorCode::Busy, QStringLiteral("%1 exists: another key rotation of this log is under way, or one "
                                                                     "was interrupted while the log was open elsewhere. Reopen the log "
                                                                     "to finish or roll it back.")
                                                          .arg(backupPath(d.m_path))));
    }
    if (auto space = checkFreeSpace(); !space)
        return failed(attempt, space.error());

    // 1. The intent, under the old key.
    Event intent = attempt;
    intent.action = Action::KeyRotationStarted;
    intent.outcome = Outcome::Success;
    if (auto recorded = d.appendLocked({intent}); !recorded)
        return recorded.error();

    // 2. sqlite3_rekey rewrites every page through the rollback journal; leaving WAL also
    // checkpoints everything into the main file, so the backup below is complete.
    d.dropReader(); // its connection would keep the WAL in use
    d.dropStatements();
    if (auto r = d.setJournalMode("PRAGMA journal_mode = DELETE", "delete"); !r)
        return failed(attempt, r.error());
    if (auto backedUp = makeBackup(); !backedUp) {
        (void)d.setJournalMode("PRAGMA journal_mode = WAL", "wal");
        return failed(attempt, backedUp.error());
    }

    // 3. Re-encrypt. SQLCipher 3.4 reports success even when writing a page failed: the
    // reopen below is the real test.
    if (auto rekeyed = d.m_connection->rekey(newKey); !rekeyed) {
        if (auto restored = restoreBackup(); !restored)
            return restored;
        return failed(attempt, rekeyed.error());
    }
    SecretKey oldKey(d.m_key.kind(), d.m_key.data(), d.m_key.size());
    d.setKey(SecretKey(newKey.kind(), newKey.data(), newKey.size()));
    if (auto reopened = d.connect(); !reopened) {
        d.setKey(std::move(oldKey));
        if (auto restored = restoreBackup(); !restored)
            return restored;
        const Error error(ErrorCode::IoError, QStringLiteral("Re-encrypting %1 did not complete (%2); the old key remains in force. Is the "
                                                             "disk full?")
                                                  .arg(d.m_path, reopened.error().message()));
        return failed(attempt, error);
    }

    // 4. The rotation is done: record it with the new key kind. 5. Drop the backup.
    if (auto recorded = recordSuccess(attempt, newKeyKind); !recorded) {
        // The backup stays: the next open sees the open intent and records the completion.
        return Error(recorded.error().code(), QStringLiteral("The key was rotated, but the key_rotated event could not be recorded (%1); "
                                                             "it will be recorded when the log is next opened.")
                                                  .arg(recorded.error().message()));
    }
    removeBackups();
    return {};
}

Result<void> KeyRotation::recover()
{
    auto started = lastSeqOf(*d.m_connection, Action::KeyRotationStarted);
    if (!started)
        return started.error();
    auto finished = lastSeqOf(*d.m_connection, Action::KeyRotated);
    if (!finished)
        return finished.error();
    const bool backup = exists(backupPath(d.m_path));
    if (*started <= *finished) {
        // Nothing open: a backup left after the completion was recorded is stale.
        if (backup || exists(partialBackupPath(d.m_path)))
            removeBackups();
        return {};
    }

    auto select = d.m_connection->prepare(SchemaSql::SelectEventAt);
    if (!select)
        return select.error();
    select->bind(1, *started);
    auto row = select->step();
    if (!row)
        return row.error();
    auto intent = d.decodeRow(*select);
    if (!intent)
        return intent.error();
    Event attempt = *intent;
    attempt.attributes.insert(QStringLiteral("interrupted_seq"), QString::number(*started));
    const QString newKeyKind = attempt.attributes.value(QStringLiteral("key_kind"));

    bool rotated = false;
    if (backup) {
        // The backup is always under the old key: if the key that opened the log opens it too,
        // the log is still under the old key.
        auto probe = Connection::open(backupPath(d.m_path), d.m_key, Connection::Mode::ReadOnly, d.m_busyTimeoutMs);
        if (probe) {
            auto meta = Schema::load(**probe);
            rotated = !meta;
        } else if (probe.error().code() == ErrorCode::WrongKey || probe.error().code() == ErrorCode::NotALog) {
            rotated = true;
        } else {
            return Error(probe.error().code(), QStringLiteral("A key rotation of %1 was interrupted and its backup %2 cannot be checked: %3")
                                                   .arg(d.m_path, backupPath(d.m_path), probe.error().message()));
        }
    }
    if (rotated) {
        if (auto recorded = recordSuccess(attempt, newKeyKind.isEmpty() ? d.m_meta.keyKind : newKeyKind,
                                          QStringLiteral("completed_after_interruption"));
            !recorded)
            return recorded;
        removeBackups();
        return {};
    }
    removeBackups();
    const Error interrupted(ErrorCode::IoError, QStringLiteral("the key rotation was interrupted before the new key took effect"));
    return recordFailure(attempt, interrupted, QStringLiteral("rolled_back"));
}

} // namespace QmsAudit
