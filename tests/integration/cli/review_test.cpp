// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit review: reviews of the trail recorded in it as review_recorded events.

#include "clitest.h"

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

class ReviewTest : public CliTest
{
protected:
    void SetUp() override
    {
        ASSERT_EQ(initLog().exitCode, 0);
        for (int i = 0; i < 4; ++i)
            ASSERT_EQ(record({u"--actor"_s, u"u1"_s, u"--object-id"_s, u"SOP-%1"_s.arg(i)}), i + 1);
    }
    CliResult review(const QStringList &extra) const { return run(commandArgs(u"review"_s, QStringList{u"--as"_s, u"aud1"_s} + extra)); }
};

} // namespace

TEST_F(ReviewTest, EachKindIsOneNewEventOnTheTrail)
{
    const QList<Event> before = queryEvents();
    const CliResult reviewed = review({u"--kind"_s, u"events_reviewed"_s, u"--seqs"_s, u"3,1"_s, u"--seqs"_s, u"2"_s, u"--comment"_s,
                                       u"Views match the access list"_s});
    ASSERT_EQ(reviewed.exitCode, 0) << reviewed.err.toStdString();
    const CliResult finding = review({u"--kind"_s, u"finding"_s, u"--seqs"_s, u"4"_s, u"--comment"_s, u"Viewed outside working hours"_s});
    ASSERT_EQ(finding.exitCode, 0) << finding.err.toStdString();
    const CliResult statement = review({u"--kind"_s, u"trail_reviewed"_s, u"--period-from"_s, u"2026-07-01"_s, u"--period-to"_s,
                                        u"2026-10-01"_s, u"--scope"_s, u"SOPs"_s, u"--result"_s, u"1 finding"_s, u"--meaning"_s,
                                        u"reviewed as QA auditor"_s, u"--name"_s, u"Anna Inspector"_s});
    ASSERT_EQ(statement.exitCode, 0) << statement.err.toStdString();
    // Each printed its seq: the next ones after the four events (queryEvents' own record comes after).
    EXPECT_EQ(reviewed.out.trimmed(), u"6"_s); // 5 is the trail_viewed of queryEvents() above
    EXPECT_EQ(finding.out.trimmed(), u"7"_s);
    EXPECT_EQ(statement.out.trimmed(), u"8"_s);

    const QList<Event> events = queryEvents({u"--action"_s, u"review_recorded"_s});
    ASSERT_EQ(events.size(), 3);
    EXPECT_EQ(events[0].attributes.value(u"kind"_s), u"events_reviewed"_s);
    EXPECT_EQ(events[0].attributes.value(u"seqs"_s), u"1,2,3"_s);
    EXPECT_EQ(events[0].reason, u"Views match the access list"_s);
    EXPECT_EQ(events[0].actor.id, u"aud1"_s);
    EXPECT_EQ(events[0].object.type, u"audit_trail"_s);
    EXPECT_EQ(events[1].attributes.value(u"kind"_s), u"finding"_s);
    EXPECT_EQ(events[1].attributes.value(u"seqs"_s), u"4"_s);
    EXPECT_EQ(events[2].actor.name, u"Anna Inspector"_s);
    EXPECT_EQ(events[2].signatureMeaning, u"reviewed as QA auditor"_s);
    EXPECT_EQ(events[2].attributes.value(u"period_from"_s), u"2026-07-01T00:00:00.000000Z"_s);
    EXPECT_EQ(events[2].attributes.value(u"result"_s), u"1 finding"_s);
    // The reviewed events are as they were.
    const QList<Event> after = queryEvents();
    for (qsizetype i = 0; i < before.size(); ++i)
        EXPECT_EQ(after[i].hash, before[i].hash);
}

TEST_F(ReviewTest, AnIncompleteReviewExitsOneAndWritesNothing)
{
    const qint64 before = eventCount();
    const QList<std::pair<QStringList, QString>> cases = {
        {{u"--kind"_s, u"audit"_s}, u"events_reviewed, finding or trail_reviewed"_s},
        {{u"--kind"_s, u"events_reviewed"_s}, u"seqs"_s},
        {{u"--kind"_s, u"finding"_s, u"--seqs"_s, u"1"_s}, u"what was found"_s},
        {{u"--kind"_s, u"events_reviewed"_s, u"--seqs"_s, u"0"_s}, u"--seqs"_s},
        {{u"--kind"_s, u"trail_reviewed"_s, u"--period-from"_s, u"2026-07-01"_s, u"--period-to"_s, u"2026-10-01"_s, u"--result"_s, u"ok"_s,
          u"--meaning"_s, u"reviewed"_s},
         u"--name"_s},
        {{u"--kind"_s, u"trail_reviewed"_s, u"--period-from"_s, u"2026-07-01"_s, u"--result"_s, u"ok"_s, u"--meaning"_s, u"reviewed"_s,
          u"--name"_s, u"A"_s},
         u"period"_s},
    };
    for (const auto &[args, mentioned] : cases) {
        const CliResult refused = review(args);
        EXPECT_EQ(refused.exitCode, 1) << args.join(u' ').toStdString();
        EXPECT_TRUE(refused.err.contains(mentioned)) << refused.err.toStdString();
    }
    EXPECT_EQ(eventCount(), before + 1); // only the first eventCount()'s own trail_verified
}

} // namespace QmsAudit::Test
