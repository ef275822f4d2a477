// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/audittrail.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/auditlog.h>
#include <qmsaudit/eventsampler.h>
#include <qmsaudit/timestamp.h>

#include "mockclock.h"
#include "testlog.h"

#include <QFile>
#include <QSet>

#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

const Actor kUser{QStringLiteral("u-anna"), QStringLiteral("Anna Berger"), {QStringLiteral("qa_manager")}};
const ObjectRef kSop{QStringLiteral("procedure"), QStringLiteral("SOP-017"), QStringLiteral("C"), QStringLiteral("Torque wrenches")};

class TrailTest : public ::testing::Test
{
protected:
    AuditTrailConfig config() const
    {
        AuditTrailConfig c = AuditTrailConfig::defaults();
        c.logPath = dir.logPath();
        c.keyFile = dir.keyFilePath();
        c.host = {QStringLiteral("qms-test"), QStringLiteral("9.1"), QStringLiteral("ws-7")};
        c.retryIntervalMs = 20;
        return c;
    }

    /// Buffered, and nothing is committed until flush() or close(): events stay in the queue.
    AuditTrailConfig heldBufferedConfig() const
    {
        AuditTrailConfig c = config();
        c.durability = AuditTrailConfig::Durability::Buffered;
        c.flushIntervalMs = 60000;
        c.maxBatch = 100000;
        return c;
    }

    /// All events of the log, read on a fresh connection after the trail is gone.
    QList<Event> readAll() const
    {
        auto log = AuditLog::open(dir.logPath(), dir.keys());
        EXPECT_TRUE(log) << log.error().message().toStdString();
        QList<Event> events;
        PageRequest page{0, PageRequest::MaxLimit};
        while (log) {
            auto result = (*log)->query({}, page);
            if (!result)
                break;
            events += result->events;
            if (!result->hasMore)
                break;
            page.afterSeq = result->nextAfterSeq;
        }
        if (log) {
            const auto report = (*log)->verify();
            EXPECT_TRUE(report.ok) << report.summary().toStdString();
        }
        return events;
    }

    static QList<Action> actionsOf(const QList<Event> &events)
    {
        QList<Action> actions;
        for (const Event &e : events)
            actions.append(e.action);
        return actions;
    }

    TestLogDir dir;
};

} // namespace

TEST_F(TrailTest, OpenRecordsStartedAndCloseRecordsStopped)
{
    {
        AuditTrail trail;
        ASSERT_TRUE(trail.open(config()));
        EXPECT_TRUE(trail.isOpen());
        EXPECT_TRUE(trail.isAvailable());
        trail.setCurrentUser(kUser);
        trail.setSession(QStringLiteral("sess-9"));
        auto ticket = trail.viewed(kSop);
        ASSERT_TRUE(ticket.wait(10000));
        EXPECT_TRUE(ticket.isRecorded());
        EXPECT_EQ(ticket.seq(), 2);
    } // destructor closes
    const auto events = readAll();
    ASSERT_EQ(actionsOf(events), (QList<Action>{Action::Started, Action::View, Action::Stopped}));
    EXPECT_EQ(events[0].attributes.value(QStringLiteral("version")), QStringLiteral("0.1.0"));
    EXPECT_EQ(events[0].attributes.value(QStringLiteral("config_digest")), config().digest());
    EXPECT_EQ(events[0].host.app, QStringLiteral("qms-test"));
    EXPECT_EQ(events[1].actor, kUser);
    EXPECT_EQ(events[1].session, QStringLiteral("sess-9"));
    EXPECT_EQ(events[1].object, kSop);
    EXPECT_EQ(events[1].host.workstation, QStringLiteral("ws-7"));
}

