// SPDX-License-Identifier: LGPL-2.1-or-later
// AuditTrail's checkpoints (AuditTrailConfig::checkpoints): made every N events and on close,
// anchored, and a log that no longer extends them refused at open.
#include <qmsaudit/audittrail.h>
#include <qmsaudit/checkpointnote.h>
#include <qmsaudit/directorycheckpointsink.h>

#include "checkpointtestkeys.h"
#include "testlog.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>

#include <sys/stat.h>

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;
using namespace Qt::StringLiterals;

namespace {

const ObjectRef kSop{u"procedure"_s, u"SOP-017"_s, u"C"_s, u"Torque wrenches"_s};

class TrailCheckpointTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QFile key(dir.path(u"checkpoint.pem"_s));
        ASSERT_TRUE(key.open(QIODevice::WriteOnly));
        key.write(ed25519PemFromSeed(QByteArray(32, '\x33')));
        key.close();
        ::chmod(QFile::encodeName(key.fileName()).constData(), 0600);
        ASSERT_TRUE(QDir().mkpath(anchors()));
    }
    QString anchors() const { return dir.path(u"anchors"_s); }
    AuditTrailConfig config() const
    {
        AuditTrailConfig c = AuditTrailConfig::defaults();
        c.logPath = dir.logPath();
        c.keyFile = dir.keyFilePath();
        c.checkpoints.signingKeyFile = dir.path(u"checkpoint.pem"_s);
        c.checkpoints.everyEvents = 5;
        c.checkpoints.anchorDirs = {anchors()};
        return c;
    }
    QStringList anchored() const { return QDir(anchors()).entryList(QDir::Files, QDir::Name); }
    /// Opens a trail, records @p views view events one by one, closes it; the sizes checkpointed.
    QList<qint64> session(int views)
    {
        AuditTrail trail;
        QSignalSpy checkpointed(&trail, &AuditTrail::checkpointed);
        QSignalSpy failed(&trail, &AuditTrail::checkpointFailed);
        EXPECT_TRUE(trail.open(config()));
        trail.setCurrentUser({u"u-anna"_s, u"Anna"_s, {}});
        for (int i = 0; i < views; ++i)
            EXPECT_TRUE(trail.waitAsConfigured(trail.viewed(kSop)));
        trail.close();
        EXPECT_EQ(failed.count(), 0) << (failed.isEmpty() ? "" : failed.first().first().value<Error>().message().toStdString());
        QList<qint64> sizes;
        for (const auto &arguments : checkpointed)
            sizes.append(arguments.first().toLongLong());
        return sizes;
    }

    TestLogDir dir;
};

} // namespace

TEST_F(TrailCheckpointTest, ACheckpointEveryFiveEventsAndOneOnClose)
{
    // started is seq 1 (where counting begins), then views 2..13, stopped 14.
    EXPECT_EQ(session(12), (QList<qint64>{6, 11, 14}));
    EXPECT_EQ(anchored().size(), 3);
    EXPECT_TRUE(anchored().last().endsWith(u".00000000000000000014.checkpoint"_s)) << anchored().join(u' ').toStdString();
    // The note beside the log is the last one, and it opens with the public key of the signing key.
    QFile beside(dir.logPath() + u".checkpoint"_s);
    ASSERT_TRUE(beside.open(QIODevice::ReadOnly));
    auto log = AuditLog::open(dir.logPath(), dir.keys()).value();
    const QString origin = Checkpoint::defaultOrigin(log->logId());
    const CheckpointVerifier key = CheckpointSigner::fromPem(origin, ed25519PemFromSeed(QByteArray(32, '\x33'))).value().verifier();
    EXPECT_EQ(CheckpointNote::open(beside.readAll(), {key})->treeSize(), 14);
}

TEST_F(TrailCheckpointTest, ATrailRefusesToOpenALogRolledBackBehindItsAnchor)
{
    session(2);
    ASSERT_TRUE(QFile::copy(dir.logPath(), dir.path(u"older.qmslog"_s)));
    session(3);
    ASSERT_TRUE(QFile::remove(dir.logPath()));
    ASSERT_TRUE(QFile::copy(dir.path(u"older.qmslog"_s), dir.logPath()));
    ASSERT_TRUE(QFile::remove(dir.logPath() + u".checkpoint"_s)); // rolled back too

    AuditTrail trail;
    auto opened = trail.open(config());
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code(), ErrorCode::IntegrityFailure);
    EXPECT_EQ(opened.error().message(), u"The log has 4 events, but the checkpoint anchor directory %1 vouches for 9: events were cut off "
                                        "or an older copy of the log was put back."_s.arg(anchors()));
    EXPECT_FALSE(trail.isOpen());
}

TEST_F(TrailCheckpointTest, OnDemandCheckpointsAndConfigurationMistakes)
{
    AuditTrail trail;
    EXPECT_EQ(trail.checkpoint().error().code(), ErrorCode::Unavailable);
    AuditTrailConfig unsafe = config();
    ::chmod(QFile::encodeName(unsafe.checkpoints.signingKeyFile).constData(), 0644);
    auto refused = trail.open(unsafe);
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message().contains(u"chmod 600"_s)) << refused.error().message().toStdString();
    ::chmod(QFile::encodeName(unsafe.checkpoints.signingKeyFile).constData(), 0600);
    ASSERT_TRUE(trail.open(config()));
    auto published = trail.checkpoint();
    ASSERT_TRUE(published) << published.error().message().toStdString();
    EXPECT_EQ(published->checkpoint.treeSize(), 1);
    trail.close();

    auto parsed = AuditTrailConfig::fromVariantMap(
        {{u"log_path"_s, dir.logPath()}, {u"key_file"_s, dir.keyFilePath()},
         {u"checkpoints"_s, QVariantMap{{u"signing_key_file"_s, u"/etc/qms/checkpoint.pem"_s}, {u"every_events"_s, 100},
                                       {u"anchor_dirs"_s, QStringList{u"/mnt/anchor"_s}}, {u"syslog"_s, QStringList{u"loghost:514"_s}}}}});
    ASSERT_TRUE(parsed) << parsed.error().message().toStdString();
    EXPECT_EQ(parsed->checkpoints.everyEvents, 100);
    EXPECT_EQ(parsed->checkpoints.everyMinutes, 10);
    EXPECT_EQ(parsed->checkpoints.syslog, QStringList{u"loghost:514"_s});
    EXPECT_TRUE(parsed->toVariantMap().value(u"checkpoints"_s).toMap().contains(u"signing_key_file"_s));
    for (const auto &[checkpoints, message] :
         {std::pair{QVariantMap{{u"every_events"_s, 5}}, u"\"checkpoints.signing_key_file\" is required"_s},
          std::pair{QVariantMap{{u"signing_key_file"_s, u"k.pem"_s}, {u"every"_s, 5}}, u"unknown key \"checkpoints.every\""_s},
          std::pair{QVariantMap{{u"signing_key_file"_s, u"k.pem"_s}, {u"every_events"_s, u"x"_s}}, u"\"checkpoints.every_events\" must be a whole number"_s}}) {
        auto bad = AuditTrailConfig::fromVariantMap({{u"log_path"_s, dir.logPath()}, {u"key_file"_s, dir.keyFilePath()}, {u"checkpoints"_s, checkpoints}});
        ASSERT_FALSE(bad);
        EXPECT_TRUE(bad.error().message().contains(message)) << bad.error().message().toStdString();
    }
}
