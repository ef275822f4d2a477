// SPDX-License-Identifier: LGPL-2.1-or-later
// EventReader: the read side on a read-only connection, beside a writer.
#include <qmsaudit/auditlog.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/keyfileprovider.h>

#include "mockclock.h"
#include "testlog.h"

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

constexpr qint64 kMinute = 60'000'000;

class EventReaderTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        log = dir.create({&clock});
        ASSERT_TRUE(log);
        for (int i = 0; i < 40; ++i) {
            clock.advance(kMinute);
            ASSERT_TRUE(log->append(sampleEvent(i)));
        }
        auto opened = EventReader::open(dir.logPath(), dir.keys());
        ASSERT_TRUE(opened) << opened.error().message().toStdString();
        reader = std::move(*opened);
    }

    static QList<qint64> seqsOf(const EventPage &page)
    {
        QList<qint64> seqs;
        for (const Event &e : page.events)
            seqs.append(e.seq);
        return seqs;
    }

    TestLogDir dir;
    MockClock clock;
    std::unique_ptr<AuditLog> log;
    std::unique_ptr<EventReader> reader;
};

} // namespace

TEST_F(EventReaderTest, ReadsWhatTheWriterCommitsWithoutTheWriteLock)
{
    EXPECT_EQ(reader->logId(), log->logId());
    EXPECT_EQ(*reader->count({}), 40);
    // Every commit of the writer is visible to the next read.
    ASSERT_TRUE(log->append(sampleEvent(40)));
    EXPECT_EQ(*reader->count({}), 41);
    EXPECT_EQ(reader->head()->seq, 41);
    EXPECT_EQ(reader->head()->hash, log->head()->hash);
    EXPECT_EQ(reader->eventAt(41)->object, sampleEvent(40).object);
    EXPECT_EQ(reader->eventAt(99).error().code(), ErrorCode::NotFound);
    EXPECT_TRUE(reader->verify().ok);
}

TEST_F(EventReaderTest, DocumentHistoryAndActorActivityNewestFirst)
{
    PageRequest page{0, 100};
    page.order = PageRequest::Order::NewestFirst;
    auto history = reader->documentHistory(QStringLiteral("procedure"), QStringLiteral("DOC-3"), page);
    ASSERT_TRUE(history);
    // DOC-3 is i % 7 == 3 (i = 3, 10, 17, 24, 31, 38), a procedure when i is odd: i = 3, 17, 31.
    EXPECT_EQ(seqsOf(*history), (QList<qint64>{32, 18, 4}));
    // user1 is i % 4 == 1, so seq % 4 == 2; seq s is stamped at minute s.
    const qint64 start = clock.nowUtcMicros() - 40 * kMinute;
    auto activity = reader->actorActivity(QStringLiteral("user1"), start + 10 * kMinute, start + 30 * kMinute, page);
    ASSERT_TRUE(activity);
    EXPECT_EQ(seqsOf(*activity), (QList<qint64>{26, 22, 18, 14, 10})); // [minute 10, minute 30): seqs 10..29
}

TEST_F(EventReaderTest, SeqAtFindsWhereADateBegins)
{
    const qint64 start = clock.nowUtcMicros() - 40 * kMinute;
    EXPECT_EQ(*reader->seqAt(start), 1);
    EXPECT_EQ(*reader->seqAt(start + 10 * kMinute), 10);
    EXPECT_EQ(*reader->seqAt(start + 10 * kMinute + 1), 11);
    EXPECT_EQ(*reader->seqAt(clock.nowUtcMicros() + 1), 0);
}

TEST_F(EventReaderTest, ForEachStreamsEveryMatchAndStopsWhenAsked)
{
    EventFilter edits;
    edits.actions = {Action::Edit};
    QList<qint64> seqs;
    auto visited = reader->forEach(edits, [&seqs](const Event &e) {
        seqs.append(e.seq);
        return true;
    });
    ASSERT_TRUE(visited);
    EXPECT_EQ(*visited, 8); // i % 5 == 1
    EXPECT_EQ(seqs, (QList<qint64>{2, 7, 12, 17, 22, 27, 32, 37}));
    qint64 seen = 0;
    auto stopped = reader->forEach({}, [&seen](const Event &) { return ++seen < 3; });
    EXPECT_EQ(*stopped, 3);
}

