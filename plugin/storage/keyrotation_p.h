// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/event.h>
#include <qmsaudit/result.h>
#include <qmsaudit/secretkey.h>

#include <QString>

namespace QmsAudit {

class AuditLogPrivate;

/**
 * Re-encrypts a log under a new key so that a crash at any point (kill -9, power loss) leaves a
 * log that opens with exactly one of the two keys and a chain that says what happened.
 *
 * 1. key_rotation_started is appended (under the old key): the intent is on record first.
 * 2. A backup copy is written to <log>.rekey-backup.tmp, synced, and renamed to
 *    <log>.rekey-backup: the backup exists only once it is complete.
 * 3. sqlite3_rekey rewrites every page through the rollback journal (one transaction).
 * 4. The log is reopened with the new key; key_rotated (success) and the new key kind are
 *    committed together.
 * 5. The backup is removed.
 *
 * recover(), on every open: an intent without its key_rotated means the rotation was cut short.
 * Without a complete backup, re-encryption never began: rolled back. With one, the backup (always
 * under the old key) tells which key opened the log: if it opens the backup too, the log is still
 * under the old key (a hot journal rolled the rekey back): rolled back; if not, the log is under
 * the new key: completed. Either way a key_rotated event (failed or success, attribute
 * "recovery") records it, and leftover backups are removed. See docs/keys.md.
 */
class KeyRotation
{
public:
    explicit KeyRotation(AuditLogPrivate &log);

    /// Steps 1-5 (caller holds the log's mutex). @p template_ carries actor, object and reason.
    Result<void> rotate(const SecretKey &newKey, const QString &newKeyKind, const Event &template_);
    /// Finishes or rolls back an interrupted rotation and records what happened.
    Result<void> recover();
    /// Records a failed key_rotated event from @p attempt, then returns @p error (naming the
    /// recording failure too, if any). Caller holds the log's mutex.
    Error failed(const Event &attempt, const Error &error);

    static QString backupPath(const QString &logPath);
    static QString partialBackupPath(const QString &logPath);

private:
    Result<void> makeBackup();
    Result<void> checkFreeSpace() const;
    /// Records a failed rotation (once the log is back under the old key).
    Result<void> recordFailure(Event event, const Error &error, const QString &recovery = {});
    /// key_rotated success and the new key kind, in one transaction.
    Result<void> recordSuccess(Event event, const QString &keyKind, const QString &recovery = {});
    Result<void> restoreBackup();
    void removeBackups() const;

    AuditLogPrivate &d;
};

} // namespace QmsAudit
