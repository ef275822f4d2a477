// SPDX-License-Identifier: LGPL-2.1-or-later
// kill -9 of a writing process, round after round: every acknowledged seq survives.
#include <qmsaudit/auditlog.h>

#include "testlog.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

#include <csignal>

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

TEST(Crash, KillNineWhileAppendingLosesNothingAcknowledged)
{
    const int rounds = qEnvironmentVariableIsSet("QMSAUDIT_CRASH_ROUNDS") ? qEnvironmentVariableIntValue("QMSAUDIT_CRASH_ROUNDS") : 50;
    ASSERT_GE(rounds, 1);
    TestLogDir dir;
    ASSERT_TRUE(dir.create());
    QRandomGenerator random(20261123); // fixed seed: reproducible kill points
    qint64 highestAcknowledged = 0;
    int killedMidway = 0;
    for (int round = 0; round < rounds; ++round) {
        QProcess writer;
        writer.start(QStringLiteral(QMSAUDIT_TEST_WRITER), {dir.logPath(), dir.keyFilePath(), QStringLiteral("0"), QStringLiteral("round%1").arg(round)});
        ASSERT_TRUE(writer.waitForStarted());
        // Let it get going, then kill it at a random moment.
        writer.waitForReadyRead(5000);
        QThread::msleep(random.bounded(5, 60));
        ::kill(pid_t(writer.processId()), SIGKILL);
        ASSERT_TRUE(writer.waitForFinished(10000));
        EXPECT_EQ(writer.exitStatus(), QProcess::CrashExit) << "round " << round << ": " << writer.readAllStandardError().toStdString();
        ++killedMidway;

        QList<qint64> acknowledged;
        for (const QByteArray &line : writer.readAllStandardOutput().split('\n')) {
            if (!line.isEmpty())
                acknowledged.append(line.toLongLong());
        }
        ASSERT_FALSE(acknowledged.isEmpty()) << "round " << round << " acknowledged nothing before the kill";
        EXPECT_GT(acknowledged.first(), highestAcknowledged);

        auto log = AuditLog::open(dir.logPath(), dir.keys());
        ASSERT_TRUE(log) << "round " << round << ": " << log.error().message().toStdString();
        for (qint64 seq : acknowledged) {
            auto event = (*log)->eventAt(seq);
            ASSERT_TRUE(event) << "round " << round << ": acknowledged seq " << seq << " lost";
            EXPECT_EQ(event->actor.id, QStringLiteral("round%1").arg(round));
        }
        const auto report = (*log)->verify();
        ASSERT_TRUE(report.ok) << "round " << round << ": " << report.summary().toStdString();
        highestAcknowledged = acknowledged.last();
    }
    EXPECT_EQ(killedMidway, rounds);
}