TEST_F(TrailTest, ConvenienceCallsRecordTheRightActionsAndFields)
{
    {
        AuditTrail trail;
        ASSERT_TRUE(trail.open(config()));
        trail.setCurrentUser(kUser);
        QList<RecordTicket> tickets = {
            trail.printed(kSop),
            trail.exported(kSop, QStringLiteral("pdf")),
            trail.changed(kSop, {{QStringLiteral("interval_days"), QStringLiteral("365"), QStringLiteral("180")}}, QStringLiteral("CAPA-9")),
            trail.signature(kSop, QStringLiteral("approved as author")),
            trail.accessDenied(kSop, QStringLiteral("no role")),
            trail.loginFailed(QStringLiteral("mallory"), QStringLiteral("bad password")),
            trail.trailViewed(QStringLiteral("filter: actor=u-anna")),
            trail.trailExported(QStringLiteral("csv"), 42),
        };
        for (const auto &t : tickets) {
            ASSERT_TRUE(t.wait(10000));
            EXPECT_TRUE(t.isRecorded()) << t.error().message().toStdString();
        }
    }
    const auto events = readAll();
    ASSERT_EQ(events.size(), 10);
    EXPECT_EQ(events[2].attributes.value(QStringLiteral("format")), QStringLiteral("pdf"));
    EXPECT_EQ(events[3].changes.first().oldValue, QStringLiteral("365"));
    EXPECT_EQ(events[3].reason, QStringLiteral("CAPA-9"));
    EXPECT_EQ(events[4].action, Action::Sign);
    EXPECT_EQ(events[4].signatureMeaning, QStringLiteral("approved as author"));
    EXPECT_EQ(events[5].outcome, Outcome::Denied);
    EXPECT_EQ(events[6].actor.id, QStringLiteral("mallory"));
    EXPECT_EQ(events[7].action, Action::TrailViewed);
    EXPECT_EQ(events[7].object.type, QStringLiteral("audit_trail"));
    EXPECT_EQ(events[8].attributes.value(QStringLiteral("event_count")), QStringLiteral("42"));
}

TEST_F(TrailTest, InvalidEventFailsItsTicketAndIsReportedToTheHost)
{
    AuditTrail trail;
    ASSERT_TRUE(trail.open(config()));
    trail.setCurrentUser(kUser);
    QList<Error> reported;
    QObject::connect(&trail, &AuditTrail::recordFailed, [&](const Error &e) { reported.append(e); });
    auto ticket = trail.changed(kSop, {}, QString());
    EXPECT_TRUE(ticket.isFinished());
    EXPECT_EQ(ticket.error().code(), ErrorCode::ReasonRequired);
    ASSERT_EQ(reported.size(), 1);
    EXPECT_EQ(reported.first().code(), ErrorCode::ReasonRequired);
    EXPECT_TRUE(trail.isAvailable()); // a caller's mistake is not an outage
}

TEST_F(TrailTest, HostsCannotRecordWhatOnlyTheLibraryWrites)
{
    AuditTrail trail;
    ASSERT_TRUE(trail.open(config()));
    trail.setCurrentUser(kUser);
    QList<Error> reported;
    QObject::connect(&trail, &AuditTrail::recordFailed, [&](const Error &e) { reported.append(e); });
    for (Action action : allActions()) {
        Event event;
        event.action = action;
        event.object = kSop;
        event.reason = QStringLiteral("because");
        event.signatureMeaning = QStringLiteral("approved");
        auto ticket = trail.record(event);
        ticket.wait();
        EXPECT_EQ(!ticket.isRecorded(), isLibraryOnlyAction(action)) << actionName(action).toStdString() << ": " << ticket.error().message().toStdString();
        if (isLibraryOnlyAction(action)) {
            EXPECT_EQ(ticket.error().code(), ErrorCode::InvalidEvent);
        }
    }
    EXPECT_EQ(reported.size(), 7);
    EXPECT_TRUE(trail.isAvailable());
}

TEST_F(TrailTest, RecordingWhileClosedFailsClearly)
{
    AuditTrail trail;
    auto ticket = trail.viewed(kSop);
    EXPECT_EQ(ticket.error().code(), ErrorCode::Unavailable);
    EXPECT_FALSE(trail.isAvailable());
}

