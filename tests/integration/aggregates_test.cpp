// SPDX-License-Identifier: LGPL-2.1-or-later
// EventReader::aggregates(): every figure checked against a naive oracle over the events read
// back, for periods that do and do not line up with the rollups' months and days.
#include <qmsaudit/auditlog.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/timestamp.h>

#include "mockclock.h"
#include "sqlciphershell.h"
#include "testlog.h"

#include <QDate>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <ostream>
#include <numeric>
#include <random>
#include <thread>

namespace QmsAudit {
// Readable failures instead of object bytes.
void PrintTo(const RankedCount &r, std::ostream *os)
{
    *os << r.objectType.toStdString() << ' ' << r.id.toStdString() << ": " << r.count;
}
void PrintTo(const StaleDocument &d, std::ostream *os)
{
    *os << d.objectType.toStdString() << ' ' << d.objectId.toStdString() << " revised " << d.lastRevisedUs << " reviewed " << d.lastReviewedUs;
}
void PrintTo(const CycleTimes &c, std::ostream *os)
{
    *os << c.count << " cycles, median " << c.medianUs << ", p90 " << c.p90Us;
}
} // namespace QmsAudit

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

constexpr qint64 kHour = 3'600'000'000LL;
constexpr qint64 kDay = 24 * kHour;

qint64 utc(int year, int month, int day)
{
    return QDate(1970, 1, 1).daysTo(QDate(year, month, day)) * kDay;
}

/// The management review's figures computed the slow, obvious way from every event.
PeriodAggregates oracle(const QList<Event> &events, const AggregateRequest &request)
{
    PeriodAggregates a;
    a.fromUs = request.fromUs;
    a.toUs = request.toUs;
    std::map<std::pair<QString, QString>, qint64> accesses;
    std::map<QString, qint64> changesBy;
    std::map<QString, std::map<QString, std::vector<qint64>>> cycles; // stage -> type -> durations
    struct Last {
        qint64 revised = 0, reviewed = 0, retired = 0;
        bool any = false;
    };
    std::map<std::pair<QString, QString>, Last> last;
    for (qsizetype index = 0; index < events.size(); ++index) {
        const Event &e = events[index];
        const auto key = std::pair(e.object.type, e.object.id);
        const bool success = e.outcome == Outcome::Success;
        if (e.recordedAtUs < request.toUs && success) {
            Last &l = last[key];
            switch (e.action) {
            case Action::Create: case Action::Edit: case Action::Revise: case Action::Restore: case Action::Release:
                l.revised = e.recordedAtUs; l.any = true; break;
            case Action::Review: case Action::Approve: l.reviewed = e.recordedAtUs; l.any = true; break;
            case Action::Obsolete: case Action::Delete: l.retired = e.recordedAtUs; l.any = true; break;
            default: break;
            }
        }
        if (e.recordedAtUs < request.fromUs || e.recordedAtUs >= request.toUs)
            continue;
        const QString action = actionName(e.action);
        const QString group = actionCategoryName(actionCategory(e.action));
        const QDate date = QDate(1970, 1, 1).addDays(e.recordedAtUs / kDay);
        int weekYear = 0;
        const int weekNumber = date.weekNumber(&weekYear);
        const QString week = QStringLiteral("%1-W%2").arg(weekYear).arg(weekNumber, 2, 10, QLatin1Char('0'));
        ++a.total;
        ++a.byAction[action];
        ++a.byActionGroup[group];
        ++a.byActor[e.actor.id];
        ++a.byObjectType[e.object.type];
        ++a.byOutcome[outcomeName(e.outcome)];
        ++a.byDay[date.toString(Qt::ISODate)];
        ++a.byWeek[week];
        ++a.byMonth[date.toString(QStringLiteral("yyyy-MM"))];
        ++a.byWeekAndGroup[week][group];
        const bool change = actionCategory(e.action) == ActionCategory::Change;
        a.changes += change;
        a.approvals += e.action == Action::Approve;
        a.releases += e.action == Action::Release;
        a.denied += e.outcome == Outcome::Denied;
        if (e.action == Action::Approve)
            ++a.approvalsByWeek[week];
        if (e.action == Action::Release)
            ++a.releasesByWeek[week];
        if (e.outcome == Outcome::Denied)
            ++a.deniedByWeek[week];
        a.changesWithoutReason += change && e.reason.isEmpty();
        if (actionCategory(e.action) == ActionCategory::Access)
            ++accesses[key];
        if (change)
            ++changesBy[e.actor.id];
        if (success && (e.action == Action::Approve || e.action == Action::Release)) {
            // The latest successful submit of the same object before it, anywhere in the log.
            for (qsizetype i = index - 1; i >= 0; --i) {
                const Event &s = events[i];
                if (s.action == Action::Submit && s.outcome == Outcome::Success && s.object.type == e.object.type
                    && s.object.id == e.object.id) {
                    cycles[action][e.object.type].push_back(e.recordedAtUs - s.recordedAtUs);
                    break;
                }
            }
        }
    }
    for (auto &[stage, byType] : cycles) {
        for (auto &[type, d] : byType) {
            std::sort(d.begin(), d.end());
            const auto rank = [&](double p) { return d[size_t(std::ceil(p * double(d.size()))) - 1]; };
            (stage == QLatin1StringView("approve") ? a.submitToApprove : a.submitToRelease)[type] = {qint64(d.size()), rank(0.5), rank(0.9)};
        }
    }
    QList<StaleDocument> stale;
    for (const auto &[key, l] : last) {
        if (!l.revised && !l.reviewed)
            continue;
        if (l.retired && l.retired >= l.revised)
            continue;
        if (std::max(l.revised, l.reviewed) < request.toUs - request.staleAfterUs)
            stale.append({key.first, key.second, l.revised, l.reviewed});
    }
    std::stable_sort(stale.begin(), stale.end(), [](const StaleDocument &x, const StaleDocument &y) {
        return std::max(x.lastRevisedUs, x.lastReviewedUs) < std::max(y.lastRevisedUs, y.lastReviewedUs);
    });
    a.staleDocumentCount = stale.size();
    a.staleDocuments = stale.mid(0, request.staleLimit);
    for (const auto &[key, n] : accesses)
        a.topAccessedDocuments.append({key.first, key.second, n});
    std::stable_sort(a.topAccessedDocuments.begin(), a.topAccessedDocuments.end(),
                     [](const RankedCount &x, const RankedCount &y) { return x.count > y.count; });
    a.topAccessedDocuments = a.topAccessedDocuments.mid(0, request.topCount);
    for (const auto &[actor, n] : changesBy)
        a.topUsersByChanges.append({QString(), actor, n});
    std::stable_sort(a.topUsersByChanges.begin(), a.topUsersByChanges.end(),
                     [](const RankedCount &x, const RankedCount &y) { return x.count > y.count; });
    a.topUsersByChanges = a.topUsersByChanges.mid(0, request.topCount);
    return a;
}