TEST_F(EventReaderTest, CountsOfTimeRangesAgreeWithTheEventsInThem)
{
    // The count runs on the reader's second connection; the oracle streams the events.
    const auto scanned = [this](const EventFilter &filter) {
        return *reader->forEach(filter, [](const Event &) { return true; });
    };
    const qint64 start = clock.nowUtcMicros() - 40 * kMinute; // seq s is stamped at minute s
    const std::pair<std::optional<qint64>, std::optional<qint64>> ranges[] = {
        {std::nullopt, std::nullopt},
        {start + 10 * kMinute, start + 30 * kMinute},
        {start + 10 * kMinute + 1, start + 30 * kMinute + 1},
        {start + 10 * kMinute, std::nullopt},
        {std::nullopt, start + 5 * kMinute},
        {start - 60 * kMinute, start},                  // before the first event
        {clock.nowUtcMicros() + 1, std::nullopt},       // after the last
        {start + 20 * kMinute, start + 10 * kMinute},   // from after to
    };
    for (const auto &[from, to] : ranges) {
        EventFilter range;
        range.fromUs = from;
        range.toUs = to;
        auto counted = reader->count(range);
        ASSERT_TRUE(counted) << counted.error().message().toStdString();
        EXPECT_EQ(*counted, scanned(range)) << range.describe().toStdString();
    }
    EXPECT_EQ(*reader->count({}), 40);
    // A time range with another filter is counted by the query, and agrees too.
    EventFilter edits;
    edits.actions = {Action::Edit};
    edits.fromUs = start + 10 * kMinute;
    EXPECT_EQ(*reader->count(edits), scanned(edits));
}

TEST_F(EventReaderTest, ACancelledCountStopsAndTheReaderCountsAgainAfterIt)
{
    EventFilter text;
    text.text = QStringLiteral("torque");
    std::atomic_bool cancel{true};
    auto cancelled = reader->count(text, &cancel);
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.error().code(), ErrorCode::Cancelled);
    // Pages do not share the count's connection, and the next count runs to its end.
    EXPECT_EQ(reader->query(text, {0, 5})->events.size(), 5);
    cancel = false;
    EXPECT_EQ(*reader->count(text, &cancel), 40);
    EXPECT_EQ(*reader->count(text), 40);
}

TEST_F(EventReaderTest, RefusesAWrongKeyAndAMissingFile)
{
    KeyFileProvider other(dir.writeOtherKeyFile());
    EXPECT_EQ(EventReader::open(dir.logPath(), other).error().code(), ErrorCode::WrongKey);
    EXPECT_EQ(EventReader::open(dir.path(QStringLiteral("none.qmslog")), dir.keys()).error().code(), ErrorCode::NotFound);
}

TEST_F(EventReaderTest, AuditLogReadsThroughItsReaderAcrossAKeyRotation)
{
    reader.reset();
    ASSERT_EQ(*log->count({}), 40);
    KeyFileProvider newKeys(dir.writeOtherKeyFile(QStringLiteral("new.key")));
    ASSERT_TRUE(log->rekey(newKeys, Actor{QStringLiteral("admin"), {}, {}}));
    // The old reader's connection had the old key; the log opened a new one.
    EXPECT_EQ(*log->count({}), 42);
    auto shared = log->reader();
    ASSERT_TRUE(shared);
    EXPECT_EQ((*shared)->head()->seq, 42);
}

