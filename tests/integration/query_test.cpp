// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/auditlog.h>
#include <qmsaudit/timestamp.h>

#include "mockclock.h"
#include "testlog.h"

#include <QRegularExpression>

#include <functional>

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

constexpr int kEvents = 240;
constexpr qint64 kMinute = 60'000'000;

/// 240 sample events, one a minute from 2026-01-01T00:01Z; the oracle below knows each one.
class QueryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        log = dir.create({&clock});
        ASSERT_TRUE(log);
        for (int i = 0; i < kEvents; ++i) {
            clock.advance(kMinute);
            Event e = sampleEvent(i);
            e.recordedAtUs = clock.nowUtcMicros(); // what the log will stamp: the oracle's copy
            e.seq = i + 1;
            expected.append(e);
            ASSERT_TRUE(log->append(sampleEvent(i)));
        }
    }

    /// Seqs the oracle says match, computed from the events themselves (not through SQL).
    QList<qint64> oracle(const std::function<bool(const Event &)> &matches) const
    {
        QList<qint64> seqs;
        for (const Event &e : expected) {
            if (matches(e))
                seqs.append(e.seq);
        }
        return seqs;
    }

    QList<qint64> allPages(const EventFilter &filter, int pageSize, PageRequest::Order order = PageRequest::Order::OldestFirst) const
    {
        QList<qint64> seqs;
        PageRequest page{0, pageSize};
        page.order = order;
        while (true) {
            auto result = log->query(filter, page);
            EXPECT_TRUE(result) << result.error().message().toStdString();
            if (!result)
                return seqs;
            for (const Event &e : result->events)
                seqs.append(e.seq);
            if (!result->hasMore)
                return seqs;
            EXPECT_EQ(result->events.size(), pageSize);
            if (order == PageRequest::Order::NewestFirst)
                page.beforeSeq = result->nextBeforeSeq;
            else
                page.afterSeq = result->nextAfterSeq;
        }
    }

    void expectMatches(const EventFilter &filter, const std::function<bool(const Event &)> &matches)
    {
        const QList<qint64> want = oracle(matches);
        ASSERT_FALSE(want.isEmpty()) << "test filter matches nothing: it would prove little";
        EXPECT_EQ(allPages(filter, 1000), want);
        EXPECT_EQ(allPages(filter, 7), want);
        QList<qint64> newestFirst(want.crbegin(), want.crend());
        EXPECT_EQ(allPages(filter, 7, PageRequest::Order::NewestFirst), newestFirst);
        EXPECT_EQ(*log->count(filter), want.size());
    }

    TestLogDir dir;
    MockClock clock;
    std::unique_ptr<AuditLog> log;
    QList<Event> expected;
};

qint64 minute(int n)
{
    return 1'767'225'600'000'000 + n * kMinute;
}

} // namespace

TEST_F(QueryTest, EachFilterReturnsExactlyTheMatchingEventsInSeqOrder)
{
    EventFilter byActor;
    byActor.actorId = QStringLiteral("user2");
    expectMatches(byActor, [](const Event &e) { return e.actor.id == QStringLiteral("user2"); });

    EventFilter byActions;
    byActions.actions = {Action::Edit, Action::Export};
    expectMatches(byActions, [](const Event &e) { return e.action == Action::Edit || e.action == Action::Export; });

    EventFilter byObject;
    byObject.objectId = QStringLiteral("DOC-3");
    expectMatches(byObject, [](const Event &e) { return e.object.id == QStringLiteral("DOC-3"); });

    EventFilter byType;
    byType.objectType = QStringLiteral("procedure");
    expectMatches(byType, [](const Event &e) { return e.object.type == QStringLiteral("procedure"); });

    EventFilter byOutcome;
    byOutcome.outcome = Outcome::Denied;
    expectMatches(byOutcome, [](const Event &e) { return e.outcome == Outcome::Denied; });

    EventFilter byTime;
    byTime.fromUs = minute(30);
    byTime.toUs = minute(95);
    expectMatches(byTime, [](const Event &e) { return e.recordedAtUs >= minute(30) && e.recordedAtUs < minute(95); });

    EventFilter openEnded;
    openEnded.fromUs = minute(200);
    expectMatches(openEnded, [](const Event &e) { return e.recordedAtUs >= minute(200); });
}

