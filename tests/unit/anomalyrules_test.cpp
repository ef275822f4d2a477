// SPDX-License-Identifier: LGPL-2.1-or-later
// AnomalyRules and SiteCalendar: the documented defaults, the JSON form, refusals, working time to the µs.

#include "anomalytestlog.h"

#include <qmsaudit/anomalyrules.h>
#include <qmsaudit/audittrailconfig.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

QVariantMap json(const char *text)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << text;
    return document.object().toVariantMap();
}

QString writeRulesFile(const QTemporaryDir &dir, const QByteArray &content)
{
    const QString path = dir.filePath(u"rules.json"_s);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    return path;
}

} // namespace

TEST(AnomalyRules, DefaultsAreTheDocumentedOnes)
{
    const AnomalyRules rules;
    EXPECT_EQ(rules.calendar.timeZone.id(), "UTC");
    EXPECT_EQ(rules.calendar.workStartMinute, 8 * 60);
    EXPECT_EQ(rules.calendar.workEndMinute, 18 * 60);
    EXPECT_EQ(rules.calendar.workingDays, (QList<Qt::DayOfWeek>{Qt::Monday, Qt::Tuesday, Qt::Wednesday, Qt::Thursday, Qt::Friday}));
    EXPECT_EQ(rules.bulkAccess.factor, 5.0);
    EXPECT_EQ(rules.bulkAccess.minDistinctDocuments, 20);
    EXPECT_EQ(rules.bulkAccess.baselineDays, 90);
    EXPECT_EQ(rules.deniedBurst.count, 5);
    EXPECT_EQ(rules.deniedBurst.windowMinutes, 10);
    EXPECT_EQ(rules.selfApproval.objectTypes, QStringList{u"*"_s});
    EXPECT_EQ(rules.selfApproval.authorMeanings, QStringList{u"approved as author"_s});
    EXPECT_EQ(rules.clock.aheadToleranceSeconds, 300);
    EXPECT_EQ(rules.clock.behindToleranceHours, 24);
    EXPECT_EQ(rules.maxSeqsPerFlag, 50);
    for (AnomalyRule rule : allAnomalyRules())
        EXPECT_TRUE(rules.isEnabled(rule)) << anomalyRuleName(rule).toStdString();
    EXPECT_TRUE(rules.validate());
    // An empty object is the defaults.
    auto parsed = AnomalyRules::fromVariantMap({});
    ASSERT_TRUE(parsed);
    EXPECT_EQ(*parsed, rules);
}

TEST(AnomalyRules, ReadsEverySettingOfTheJsonForm)
{
    auto rules = AnomalyRules::fromVariantMap(json(R"({
        "site_calendar": {"time_zone": "Europe/Zurich", "working_hours": "07:30-24:00",
                          "working_days": ["mon", "sat"], "holidays": ["2026-12-25", "2026-01-01"]},
        "after_hours": {"enabled": false},
        "bulk_access": {"factor": 2.5, "min_distinct_documents": 8, "baseline_days": 30},
        "denied_burst": {"count": 3, "window_minutes": 2},
        "released_edit": {"enabled": false},
        "self_approval": {"object_types": ["procedure", "batch_record"], "author_meanings": ["authored"]},
        "clock": {"ahead_tolerance_seconds": 0, "behind_tolerance_hours": 2},
        "max_seqs_per_flag": 7
    })"));
    ASSERT_TRUE(rules) << rules.error().message().toStdString();
    EXPECT_EQ(rules->calendar.timeZone.id(), "Europe/Zurich");
    EXPECT_EQ(rules->calendar.workStartMinute, 7 * 60 + 30);
    EXPECT_EQ(rules->calendar.workEndMinute, 24 * 60);
    EXPECT_EQ(rules->calendar.workingDays, (QList<Qt::DayOfWeek>{Qt::Monday, Qt::Saturday}));
    EXPECT_EQ(rules->calendar.holidays, (QSet<QDate>{QDate(2026, 12, 25), QDate(2026, 1, 1)}));
    EXPECT_FALSE(rules->isEnabled(AnomalyRule::AfterHours));
    EXPECT_FALSE(rules->isEnabled(AnomalyRule::ReleasedEdit));
    EXPECT_TRUE(rules->isEnabled(AnomalyRule::BulkAccess));
    EXPECT_EQ(rules->bulkAccess.factor, 2.5);
    EXPECT_EQ(rules->bulkAccess.minDistinctDocuments, 8);
    EXPECT_EQ(rules->bulkAccess.baselineDays, 30);
    EXPECT_EQ(rules->deniedBurst.count, 3);
    EXPECT_EQ(rules->deniedBurst.windowMinutes, 2);
    EXPECT_TRUE(rules->requiresSecondPerson(u"batch_record"_s));
    EXPECT_FALSE(rules->requiresSecondPerson(u"form"_s));
    EXPECT_EQ(rules->selfApproval.authorMeanings, QStringList{u"authored"_s});
    EXPECT_EQ(rules->clock.aheadToleranceSeconds, 0);
    EXPECT_EQ(rules->clock.behindToleranceHours, 2);
    EXPECT_EQ(rules->maxSeqsPerFlag, 7);

    // The full form reads back as the same rules, with the same digest.
    auto again = AnomalyRules::fromVariantMap(rules->toVariantMap());
    ASSERT_TRUE(again) << again.error().message().toStdString();
    EXPECT_EQ(*again, *rules);
    EXPECT_EQ(again->digest(), rules->digest());
    EXPECT_NE(rules->digest(), AnomalyRules().digest());
}

