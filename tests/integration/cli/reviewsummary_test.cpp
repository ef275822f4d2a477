// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit review-summary: the management review's figures for a period, compared with the one
// before; checked against `stats` over the same days and against the events themselves.

#include "clitest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

class ReviewSummaryTest : public CliTest
{
protected:
    void SetUp() override
    {
        // Two months of history: January and February 2026.
        const CliResult generated = run(commandArgs(u"generate"_s, {u"--events"_s, u"3000"_s, u"--months"_s, u"2"_s, u"--start"_s,
                                                                    u"2026-01-01"_s, u"--seed"_s, u"5"_s}));
        ASSERT_EQ(generated.exitCode, 0) << generated.err.toStdString();
    }

    QJsonObject json(const QString &command, const QStringList &extra) const
    {
        const CliResult result = run(commandArgs(command, QStringList{u"--format"_s, u"json"_s} + extra));
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << result.out.toStdString();
        return document.object();
    }
};

TEST_F(ReviewSummaryTest, AMonthAgreesWithStatsAndComparesWithTheMonthBefore)
{
    const QJsonObject summary = json(u"review-summary"_s, {u"--period"_s, u"2026-02"_s, u"--compare-previous"_s});
    const QJsonObject stats = json(u"stats"_s, {u"--from"_s, u"2026-02-01"_s, u"--to"_s, u"2026-03-01"_s});
    const QJsonObject february = summary.value(u"aggregates"_s).toObject();
    EXPECT_EQ(summary.value(u"period"_s).toString(), u"2026-02"_s);
    EXPECT_EQ(summary.value(u"previous_period"_s).toString(), u"2026-01"_s);
    EXPECT_GT(february.value(u"total"_s).toInteger(), 1000);
    for (const QString &key : {u"total"_s, u"by_action"_s, u"by_actor"_s, u"by_object_type"_s, u"by_outcome"_s, u"by_day"_s})
        EXPECT_EQ(february.value(key), stats.value(key)) << key.toStdString();

    const QJsonObject january = summary.value(u"previous"_s).toObject();
    const QJsonArray comparison = summary.value(u"comparison"_s).toArray();
    ASSERT_EQ(comparison.size(), 7);
    const QJsonObject events = comparison.first().toObject();
    EXPECT_EQ(events.value(u"figure"_s).toString(), u"events"_s);
    EXPECT_EQ(events.value(u"value"_s).toInteger(), february.value(u"total"_s).toInteger());
    EXPECT_EQ(events.value(u"previous"_s).toInteger(), january.value(u"total"_s).toInteger());
    EXPECT_EQ(events.value(u"change"_s).toInteger(), february.value(u"total"_s).toInteger() - january.value(u"total"_s).toInteger());
    const qint64 change = events.value(u"change"_s).toInteger();
    EXPECT_EQ(events.value(u"direction"_s).toString(), change > 0 ? u"up"_s : change < 0 ? u"down"_s : u"same"_s);
    // Both months together are the whole log, but for the two uses of the trail recorded today.
    const qint64 all = json(u"stats"_s, {}).value(u"total"_s).toInteger();
    EXPECT_EQ(january.value(u"total"_s).toInteger() + february.value(u"total"_s).toInteger() + 2, all);
}

TEST_F(ReviewSummaryTest, TheTableNamesEverySectionAndTheUseIsRecorded)
{
    const CliResult table = run(commandArgs(u"review-summary"_s, {u"--period"_s, u"2026-Q1"_s, u"--top"_s, u"3"_s, u"--as"_s, u"auditor7"_s}));
    ASSERT_EQ(table.exitCode, 0) << table.err.toStdString();
    for (const QString &section : {u"period  2026-Q1 (2026-01-01 to 2026-04-01, UTC)"_s, u"key figures"_s, u"events by action group"_s,
                                   u"cycle times"_s, u"top accessed documents"_s, u"top users by changes"_s, u"stale documents"_s})
        EXPECT_TRUE(table.out.contains(section)) << section.toStdString() << "\n" << table.out.toStdString();
    const QList<Event> events = queryEvents();
    ASSERT_FALSE(events.isEmpty());
    const Event &use = events.last();
    EXPECT_EQ(use.action, Action::TrailViewed);
    EXPECT_EQ(use.actor.id, u"auditor7"_s);
    EXPECT_EQ(use.attributes.value(u"view"_s), u"cli review-summary"_s);
    EXPECT_EQ(use.attributes.value(u"period"_s), u"2026-Q1"_s);
}

TEST_F(ReviewSummaryTest, BadPeriodsAndOptionsAreRefusedAndRecordNothing)
{
    const qint64 before = eventCount();
    for (const QStringList &args : {QStringList{u"--period"_s, u"2026-13"_s}, QStringList{u"--period"_s, u"2026-Q5"_s},
                                    QStringList{u"--period"_s, u"2026-03-01..2026-02-01"_s}, QStringList{u"--period"_s, u"last month"_s},
                                    QStringList{u"--period"_s, u"2026"_s, u"--top"_s, u"0"_s},
                                    QStringList{u"--period"_s, u"2026"_s, u"--format"_s, u"pdf"_s}, QStringList{}}) {
        const CliResult result = run(commandArgs(u"review-summary"_s, args));
        EXPECT_EQ(result.exitCode, 1) << args.join(u' ').toStdString() << ": " << result.err.toStdString();
        EXPECT_FALSE(result.err.isEmpty());
    }
    const CliResult month = run(commandArgs(u"review-summary"_s, {u"--period"_s, u"2026-13"_s}));
    EXPECT_TRUE(month.err.contains(u"use a year (2026), a quarter (2026-Q3), a month (2026-07)"_s)) << month.err.toStdString();
    EXPECT_EQ(eventCount(), before + 1); // the trail_verified of the first eventCount() only
}

} // namespace
} // namespace QmsAudit::Test
