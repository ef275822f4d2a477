// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/auditlog.h>

#include "testlog.h"

#include <QProcess>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

void expectGapFreeChain(const AuditLog &log, qint64 total)
{
    const auto report = log.verify();
    EXPECT_TRUE(report.ok) << report.summary().toStdString();
    EXPECT_EQ(report.eventCount, total);
    EXPECT_EQ(report.lastSeq, total);
}

} // namespace

TEST(Concurrency, ThreadsSharingOneLogProduceOneGapFreeChain)
{
    TestLogDir dir;
    auto log = dir.create();
    constexpr int kThreads = 8;
    constexpr int kPerThread = 150;
    std::vector<QList<qint64>> seqs(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread; ++i) {
                auto seq = log->append(sampleEvent(t * 1000 + i));
                if (seq)
                    seqs[t].append(*seq);
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QSet<qint64> all;
    for (const auto &list : seqs) {
        EXPECT_EQ(list.size(), kPerThread);
        EXPECT_TRUE(std::is_sorted(list.begin(), list.end()));
        for (qint64 s : list)
            all.insert(s);
    }
    EXPECT_EQ(all.size(), kThreads * kPerThread);
    expectGapFreeChain(*log, kThreads * kPerThread);
}

TEST(Concurrency, TwoConnectionsInOneProcessShareTheChain)
{
    TestLogDir dir;
    auto first = dir.create();
    auto second = dir.open();
    ASSERT_TRUE(first && second);
    constexpr int kEach = 200;
    QList<qint64> a;
    QList<qint64> b;
    std::thread ta([&] {
        for (int i = 0; i < kEach; ++i)
            if (auto s = first->append(sampleEvent(i)))
                a.append(*s);
    });
    std::thread tb([&] {
        for (int i = 0; i < kEach; ++i)
            if (auto s = second->append(sampleEvent(i + 7)))
                b.append(*s);
    });
    ta.join();
    tb.join();
    EXPECT_EQ(a.size(), kEach);
    EXPECT_EQ(b.size(), kEach);
    QSet<qint64> all(a.begin(), a.end());
    all.unite(QSet<qint64>(b.begin(), b.end()));
    EXPECT_EQ(all.size(), 2 * kEach);
    expectGapFreeChain(*first, 2 * kEach);
}

TEST(Concurrency, TwoProcessesAppendingAtOnceProduceOneGapFreeChain)
{
    TestLogDir dir;
    ASSERT_TRUE(dir.create());
    constexpr int kEach = 300;
    QProcess writers[2];
    for (int i = 0; i < 2; ++i) {
        writers[i].start(QStringLiteral(QMSAUDIT_TEST_WRITER),
                         {dir.logPath(), dir.keyFilePath(), QString::number(kEach), QStringLiteral("proc%1").arg(i)});
        ASSERT_TRUE(writers[i].waitForStarted());
    }
    QSet<qint64> acknowledged;
    for (auto &writer : writers) {
        ASSERT_TRUE(writer.waitForFinished(120000));
        EXPECT_EQ(writer.exitCode(), 0) << writer.readAllStandardError().toStdString();
        const QList<QByteArray> lines = writer.readAllStandardOutput().split('\n');
        int count = 0;
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            EXPECT_FALSE(acknowledged.contains(line.toLongLong())) << "seq acknowledged twice: " << line.toStdString();
            acknowledged.insert(line.toLongLong());
            ++count;
        }
        EXPECT_EQ(count, kEach);
    }
    EXPECT_EQ(acknowledged.size(), 2 * kEach);
    auto log = dir.open();
    expectGapFreeChain(*log, 2 * kEach);
    EventFilter fromFirst;
    fromFirst.actorId = QStringLiteral("proc0");
    EXPECT_EQ(*log->count(fromFirst), kEach);
}

TEST(Concurrency, VerifyWhileAnotherConnectionAppendsFindsNothing)
{
    // The chain scan and the text-index check read on two connections; they must compare the
    // same events even while a writer commits between their snapshots.
    TestLogDir dir;
    LogOptions options;
    options.textPartitionEvents = 50; // the appends cross partition boundaries
    auto log = dir.create(options);
    ASSERT_TRUE(log);
    for (int i = 0; i < 400; ++i)
        ASSERT_TRUE(log->append(sampleEvent(i)));
    auto writer = dir.open();
    ASSERT_TRUE(writer);
    std::atomic<bool> stop = false;
    std::thread appending([&] {
        for (int i = 400; !stop && i < 5000; ++i)
            ASSERT_TRUE(writer->append(sampleEvent(i)));
    });
    for (int round = 0; round < 5; ++round) {
        const auto report = log->verify();
        EXPECT_TRUE(report.ok) << report.summary().toStdString();
    }
    stop = true;
    appending.join();
    EXPECT_TRUE(log->verify().ok);
}