TEST(AnomalyRules, RefusesBadRulesNamingTheKey)
{
    const std::pair<const char *, const char *> cases[] = {
        {R"({"bulk_acess": {}})", "\"bulk_acess\""},
        {R"({"bulk_access": {"factr": 3}})", "\"bulk_access.factr\""},
        {R"({"bulk_access": 3})", "\"bulk_access\" must be an object"},
        {R"({"bulk_access": {"factor": 0.5}})", "\"bulk_access.factor\" must be between 1 and 1000"},
        {R"({"bulk_access": {"factor": "5"}})", "\"bulk_access.factor\" must be a number"},
        {R"({"bulk_access": {"min_distinct_documents": 2.5}})", "\"bulk_access.min_distinct_documents\" must be a whole number"},
        {R"({"bulk_access": {"baseline_days": 0}})", "\"bulk_access.baseline_days\""},
        {R"({"bulk_access": {"enabled": "yes"}})", "\"bulk_access.enabled\" must be true or false"},
        {R"({"denied_burst": {"count": 1}})", "\"denied_burst.count\""},
        {R"({"denied_burst": {"window_minutes": 20000}})", "\"denied_burst.window_minutes\""},
        {R"({"site_calendar": {"time_zone": "Mars/Olympus_Mons"}})", "Mars/Olympus_Mons"},
        {R"({"site_calendar": {"time_zone": 1}})", "\"site_calendar.time_zone\" must be a string"},
        {R"({"site_calendar": {"working_hours": "18:00-08:00"}})", "\"site_calendar.working_hours\""},
        {R"({"site_calendar": {"working_hours": "08:00-24:01"}})", "\"site_calendar.working_hours\""},
        {R"({"site_calendar": {"working_hours": "8-17"}})", "\"site_calendar.working_hours\""},
        {R"({"site_calendar": {"working_days": ["mon", "Friday"]}})", "\"Friday\""},
        {R"({"site_calendar": {"working_days": []}})", "at least one day"},
        {R"({"site_calendar": {"working_days": "mon"}})", "must be a list of strings"},
        {R"({"site_calendar": {"holidays": ["2026-02-30"]}})", "2026-02-30"},
        {R"({"self_approval": {"object_types": [""]}})", "empty type"},
        {R"({"clock": {"behind_tolerance_hours": 0}})", "\"clock.behind_tolerance_hours\""},
        {R"({"max_seqs_per_flag": 1})", "\"max_seqs_per_flag\""},
    };
    for (const auto &[text, named] : cases) {
        auto rules = AnomalyRules::fromVariantMap(json(text));
        ASSERT_FALSE(rules) << text;
        EXPECT_EQ(rules.error().code(), ErrorCode::InvalidArgument) << text;
        EXPECT_TRUE(rules.error().message().startsWith(u"Invalid anomaly rules: "_s)) << rules.error().message().toStdString();
        EXPECT_TRUE(rules.error().message().contains(QString::fromUtf8(named))) << text << " → " << rules.error().message().toStdString();
    }
}

TEST(AnomalyRules, FromFileRefusesWhatIsNotAValidRulesFile)
{
    QTemporaryDir dir;
    auto missing = AnomalyRules::fromFile(dir.filePath(u"none.json"_s));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code(), ErrorCode::NotFound);
    for (const QByteArray &content : {QByteArray("{\"bulk_access\": "), QByteArray("[1, 2]"), QByteArray("")}) {
        auto broken = AnomalyRules::fromFile(writeRulesFile(dir, content));
        ASSERT_FALSE(broken) << content.constData();
        EXPECT_EQ(broken.error().code(), ErrorCode::InvalidArgument);
        EXPECT_TRUE(broken.error().message().contains(u"not a JSON object"_s)) << broken.error().message().toStdString();
    }
    auto good = AnomalyRules::fromFile(writeRulesFile(dir, R"({"denied_burst": {"count": 9}})"));
    ASSERT_TRUE(good) << good.error().message().toStdString();
    EXPECT_EQ(good->deniedBurst.count, 9);
}

