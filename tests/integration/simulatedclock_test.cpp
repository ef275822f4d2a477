// SPDX-License-Identifier: LGPL-2.1-or-later
// "simulated_clock_start": a demonstration history recorded through the ordinary trail, stamped
// at the times its events ask for, and only ever into a new log that says so.
#include <qmsaudit/auditlog.h>
#include <qmsaudit/audittrail.h>
#include <qmsaudit/clock.h>
#include <qmsaudit/timestamp.h>

#include "testlog.h"

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

constexpr qint64 kMinuteUs = 60'000'000;
constexpr qint64 kDayUs = 24 * 60 * kMinuteUs;

class SimulatedClockTest : public ::testing::Test
{
protected:
    AuditTrailConfig config(qint64 startUs) const
    {
        AuditTrailConfig c = AuditTrailConfig::defaults();
        c.logPath = dir.logPath();
        c.keyFile = dir.keyFilePath();
        c.durability = AuditTrailConfig::Durability::Buffered;
        c.simulatedClockStartUs = startUs;
        return c;
    }

    static Event viewAt(qint64 utcMicros, const QString &id)
    {
        Event event;
        event.actor = {QStringLiteral("u-ida"), QStringLiteral("Ida"), {}};
        event.action = Action::View;
        event.object = {QStringLiteral("procedure"), id, {}, {}};
        event.recordedAtUs = utcMicros;
        return event;
    }

    QList<Event> readAll() const
    {
        auto log = AuditLog::open(dir.logPath(), dir.keys());
        EXPECT_TRUE(log) << log.error().message().toStdString();
        if (!log)
            return {};
        EXPECT_TRUE((*log)->verify().ok);
        auto page = (*log)->query({}, PageRequest{0, PageRequest::MaxLimit});
        EXPECT_TRUE(page);
        return page ? page->events : QList<Event>();
    }

    TestLogDir dir;
    const qint64 start = SystemClock::instance().nowUtcMicros() - 90 * kDayUs;
};

TEST_F(SimulatedClockTest, EventsAreStampedAtTheTimesTheyAskForWithinFiveMinutes)
{
    const QList<qint64> wanted = {start + 9 * 60 * kMinuteUs, start + 9 * 60 * kMinuteUs + 2 * kMinuteUs,
                                  start + 3 * kDayUs + 14 * 60 * kMinuteUs, start + 40 * kDayUs + 2 * 60 * kMinuteUs};
    {
        AuditTrail trail;
        ASSERT_TRUE(trail.open(config(start)));
        for (int i = 0; i < wanted.size(); ++i)
            trail.record(viewAt(wanted[i], QStringLiteral("SOP-%1").arg(i)));
        trail.close();
    }
    const QList<Event> events = readAll();
    ASSERT_EQ(events.size(), wanted.size() + 2); // started, the views, stopped
    EXPECT_EQ(events.first().action, Action::Started);
    EXPECT_EQ(events.first().recordedAtUs, start);
    EXPECT_EQ(events.first().attributes.value(QStringLiteral("simulated_clock_start")), formatTimestamp(start));
    for (int i = 0; i < wanted.size(); ++i) {
        const Event &view = events.at(i + 1);
        EXPECT_EQ(view.object.id, QStringLiteral("SOP-%1").arg(i));
        EXPECT_LE(view.recordedAtUs, wanted[i]) << i;
        EXPECT_GT(view.recordedAtUs, wanted[i] - 5 * kMinuteUs) << i;
    }
    EXPECT_EQ(events.last().action, Action::Stopped);
    for (const Event &event : events)
        EXPECT_NE(event.action, Action::ClockAnomaly) << "a simulated clock jumps by design";
}

TEST_F(SimulatedClockTest, IsRefusedForALogThatExists)
{
    {
        AuditTrail trail;
        ASSERT_TRUE(trail.open(config(0)));
        trail.close();
    }
    const QList<Event> before = readAll();
    AuditTrail trail;
    auto opened = trail.open(config(start));
    ASSERT_FALSE(opened);
    EXPECT_TRUE(opened.error().message().contains(QStringLiteral("only fills a new log"))) << opened.error().message().toStdString();
    EXPECT_EQ(readAll().size(), before.size()) << "nothing was written to the existing log";
}

TEST_F(SimulatedClockTest, RefusesATimeInTheFutureAndAStartThatIsNotInThePast)
{
    AuditTrail trail;
    ASSERT_TRUE(trail.open(config(start)));
    const RecordTicket future = trail.record(viewAt(SystemClock::instance().nowUtcMicros() + kDayUs, QStringLiteral("SOP-9")));
    ASSERT_TRUE(future.wait(5000));
    EXPECT_FALSE(future.isRecorded());
    EXPECT_TRUE(future.error().message().contains(QStringLiteral("future")));
    trail.close();

    auto parsed = AuditTrailConfig::fromVariantMap({{QStringLiteral("log_path"), dir.path(QStringLiteral("other.qmslog"))},
                                                    {QStringLiteral("key_file"), dir.keyFilePath()},
                                                    {QStringLiteral("simulated_clock_start"), QStringLiteral("2999-01-01T00:00:00Z")}});
    ASSERT_FALSE(parsed);
    EXPECT_TRUE(parsed.error().message().contains(QStringLiteral("in the past")));
    auto malformed = AuditTrailConfig::fromVariantMap({{QStringLiteral("log_path"), dir.path(QStringLiteral("other.qmslog"))},
                                                       {QStringLiteral("key_file"), dir.keyFilePath()},
                                                       {QStringLiteral("simulated_clock_start"), 17}});
    ASSERT_FALSE(malformed);
    EXPECT_TRUE(malformed.error().message().contains(QStringLiteral("simulated_clock_start")));
}

TEST_F(SimulatedClockTest, OpenedAgainWithoutItTheSameTrailUsesTheWallClock)
{
    // The host sample does this: one plugin instance fills the history, then records real work.
    AuditTrail trail;
    ASSERT_TRUE(trail.open(config(start)));
    trail.record(viewAt(start + kDayUs, QStringLiteral("SOP-1")));
    trail.close();
    ASSERT_TRUE(trail.open(config(0)));
    const qint64 before = SystemClock::instance().nowUtcMicros();
    const RecordTicket later = trail.record(viewAt(before + kDayUs, QStringLiteral("SOP-2")));
    ASSERT_TRUE(later.wait(5000));
    EXPECT_TRUE(later.isRecorded()) << "recorded_at is ignored again, not refused: " << later.error().message().toStdString();
    trail.close();
    const QList<Event> events = readAll();
    ASSERT_FALSE(events.isEmpty());
    const auto view = std::find_if(events.cbegin(), events.cend(), [](const Event &e) { return e.object.id == QLatin1StringView("SOP-2"); });
    ASSERT_NE(view, events.cend());
    EXPECT_GE(view->recordedAtUs, before);
    EXPECT_LT(view->recordedAtUs, before + kMinuteUs) << "stamped by the wall clock, not at the time it asked for";
}

TEST_F(SimulatedClockTest, ARealLogKeepsItsDigestAndSaysNothingOfSimulation)
{
    AuditTrailConfig real = config(0);
    EXPECT_FALSE(real.toVariantMap().contains(QStringLiteral("simulated_clock_start")));
    AuditTrailConfig simulated = config(start);
    EXPECT_NE(real.digest(), simulated.digest());
    EXPECT_EQ(simulated.toVariantMap().value(QStringLiteral("simulated_clock_start")).toString(), formatTimestamp(start));
}

} // namespace
