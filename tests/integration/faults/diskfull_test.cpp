// SPDX-License-Identifier: LGPL-2.1-or-later
// Disk full in the middle of recording: strace makes pwrite64 (SQLite writes the WAL and the
// shared-memory index with it) fail with ENOSPC for a window of calls on the writer thread.
// The failure must reach the callers (io_error), nothing acknowledged may be lost, the chain must
// verify, and once the disk has room again a record_failed event must account for every loss.
#include "faultsupport.h"

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

InjectionScenario diskFull(const QString &policy, qint64 count)
{
    InjectionScenario scenario;
    scenario.syscalls = QStringLiteral("pwrite64");
    scenario.error = QStringLiteral("ENOSPC");
    // About 22 pwrite64 per committed event: calls 150..165 hit the 7th or so commit and the
    // reconnection attempts after it; call 166 onwards succeeds again (the disk has room).
    scenario.when = QStringLiteral("150..165");
    scenario.writer.count = count;
    scenario.writer.failurePolicy = policy;
    scenario.writer.retryMs = 20;
    scenario.writer.pauseMs = 5;
    scenario.writer.actor = QStringLiteral("diskfull-") + policy;
    scenario.expectedError = QStringLiteral("io_error");
    return scenario;
}

} // namespace

TEST(DiskFull, FailOpenReportsIoErrorLosesNothingAcknowledgedAndRecordsTheLoss)
{
    ASSERT_NO_FATAL_FAILURE(runInjectionScenario(diskFull(QStringLiteral("fail_open"), 40)));
}

TEST(DiskFull, FailClosedRefusesUntilWritableLosesNothingAcknowledgedAndRecordsTheLoss)
{
    // fail_closed refuses records at once while unavailable and probes every 20 ms: enough events
    // (5 ms apart) that the probes get past the failing calls before the run ends.
    ASSERT_NO_FATAL_FAILURE(runInjectionScenario(diskFull(QStringLiteral("fail_closed"), 150)));
}
