// SPDX-License-Identifier: LGPL-2.1-or-later
// fsync/fdatasync failing with EIO in the middle of recording (strace injection on the writer
// thread). After a failed sync the outcome of the COMMIT is unknown (docs/design-notes.md, pitfall 8): the log
// reconnects and looks. Whatever it decides, acknowledged events must be there, failed ones must
// not, the chain must verify and the losses must be on record once syncing works again.
#include "faultsupport.h"

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

InjectionScenario fsyncEio(const QString &policy, qint64 count)
{
    InjectionScenario scenario;
    scenario.syscalls = QStringLiteral("fdatasync,fsync");
    scenario.error = QStringLiteral("EIO");
    // One fdatasync per durable commit on the writer thread (two for the first, which creates the
    // WAL): calls 10..14 fail from about the 9th commit, including the syncs of the checkpoint
    // and reconnection that follow the failed COMMIT.
    scenario.when = QStringLiteral("10..14");
    scenario.writer.count = count;
    scenario.writer.failurePolicy = policy;
    scenario.writer.retryMs = 20;
    scenario.writer.pauseMs = 5;
    scenario.writer.actor = QStringLiteral("fsync-") + policy;
    scenario.expectedError = QStringLiteral("io_error");
    return scenario;
}

} // namespace

TEST(FsyncEio, FailOpenReportsIoErrorLosesNothingAcknowledgedAndRecordsTheLoss)
{
    ASSERT_NO_FATAL_FAILURE(runInjectionScenario(fsyncEio(QStringLiteral("fail_open"), 40)));
}

TEST(FsyncEio, FailClosedRefusesUntilSyncWorksLosesNothingAcknowledgedAndRecordsTheLoss)
{
    ASSERT_NO_FATAL_FAILURE(runInjectionScenario(fsyncEio(QStringLiteral("fail_closed"), 100)));
}