void expectEqual(const PeriodAggregates &got, const PeriodAggregates &want, const std::string &period)
{
    SCOPED_TRACE(period);
    EXPECT_EQ(got.total, want.total);
    EXPECT_EQ(got.byAction, want.byAction);
    EXPECT_EQ(got.byActionGroup, want.byActionGroup);
    EXPECT_EQ(got.byActor, want.byActor);
    EXPECT_EQ(got.byObjectType, want.byObjectType);
    EXPECT_EQ(got.byOutcome, want.byOutcome);
    EXPECT_EQ(got.byDay, want.byDay);
    EXPECT_EQ(got.byWeek, want.byWeek);
    EXPECT_EQ(got.byMonth, want.byMonth);
    EXPECT_EQ(got.byWeekAndGroup, want.byWeekAndGroup);
    EXPECT_EQ(got.approvalsByWeek, want.approvalsByWeek);
    EXPECT_EQ(got.releasesByWeek, want.releasesByWeek);
    EXPECT_EQ(got.deniedByWeek, want.deniedByWeek);
    EXPECT_EQ(got.changes, want.changes);
    EXPECT_EQ(got.approvals, want.approvals);
    EXPECT_EQ(got.releases, want.releases);
    EXPECT_EQ(got.denied, want.denied);
    EXPECT_EQ(got.changesWithoutReason, want.changesWithoutReason);
    EXPECT_EQ(got.submitToApprove, want.submitToApprove);
    EXPECT_EQ(got.submitToRelease, want.submitToRelease);
    EXPECT_EQ(got.staleDocumentCount, want.staleDocumentCount);
    EXPECT_EQ(got.staleDocuments, want.staleDocuments);
    EXPECT_EQ(got.topAccessedDocuments, want.topAccessedDocuments);
    EXPECT_EQ(got.topUsersByChanges, want.topUsersByChanges);
}

class AggregatesTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        clock.set(utc(2026, 1, 27) + 7 * kHour);
        LogPolicy policy; // no reason required: changes without one must be counted
        log = dir.create({&clock}, policy);
        ASSERT_TRUE(log);
    }

    /// A random history: 8 people on 12 documents of 3 types, in batches a few hours apart, so
    /// that days and months close while it is written. Every document's ids and counts are
    /// small, so that ranking ties happen (broken by type and id in both the code and oracle).
    void appendHistory(int batches, quint64 seed)
    {
        std::mt19937_64 random(seed);
        const auto below = [&](int n) { return int(random() % quint64(n)); };
        static const Action actions[] = {Action::View,   Action::View,    Action::View,     Action::Print,  Action::Search,
                                         Action::Create, Action::Edit,    Action::Edit,     Action::Revise, Action::Submit,
                                         Action::Submit, Action::Review,  Action::Approve,  Action::Approve, Action::Release,
                                         Action::Release, Action::Obsolete, Action::Restore, Action::Delete, Action::Login,
                                         Action::AccessDenied};
        static const char *types[] = {"procedure", "form", "calibration_record"};
        for (int b = 0; b < batches; ++b) {
            clock.advance(below(30) * kHour + below(3600) * 1'000'000LL);
            QList<Event> batch;
            for (int i = 0, n = 1 + below(6); i < n; ++i) {
                Event e;
                e.actor.id = QStringLiteral("user%1").arg(below(8));
                e.action = actions[below(int(std::size(actions)))];
                const int doc = below(12);
                e.object.type = QString::fromLatin1(types[doc % 3]);
                e.object.id = QStringLiteral("DOC-%1").arg(doc, 2, 10, QLatin1Char('0'));
                const int outcome = below(10);
                e.outcome = e.action == Action::AccessDenied || outcome == 0 ? Outcome::Denied : outcome == 1 ? Outcome::Failed : Outcome::Success;
                if (actionCategory(e.action) == ActionCategory::Change && below(5) != 0)
                    e.reason = QStringLiteral("Reason %1").arg(b);
                batch.append(e);
            }
            ASSERT_TRUE(log->appendAll(batch));
        }
    }

    QList<Event> allEvents() const
    {
        QList<Event> events;
        (void)(*log->reader())->forEach({}, [&](const Event &e) {
            events.append(e);
            return true;
        });
        return events;
    }

    void expectOracle(const AggregateRequest &request)
    {
        const std::string period = formatTimestamp(request.fromUs).toStdString() + " to " + formatTimestamp(request.toUs).toStdString();
        auto got = (*log->reader())->aggregates(request);
        ASSERT_TRUE(got) << period << ": " << got.error().message().toStdString();
        expectEqual(*got, oracle(allEvents(), request), period);
    }

    /// Month-aligned periods, quarters, the whole log, odd days across month ends, the newest
    /// day alone, and periods before and after the events.
    void expectOracleForManyPeriods(quint64 seed)
    {
        // Every month and quarter from the first event's to the newest one's (whose month is
        // partly rolled up), the whole log, the newest day alone, periods after the events, and
        // random runs of days across month ends.
        const qint64 newestDay = clock.nowUtcMicros() / kDay * kDay;
        const QDate newestMonth = QDate(1970, 1, 1).addDays(newestDay / kDay);
        const auto start = [](const QDate &date) { return QDate(1970, 1, 1).daysTo(date) * kDay; };
        std::vector<std::pair<qint64, qint64>> periods;
        for (QDate month(2026, 1, 1); month <= newestMonth; month = month.addMonths(1)) {
            periods.push_back({start(month), start(month.addMonths(1))});
            if (month.month() % 3 == 1)
                periods.push_back({start(month), start(month.addMonths(3))});
        }
        periods.push_back({utc(2025, 12, 1), start(newestMonth.addYears(1))});
        periods.push_back({newestDay, newestDay + kDay});
        periods.push_back({newestDay - 40 * kDay, newestDay + kDay});
        periods.push_back({newestDay + kDay, newestDay + 40 * kDay});
        std::mt19937_64 random(seed);
        const qint64 days = (newestDay - utc(2026, 1, 20)) / kDay + 20;
        for (int i = 0; i < 12; ++i) {
            const qint64 from = utc(2026, 1, 20) + qint64(random() % quint64(days)) * kDay;
            periods.push_back({from, from + qint64(1 + random() % 90) * kDay});
        }
        for (const auto &[from, to] : periods) {
            AggregateRequest request;
            request.fromUs = from;
            request.toUs = to;
            request.topCount = 5;
            request.staleAfterUs = 20 * kDay;
            request.staleLimit = 4;
            expectOracle(request);
        }
    }

    TestLogDir dir;
    MockClock clock;
    std::unique_ptr<AuditLog> log;
};

