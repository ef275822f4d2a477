// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/auditlog.h>

#include <QFile>
#include <qmsaudit/eventvalidator.h>

#include "mockclock.h"
#include "testlog.h"

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

TEST(AuditLog, AppendedEventsSurviveReopenWithSeqTimeAndHash)
{
    TestLogDir dir;
    MockClock clock;
    QList<Event> written;
    QString logId;
    {
        auto log = dir.create({&clock});
        ASSERT_TRUE(log);
        logId = log->logId();
        for (int i = 0; i < 3; ++i) {
            clock.advance(1'000'000);
            auto seq = log->append(sampleEvent(i));
            ASSERT_TRUE(seq) << seq.error().message().toStdString();
            EXPECT_EQ(*seq, i + 1);
            Event expected = sampleEvent(i);
            expected.seq = i + 1;
            expected.recordedAtUs = clock.nowUtcMicros();
            written.append(expected);
        }
    }
    auto log = dir.open();
    ASSERT_TRUE(log);
    EXPECT_EQ(log->logId(), logId);
    auto page = log->query({}, {0, 100});
    ASSERT_TRUE(page);
    ASSERT_EQ(page->events.size(), 3);
    for (int i = 0; i < 3; ++i) {
        Event got = page->events[i];
        EXPECT_EQ(got.hash.size(), 32);
        got.hash.clear();
        EXPECT_EQ(got, written[i]);
    }
    auto head = log->head();
    ASSERT_TRUE(head);
    EXPECT_EQ(head->seq, 3);
    EXPECT_EQ(head->hash, page->events.last().hash);
    EXPECT_TRUE(log->verify().ok);
}

TEST(AuditLog, CreateRefusesToOverwriteAnyExistingFile)
{
    TestLogDir dir;
    ASSERT_TRUE(dir.create());
    const QByteArray before = readFile(dir.logPath());
    auto again = AuditLog::create(dir.logPath(), dir.keys());
    EXPECT_EQ(again.error().code(), ErrorCode::AlreadyExists);
    EXPECT_EQ(readFile(dir.logPath()), before);

    const QString other = dir.path(QStringLiteral("notes.txt"));
    QFile file(other);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("keep me");
    file.close();
    EXPECT_EQ(AuditLog::create(other, dir.keys()).error().code(), ErrorCode::AlreadyExists);
    EXPECT_EQ(readFile(other), QByteArray("keep me"));
}

TEST(AuditLog, CreateInMissingDirectoryFailsCleanly)
{
    TestLogDir dir;
    auto log = AuditLog::create(dir.path(QStringLiteral("no/such/dir/a.qmslog")), dir.keys());
    EXPECT_EQ(log.error().code(), ErrorCode::NotFound);
}

TEST(AuditLog, OpenReportsMissingAndEmptyFiles)
{
    TestLogDir dir;
    EXPECT_EQ(AuditLog::open(dir.logPath(), dir.keys()).error().code(), ErrorCode::NotFound);
    QFile empty(dir.logPath());
    ASSERT_TRUE(empty.open(QIODevice::WriteOnly));
    empty.close();
    EXPECT_EQ(AuditLog::open(dir.logPath(), dir.keys()).error().code(), ErrorCode::NotALog);
}

TEST(AuditLog, ChangeWithoutReasonIsRejectedAndNothingIsWritten)
{
    TestLogDir dir;
    auto log = dir.create();
    Event edit = sampleEvent(1);
    edit.reason.clear();
    auto seq = log->append(edit);
    EXPECT_EQ(seq.error().code(), ErrorCode::ReasonRequired);
    EXPECT_EQ(*log->count({}), 0);
}

TEST(AuditLog, PolicyIsStoredInTheLog)
{
    TestLogDir dir;
    {
        auto log = dir.create({}, LogPolicy{});
        ASSERT_TRUE(log);
    }
    auto log = dir.open();
    EXPECT_TRUE(log->policy().reasonRequiredActions.isEmpty());
    Event edit = sampleEvent(1);
    edit.reason.clear();
    EXPECT_TRUE(log->append(edit));
}

TEST(AuditLog, AppendAllIsAtomic)
{
    TestLogDir dir;
    auto log = dir.create();
    ASSERT_TRUE(log->append(sampleEvent(0)));
    QList<Event> batch = {sampleEvent(2), sampleEvent(3), sampleEvent(4)};
    batch[1].actor.id.clear();
    auto seqs = log->appendAll(batch);
    ASSERT_FALSE(seqs);
    EXPECT_TRUE(seqs.error().message().contains(QStringLiteral("Event 2 of 3")));
    EXPECT_EQ(*log->count({}), 1);
    batch[1].actor.id = QStringLiteral("fixed");
    seqs = log->appendAll(batch);
    ASSERT_TRUE(seqs);
    EXPECT_EQ(*seqs, (QList<qint64>{2, 3, 4}));
}

TEST(AuditLog, RecordedAtNeverGoesBackwardsEvenIfTheClockDoes)
{
    TestLogDir dir;
    MockClock clock;
    auto log = dir.create({&clock});
    ASSERT_TRUE(log->append(sampleEvent(0)));
    const qint64 first = clock.nowUtcMicros();
    clock.advance(-3'600'000'000);
    ASSERT_TRUE(log->append(sampleEvent(2)));
    EXPECT_EQ(log->eventAt(2)->recordedAtUs, first);
    EXPECT_TRUE(log->verify().ok);
}

TEST(AuditLog, EventAtReportsUnknownSeq)
{
    TestLogDir dir;
    auto log = dir.create();
    EXPECT_EQ(log->eventAt(1).error().code(), ErrorCode::NotFound);
}

TEST(AuditLog, OversizedEventIsRejectedWithoutWriting)
{
    TestLogDir dir;
    auto log = dir.create();
    Event big = sampleEvent(0);
    // 256 changes of 2 x 64 Ki characters encode to far more than the 4 MiB limit.
    for (int i = 0; i < EventLimits::Changes; ++i)
        big.changes.append({QStringLiteral("f%1").arg(i), QString(EventLimits::ChangeValue, QLatin1Char('a')), QString(EventLimits::ChangeValue, QLatin1Char('b'))});
    EXPECT_EQ(log->append(big).error().code(), ErrorCode::InvalidEvent);
    EXPECT_EQ(*log->count({}), 0);
    EXPECT_TRUE(log->append(sampleEvent(0)));
}
