// SPDX-License-Identifier: LGPL-2.1-or-later
// kill -9 of a process recording heavily through an AuditTrail (8 threads, durable group commit),
// round after round at random moments: every acknowledged seq survives and the chain verifies.
// QMSAUDIT_CRASH_ROUNDS overrides the default of 50 rounds.
#include "faultsupport.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <cstdio>

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

TEST(TrailCrash, KillNineDuringHeavyDurableRecordingLosesNothingAcknowledged)
{
    const int rounds = qEnvironmentVariableIsSet("QMSAUDIT_CRASH_ROUNDS") ? qEnvironmentVariableIntValue("QMSAUDIT_CRASH_ROUNDS") : 50;
    ASSERT_GE(rounds, 1);
    TestLogDir dir;
    QRandomGenerator random(20261124); // fixed seed: reproducible kill points
    QElapsedTimer elapsed;
    elapsed.start();
    qint64 previousHead = 0;
    qint64 acknowledgedTotal = 0;
    for (int round = 0; round < rounds; ++round) {
        WriterOptions options;
        options.count = 0; // until killed
        options.threads = 8;
        options.durability = QStringLiteral("durable");
        options.actor = QStringLiteral("crash%1").arg(round);
        LiveWriter writer;
        ASSERT_TRUE(writer.start(trailWriterPath(), trailWriterArguments(dir.logPath(), dir.keyFilePath(), options)));
        // A random moment after it has acknowledged something: after 1..100 acknowledgements,
        // plus up to 20 ms more, while 8 threads keep the group commit busy.
        const qsizetype wanted = 1 + random.bounded(100);
        ASSERT_TRUE(writer.waitFor([wanted](const WriterOutput &out) { return out.acknowledged.size() >= wanted; }, 30000))
            << "round " << round << ": the writer acknowledged only " << writer.output().acknowledged.size();
        QThread::usleep(random.bounded(20000));
        const ProcessResult run = writer.kill();
        ASSERT_TRUE(run.finished) << "round " << round << ": " << run.describe();
        EXPECT_EQ(run.exitStatus, QProcess::CrashExit) << "round " << round << ": " << run.describe();
        EXPECT_TRUE(run.output.failures.isEmpty()) << "round " << round << ": " << run.output.failures.join(QLatin1Char(' ')).toStdString();
        // The kill may cut the last line in half; every complete line was acknowledged.
        const QList<qint64> &acknowledged = run.output.acknowledged;
        ASSERT_GE(acknowledged.size(), wanted);
        EXPECT_EQ(QSet<qint64>(acknowledged.begin(), acknowledged.end()).size(), acknowledged.size()) << "a seq acknowledged twice";
        EXPECT_GT(*std::min_element(acknowledged.begin(), acknowledged.end()), previousHead)
            << "round " << round << " acknowledged a seq of an earlier round";

        auto log = AuditLog::open(dir.logPath(), dir.keys());
        ASSERT_TRUE(log) << "round " << round << ": " << log.error().message().toStdString();
        ASSERT_TRUE(allAcknowledgedPresent(**log, acknowledged, options.actor)) << "round " << round;
        ASSERT_TRUE(chainVerifies(**log)) << "round " << round;
        // Each round's trail recorded `started` (open() waits for it) and never `stopped`.
        EXPECT_EQ(eventsWithAction(**log, Action::Started).size(), round + 1);
        EXPECT_TRUE(eventsWithAction(**log, Action::Stopped).isEmpty());
        auto head = (*log)->head();
        ASSERT_TRUE(head);
        previousHead = head->seq;
        acknowledgedTotal += acknowledged.size();
    }
    std::printf("%d rounds, %lld events acknowledged, %lld in the log, %.1f s\n", rounds, static_cast<long long>(acknowledgedTotal),
                static_cast<long long>(previousHead), double(elapsed.elapsed()) / 1000.0);
}
