// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/audittrailconfig.h>
#include <qmsaudit/auditlog.h>
#include <qmsaudit/clock.h>
#include <qmsaudit/keyfileprovider.h>
#include <qmsaudit/passphraseprovider.h>
#include <qmsaudit/timestamp.h>

#include "core/jsonfile_p.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace QmsAudit {
namespace {

Error configError(const QString &message)
{
    return Error(ErrorCode::InvalidArgument, QStringLiteral("Invalid audit trail configuration: %1.").arg(message));
}

template<typename Enum>
struct EnumName {
    Enum value;
    const char *name;
};

constexpr EnumName<AuditTrailConfig::Durability> kDurability[] = {
    {AuditTrailConfig::Durability::Durable, "durable"}, {AuditTrailConfig::Durability::Buffered, "buffered"}};
constexpr EnumName<AuditTrailConfig::FailurePolicy> kFailurePolicy[] = {
    {AuditTrailConfig::FailurePolicy::FailClosed, "fail_closed"}, {AuditTrailConfig::FailurePolicy::FailOpen, "fail_open"}};
constexpr EnumName<AuditTrailConfig::BackPressure> kBackPressure[] = {
    {AuditTrailConfig::BackPressure::Block, "block"}, {AuditTrailConfig::BackPressure::Fail, "fail"}};

template<typename Enum, std::size_t N>
QString nameOf(const EnumName<Enum> (&table)[N], Enum value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

template<typename Enum, std::size_t N>
bool parseEnum(const EnumName<Enum> (&table)[N], const QVariant &value, Enum &out)
{
    for (const auto &entry : table) {
        if (value.toString() == QLatin1StringView(entry.name)) {
            out = entry.value;
            return true;
        }
    }
    return false;
}

template<typename Enum, std::size_t N>
QString allowed(const EnumName<Enum> (&table)[N])
{
    QStringList names;
    for (const auto &entry : table)
        names.append(QString::fromLatin1(entry.name));
    return names.join(QStringLiteral(", "));
}

const QStringList kKnownKeys = {
    QStringLiteral("log_path"), QStringLiteral("key_file"), QStringLiteral("passphrase_env"),
    QStringLiteral("create_if_missing"), QStringLiteral("reason_required_actions"), QStringLiteral("durability"),
    QStringLiteral("failure_policy"), QStringLiteral("back_pressure"), QStringLiteral("queue_capacity"),
    QStringLiteral("block_timeout_ms"), QStringLiteral("flush_interval_ms"), QStringLiteral("max_batch"),
    QStringLiteral("retry_interval_ms"), QStringLiteral("clock_jump_tolerance_ms"), QStringLiteral("host"),
    QStringLiteral("role_permissions"), QStringLiteral("anomaly_rules"), QStringLiteral("checkpoints"),
    QStringLiteral("simulated_clock_start"),
};

const QStringList kCheckpointKeys = {
    QStringLiteral("signing_key_file"), QStringLiteral("origin"), QStringLiteral("every_events"), QStringLiteral("every_minutes"),
    QStringLiteral("anchor_dirs"), QStringLiteral("anchor_files"), QStringLiteral("syslog"),
};

bool readInt(const QVariantMap &map, const char *key, int &out, Error &error)
{
    const QString name = QLatin1StringView(key);
    if (!map.contains(name))
        return true;
    bool ok = false;
    const QVariant value = map.value(name);
    const double number = value.toDouble(&ok);
    if (!ok || value.typeId() == QMetaType::QString || number != double(qint64(number)) || number < INT_MIN || number > INT_MAX) {
        error = configError(QStringLiteral("\"%1\" must be a whole number").arg(name));
        return false;
    }
    out = int(number);
    return true;
}

/// The "checkpoints" object into @p out.
bool readCheckpoints(const QVariant &value, AuditTrailConfig::Checkpoints &out, Error &error)
{
    if (value.typeId() != QMetaType::QVariantMap) {
        error = configError(QStringLiteral("\"checkpoints\" must be an object (docs/anchors.md)"));
        return false;
    }
    const QVariantMap map = value.toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!kCheckpointKeys.contains(it.key())) {
            error = configError(QStringLiteral("unknown key \"checkpoints.%1\"").arg(it.key()));
            return false;
        }
    }
    out.signingKeyFile = map.value(QStringLiteral("signing_key_file")).toString();
    out.origin = map.value(QStringLiteral("origin")).toString();
    out.anchorDirs = map.value(QStringLiteral("anchor_dirs")).toStringList();
    out.anchorFiles = map.value(QStringLiteral("anchor_files")).toStringList();
    out.syslog = map.value(QStringLiteral("syslog")).toStringList();
    if (!readInt(map, "every_events", out.everyEvents, error) || !readInt(map, "every_minutes", out.everyMinutes, error)) {
        error = Error(error.code(), QString(error.message()).replace(QStringLiteral("\"every_"), QStringLiteral("\"checkpoints.every_")));
        return false;
    }
    if (out.signingKeyFile.isEmpty()) {
        error = configError(QStringLiteral("\"checkpoints.signing_key_file\" is required"));
        return false;
    }
    return true;
}

} // namespace