TEST_F(TrailTest, EightThreadsProduceOneGapFreeChainAndEveryTicketCompletes)
{
    constexpr int kThreads = 8;
    constexpr int kPerThread = 400;
    std::vector<QList<RecordTicket>> tickets(kThreads);
    std::atomic<int> recordedSignals{0};
    {
        AuditTrail trail;
        ASSERT_TRUE(trail.open(config()));
        trail.setCurrentUser(kUser);
        QObject::connect(&trail, &AuditTrail::recorded, [&](qint64) { ++recordedSignals; });
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kPerThread; ++i)
                    tickets[t].append(trail.viewed({QStringLiteral("procedure"), QStringLiteral("T%1-%2").arg(t).arg(i), {}, {}}));
            });
        }
        for (auto &thread : threads)
            thread.join();
        ASSERT_TRUE(trail.flush(60000));
    }
    QSet<qint64> seqs;
    for (const auto &list : tickets) {
        for (const RecordTicket &ticket : list) {
            ASSERT_TRUE(ticket.isRecorded()) << ticket.error().message().toStdString();
            seqs.insert(ticket.seq());
        }
    }
    EXPECT_EQ(seqs.size(), kThreads * kPerThread); // no duplicates
    const auto events = readAll();
    EXPECT_EQ(events.size(), kThreads * kPerThread + 2); // + started, stopped
    for (qsizetype i = 0; i < events.size(); ++i)
        ASSERT_EQ(events[i].seq, i + 1);
    for (const auto &list : tickets) {
        for (const RecordTicket &ticket : list)
            EXPECT_EQ(events[ticket.seq() - 1].object.id.section(QLatin1Char('-'), 0, 0).left(1), QStringLiteral("T"));
    }
    // `started` was signalled before the test connected; `stopped` after.
    EXPECT_EQ(recordedSignals.load(), kThreads * kPerThread + 1);
}

TEST_F(TrailTest, BufferedRecordReturnsBeforeTheCommit)
{
    AuditTrailConfig c = heldBufferedConfig();
    AuditTrail trail;
    ASSERT_TRUE(trail.open(c));
    trail.setCurrentUser(kUser);
    auto ticket = trail.viewed(kSop);
    EXPECT_FALSE(ticket.isFinished()); // accepted, waiting for the next commit
    ASSERT_TRUE(trail.flush(10000));
    EXPECT_TRUE(ticket.isRecorded());
}

TEST_F(TrailTest, CleanShutdownWithAFullBufferedQueueLosesNothing)
{
    constexpr int kCapacity = 3000;
    AuditTrailConfig c = heldBufferedConfig();
    c.queueCapacity = kCapacity;
    c.backPressure = AuditTrailConfig::BackPressure::Fail;
    QList<RecordTicket> tickets;
    {
        AuditTrail trail;
        ASSERT_TRUE(trail.open(c));
        trail.setCurrentUser(kUser);
        for (int i = 0; i < kCapacity; ++i)
            tickets.append(trail.viewed({QStringLiteral("procedure"), QStringLiteral("Q-%1").arg(i), {}, {}}));
        for (const auto &t : tickets)
            ASSERT_FALSE(t.isFinished()); // all still queued
    }
    for (const auto &t : tickets)
        EXPECT_TRUE(t.isRecorded());
    const auto events = readAll();
    ASSERT_EQ(events.size(), kCapacity + 2);
    EXPECT_EQ(events.last().action, Action::Stopped);
    EXPECT_EQ(events[kCapacity].object.id, QStringLiteral("Q-%1").arg(kCapacity - 1));
}