TEST_F(QueryTest, TextSearchFindsWordsAndPrefixesInTitleAndReason)
{
    EventFilter title;
    title.text = QStringLiteral("calibration 17");
    // "17"* is a prefix term: calibration 170 … 179 match as well.
    expectMatches(title, [](const Event &e) { return e.object.title.section(QLatin1Char(' '), -1).startsWith(QStringLiteral("17")); });

    EventFilter prefix;
    prefix.text = QStringLiteral("ANNU");
    expectMatches(prefix, [](const Event &e) { return e.reason.startsWith(QStringLiteral("Annual")); });

    EventFilter reasonWord;
    reasonWord.text = QStringLiteral("interval 26");
    expectMatches(reasonWord, [](const Event &e) { return e.reason == QStringLiteral("Annual review of interval 26"); });
}

TEST_F(QueryTest, TextSearchFoldsCaseAndDiacriticsAsTheIndexDoes)
{
    // Each hit is checked against the event itself: that check must agree with the index.
    Event e = sampleEvent(0);
    e.object.title = QStringLiteral("Überprüfung der Café-Waage ½ CO₂");
    e.reason = QStringLiteral("naïve ǅemal");
    ASSERT_TRUE(log->append(e));
    const qint64 seq = kEvents + 1;
    for (const QString &text : {QStringLiteral("uberpr"), QStringLiteral("CAFE waage"), QStringLiteral("½"), QStringLiteral("co"),
                                QStringLiteral("naive"), QStringLiteral("ǆemal"), QStringLiteral("Überprüfung")}) {
        EventFilter filter;
        filter.text = text;
        auto page = log->query(filter, {0, 10});
        ASSERT_TRUE(page);
        ASSERT_EQ(page->events.size(), 1) << text.toStdString();
        EXPECT_EQ(page->events.first().seq, seq);
        EXPECT_EQ(*log->count(filter), 1) << text.toStdString();
    }
}

TEST_F(QueryTest, CombinedFiltersAreAnded)
{
    EventFilter f;
    f.actorId = QStringLiteral("user1");
    f.actions = {Action::Edit};
    f.fromUs = minute(50);
    f.text = QStringLiteral("annual");
    expectMatches(f, [](const Event &e) {
        return e.actor.id == QStringLiteral("user1") && e.action == Action::Edit && e.recordedAtUs >= minute(50);
    });
}

TEST_F(QueryTest, TimeRangesAndCompositeIndexesPageCorrectly)
{
    EventFilter actorAction;
    actorAction.actorId = QStringLiteral("user1");
    actorAction.actions = {Action::Edit};
    expectMatches(actorAction, [](const Event &e) { return e.actor.id == QStringLiteral("user1") && e.action == Action::Edit; });

    EventFilter actionInRange;
    actionInRange.actions = {Action::Approve};
    actionInRange.fromUs = minute(40);
    actionInRange.toUs = minute(170) + 1;
    expectMatches(actionInRange, [](const Event &e) {
        return e.action == Action::Approve && e.recordedAtUs >= minute(40) && e.recordedAtUs <= minute(170);
    });

    EventFilter toOnly;
    toOnly.toUs = minute(12);
    expectMatches(toOnly, [](const Event &e) { return e.recordedAtUs < minute(12); });

    EventFilter textInRange;
    textInRange.text = QStringLiteral("torque");
    textInRange.fromUs = minute(100);
    textInRange.toUs = minute(120);
    textInRange.outcome = Outcome::Success;
    expectMatches(textInRange, [](const Event &e) {
        return e.outcome == Outcome::Success && e.recordedAtUs >= minute(100) && e.recordedAtUs < minute(120);
    });

    // Ranges before the first and after the last event, and an empty one between two events.
    for (const auto &[from, to] : {std::pair{minute(0) - kMinute, minute(1)}, std::pair{minute(kEvents) + 1, minute(kEvents + 9)},
                                   std::pair{minute(20) + 1, minute(21)}}) {
        EventFilter empty;
        empty.fromUs = from;
        empty.toUs = to;
        auto page = log->query(empty, {0, 10});
        ASSERT_TRUE(page);
        EXPECT_TRUE(page->events.isEmpty()) << from << ".." << to;
        EXPECT_EQ(*log->count(empty), 0);
    }
}