TEST(EventReaderTextPartitions, PagesAndCountsReadEveryPartitionInOrder)
{
    // Partitions of 7 seqs: 100 events fill 15 of them, the last one partly. Every third event
    // mentions a gauge; partitions 4 and 5 (seqs 29..42) mention none, so pages must skip them.
    TestLogDir dir;
    MockClock clock;
    LogOptions options;
    options.clock = &clock;
    options.textPartitionEvents = 7;
    auto log = dir.create(options);
    ASSERT_TRUE(log);
    QList<qint64> gauges;
    for (int i = 1; i <= 100; ++i) {
        clock.advance(kMinute); // seq i is recorded at minute i after the start
        Event e = sampleEvent(i);
        const bool gauge = i % 3 == 0 && (i < 29 || i > 42);
        e.object.title = gauge ? QStringLiteral("Gauge block %1").arg(i) : QStringLiteral("Work instruction %1").arg(i);
        ASSERT_TRUE(log->append(e));
        if (gauge)
            gauges.append(i);
    }
    auto reader = EventReader::open(dir.logPath(), dir.keys());
    ASSERT_TRUE(reader);
    EventFilter filter;
    filter.text = QStringLiteral("gaug");
    EXPECT_EQ((*reader)->count(filter).value(), gauges.size());

    for (const auto order : {PageRequest::Order::OldestFirst, PageRequest::Order::NewestFirst}) {
        const bool newest = order == PageRequest::Order::NewestFirst;
        QList<qint64> expected = gauges;
        if (newest)
            std::reverse(expected.begin(), expected.end());
        QList<qint64> listed;
        PageRequest page;
        page.limit = 4;
        page.order = order;
        while (true) {
            auto result = (*reader)->query(filter, page);
            ASSERT_TRUE(result) << result.error().message().toStdString();
            for (const Event &e : result->events)
                listed.append(e.seq);
            EXPECT_EQ(result->hasMore, listed.size() < expected.size());
            if (!result->hasMore)
                break;
            (newest ? page.beforeSeq : page.afterSeq) = newest ? result->nextBeforeSeq : result->nextAfterSeq;
        }
        EXPECT_EQ(listed, expected) << (newest ? "newest first" : "oldest first");
    }

    // Keyset bounds inside partitions, and the text index beside another filter.
    auto between = (*reader)->query(filter, {20, 10, 60, PageRequest::Order::OldestFirst});
    ASSERT_TRUE(between);
    QList<qint64> seqs;
    for (const Event &e : between->events)
        seqs.append(e.seq);
    EXPECT_EQ(seqs, (QList<qint64>{21, 24, 27, 45, 48, 51, 54, 57}));
    // A time range narrows the partitions a text page reads; newest first from its end.
    EventFilter inTime = filter;
    const qint64 start = (*reader)->eventAt(1)->recordedAtUs - kMinute;
    inTime.fromUs = start + 20 * kMinute; // seq 20 onwards
    inTime.toUs = start + 50 * kMinute;   // up to seq 49
    auto timed = (*reader)->query(inTime, {0, 3, 0, PageRequest::Order::NewestFirst});
    ASSERT_TRUE(timed) << timed.error().message().toStdString();
    seqs.clear();
    for (const Event &e : timed->events)
        seqs.append(e.seq);
    EXPECT_EQ(seqs, (QList<qint64>{48, 45, 27}));
    EXPECT_TRUE(timed->hasMore);
    EXPECT_EQ((*reader)->count(inTime).value(), 5); // 21, 24, 27, 45, 48
    filter.actorId = sampleEvent(3).actor.id; // the actor's index drives; the text narrows
    qint64 expectedForActor = 0;
    for (const qint64 seq : gauges)
        expectedForActor += sampleEvent(int(seq)).actor.id == filter.actorId;
    EXPECT_GT(expectedForActor, 0);
    EXPECT_EQ((*reader)->count(filter).value(), expectedForActor);
}

TEST_F(EventReaderTest, VerifyReportsProgressUpToTheSnapshotsLastEvent)
{
    QList<std::pair<qint64, qint64>> calls;
    VerificationControl control;
    control.progress = [&calls](qint64 checked, qint64 total) { calls.append({checked, total}); };
    const VerificationReport report = reader->verify(control);
    EXPECT_TRUE(report.ok) << report.summary().toStdString();
    EXPECT_FALSE(report.cancelled);
    ASSERT_FALSE(calls.isEmpty());
    EXPECT_EQ(calls.last(), (std::pair<qint64, qint64>{40, 40}));
}

TEST_F(EventReaderTest, CancelledVerifyNamesNoFindingsAndSaysCancelled)
{
    std::atomic_bool cancel{true};
    VerificationControl control;
    control.cancel = &cancel;
    const VerificationReport report = reader->verify(control);
    EXPECT_TRUE(report.cancelled);
    EXPECT_FALSE(report.ok);
    EXPECT_TRUE(report.findings.isEmpty());
    EXPECT_TRUE(report.summary().startsWith(QStringLiteral("CANCELLED"))) << report.summary().toStdString();
    // The reader is still usable afterwards, and an uncancelled run passes.
    cancel = false;
    EXPECT_TRUE(reader->verify(control).ok);
}
