// SPDX-License-Identifier: LGPL-2.1-or-later
#include "storage/schema_p.h"

#include "integrity/hashchain_p.h"
#include "storage/connection_p.h"
#include "storage/schemasql_p.h"

#include <QStringList>

#include <array>

namespace QmsAudit {
namespace {

constexpr const char *kFormat = "qmsaudit-log";


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

QString Schema::Meta::reasonRequiredText() const
{
    return joinActions(reasonRequired);
}

QByteArray Schema::Meta::genesis() const
{
    return policyBound ? HashChain::genesis(logId, reasonRequiredText()) : HashChain::genesis(logId);
}

Result<void> Schema::create(Connection &connection, const Meta &meta)
{
    for (const char *sql :
         {SchemaSql::Create, SchemaSql::CreateText, SchemaSql::RefuseReplacingMeta, SchemaSql::CreateReadIndexes, SchemaSql::CreateSummary,
          SchemaSql::CreateRollups, SchemaSql::CreateMerkle}) {
        if (auto r = connection.exec(sql); !r)
            return r;
    }
    const std::pair<const char *, QString> rows[] = {
        {"format", QString::fromLatin1(kFormat)},
        {"schema_version", QString::number(meta.schemaVersion)},
        {"log_id", meta.logId},
        {"created_at_us", QString::number(meta.createdAtUs)},
        {"reason_required", joinActions(meta.reasonRequired)},
        {"key_kind", meta.keyKind},
        {"cipher", QStringLiteral("sqlcipher3:aes-256-cbc,hmac-sha1,cipher_page_size=%1").arg(Connection::CipherPageSize)},
        {"created_by", QStringLiteral("QmsAudit " QMSAUDIT_VERSION_STRING)},
        {"genesis", QStringLiteral("v2")},
        {"text_partition_events", QString::number(meta.textPartitionEvents)},
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
    meta.policyBound = values.value(QStringLiteral("genesis")) == QLatin1StringView("v2");
    if (meta.schemaVersion >= 6) {
        bool partitionOk = false;
        meta.textPartitionEvents = values.value(QStringLiteral("text_partition_events")).toLongLong(&partitionOk);
        if (!partitionOk || meta.textPartitionEvents < 1)
            return Error(ErrorCode::NotALog, QStringLiteral("%1 has an unreadable text_partition_events.").arg(connection.path()));
    }
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
    // One step per version, applied in order inside the caller's transaction.
    struct Step {
        int from;
        std::array<const char *, 3> sql; ///< run in order; nullptr ends the list
    };
    static constexpr Step steps[] = {
        {1, {SchemaSql::MigrateV1ToV2}},
        {2, {SchemaSql::RefuseReplacingMeta}},
        {3, {SchemaSql::CreateReadIndexes}}, // the summary comes with step 4
        {4, {SchemaSql::DropSummary, SchemaSql::CreateSummary, SchemaSql::RebuildSummary}},
        {5, {SchemaSql::PartitionTextIndex}},
        {6, {SchemaSql::CreateRollups}}, // AuditLogPrivate::connect() then fills them (RollupWriter::rebuild)
        {7, {SchemaSql::CreateMerkle}},  // and hashes the tree (MerkleTreeWriter::build)
    };
    int version = fromVersion;
    for (const Step &step : steps) {
        if (step.from != version)
            continue;
        for (const char *sql : step.sql) {
            if (!sql)
                break;
            if (auto r = connection.exec(sql); !r)
                return r;
        }
        ++version;
    }
    if (version != CurrentVersion)
        return Error(ErrorCode::NotALog, QStringLiteral("No migration path from log format version %1.").arg(fromVersion));
    auto update = connection.prepare("UPDATE meta SET value = ?1 WHERE key = 'schema_version'");
    if (!update)
        return update.error();
    update->bind(1, QString::number(version));
    return update->run();
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