TEST(AnomalyRules, TheHostConfigurationCarriesThemUnderAnomalyRules)
{
    auto config = AuditTrailConfig::fromVariantMap(json(R"({"log_path": "a", "key_file": "k",
        "anomaly_rules": {"site_calendar": {"time_zone": "America/New_York"}, "bulk_access": {"factor": 8}}})"));
    ASSERT_TRUE(config) << config.error().message().toStdString();
    EXPECT_EQ(config->anomalyRules.calendar.timeZone.id(), "America/New_York");
    EXPECT_EQ(config->anomalyRules.bulkAccess.factor, 8.0);
    EXPECT_EQ(config->toVariantMap().value(u"anomaly_rules"_s).toMap(), config->anomalyRules.toVariantMap());

    // Absent, the rules are the defaults and leave the configuration's digest as it was.
    auto plain = AuditTrailConfig::fromVariantMap(json(R"({"log_path": "a", "key_file": "k"})"));
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->anomalyRules, AnomalyRules());
    EXPECT_FALSE(plain->toVariantMap().contains(u"anomaly_rules"_s));

    for (const char *bad : {R"({"log_path": "a", "key_file": "k", "anomaly_rules": {"denied_burst": {"count": 0}}})",
                            R"({"log_path": "a", "key_file": "k", "anomaly_rules": ["after_hours"]})"}) {
        auto refused = AuditTrailConfig::fromVariantMap(json(bad));
        ASSERT_FALSE(refused) << bad;
        EXPECT_EQ(refused.error().code(), ErrorCode::InvalidArgument);
        EXPECT_TRUE(refused.error().message().contains(u"\"anomaly_rules\""_s)) << refused.error().message().toStdString();
    }
}

TEST(SiteCalendar, WorkingTimeIsExactToTheMicrosecondInTheSiteTimeZone)
{
    SiteCalendar calendar;
    calendar.timeZone = QTimeZone("Europe/Zurich");
    calendar.holidays = {QDate(2026, 1, 6)};
    // Thursday 2026-01-08, winter time (UTC+1): 08:00 local is 07:00Z, 18:00 local is 17:00Z.
    EXPECT_FALSE(calendar.isWorkingTime(us(u"2026-01-08T06:59:59.999999Z"_s)));
    EXPECT_TRUE(calendar.isWorkingTime(us(u"2026-01-08T07:00:00Z"_s)));
    EXPECT_TRUE(calendar.isWorkingTime(us(u"2026-01-08T16:59:59.999999Z"_s)));
    EXPECT_FALSE(calendar.isWorkingTime(us(u"2026-01-08T17:00:00Z"_s)));
    // Saturday, and a holiday (a Tuesday) at noon.
    EXPECT_FALSE(calendar.isWorkingTime(us(u"2026-01-10T11:00:00Z"_s)));
    EXPECT_FALSE(calendar.isWorkingTime(us(u"2026-01-06T11:00:00Z"_s)));
    EXPECT_TRUE(calendar.isWorkingTime(us(u"2026-01-07T11:00:00Z"_s)));
    // Summer time (UTC+2): 08:00 local is 06:00Z.
    EXPECT_FALSE(calendar.isWorkingTime(us(u"2026-07-08T05:59:59.999999Z"_s)));
    EXPECT_TRUE(calendar.isWorkingTime(us(u"2026-07-08T06:00:00Z"_s)));
}

TEST(SiteCalendar, WorkingHoursFollowTheClocksAcrossDaylightSavingChanges)
{
    SiteCalendar calendar;
    calendar.timeZone = QTimeZone("Europe/Zurich");
    calendar.workingDays = {Qt::Friday, Qt::Sunday, Qt::Monday};
    // Spring forward on Sunday 2026-03-29 at 01:00Z. 06:30Z is 07:30 local on Friday, 08:30 on Monday.
    EXPECT_FALSE(calendar.isWorkingTime(us(u"2026-03-27T06:30:00Z"_s)));
    EXPECT_TRUE(calendar.isWorkingTime(us(u"2026-03-30T06:30:00Z"_s)));
    // On the day itself 08:00 local is already 06:00Z.
    EXPECT_FALSE(calendar.isWorkingTime(us(u"2026-03-29T05:59:59.999999Z"_s)));
    EXPECT_TRUE(calendar.isWorkingTime(us(u"2026-03-29T06:00:00Z"_s)));
    // Fall back on Sunday 2026-10-25 at 01:00Z: 06:30Z is 08:30 local on Friday, 07:30 on Monday.
    EXPECT_TRUE(calendar.isWorkingTime(us(u"2026-10-23T06:30:00Z"_s)));
    EXPECT_FALSE(calendar.isWorkingTime(us(u"2026-10-26T06:30:00Z"_s)));
    EXPECT_FALSE(calendar.isWorkingTime(us(u"2026-10-25T06:59:59.999999Z"_s)));
    EXPECT_TRUE(calendar.isWorkingTime(us(u"2026-10-25T07:00:00Z"_s)));
}

} // namespace QmsAudit::Test