TEST(QueryBatches, TimeRangesIncludeEveryEventOfABatch)
{
    // One appendAll is one recorded_at: a range must take all of its events or none.
    TestLogDir dir;
    MockClock clock;
    auto log = dir.create({&clock});
    ASSERT_TRUE(log);
    QList<qint64> batchStarts;
    for (int batch = 0; batch < 5; ++batch) {
        clock.advance(kMinute);
        batchStarts.append(clock.nowUtcMicros());
        QList<Event> events;
        for (int i = 0; i < 4; ++i)
            events.append(sampleEvent(batch * 4 + i));
        ASSERT_TRUE(log->appendAll(events));
    }
    EventFilter f;
    f.fromUs = batchStarts[1];
    f.toUs = batchStarts[3];
    auto page = log->query(f, {0, 100});
    ASSERT_TRUE(page);
    QList<qint64> seqs;
    for (const Event &e : page->events)
        seqs.append(e.seq);
    EXPECT_EQ(seqs, (QList<qint64>{5, 6, 7, 8, 9, 10, 11, 12}));
    auto second = log->query(f, {6, 3});
    ASSERT_TRUE(second);
    ASSERT_EQ(second->events.size(), 3);
    EXPECT_EQ(second->events.first().seq, 7);
    EXPECT_TRUE(second->hasMore);
}

TEST_F(QueryTest, PagesComeOutOfAnIndexWithoutASort)
{
    // A sort (temp B-tree) reads every match before the first row: on a big log that is seconds.
    QList<std::pair<const char *, EventFilter>> cases;
    EventFilter f;
    f.fromUs = minute(30);
    f.toUs = minute(90);
    cases.append({"time range", f});
    f = {};
    f.fromUs = minute(30);
    cases.append({"from", f});
    f.objectType = QStringLiteral("procedure");
    f.outcome = Outcome::Success;
    cases.append({"from, type, outcome", f});
    f = {};
    f.actorId = QStringLiteral("user1");
    f.actions = {Action::Edit};
    cases.append({"actor and action", f});
    f.fromUs = minute(30);
    cases.append({"actor, action and time", f});
    f = {};
    f.actions = {Action::Edit};
    f.toUs = minute(90);
    cases.append({"action and time", f});
    f = {};
    f.text = QStringLiteral("torque calib");
    cases.append({"text", f});
    f.fromUs = minute(30);
    f.outcome = Outcome::Denied;
    cases.append({"text, time, outcome", f});
    for (const auto &[name, filter] : cases) {
        auto plan = log->queryPlan(filter);
        ASSERT_TRUE(plan) << name << ": " << plan.error().message().toStdString();
        EXPECT_FALSE(plan->contains(QStringLiteral("TEMP B-TREE"))) << name << ":\n" << plan->toStdString();
        EXPECT_FALSE(plan->contains(QStringLiteral("SCAN TABLE events "))) << name << ":\n" << plan->toStdString();
    }
    EventFilter actorAction;
    actorAction.actorId = QStringLiteral("user1");
    actorAction.actions = {Action::Edit};
    EXPECT_TRUE(log->queryPlan(actorAction)->contains(QStringLiteral("ix_events_actor_action")));
}

TEST_F(QueryTest, PaginationIsKeysetAndSeamless)
{
    QList<qint64> all;
    for (int i = 1; i <= kEvents; ++i)
        all.append(i);
    EXPECT_EQ(allPages({}, 13), all);
    auto tail = log->query({}, {kEvents - 2, 10});
    ASSERT_TRUE(tail);
    EXPECT_EQ(tail->events.size(), 2);
    EXPECT_FALSE(tail->hasMore);
    EXPECT_EQ(tail->nextAfterSeq, kEvents);
    auto past = log->query({}, {kEvents, 10});
    EXPECT_TRUE(past->events.isEmpty());
}

TEST_F(QueryTest, EveryFilterCombinationUsesAnIndex)
{
    // Each filter alone and a few combinations; no plan may scan the events table without an index.
    QList<EventFilter> filters;
    filters.append(EventFilter{});
    EventFilter f;
    f.actorId = QStringLiteral("u");
    filters.append(f);
    f = {};
    f.actions = {Action::View, Action::Edit};
    filters.append(f);
    f = {};
    f.objectId = QStringLiteral("DOC-1");
    filters.append(f);
    f = {};
    f.objectType = QStringLiteral("procedure");
    filters.append(f);
    f = {};
    f.outcome = Outcome::Failed;
    filters.append(f);
    f = {};
    f.fromUs = 1;
    filters.append(f);
    f = {};
    f.toUs = 1;
    filters.append(f);
    f = {};
    f.text = QStringLiteral("torque");
    filters.append(f);
    f = {};
    f.text = QStringLiteral("torque");
    f.outcome = Outcome::Success;
    f.fromUs = 5;
    f.actions = {Action::View};
    filters.append(f);
    static const QRegularExpression unindexedScan(QStringLiteral("^SCAN TABLE events( AS \\w+)?$"));
    for (const EventFilter &filter : filters) {
        auto plan = log->queryPlan(filter);
        ASSERT_TRUE(plan) << plan.error().message().toStdString();
        for (const QString &line : plan->split(QLatin1Char('\n'))) {
            EXPECT_FALSE(unindexedScan.match(line).hasMatch()) << "full scan: " << plan->toStdString();
            if (line.contains(QStringLiteral("TABLE events ")) && !line.contains(QStringLiteral("events_text"))) {
                EXPECT_TRUE(line.contains(QStringLiteral("USING"))) << plan->toStdString();
            }
        }
    }
}