AuditTrailConfig AuditTrailConfig::defaults()
{
    AuditTrailConfig config;
    config.reasonRequiredActions = LogPolicy::defaultPolicy().reasonRequiredActions;
    return config;
}

Result<AuditTrailConfig> AuditTrailConfig::fromFile(const QString &path)
{
    auto map = readJsonObjectFile(path, QStringLiteral("configuration file"));
    if (!map)
        return map.error();
    return fromVariantMap(*map);
}

Result<AuditTrailConfig> AuditTrailConfig::fromVariantMap(const QVariantMap &map)
{
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!kKnownKeys.contains(it.key()))
            return configError(QStringLiteral("unknown key \"%1\"").arg(it.key()));
    }
    AuditTrailConfig config = defaults();
    config.logPath = map.value(QStringLiteral("log_path")).toString();
    config.keyFile = map.value(QStringLiteral("key_file")).toString();
    config.passphraseEnv = map.value(QStringLiteral("passphrase_env")).toString();
    if (map.contains(QStringLiteral("create_if_missing"))) {
        const QVariant value = map.value(QStringLiteral("create_if_missing"));
        if (value.typeId() != QMetaType::Bool)
            return configError(QStringLiteral("\"create_if_missing\" must be true or false"));
        config.createIfMissing = value.toBool();
    }
    if (map.contains(QStringLiteral("reason_required_actions"))) {
        config.reasonRequiredActions.clear();
        for (const QString &name : map.value(QStringLiteral("reason_required_actions")).toStringList()) {
            const auto action = actionFromName(name);
            if (!action)
                return configError(QStringLiteral("\"reason_required_actions\" names the unknown action \"%1\"").arg(name));
            config.reasonRequiredActions.insert(*action);
        }
    }
    if (map.contains(QStringLiteral("role_permissions"))) {
        const QVariant value = map.value(QStringLiteral("role_permissions"));
        if (value.typeId() != QMetaType::QVariantMap)
            return configError(QStringLiteral("\"role_permissions\" must be an object of role → list of permissions"));
        config.rolePermissions = value.toMap();
    }
    if (map.contains(QStringLiteral("anomaly_rules"))) {
        const QVariant value = map.value(QStringLiteral("anomaly_rules"));
        if (value.typeId() != QMetaType::QVariantMap)
            return configError(QStringLiteral("\"anomaly_rules\" must be an object (docs/anomalies.md)"));
        auto rules = AnomalyRules::fromVariantMap(value.toMap());
        if (!rules)
            return configError(QStringLiteral("\"anomaly_rules\": %1").arg(rules.error().message().chopped(1)));
        config.anomalyRules = *rules;
    }
    if (map.contains(QStringLiteral("durability")) && !parseEnum(kDurability, map.value(QStringLiteral("durability")), config.durability))
        return configError(QStringLiteral("\"durability\" must be one of %1").arg(allowed(kDurability)));
    if (map.contains(QStringLiteral("failure_policy")) && !parseEnum(kFailurePolicy, map.value(QStringLiteral("failure_policy")), config.failurePolicy))
        return configError(QStringLiteral("\"failure_policy\" must be one of %1").arg(allowed(kFailurePolicy)));
    if (map.contains(QStringLiteral("back_pressure")) && !parseEnum(kBackPressure, map.value(QStringLiteral("back_pressure")), config.backPressure))
        return configError(QStringLiteral("\"back_pressure\" must be one of %1").arg(allowed(kBackPressure)));
    Error error;
    if (!readInt(map, "queue_capacity", config.queueCapacity, error) || !readInt(map, "block_timeout_ms", config.blockTimeoutMs, error)
        || !readInt(map, "flush_interval_ms", config.flushIntervalMs, error) || !readInt(map, "max_batch", config.maxBatch, error)
        || !readInt(map, "retry_interval_ms", config.retryIntervalMs, error)
        || !readInt(map, "clock_jump_tolerance_ms", config.clockJumpToleranceMs, error))
        return error;
    if (map.contains(QStringLiteral("checkpoints")) && !readCheckpoints(map.value(QStringLiteral("checkpoints")), config.checkpoints, error))
        return error;
    if (map.contains(QStringLiteral("simulated_clock_start"))) {
        const QVariant value = map.value(QStringLiteral("simulated_clock_start"));
        auto start = value.typeId() == QMetaType::QString ? parseTimestamp(value.toString()) : std::optional<qint64>();
        if (!start)
            return configError(QStringLiteral("\"simulated_clock_start\" must be a UTC time such as 2025-12-01T00:00:00Z"));
        config.simulatedClockStartUs = *start;
    }
    if (map.contains(QStringLiteral("host"))) {
        const QVariantMap host = map.value(QStringLiteral("host")).toMap();
        for (auto it = host.cbegin(); it != host.cend(); ++it) {
            if (it.key() != QLatin1StringView("app") && it.key() != QLatin1StringView("version") && it.key() != QLatin1StringView("workstation"))
                return configError(QStringLiteral("unknown key \"host.%1\"").arg(it.key()));
        }
        config.host = {host.value(QStringLiteral("app")).toString(), host.value(QStringLiteral("version")).toString(),
                       host.value(QStringLiteral("workstation")).toString()};
    }
    if (auto valid = config.validate(); !valid)
        return valid.error();
    return config;
}

