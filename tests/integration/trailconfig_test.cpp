// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/audittrail.h>

#include "testlog.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace QmsAudit;

namespace {

QString writeConfig(const QTemporaryDir &dir, const QByteArray &json)
{
    const QString path = dir.filePath(QStringLiteral("audit.json"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(json);
    return path;
}

} // namespace

TEST(TrailConfig, FileWithEverySettingIsRead)
{
    QTemporaryDir dir;
    auto config = AuditTrailConfig::fromFile(writeConfig(dir, R"({
        "log_path": "/var/lib/qms/audit.qmslog", "key_file": "/etc/qms/audit.key", "create_if_missing": false,
        "reason_required_actions": ["edit", "delete"], "durability": "buffered", "failure_policy": "fail_open",
        "back_pressure": "fail", "queue_capacity": 500, "block_timeout_ms": 20, "flush_interval_ms": 100,
        "max_batch": 64, "retry_interval_ms": 250, "clock_jump_tolerance_ms": 60000,
        "host": {"app": "QMS Desk", "version": "4.2", "workstation": "WS-1"}})"));
    ASSERT_TRUE(config) << config.error().message().toStdString();
    EXPECT_EQ(config->logPath, QStringLiteral("/var/lib/qms/audit.qmslog"));
    EXPECT_EQ(config->keyFile, QStringLiteral("/etc/qms/audit.key"));
    EXPECT_FALSE(config->createIfMissing);
    EXPECT_EQ(config->reasonRequiredActions, (QSet<Action>{Action::Edit, Action::Delete}));
    EXPECT_EQ(config->durability, AuditTrailConfig::Durability::Buffered);
    EXPECT_EQ(config->failurePolicy, AuditTrailConfig::FailurePolicy::FailOpen);
    EXPECT_EQ(config->backPressure, AuditTrailConfig::BackPressure::Fail);
    EXPECT_EQ(config->queueCapacity, 500);
    EXPECT_EQ(config->maxBatch, 64);
    EXPECT_EQ(config->host.workstation, QStringLiteral("WS-1"));
}

TEST(TrailConfig, DefaultsAreSafe)
{
    QTemporaryDir dir;
    auto config = AuditTrailConfig::fromFile(writeConfig(dir, R"({"log_path": "a.qmslog", "passphrase_env": "QMS_PASS"})"));
    ASSERT_TRUE(config);
    EXPECT_EQ(config->durability, AuditTrailConfig::Durability::Durable);
    EXPECT_EQ(config->failurePolicy, AuditTrailConfig::FailurePolicy::FailClosed);
    EXPECT_TRUE(config->createIfMissing);
    EXPECT_TRUE(config->reasonRequiredActions.contains(Action::Edit));
}

TEST(TrailConfig, BadInputIsRejectedNamingTheKey)
{
    QTemporaryDir dir;
    const std::pair<const char *, const char *> cases[] = {
        {R"({"log_path": "a", "key_file": "k", "colour": "red"})", "colour"},
        {R"({"log_path": "a", "key_file": "k", "durability": "eventually"})", "durability"},
        {R"({"log_path": "a", "key_file": "k", "failure_policy": "ignore"})", "failure_policy"},
        {R"({"log_path": "a", "key_file": "k", "queue_capacity": 0})", "queue_capacity"},
        {R"({"log_path": "a", "key_file": "k", "queue_capacity": "many"})", "queue_capacity"},
        {R"({"log_path": "a", "key_file": "k", "max_batch": 1.5})", "max_batch"},
        {R"({"log_path": "a", "key_file": "k", "create_if_missing": "yes"})", "create_if_missing"},
        {R"({"log_path": "a", "key_file": "k", "reason_required_actions": ["edit", "frobnicate"]})", "frobnicate"},
        {R"({"log_path": "a", "key_file": "k", "host": {"name": "x"}})", "host.name"},
        {R"({"key_file": "k"})", "log_path"},
        {R"({"log_path": "a"})", "key_file"},
        {R"({"log_path": "a", "key_file": "k", "passphrase_env": "P"})", "exactly one"},
        {R"({"log_path": "a", "key_file": "k", "role_permissions": {"auditor": ["trail.peek"]}})", "trail.peek"},
        {R"({"log_path": "a", "key_file": "k", "role_permissions": {"auditor": "trail.view"}})", "auditor"},
        {R"({"log_path": "a", "key_file": "k", "role_permissions": ["auditor"]})", "role_permissions"},
    };
    for (const auto &[json, mention] : cases) {
        auto config = AuditTrailConfig::fromFile(writeConfig(dir, json));
        ASSERT_FALSE(config) << json;
        EXPECT_EQ(config.error().code(), ErrorCode::InvalidArgument);
        EXPECT_TRUE(config.error().message().contains(QLatin1StringView(mention))) << config.error().message().toStdString();
    }
    EXPECT_EQ(AuditTrailConfig::fromFile(dir.filePath(QStringLiteral("missing.json"))).error().code(), ErrorCode::NotFound);
    EXPECT_EQ(AuditTrailConfig::fromFile(writeConfig(dir, "{not json")).error().code(), ErrorCode::InvalidArgument);
}

TEST(TrailConfig, RolePermissionsReplaceTheDefaultPolicyAsAWhole)
{
    QTemporaryDir dir;
    auto defaults = AuditTrailConfig::fromFile(writeConfig(dir, R"({"log_path": "a", "key_file": "k"})"));
    ASSERT_TRUE(defaults);
    const AccessPolicy byDefault = defaults->accessPolicy();
    EXPECT_TRUE(byDefault.allows({QStringLiteral("auditor")}, AccessPolicy::View));
    EXPECT_FALSE(byDefault.allows({QStringLiteral("manager")}, AccessPolicy::View));
    EXPECT_EQ(byDefault.permissionsFor({QStringLiteral("manager"), QStringLiteral("it_admin"), QStringLiteral("nobody")}),
              (QStringList{AccessPolicy::Dashboard, AccessPolicy::View}));
    EXPECT_TRUE(byDefault.permissionsFor({}).isEmpty());

    auto configured = AuditTrailConfig::fromFile(
        writeConfig(dir, R"({"log_path": "a", "key_file": "k", "role_permissions": {"qa_lead": ["trail.view", "trail.export"]}})"));
    ASSERT_TRUE(configured) << configured.error().message().toStdString();
    const AccessPolicy policy = configured->accessPolicy();
    EXPECT_TRUE(policy.allows({QStringLiteral("qa_lead")}, AccessPolicy::Export));
    EXPECT_FALSE(policy.allows({QStringLiteral("qa_lead")}, AccessPolicy::Review));
    EXPECT_FALSE(policy.allows({QStringLiteral("auditor")}, AccessPolicy::View)); // the defaults are gone
    EXPECT_NE(configured->digest(), defaults->digest());
}

TEST(TrailConfig, DigestChangesWithSettingsButNeverContainsKeyMaterial)
{
    AuditTrailConfig a = AuditTrailConfig::defaults();
    a.logPath = QStringLiteral("a.qmslog");
    a.keyFile = QStringLiteral("k.key");
    AuditTrailConfig b = a;
    b.durability = AuditTrailConfig::Durability::Buffered;
    EXPECT_EQ(a.digest().size(), 64);
    EXPECT_EQ(a.digest(), AuditTrailConfig(a).digest());
    EXPECT_NE(a.digest(), b.digest());
}

TEST(TrailConfig, OpenWithoutCreateRefusesAMissingLog)
{
    QmsAudit::Test::TestLogDir dir;
    AuditTrailConfig config = AuditTrailConfig::defaults();
    config.logPath = dir.logPath();
    config.keyFile = dir.keyFilePath();
    config.createIfMissing = false;
    AuditTrail trail;
    EXPECT_EQ(trail.open(config).error().code(), ErrorCode::NotFound);
    EXPECT_FALSE(trail.isOpen());
}

TEST(TrailConfig, OpenWithTheWrongKeyFailsAndWritesNothing)
{
    QmsAudit::Test::TestLogDir dir;
    ASSERT_TRUE(dir.create());
    const QByteArray before = QmsAudit::Test::readFile(dir.logPath());
    AuditTrailConfig config = AuditTrailConfig::defaults();
    config.logPath = dir.logPath();
    config.keyFile = dir.writeOtherKeyFile();
    AuditTrail trail;
    EXPECT_EQ(trail.open(config).error().code(), ErrorCode::WrongKey);
    EXPECT_EQ(QmsAudit::Test::readFile(dir.logPath()), before);
}