TEST_F(AggregatesTest, EveryFigureEqualsTheOracleForManyPeriods)
{
    appendHistory(700, 1);
    ASSERT_GT(allEvents().size(), 1500);
    expectOracleForManyPeriods(11);
    // More events on the newest day, then on later days: the rollups move on, the answers too.
    appendHistory(1, 2);
    expectOracleForManyPeriods(12);
    clock.advance(3 * kDay);
    appendHistory(40, 3);
    expectOracleForManyPeriods(13);
    EXPECT_TRUE(log->verify().ok) << log->verify().summary().toStdString();
}

TEST_F(AggregatesTest, AnswersStayWholeWhileEventsAreAppended)
{
    // The rollups and the events outside them are read on two connections: the second must count
    // no event that the first one's snapshot (which gives the total) does not hold.
    appendHistory(200, 5);
    AggregateRequest request;
    request.fromUs = utc(2026, 1, 1);
    request.toUs = (clock.nowUtcMicros() / kDay + 2) * kDay;
    std::atomic_bool stop{false};
    std::thread writer([&] {
        for (int i = 0; !stop.load(); ++i)
            ASSERT_TRUE(log->append(sampleEvent(i)));
    });
    const auto sum = [](const QMap<QString, qint64> &counts) {
        return std::accumulate(counts.cbegin(), counts.cend(), qint64(0));
    };
    qint64 lastTotal = 0;
    for (int round = 0; round < 25; ++round) {
        auto a = (*log->reader())->aggregates(request);
        ASSERT_TRUE(a) << a.error().message().toStdString();
        EXPECT_EQ(sum(a->byActor), a->total) << "round " << round;
        EXPECT_EQ(sum(a->byWeek), a->total) << "round " << round;
        EXPECT_GE(a->total, lastTotal);
        lastTotal = a->total;
    }
    stop = true;
    writer.join();
    EXPECT_GE(allEvents().size(), lastTotal);
    expectOracle(request);
}

TEST_F(AggregatesTest, CyclesAndStaleDocumentsFollowTheWorkflow)
{
    // One document through draft, submit, approve and release, another obsoleted, a third only viewed.
    const auto record = [&](Action action, const QString &id, Outcome outcome = Outcome::Success) {
        Event e;
        e.actor.id = QStringLiteral("author");
        e.action = action;
        e.object.type = QStringLiteral("procedure");
        e.object.id = id;
        e.outcome = outcome;
        e.reason = actionCategory(action) == ActionCategory::Change ? QStringLiteral("why") : QString();
        ASSERT_TRUE(log->appendAll({e}));
    };
    const qint64 start = clock.nowUtcMicros();
    record(Action::Create, QStringLiteral("SOP-1"));
    record(Action::Create, QStringLiteral("SOP-2"));
    clock.advance(2 * kDay);
    record(Action::Submit, QStringLiteral("SOP-1"), Outcome::Denied); // not a submit
    clock.advance(kDay);
    record(Action::Submit, QStringLiteral("SOP-1"));
    clock.advance(5 * kDay);
    record(Action::Approve, QStringLiteral("SOP-1"));
    clock.advance(kDay);
    record(Action::Release, QStringLiteral("SOP-1"));
    record(Action::Obsolete, QStringLiteral("SOP-2"));
    record(Action::View, QStringLiteral("SOP-3"));
    clock.advance(kDay);
    record(Action::View, QStringLiteral("SOP-1")); // a new day: the release's day is rolled up

    AggregateRequest request;
    request.fromUs = start / kDay * kDay;
    request.toUs = request.fromUs + 60 * kDay;
    request.staleAfterUs = 30 * kDay;
    auto a = (*log->reader())->aggregates(request);
    ASSERT_TRUE(a) << a.error().message().toStdString();
    EXPECT_EQ(a->submitToApprove.value(QStringLiteral("procedure")), (CycleTimes{1, 5 * kDay, 5 * kDay}));
    EXPECT_EQ(a->submitToRelease.value(QStringLiteral("procedure")), (CycleTimes{1, 6 * kDay, 6 * kDay}));
    EXPECT_EQ(a->staleDocumentCount, 1); // SOP-1: released 51 days before the end; SOP-2 obsolete; SOP-3 never a document
    ASSERT_EQ(a->staleDocuments.size(), 1);
    EXPECT_EQ(a->staleDocuments.first().objectId, QStringLiteral("SOP-1"));
    expectOracle(request);
}

