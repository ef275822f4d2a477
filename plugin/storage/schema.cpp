// SPDX-License-Identifier: LGPL-2.1-or-later
#include "storage/schema_p.h"

#include "storage/connection_p.h"

#include <QStringList>

namespace QmsAudit {
namespace {

constexpr const char *kFormat = "qmsaudit-log";

// Append-only is enforced here as well as in the API: UPDATE and DELETE abort. Identity rows of
// the meta table are immutable; schema_version and key_kind change only through migrations/rekey.
constexpr const char *kCreateSql = R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE events (
    seq          INTEGER PRIMARY KEY NOT NULL,
    recorded_at  INTEGER NOT NULL,
    occurred_at  INTEGER,
    actor_id     TEXT NOT NULL,
    action       TEXT NOT NULL,
    object_type  TEXT NOT NULL,
    object_id    TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    object_title TEXT NOT NULL,
    reason       TEXT NOT NULL,
    payload      BLOB NOT NULL,
    hash         BLOB NOT NULL CHECK (length(hash) = 32)
);
CREATE INDEX ix_events_time ON events (recorded_at);
CREATE INDEX ix_events_actor ON events (actor_id, seq);
CREATE INDEX ix_events_action ON events (action, seq);
CREATE INDEX ix_events_object ON events (object_id, seq);
CREATE INDEX ix_events_object_type ON events (object_type, seq);
CREATE INDEX ix_events_outcome ON events (outcome, seq);
CREATE VIRTUAL TABLE events_text USING fts4 (content="", object_title, reason, tokenize=unicode61);

CREATE TRIGGER events_text_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_text (docid, object_title, reason) VALUES (new.seq, new.object_title, new.reason);
END;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: events cannot be updated');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: events cannot be deleted');
END;
CREATE TRIGGER meta_no_delete BEFORE DELETE ON meta BEGIN
    SELECT RAISE(ABORT, 'log metadata cannot be deleted');
END;
CREATE TRIGGER meta_identity_fixed BEFORE UPDATE ON meta
    WHEN old.key NOT IN ('schema_version', 'key_kind') BEGIN
    SELECT RAISE(ABORT, 'log identity metadata cannot be changed');
END;
)sql";

Result<void> putMeta(Connection &connection, const QString &key, const QString &value)
{
    auto insert = connection.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)");
    if (!insert)
        return insert.error();
    insert->bind(1, key);
    insert->bind(2, value);
    return insert->run();
}

QString joinActions(const QSet<Action> &actions)
{
    QStringList names;
    for (Action action : allActions()) {
        if (actions.contains(action))
            names.append(actionName(action));
    }
    return names.join(QLatin1Char(','));
}

} // namespace

Result<void> Schema::create(Connection &connection, const Meta &meta)
{
    if (auto r = connection.exec(kCreateSql); !r)
        return r;
    const std::pair<const char *, QString> rows[] = {
        {"format", QString::fromLatin1(kFormat)},
        {"schema_version", QString::number(meta.schemaVersion)},
        {"log_id", meta.logId},
        {"created_at_us", QString::number(meta.createdAtUs)},
        {"reason_required", joinActions(meta.reasonRequired)},
        {"key_kind", meta.keyKind},
        {"cipher", QStringLiteral("sqlcipher3:aes-256-cbc,hmac-sha1,cipher_page_size=%1").arg(Connection::CipherPageSize)},
        {"created_by", QStringLiteral("QmsAudit " QMSAUDIT_VERSION_STRING)},
    };
    for (const auto &[key, value] : rows) {
        if (auto r = putMeta(connection, QString::fromLatin1(key), value); !r)
            return r;
    }
    return {};
}

Result<Schema::Meta> Schema::load(Connection &connection)
{
    auto select = connection.prepare("SELECT key, value FROM meta");
    if (!select) {
        return Error(ErrorCode::NotALog,
                     QStringLiteral("%1 is an encrypted database but not a QmsAudit log (no meta table).").arg(connection.path()));
    }
    QHash<QString, QString> values;
    while (true) {
        auto row = select->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        values.insert(select->text(0), select->text(1));
    }
    if (values.value(QStringLiteral("format")) != QLatin1StringView(kFormat))
        return Error(ErrorCode::NotALog, QStringLiteral("%1 is not a QmsAudit log (wrong format marker).").arg(connection.path()));

    Meta meta;
    bool versionOk = false;
    meta.schemaVersion = values.value(QStringLiteral("schema_version")).toInt(&versionOk);
    if (!versionOk || meta.schemaVersion < 1)
        return Error(ErrorCode::NotALog, QStringLiteral("%1 has an unreadable schema version.").arg(connection.path()));
    if (meta.schemaVersion > CurrentVersion) {
        return Error(ErrorCode::NotALog,
                     QStringLiteral("%1 uses log format version %2; this QmsAudit reads up to version %3. Upgrade QmsAudit.")
                         .arg(connection.path())
                         .arg(meta.schemaVersion)
                         .arg(CurrentVersion));
    }
    meta.logId = values.value(QStringLiteral("log_id"));
    meta.createdAtUs = values.value(QStringLiteral("created_at_us")).toLongLong();
    meta.keyKind = values.value(QStringLiteral("key_kind"));
    const QString reasonRequired = values.value(QStringLiteral("reason_required"));
    for (const QString &name : reasonRequired.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto action = actionFromName(name);
        if (!action)
            return Error(ErrorCode::NotALog, QStringLiteral("%1 names an unknown action \"%2\" in its policy.").arg(connection.path(), name));
        meta.reasonRequired.insert(*action);
    }
    if (meta.logId.isEmpty())
        return Error(ErrorCode::NotALog, QStringLiteral("%1 has no log id.").arg(connection.path()));
    return meta;
}

Result<void> Schema::migrate(Connection &connection, int fromVersion)
{
    // Each future step N -> N+1 goes here, applied in order inside the caller's transaction,
    // followed by an update of schema_version. Version 1 is the first layout.
    Q_UNUSED(connection);
    if (fromVersion == CurrentVersion)
        return {};
    return Error(ErrorCode::NotALog, QStringLiteral("No migration path from log format version %1.").arg(fromVersion));
}

Result<void> Schema::setKeyKind(Connection &connection, const QString &keyKind)
{
    auto update = connection.prepare("UPDATE meta SET value = ?1 WHERE key = 'key_kind'");
    if (!update)
        return update.error();
    update->bind(1, keyKind);
    return update->run();
}

} // namespace QmsAudit