TEST_F(TrailTest, FullQueueFailsFastUnderFailBackPressureAndTheLossIsRecorded)
{
    AuditTrailConfig c = heldBufferedConfig();
    c.queueCapacity = 10;
    c.backPressure = AuditTrailConfig::BackPressure::Fail;
    c.failurePolicy = AuditTrailConfig::FailurePolicy::FailOpen;
    QList<bool> availability;
    {
        AuditTrail trail;
        ASSERT_TRUE(trail.open(c));
        QObject::connect(&trail, &AuditTrail::availabilityChanged, [&](bool a) { availability.append(a); });
        trail.setCurrentUser(kUser);
        for (int i = 0; i < 10; ++i)
            trail.viewed(kSop);
        auto overflow = trail.viewed(kSop);
        EXPECT_EQ(overflow.error().code(), ErrorCode::QueueFull);
        EXPECT_FALSE(trail.isAvailable());
        EXPECT_EQ(trail.lostEventCount(), 1);
        ASSERT_TRUE(trail.flush(10000));
        EXPECT_TRUE(trail.isAvailable());
    }
    EXPECT_EQ(availability.mid(0, 2), (QList<bool>{false, true}));
    const auto events = readAll();
    const auto failed = std::find_if(events.begin(), events.end(), [](const Event &e) { return e.action == Action::RecordFailed; });
    ASSERT_NE(failed, events.end());
    EXPECT_EQ(failed->attributes.value(QStringLiteral("lost_events")), QStringLiteral("1"));
    EXPECT_EQ(failed->attributes.value(QStringLiteral("error")), QStringLiteral("queue_full"));
}

TEST_F(TrailTest, BlockBackPressureWaitsForRoomThenFails)
{
    AuditTrailConfig c = heldBufferedConfig();
    c.queueCapacity = 3;
    c.blockTimeoutMs = 50;
    AuditTrail trail;
    ASSERT_TRUE(trail.open(c));
    trail.setCurrentUser(kUser);
    for (int i = 0; i < 3; ++i)
        EXPECT_FALSE(trail.viewed(kSop).isFinished());
    EXPECT_EQ(trail.viewed(kSop).error().code(), ErrorCode::QueueFull);
}