TEST_F(AggregatesTest, RefusesPeriodsThatAreNotWholeDays)
{
    appendHistory(5, 4);
    AggregateRequest request;
    request.fromUs = utc(2026, 2, 1) + kHour;
    request.toUs = utc(2026, 3, 1);
    auto a = (*log->reader())->aggregates(request);
    ASSERT_FALSE(a);
    EXPECT_EQ(a.error().code(), ErrorCode::InvalidArgument);
    EXPECT_TRUE(a.error().message().contains(QStringLiteral("UTC midnight"))) << a.error().message().toStdString();
    request.fromUs = request.toUs;
    EXPECT_FALSE((*log->reader())->aggregates(request));
}

TEST_F(AggregatesTest, CancelledBeforeItStartsReturnsCancelled)
{
    appendHistory(50, 5);
    const std::atomic_bool cancel{true};
    AggregateRequest request;
    request.fromUs = utc(2026, 1, 1);
    request.toUs = utc(2027, 1, 1);
    auto a = (*log->reader())->aggregates(request, &cancel);
    ASSERT_FALSE(a);
    EXPECT_EQ(a.error().code(), ErrorCode::Cancelled);
}

TEST_F(AggregatesTest, VerifyRecountsTheRollupsAndRebuildRepairsThem)
{
    appendHistory(300, 6);
    ASSERT_TRUE(log->verify().ok) << log->verify().summary().toStdString();
    log.reset();
    const auto edit = [this](const char *sql) {
        const auto r = runSqlcipher(dir.logPath(), dir.keyHex(), QString::fromLatin1(sql));
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    };
    const auto findings = [this] {
        auto reopened = dir.open();
        const VerificationReport report = reopened->verify();
        EXPECT_EQ(report.firstBadSeq(), 0); // the chain itself is intact
        return report;
    };
    struct Case {
        const char *sql;
        const char *expected;
    };
    const Case cases[] = {
        {"UPDATE rollup_object_month SET accesses = accesses + 1 WHERE object_key = (SELECT object_key FROM rollup_object_month LIMIT 1);",
         "document rollup"},
        {"UPDATE rollup_object SET object_id = object_id || 'x' WHERE object_key = 2;", "document rollup"},
        {"DELETE FROM rollup_object WHERE object_key = 3;", "document rollup"},
        {"UPDATE rollup_object_month SET last_revised_at = 0 WHERE last_revised_at IS NOT NULL;", "document rollup"},
        {"DELETE FROM rollup_actor_month WHERE actor_id = 'user3';", "person rollup"},
        {"UPDATE rollup_cycle SET submitted_at = submitted_at - 1;", "workflow cycles"},
        {"DELETE FROM rollup_cycle WHERE seq = (SELECT max(seq) FROM rollup_cycle);", "workflow cycles"},
        {"INSERT INTO rollup_actor_month VALUES (1, 'ghost', 1, 0, 0, 0);", "1970-02, a month without rolled-up events"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.sql);
        edit(c.sql);
        const VerificationReport broken = findings();
        EXPECT_FALSE(broken.ok);
        EXPECT_TRUE(broken.summary().contains(QLatin1StringView(c.expected))) << broken.summary().toStdString();
        // Derived data: recounting it from the events repairs it.
        auto reopened = dir.open();
        ASSERT_TRUE(reopened->rebuildSummary());
        EXPECT_TRUE(reopened->verify().ok) << reopened->verify().summary().toStdString();
    }
    log = dir.open();
    expectOracleForManyPeriods(16);
}

TEST_F(AggregatesTest, ChangesWithoutAReasonHaveAPartialIndex)
{
    // The count names the index (INDEXED BY): SQLite refuses the query if its WHERE does not
    // imply the index's, instead of scanning every change.
    appendHistory(100, 7);
    const auto r = runSqlcipher(dir.logPath(), dir.keyHex(),
                                QStringLiteral("EXPLAIN QUERY PLAN SELECT count(*) FROM events INDEXED BY ix_events_change_without_reason "
                                               "WHERE reason = '' AND action IN ('create', 'edit', 'revise', 'delete', 'obsolete', "
                                               "'restore') AND recorded_at >= 0 AND recorded_at < 1;"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("ix_events_change_without_reason"))) << r.out.toStdString();
}

} // namespace