Result<void> AuditTrailConfig::validate() const
{
    if (logPath.isEmpty())
        return configError(QStringLiteral("\"log_path\" is required"));
    if (auto policy = AccessPolicy::fromVariantMap(rolePermissions); !rolePermissions.isEmpty() && !policy)
        return configError(QStringLiteral("\"role_permissions\": %1").arg(policy.error().message()));
    const int keySources = (keyProvider ? 1 : 0) + (keyFile.isEmpty() ? 0 : 1) + (passphraseEnv.isEmpty() ? 0 : 1);
    if (keySources != 1)
        return configError(QStringLiteral("exactly one of a key provider, \"key_file\" or \"passphrase_env\" must be given"));
    struct Range {
        const char *name;
        int value;
        int min;
        int max;
    };
    const Range ranges[] = {
        {"queue_capacity", queueCapacity, 1, 10'000'000},
        {"block_timeout_ms", blockTimeoutMs, 0, 3'600'000},
        {"flush_interval_ms", flushIntervalMs, 1, 60'000},
        {"max_batch", maxBatch, 1, 100'000},
        {"retry_interval_ms", retryIntervalMs, 10, 3'600'000},
        {"clock_jump_tolerance_ms", clockJumpToleranceMs, 1000, 86'400'000},
    };
    for (const Range &r : ranges) {
        if (r.value < r.min || r.value > r.max)
            return configError(QStringLiteral("\"%1\" must be between %2 and %3").arg(QLatin1StringView(r.name)).arg(r.min).arg(r.max));
    }
    if (simulatedClockStartUs != 0 && clock)
        return configError(QStringLiteral("give a clock or \"simulated_clock_start\", not both"));
    if (simulatedClockStartUs < 0 || simulatedClockStartUs > SystemClock::instance().nowUtcMicros())
        return configError(QStringLiteral("\"simulated_clock_start\" must lie in the past"));
    if (checkpoints.signingKeys && !checkpoints.signingKeyFile.isEmpty())
        return configError(QStringLiteral("give a checkpoint signing key provider or \"checkpoints.signing_key_file\", not both"));
    if (checkpoints.everyEvents < 0 || checkpoints.everyMinutes < 0)
        return configError(QStringLiteral("\"checkpoints.every_events\" and \"checkpoints.every_minutes\" must not be negative"));
    return {};
}

Result<std::shared_ptr<const KeyProvider>> AuditTrailConfig::resolveKeyProvider() const
{
    if (auto valid = validate(); !valid)
        return valid.error();
    if (keyProvider)
        return keyProvider;
    if (!keyFile.isEmpty())
        return std::shared_ptr<const KeyProvider>(std::make_shared<KeyFileProvider>(keyFile));
    return std::shared_ptr<const KeyProvider>(std::make_shared<PassphraseProvider>(PassphraseProvider::fromEnvironment(passphraseEnv)));
}

QVariantMap AuditTrailConfig::toVariantMap() const
{
    QStringList reasonActions;
    for (Action action : allActions()) {
        if (reasonRequiredActions.contains(action))
            reasonActions.append(actionName(action));
    }
    QVariantMap map{
        {QStringLiteral("log_path"), logPath},
        {QStringLiteral("create_if_missing"), createIfMissing},
        {QStringLiteral("reason_required_actions"), reasonActions},
        {QStringLiteral("durability"), nameOf(kDurability, durability)},
        {QStringLiteral("failure_policy"), nameOf(kFailurePolicy, failurePolicy)},
        {QStringLiteral("back_pressure"), nameOf(kBackPressure, backPressure)},
        {QStringLiteral("queue_capacity"), queueCapacity},
        {QStringLiteral("block_timeout_ms"), blockTimeoutMs},
        {QStringLiteral("flush_interval_ms"), flushIntervalMs},
        {QStringLiteral("max_batch"), maxBatch},
        {QStringLiteral("retry_interval_ms"), retryIntervalMs},
        {QStringLiteral("clock_jump_tolerance_ms"), clockJumpToleranceMs},
        {QStringLiteral("host"), QVariantMap{{QStringLiteral("app"), host.app}, {QStringLiteral("version"), host.version},
                                             {QStringLiteral("workstation"), host.workstation}}},
    };
    if (simulatedClockStartUs != 0) // absent when off: a real log's digest does not change
        map.insert(QStringLiteral("simulated_clock_start"), formatTimestamp(simulatedClockStartUs));
    if (!rolePermissions.isEmpty()) // absent by default, so that existing configurations keep their digest
        map.insert(QStringLiteral("role_permissions"), rolePermissions);
    if (anomalyRules != AnomalyRules()) // likewise
        map.insert(QStringLiteral("anomaly_rules"), anomalyRules.toVariantMap());
    // Where the key comes from is part of the configuration; the key itself never is.
    if (!keyFile.isEmpty())
        map.insert(QStringLiteral("key_file"), keyFile);
    if (!passphraseEnv.isEmpty())
        map.insert(QStringLiteral("passphrase_env"), passphraseEnv);
    if (keyProvider)
        map.insert(QStringLiteral("key_provider"), keyProvider->description());
    if (checkpoints.enabled()) { // absent when off, like role_permissions
        QVariantMap anchors{
            {QStringLiteral("origin"), checkpoints.origin},
            {QStringLiteral("every_events"), checkpoints.everyEvents},
            {QStringLiteral("every_minutes"), checkpoints.everyMinutes},
            {QStringLiteral("anchor_dirs"), checkpoints.anchorDirs},
            {QStringLiteral("anchor_files"), checkpoints.anchorFiles},
            {QStringLiteral("syslog"), checkpoints.syslog},
        };
        if (checkpoints.signingKeys)
            anchors.insert(QStringLiteral("signing_key_provider"), checkpoints.signingKeys->description());
        else
            anchors.insert(QStringLiteral("signing_key_file"), checkpoints.signingKeyFile);
        map.insert(QStringLiteral("checkpoints"), anchors);
    }
    return map;
}

QString AuditTrailConfig::digest() const
{
    const QByteArray json = QJsonDocument(QJsonObject::fromVariantMap(toVariantMap())).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex());
}

AccessPolicy AuditTrailConfig::accessPolicy() const
{
    return AccessPolicy::configured(rolePermissions);
}

} // namespace QmsAudit
