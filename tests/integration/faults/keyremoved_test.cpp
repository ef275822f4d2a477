// SPDX-License-Identifier: LGPL-2.1-or-later
// The key file disappears while the trail records (revoked, or a mount went away) and comes back.
// The writer asks the KeyProvider for the key before every batch, so recording must stop at once
// (key_unavailable; unavailable for records refused under fail_closed), resume when the file is
// back, and the gap must be on record as record_failed.
#include "faultsupport.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

/// Puts the key file back atomically with mode 0600 (written beside it, then renamed).
::testing::AssertionResult restoreKeyFile(const QString &path, const QByteArray &bytes)
{
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temporary = target + ".restore";
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return ::testing::AssertionFailure() << "cannot create " << temporary.constData() << ": " << std::strerror(errno);
    const bool written = ::write(fd, bytes.constData(), std::size_t(bytes.size())) == bytes.size();
    ::close(fd);
    if (!written || ::rename(temporary.constData(), target.constData()) != 0)
        return ::testing::AssertionFailure() << "cannot restore " << target.constData() << ": " << std::strerror(errno);
    return ::testing::AssertionSuccess();
}

void runKeyRemoval(const QString &policy)
{
    const bool failClosed = policy == QLatin1StringView("fail_closed");
    TestLogDir dir;
    const QByteArray keyBytes = readFile(dir.keyFilePath());
    ASSERT_EQ(keyBytes.trimmed().size(), 64);

    WriterOptions options;
    options.count = 80; // 20 ms apart: long enough for the remove/restore below, short enough to finish soon
    options.pauseMs = 20;
    options.retryMs = 20;
    options.failurePolicy = policy;
    options.actor = QStringLiteral("keyremoved-") + policy;
    LiveWriter writer;
    ASSERT_TRUE(writer.start(trailWriterPath(), trailWriterArguments(dir.logPath(), dir.keyFilePath(), options)));

    ASSERT_TRUE(writer.waitFor([](const WriterOutput &out) { return out.acknowledged.size() >= 5; }, 30000))
        << "the writer did not get going";
    ASSERT_TRUE(writer.output().failures.isEmpty());
    ASSERT_TRUE(QFile::remove(dir.keyFilePath()));
    const qsizetype acknowledgedBeforeRemoval = writer.output().acknowledged.size();

    const bool failed = writer.waitFor([](const WriterOutput &out) { return out.failures.size() >= 3; }, 30000);
    ASSERT_TRUE(restoreKeyFile(dir.keyFilePath(), keyBytes)); // before any assertion can end the test
    ASSERT_TRUE(failed) << "recording went on without the key file";
    // Recording stops at once: only an event whose batch had already fetched the key (and a line
    // printed just before the removal but read after it) may still show up as acknowledged.
    EXPECT_LE(writer.output().acknowledged.size(), acknowledgedBeforeRemoval + 2);

    ASSERT_TRUE(writer.waitFor([](const WriterOutput &out) { return out.acknowledgedAfterLastFailure() >= 3; }, 30000))
        << "recording did not resume after the key file came back";
    const ProcessResult run = writer.finish(60000);
    ASSERT_TRUE(run.exitedNormally()) << run.describe();
    const WriterOutput &out = run.output;
    EXPECT_TRUE(out.unexpected.isEmpty()) << run.describe();
    ASSERT_TRUE(out.lost.has_value());
    EXPECT_EQ(*out.lost, 0);
    EXPECT_TRUE(out.available);
    EXPECT_EQ(out.acknowledged.size() + out.failures.size(), options.count);

    EXPECT_EQ(out.failures.first().toStdString(), "key_unavailable");
    for (const QString &code : out.failures) {
        const bool expected = code == QLatin1StringView("key_unavailable") || (failClosed && code == QLatin1StringView("unavailable"));
        EXPECT_TRUE(expected) << "unexpected failure " << code.toStdString();
    }
    if (failClosed)
        EXPECT_GE(out.failuresWith(QStringLiteral("unavailable")), 1) << "fail_closed did not refuse records while the key was gone";
    else
        EXPECT_EQ(out.failuresWith(QStringLiteral("key_unavailable")), out.failures.size());

    auto log = AuditLog::open(dir.logPath(), dir.keys());
    ASSERT_TRUE(log) << log.error().message().toStdString();
    EXPECT_TRUE(allAcknowledgedPresent(**log, out.acknowledged, options.actor));
    EXPECT_EQ(countByActor(**log, options.actor), out.acknowledged.size()) << "events whose tickets failed were written anyway";
    EXPECT_TRUE(chainVerifies(**log));
    const QList<Event> recordFailed = eventsWithAction(**log, Action::RecordFailed);
    ASSERT_FALSE(recordFailed.isEmpty()) << "no record_failed event after the key came back";
    EXPECT_EQ(sumLostEvents(recordFailed), out.failures.size());
    // `error` is the root cause under both policies, not the refusals that followed it.
    for (const Event &event : recordFailed) {
        const QString error = event.attributes.value(QStringLiteral("error"));
        const bool expected = error == QLatin1StringView("key_unavailable");
        EXPECT_TRUE(expected) << "record_failed at seq " << event.seq << " names " << error.toStdString() << " (reason: " << event.reason.toStdString() << ")";
    }
}

} // namespace

TEST(KeyRemoved, FailOpenStopsRecordingAndResumesWhenTheKeyIsBack)
{
    ASSERT_NO_FATAL_FAILURE(runKeyRemoval(QStringLiteral("fail_open")));
}

TEST(KeyRemoved, FailClosedRefusesRecordsAndResumesWhenTheKeyIsBack)
{
    ASSERT_NO_FATAL_FAILURE(runKeyRemoval(QStringLiteral("fail_closed")));
}