TEST_F(TrailTest, KeyFileRemovedMidRunFailsClosedThenRecovers)
{
    const QByteArray key = readFile(dir.keyFilePath());
    QList<bool> availability;
    QList<Error> failures;
    {
        AuditTrail trail;
        ASSERT_TRUE(trail.open(config()));
        QObject::connect(&trail, &AuditTrail::availabilityChanged, [&](bool a) { availability.append(a); });
        QObject::connect(&trail, &AuditTrail::recordFailed, [&](const Error &e) { failures.append(e); });
        trail.setCurrentUser(kUser);
        auto before = trail.viewed(kSop);
        ASSERT_TRUE(before.wait(10000) && before.isRecorded());

        ASSERT_TRUE(QFile::remove(dir.keyFilePath()));
        auto during = trail.viewed(kSop);
        ASSERT_TRUE(during.wait(10000));
        EXPECT_EQ(during.error().code(), ErrorCode::KeyUnavailable);
        EXPECT_FALSE(trail.isAvailable());
        auto refused = trail.viewed(kSop); // fail_closed: refused at once while unavailable
        EXPECT_EQ(refused.error().code(), ErrorCode::Unavailable);

        QFile restored(dir.keyFilePath());
        ASSERT_TRUE(restored.open(QIODevice::WriteOnly));
        restored.write(key);
        restored.close();
        restored.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        for (int i = 0; i < 500 && !trail.isAvailable(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        ASSERT_TRUE(trail.isAvailable()) << "the trail did not recover once the key was back";
        auto after = trail.viewed(kSop);
        ASSERT_TRUE(after.wait(10000) && after.isRecorded());
    }
    EXPECT_EQ(availability.mid(0, 2), (QList<bool>{false, true}));
    ASSERT_GE(failures.size(), 2);
    EXPECT_EQ(failures[0].code(), ErrorCode::KeyUnavailable);
    const auto events = readAll();
    EXPECT_EQ(actionsOf(events), (QList<Action>{Action::Started, Action::View, Action::RecordFailed, Action::View, Action::Stopped}));
    EXPECT_EQ(events[2].attributes.value(QStringLiteral("lost_events")), QStringLiteral("2"));
    // The root cause, not the refusal that followed it.
    EXPECT_EQ(events[2].attributes.value(QStringLiteral("error")), QStringLiteral("key_unavailable"));
}

TEST_F(TrailTest, FailOpenKeepsAcceptingAndCountsEveryLoss)
{
    AuditTrailConfig c = config();
    c.failurePolicy = AuditTrailConfig::FailurePolicy::FailOpen;
    const QByteArray key = readFile(dir.keyFilePath());
    {
        AuditTrail trail;
        ASSERT_TRUE(trail.open(c));
        trail.setCurrentUser(kUser);
        ASSERT_TRUE(QFile::remove(dir.keyFilePath()));
        for (int i = 0; i < 3; ++i) {
            auto ticket = trail.viewed(kSop);
            ASSERT_TRUE(ticket.wait(10000));
            EXPECT_EQ(ticket.error().code(), ErrorCode::KeyUnavailable); // tried, not refused
        }
        EXPECT_EQ(trail.lostEventCount(), 3);
        QFile restored(dir.keyFilePath());
        ASSERT_TRUE(restored.open(QIODevice::WriteOnly));
        restored.write(key);
        restored.close();
        restored.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        auto after = trail.viewed(kSop);
        ASSERT_TRUE(after.wait(10000) && after.isRecorded());
        EXPECT_EQ(trail.lostEventCount(), 0);
    }
    const auto events = readAll();
    EXPECT_EQ(actionsOf(events), (QList<Action>{Action::Started, Action::RecordFailed, Action::View, Action::Stopped}));
    EXPECT_EQ(events[1].attributes.value(QStringLiteral("lost_events")), QStringLiteral("3"));
    EXPECT_EQ(events[1].attributes.value(QStringLiteral("error")), QStringLiteral("key_unavailable"));
}

TEST_F(TrailTest, ClockStepsAreRecordedAsAnomalies)
{
    MockClock clock;
    AuditTrailConfig c = config();
    c.clock = &clock;
    {
        AuditTrail trail;
        ASSERT_TRUE(trail.open(c));
        trail.setCurrentUser(kUser);
        clock.advance(-3'600'000'000); // an hour back
        ASSERT_TRUE(trail.viewed(kSop).wait(10000));
        clock.advance(2 * 86'400'000'000LL); // two days ahead
        ASSERT_TRUE(trail.viewed(kSop).wait(10000));
    }
    const auto events = readAll();
    ASSERT_EQ(actionsOf(events), (QList<Action>{Action::Started, Action::ClockAnomaly, Action::View, Action::ClockAnomaly, Action::View,
                                                Action::Stopped}));
    EXPECT_EQ(events[1].attributes.value(QStringLiteral("kind")), QStringLiteral("backwards"));
    EXPECT_EQ(events[3].attributes.value(QStringLiteral("kind")), QStringLiteral("jump"));
    EXPECT_GE(events[2].recordedAtUs, events[0].recordedAtUs); // the chain's time never goes back
}

TEST_F(TrailTest, DefaultTrailIsClearedWhenItIsDestroyed)
{
    {
        AuditTrail trail;
        AuditTrail::setDefaultTrail(&trail);
        EXPECT_EQ(AuditTrail::defaultTrail(), &trail);
    }
    EXPECT_EQ(AuditTrail::defaultTrail(), nullptr);
}

TEST_F(TrailTest, QueriesAndVerificationUseTheTrailsLog)
{
    AuditTrail trail;
    ASSERT_TRUE(trail.open(config()));
    trail.setCurrentUser(kUser);
    ASSERT_TRUE(trail.viewed(kSop).wait(10000));
    EventFilter filter;
    filter.objectId = kSop.id;
    auto page = trail.query(filter);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->events.size(), 1);
    EXPECT_EQ(page->events.first().actor, kUser);
    EXPECT_TRUE(trail.verify().ok);
}

TEST_F(TrailTest, UseOfTheTrailIsRecordedWithItsFilterAndVerdict)
{
    AuditTrail trail;
    ASSERT_TRUE(trail.open(config()));
    trail.setCurrentUser(kUser);
    auto reader = trail.reader();
    ASSERT_TRUE(reader) << reader.error().message().toStdString();
    EventFilter filter;
    filter.actorId = QStringLiteral("u-anna");
    filter.actions = {Action::Edit};
    ASSERT_TRUE(trail.trailViewed(QStringLiteral("AuditLogView"), filter).wait(10000));
    const VerificationReport report = (*reader)->verify();
    ASSERT_TRUE(report.ok);
    // An auditor looking on someone else's session is the actor, not the trail's current user.
    const Actor inspector{QStringLiteral("a.inspector"), QStringLiteral("Anna Inspector"), {QStringLiteral("auditor")}};
    ASSERT_TRUE(trail.trailVerified(report, QStringLiteral("IntegrityView"), inspector).wait(10000));
    ASSERT_TRUE(trail.accessDenied(trail.trailObject(), QStringLiteral("needs trail.export"), inspector).wait(10000));
    // The shared reader outlives the trail's own use of it and sees the new events.
    EXPECT_EQ(*(*reader)->count({}), 4);
    trail.close();

    const auto events = readAll();
    ASSERT_EQ(events.size(), 5); // started, trail_viewed, trail_verified, access_denied, stopped
    const Event &viewed = events[1];
    EXPECT_EQ(viewed.action, Action::TrailViewed);
    EXPECT_EQ(viewed.object.type, QStringLiteral("audit_trail"));
    EXPECT_EQ(viewed.attributes.value(QStringLiteral("view")), QStringLiteral("AuditLogView"));
    EXPECT_EQ(viewed.attributes.value(QStringLiteral("filter")), filter.describe());
    EXPECT_EQ(viewed.actor, kUser);
    const Event &verified = events[2];
    EXPECT_EQ(verified.action, Action::TrailVerified);
    EXPECT_EQ(verified.actor, inspector);
    EXPECT_EQ(verified.attributes.value(QStringLiteral("result")), QStringLiteral("ok"));
    EXPECT_EQ(verified.attributes.value(QStringLiteral("event_count")), QStringLiteral("2"));
    EXPECT_EQ(verified.attributes.value(QStringLiteral("head_hash")), QString::fromLatin1(report.headHash.toHex()));
    EXPECT_EQ(events[3].action, Action::AccessDenied);
    EXPECT_EQ(events[3].outcome, Outcome::Denied);
    EXPECT_EQ(events[3].object, trail.trailObject());
    EXPECT_EQ(events[3].actor, inspector);
}

TEST_F(TrailTest, ReviewsAreNewEventsThatNameWhatTheyCoverAndChangeNothingBefore)
{
    AuditTrail trail;
    ASSERT_TRUE(trail.open(config()));
    trail.setCurrentUser(kUser);
    const auto recorded = [](const RecordTicket &ticket) { return ticket.wait(10000) && ticket.isRecorded(); };
    const auto refusal = [](const RecordTicket &ticket) {
        EXPECT_TRUE(ticket.wait(10000));
        return ticket.error().code();
    };
    for (int i = 0; i < 30; ++i)
        ASSERT_TRUE(recorded(trail.record(sampleEvent(i))));
    auto reader = trail.reader();
    ASSERT_TRUE(reader);
    const QList<Event> before = (*reader)->query({}, {0, 100})->events;

    // A sample, its events reviewed, a finding in one of them, and the signed statement.
    SampleRequest request;
    request.filter.actions = {Action::Edit};
    request.seed = 4;
    request.size = 3;
    auto sample = EventSampler::draw(**reader, request);
    ASSERT_TRUE(sample);
    ReviewRecord reviewed;
    reviewed.seqs = {sample->seqs[2], sample->seqs[0], sample->seqs[1], sample->seqs[0]}; // any order, a repeat
    reviewed.filter = sample->request.filter;
    reviewed.upToSeq = sample->request.upToSeq;
    reviewed.populationDigest = sample->populationDigest;
    reviewed.comment = QStringLiteral("Reasons match the change requests");
    const Actor inspector{QStringLiteral("a.inspector"), QStringLiteral("Anna Inspector"), {QStringLiteral("auditor")}};
    ASSERT_TRUE(recorded(trail.reviewRecorded(reviewed, inspector)));
    ReviewRecord finding;
    finding.kind = ReviewRecord::Kind::Finding;
    finding.seqs = {sample->seqs[1]};
    finding.comment = QStringLiteral("Reason too vague for a GMP change");
    ASSERT_TRUE(recorded(trail.reviewRecorded(finding, inspector)));
    ReviewRecord statement;
    statement.kind = ReviewRecord::Kind::TrailReviewed;
    statement.periodFromUs = parseTimestamp(QStringLiteral("2026-07-01"));
    statement.periodToUs = parseTimestamp(QStringLiteral("2026-10-01"));
    statement.scope = QStringLiteral("all GMP documents");
    statement.result = QStringLiteral("1 finding");
    statement.signatureMeaning = QStringLiteral("reviewed as QA auditor");
    ASSERT_TRUE(recorded(trail.reviewRecorded(statement))); // by the current user

    // Incomplete records are refused at once and leave the log as it is.
    ReviewRecord vague;
    vague.kind = ReviewRecord::Kind::Finding;
    vague.seqs = {1};
    EXPECT_EQ(refusal(trail.reviewRecorded(vague)), ErrorCode::InvalidArgument);
    ReviewRecord unsigned_ = statement;
    unsigned_.signatureMeaning.clear();
    EXPECT_EQ(refusal(trail.reviewRecorded(unsigned_)), ErrorCode::InvalidArgument);
    ReviewRecord tooMany;
    for (qint64 seq = 1; seq <= ReviewRecord::MaxSeqs + 1; ++seq)
        tooMany.seqs.append(seq);
    EXPECT_EQ(refusal(trail.reviewRecorded(tooMany)), ErrorCode::InvalidArgument);
    ReviewRecord undigested = reviewed;
    undigested.populationDigest.clear();
    EXPECT_EQ(refusal(trail.reviewRecorded(undigested)), ErrorCode::InvalidArgument);
    trail.close();

    const QList<Event> events = readAll();
    // started, 30 events, 3 reviews, stopped: the events before are untouched.
    ASSERT_EQ(events.size(), 35);
    for (qsizetype i = 0; i < before.size(); ++i)
        EXPECT_EQ(events[i].hash, before[i].hash);
    const Event &first = events[31];
    EXPECT_EQ(first.action, Action::ReviewRecorded);
    EXPECT_EQ(first.object, trail.trailObject());
    EXPECT_EQ(first.actor, inspector);
    EXPECT_EQ(first.reason, reviewed.comment);
    EXPECT_EQ(first.attributes.value(QStringLiteral("kind")), QStringLiteral("events_reviewed"));
    QList<qint64> seqs = sample->seqs;
    std::sort(seqs.begin(), seqs.end());
    EXPECT_EQ(first.attributes.value(QStringLiteral("seqs")),
              QStringLiteral("%1,%2,%3").arg(seqs[0]).arg(seqs[1]).arg(seqs[2]));
    EXPECT_EQ(first.attributes.value(QStringLiteral("filter")), QStringLiteral("action=edit"));
    EXPECT_EQ(first.attributes.value(QStringLiteral("up_to_seq")), QString::number(sample->request.upToSeq));
    EXPECT_EQ(first.attributes.value(QStringLiteral("population_sha256")), QString::fromLatin1(sample->populationDigest.toHex()));
    const Event &found = events[32];
    EXPECT_EQ(found.attributes.value(QStringLiteral("kind")), QStringLiteral("finding"));
    EXPECT_EQ(found.attributes.value(QStringLiteral("seqs")), QString::number(sample->seqs[1]));
    EXPECT_EQ(found.reason, finding.comment);
    const Event &signedStatement = events[33];
    EXPECT_EQ(signedStatement.actor, kUser);
    EXPECT_EQ(signedStatement.signatureMeaning, QStringLiteral("reviewed as QA auditor"));
    EXPECT_EQ(signedStatement.attributes.value(QStringLiteral("kind")), QStringLiteral("trail_reviewed"));
    EXPECT_EQ(signedStatement.attributes.value(QStringLiteral("period_from")), formatTimestamp(*statement.periodFromUs));
    EXPECT_EQ(signedStatement.attributes.value(QStringLiteral("period_to")), formatTimestamp(*statement.periodToUs));
    EXPECT_EQ(signedStatement.attributes.value(QStringLiteral("scope")), QStringLiteral("all GMP documents"));
    EXPECT_EQ(signedStatement.attributes.value(QStringLiteral("result")), QStringLiteral("1 finding"));
}
