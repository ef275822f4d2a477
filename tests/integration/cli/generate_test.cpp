// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit generate: a reproducible synthetic history through the normal append path.

#include "clitest.h"

#include <qmsaudit/timestamp.h>

#include <QFile>
#include <QSet>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

class GenerateTest : public CliTest
{
protected:
    CliResult generate(const QStringList &extra) const { return run(commandArgs(u"generate"_s, extra)); }

    /// The events without their hashes: the log id (random per log) enters every hash.
    QList<Event> eventsWithoutHashes() const
    {
        QList<Event> events = queryEvents();
        for (Event &event : events)
            event.hash.clear();
        return events;
    }

    void removeLog() const
    {
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(logPath() + QLatin1StringView(suffix));
    }
};

TEST_F(GenerateTest, SameSeedGivesTheSameEventsAndAnotherSeedDoesNot)
{
    const QStringList options{u"--events"_s, u"300"_s, u"--months"_s, u"2"_s, u"--seed"_s, u"7"_s};
    const CliResult first = generate(options);
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.out.startsWith(u"generated 300 events"_s)) << first.out.toStdString();
    const QList<Event> a = eventsWithoutHashes();
    ASSERT_EQ(a.size(), 300);

    removeLog();
    ASSERT_EQ(generate(options).exitCode, 0);
    EXPECT_EQ(eventsWithoutHashes(), a);

    removeLog();
    ASSERT_EQ(generate({u"--events"_s, u"300"_s, u"--months"_s, u"2"_s, u"--seed"_s, u"8"_s}).exitCode, 0);
    const QList<Event> c = eventsWithoutHashes();
    ASSERT_EQ(c.size(), 300);
    EXPECT_NE(c, a);
}

TEST_F(GenerateTest, HistoryVerifiesAndSpreadsOverTheMonths)
{
    const CliResult result = generate({u"--events"_s, u"2000"_s, u"--months"_s, u"3"_s, u"--start"_s, u"2025-03-01"_s});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(eventCount(), 2000);

    QList<Event> events = queryEvents();
    ASSERT_EQ(events.size(), 2001); // the history, then the record of the verification above
    EXPECT_EQ(events.takeLast().action, Action::TrailVerified);
    QSet<QString> months;
    QSet<QString> actors;
    QSet<QString> objects;
    QSet<Action> actions;
    qint64 views = 0;
    qint64 denied = 0;
    for (const Event &event : events) {
        months.insert(formatTimestamp(event.recordedAtUs).left(7));
        actors.insert(event.actor.id);
        objects.insert(event.object.id);
        actions.insert(event.action);
        views += event.action == Action::View;
        denied += event.outcome == Outcome::Denied;
        if (actionCategory(event.action) == ActionCategory::Change) {
            EXPECT_FALSE(event.reason.isEmpty()) << event.seq;
        }
    }
    EXPECT_EQ(months, (QSet<QString>{u"2025-03"_s, u"2025-04"_s, u"2025-05"_s}));
    EXPECT_GE(formatTimestamp(events.first().recordedAtUs), u"2025-03-01"_s);
    EXPECT_LT(formatTimestamp(events.last().recordedAtUs), u"2025-06-01"_s);
    EXPECT_GE(actors.size(), 10);
    EXPECT_GE(objects.size(), 40);
    EXPECT_GE(actions.size(), 12);
    EXPECT_GT(views, 1000); // mostly views
    EXPECT_LT(views, 1600);
    EXPECT_GT(denied, 0);
}

TEST_F(GenerateTest, RefusesAnExistingLog)
{
    ASSERT_EQ(initLog().exitCode, 0);
    ASSERT_GT(record({}), 0);
    const CliResult result = generate({u"--events"_s, u"10"_s});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(u"already exists"_s)) << result.err.toStdString();
    EXPECT_EQ(eventCount(), 1);
}

TEST_F(GenerateTest, InvalidOptionsFailWithoutCreatingALog)
{
    for (const QStringList &args : {QStringList{}, QStringList{u"--events"_s, u"0"_s}, QStringList{u"--events"_s, u"ten"_s},
                                    QStringList{u"--events"_s, u"10"_s, u"--months"_s, u"0"_s},
                                    QStringList{u"--events"_s, u"10"_s, u"--start"_s, u"soon"_s}}) {
        const CliResult result = generate(args);
        EXPECT_EQ(result.exitCode, 1) << args.join(u' ').toStdString();
        EXPECT_TRUE(result.err.startsWith(u"qms-audit: "_s)) << result.err.toStdString();
        EXPECT_FALSE(QFile::exists(logPath())) << args.join(u' ').toStdString();
    }
}

TEST_F(GenerateTest, HelpListsItsOptions)
{
    const CliResult result = run({u"generate"_s, u"--help"_s});
    EXPECT_EQ(result.exitCode, 0);
    for (const char *option : {"log", "key-file", "events", "months", "seed", "start"})
        EXPECT_TRUE(result.out.contains(u"  --"_s + QString::fromLatin1(option))) << option;
}

} // namespace
} // namespace QmsAudit::Test