TEST_F(QueryTest, NewestFirstAndBeforeSeqBoundThePageFromAbove)
{
    EventFilter all;
    PageRequest page{0, 5};
    page.order = PageRequest::Order::NewestFirst;
    auto newest = log->query(all, page);
    ASSERT_TRUE(newest);
    ASSERT_EQ(newest->events.size(), 5);
    EXPECT_EQ(newest->events.first().seq, kEvents);
    EXPECT_EQ(newest->nextBeforeSeq, kEvents - 4);
    EXPECT_TRUE(newest->hasMore);
    // A window between two seqs, in both orders.
    page = PageRequest{10, 100};
    page.beforeSeq = 15;
    auto window = log->query(all, page);
    ASSERT_TRUE(window);
    ASSERT_EQ(window->events.size(), 4);
    EXPECT_EQ(window->events.first().seq, 11);
    EXPECT_EQ(window->events.last().seq, 14);
    EXPECT_FALSE(window->hasMore);
    page.order = PageRequest::Order::NewestFirst;
    window = log->query(all, page);
    ASSERT_TRUE(window);
    ASSERT_EQ(window->events.size(), 4);
    EXPECT_EQ(window->events.first().seq, 14);
    // The month pages of an old period, newest first, start at the period's end.
    EventFilter period;
    period.fromUs = minute(10) - 1;
    period.toUs = minute(20) - 1;
    page = PageRequest{0, 3};
    page.order = PageRequest::Order::NewestFirst;
    auto last = log->query(period, page);
    ASSERT_TRUE(last);
    ASSERT_EQ(last->events.size(), 3);
    EXPECT_EQ(last->events.first().seq, 19);
    PageRequest negative;
    negative.beforeSeq = -1;
    EXPECT_EQ(log->query(all, negative).error().code(), ErrorCode::InvalidArgument);
}

TEST_F(QueryTest, OccurredAtFiltersUseTheRecordedTimeWhenAnEventCarriesNone)
{
    // Imported history: occurred long before it was recorded.
    Event imported = sampleEvent(0);
    imported.occurredAtUs = minute(-100000);
    ASSERT_TRUE(log->append(imported));
    const qint64 importedSeq = kEvents + 1;
    EventFilter early;
    early.occurredToUs = minute(-1000);
    EXPECT_EQ(allPages(early, 10), (QList<qint64>{importedSeq}));
    EXPECT_EQ(*log->count(early), 1);
    EventFilter firstFive; // events without occurred_at count by recorded_at
    firstFive.occurredFromUs = minute(0);
    firstFive.occurredToUs = minute(6);
    EXPECT_EQ(allPages(firstFive, 2), (QList<qint64>{1, 2, 3, 4, 5}));
    EventFilter recorded; // recorded_at puts the imported event at the end
    recorded.fromUs = minute(kEvents);
    EXPECT_EQ(allPages(recorded, 10), (QList<qint64>{kEvents, importedSeq}));
}

TEST_F(QueryTest, NewestFirstPagesNeedNoSort)
{
    QList<EventFilter> filters;
    EventFilter f;
    filters.append(f);
    f.actorId = QStringLiteral("user1");
    filters.append(f);
    f.actions = {Action::Edit};
    filters.append(f);
    f = {};
    f.fromUs = minute(3);
    f.toUs = minute(40);
    filters.append(f);
    f = {};
    f.text = QStringLiteral("calibration");
    filters.append(f);
    f = {};
    f.objectId = QStringLiteral("SOP-3");
    filters.append(f);
    for (const EventFilter &filter : filters) {
        auto plan = log->queryPlan(filter, PageRequest::Order::NewestFirst);
        ASSERT_TRUE(plan) << plan.error().message().toStdString();
        EXPECT_FALSE(plan->contains(QStringLiteral("TEMP B-TREE"))) << plan->toStdString();
    }
}

