// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit stats: counts as JSON or a table.

#include "clitest.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

class StatsTest : public CliTest
{
protected:
    void SetUp() override
    {
        ASSERT_EQ(initLog().exitCode, 0);
        ASSERT_GT(record({u"--actor"_s, u"u1"_s, u"--action"_s, u"edit"_s, u"--reason"_s, u"r"_s, u"--object-type"_s, u"procedure"_s}), 0);
        ASSERT_GT(record({u"--actor"_s, u"u1"_s, u"--action"_s, u"edit"_s, u"--reason"_s, u"r"_s, u"--object-type"_s, u"procedure"_s}), 0);
        ASSERT_GT(record({u"--actor"_s, u"u2"_s, u"--action"_s, u"view"_s}), 0);
        ASSERT_GT(record({u"--actor"_s, u"u3"_s, u"--action"_s, u"view"_s, u"--outcome"_s, u"denied"_s}), 0);
    }

    QJsonObject statsJson(const QStringList &extra = {}) const
    {
        const CliResult result = run(commandArgs(u"stats"_s, QStringList{u"--format"_s, u"json"_s} + extra));
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << result.out.toStdString();
        return document.object();
    }
};

TEST_F(StatsTest, JsonHasTheRightCounts)
{
    const QJsonObject stats = statsJson();
    EXPECT_EQ(QStringList(stats.keys()), (QStringList{u"by_action"_s, u"by_actor"_s, u"by_day"_s, u"by_object_type"_s,
                                                      u"by_outcome"_s, u"from"_s, u"to"_s, u"total"_s}));
    EXPECT_TRUE(stats.value(u"from"_s).isNull());
    EXPECT_TRUE(stats.value(u"to"_s).isNull());
    EXPECT_EQ(stats.value(u"total"_s).toInteger(), 4);
    EXPECT_EQ(stats.value(u"by_action"_s).toObject(), (QJsonObject{{u"edit"_s, 2}, {u"view"_s, 2}}));
    EXPECT_EQ(stats.value(u"by_actor"_s).toObject(), (QJsonObject{{u"u1"_s, 2}, {u"u2"_s, 1}, {u"u3"_s, 1}}));
    EXPECT_EQ(stats.value(u"by_object_type"_s).toObject(), (QJsonObject{{u"procedure"_s, 2}, {u"document"_s, 2}}));
    EXPECT_EQ(stats.value(u"by_outcome"_s).toObject(), (QJsonObject{{u"success"_s, 3}, {u"denied"_s, 1}}));
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    EXPECT_EQ(stats.value(u"by_day"_s).toObject(), (QJsonObject{{today, 4}}));
}

TEST_F(StatsTest, RangeIsEchoedAndApplied)
{
    const QString tomorrow = QDateTime::currentDateTimeUtc().addDays(1).date().toString(Qt::ISODate);
    const QJsonObject future = statsJson({u"--from"_s, tomorrow});
    EXPECT_EQ(future.value(u"from"_s).toString(), tomorrow + u"T00:00:00.000000Z"_s);
    EXPECT_TRUE(future.value(u"to"_s).isNull());
    EXPECT_EQ(future.value(u"total"_s).toInteger(), 0);
    EXPECT_TRUE(future.value(u"by_action"_s).toObject().isEmpty());

    const QJsonObject all = statsJson({u"--from"_s, u"2000-01-01"_s, u"--to"_s, tomorrow});
    EXPECT_EQ(all.value(u"total"_s).toInteger(), 5); // the four and the record of the count above
    EXPECT_EQ(all.value(u"by_action"_s).toObject().value(u"trail_viewed"_s).toInteger(), 1);
    EXPECT_EQ(all.value(u"to"_s).toString(), tomorrow + u"T00:00:00.000000Z"_s);
}

TEST_F(StatsTest, TableIsTheDefault)
{
    const CliResult result = run(commandArgs(u"stats"_s));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(u"total  4\n"_s)) << result.out.toStdString();
    EXPECT_TRUE(result.out.contains(u"\nby action\n  edit  2\n  view  2\n"_s)) << result.out.toStdString();
    EXPECT_TRUE(result.out.contains(u"\nby outcome\n  denied   1\n  success  3\n"_s)) << result.out.toStdString();
}

TEST_F(StatsTest, InvalidOptionValuesFail)
{
    for (const QStringList &args : {QStringList{u"--format"_s, u"yaml"_s}, QStringList{u"--from"_s, u"soon"_s},
                                    QStringList{u"--from"_s, u"2026-02-01"_s, u"--to"_s, u"2026-01-01"_s}}) {
        const CliResult result = run(commandArgs(u"stats"_s, args));
        EXPECT_EQ(result.exitCode, 1) << args.join(u' ').toStdString();
        EXPECT_TRUE(result.out.isEmpty());
    }
}

} // namespace
} // namespace QmsAudit::Test