TEST_F(QueryTest, HostileTextIsBoundNotSpliced)
{
    for (const QString &text : {QStringLiteral("'); DROP TABLE events; --"), QStringLiteral("\" OR 1=1 --"),
                                QStringLiteral("torque NEAR/2 wrench*"), QStringLiteral("^$%&"), QStringLiteral("title:torque")}) {
        EventFilter f;
        f.text = text;
        f.actorId = QStringLiteral("x' OR '1'='1");
        auto page = log->query(f, {0, 10});
        ASSERT_TRUE(page) << text.toStdString() << ": " << page.error().message().toStdString();
        EXPECT_TRUE(page->events.isEmpty());
    }
    EXPECT_EQ(*log->count({}), kEvents);
    EXPECT_TRUE(log->verify().ok);
}

TEST_F(QueryTest, StatisticsMatchTheOracle)
{
    auto stats = log->statistics(minute(10), minute(130));
    ASSERT_TRUE(stats);
    const auto inRange = [](const Event &e) { return e.recordedAtUs >= minute(10) && e.recordedAtUs < minute(130); };
    EXPECT_EQ(stats->total, oracle(inRange).size());
    EXPECT_EQ(stats->byAction.value(QStringLiteral("edit")), oracle([&](const Event &e) { return inRange(e) && e.action == Action::Edit; }).size());
    EXPECT_EQ(stats->byActor.value(QStringLiteral("user0")), oracle([&](const Event &e) { return inRange(e) && e.actor.id == QStringLiteral("user0"); }).size());
    EXPECT_EQ(stats->byObjectType.value(QStringLiteral("procedure")),
              oracle([&](const Event &e) { return inRange(e) && e.object.type == QStringLiteral("procedure"); }).size());
    EXPECT_EQ(stats->byOutcome.value(QStringLiteral("denied")), oracle([&](const Event &e) { return inRange(e) && e.outcome == Outcome::Denied; }).size());
    EXPECT_EQ(stats->byDay.size(), 1);
    EXPECT_EQ(stats->byDay.value(QStringLiteral("2026-01-01")), stats->total);

    auto all = log->statistics(std::nullopt, std::nullopt);
    ASSERT_TRUE(all);
    EXPECT_EQ(all->total, kEvents);
}

TEST(QuerySummary, WholeDayStatisticsFromTheSummaryEqualCountingTheEvents)
{
    // Whole-day ranges are answered from the writer's per-day summary, other ranges by counting
    // events; moving each bound by 1 µs (no event lies on a midnight) must not change a number.
    TestLogDir dir;
    MockClock clock;
    auto log = dir.create({&clock});
    ASSERT_TRUE(log);
    for (int batch = 0; batch < 40; ++batch) {
        clock.advance(5 * 3'600'000'000LL + 17);
        QList<Event> events;
        for (int i = 0; i <= batch % 4; ++i)
            events.append(sampleEvent(batch * 7 + i));
        ASSERT_TRUE(log->appendAll(events));
    }
    constexpr qint64 kDay = 86'400'000'000;
    const qint64 start = minute(0) + kDay; // 2026-01-02T00:00Z
    using Range = std::pair<std::optional<qint64>, std::optional<qint64>>;
    for (const Range &range : {Range{start, start + 3 * kDay}, Range{std::nullopt, start + 2 * kDay}, Range{start, std::nullopt},
                               Range{start + kDay, start + kDay}}) {
        auto summary = log->statistics(range.first, range.second);
        const std::optional<qint64> shiftedTo = range.second ? *range.second + 1 : start + 100 * kDay + 1;
        auto counted = log->statistics(range.first ? std::optional(*range.first + 1) : std::nullopt, shiftedTo);
        ASSERT_TRUE(summary && counted);
        EXPECT_EQ(summary->total, counted->total);
        EXPECT_EQ(summary->byAction, counted->byAction);
        EXPECT_EQ(summary->byActor, counted->byActor);
        EXPECT_EQ(summary->byObjectType, counted->byObjectType);
        EXPECT_EQ(summary->byOutcome, counted->byOutcome);
        EXPECT_EQ(summary->byDay, counted->byDay);
        EXPECT_EQ(summary->fromUs, range.first);
        EXPECT_EQ(summary->toUs, range.second);
    }
    auto all = log->statistics(std::nullopt, std::nullopt);
    ASSERT_TRUE(all);
    EXPECT_EQ(all->total, 100); // 10 × (1 + 2 + 3 + 4)
    EXPECT_GE(all->byDay.size(), 8);
    EXPECT_TRUE(log->verify().ok);
}

TEST_F(QueryTest, InvalidPagesAreRejected)
{
    EXPECT_EQ(log->query({}, {0, 0}).error().code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(log->query({}, {0, PageRequest::MaxLimit + 1}).error().code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(log->query({}, {-1, 10}).error().code(), ErrorCode::InvalidArgument);
}
