// SPDX-License-Identifier: LGPL-2.1-or-later
// Anchor sinks and CheckpointPublisher/CheckpointCheck in process: where checkpoints go, how the
// newest is found again, and how a log is compared with it.
#include <qmsaudit/auditlog.h>
#include <qmsaudit/checkpointcheck.h>
#include <qmsaudit/checkpointnote.h>
#include <qmsaudit/checkpointpublisher.h>
#include <qmsaudit/directorycheckpointsink.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/filecheckpointsink.h>
#include <qmsaudit/syslogcheckpointsink.h>

#include "anchor/storednotes_p.h"
#include "checkpointtestkeys.h"
#include "testlog.h"

#include <Poco/Net/DatagramSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;
using namespace Qt::StringLiterals;

namespace {

/// A SigningKeyProvider over a fixed test key.
class TestSigningKeys final : public SigningKeyProvider
{
public:
    explicit TestSigningKeys(QString keyName, char seed = '\x11') : m_keyName(std::move(keyName)), m_seed(seed) {}
    Result<CheckpointSigner> fetchSigner() const override
    {
        return CheckpointSigner::fromPem(m_keyName, ed25519PemFromSeed(QByteArray(32, m_seed)));
    }
    QString description() const override { return u"test key"_s; }

private:
    QString m_keyName;
    char m_seed;
};

class AnchorTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        log = dir.create();
        ASSERT_TRUE(log);
        origin = Checkpoint::defaultOrigin(log->logId());
        ASSERT_TRUE(QDir().mkpath(dir.path(u"anchors"_s)));
    }
    void append(int count)
    {
        for (int i = 0; i < count; ++i)
            ASSERT_TRUE(log->append(sampleEvent(i)));
    }
    CheckpointVerifier trusted() const { return TestSigningKeys(origin).fetchSigner().value().verifier(); }

    TestLogDir dir;
    std::unique_ptr<AuditLog> log;
    QString origin;
};

} // namespace

TEST_F(AnchorTest, TheNewestCheckpointIsFoundBesideTheLogOrInWhicheverSinkHasIt)
{
    const TestSigningKeys keys(origin);
    auto directory = std::make_shared<DirectoryCheckpointSink>(dir.path(u"anchors"_s));
    auto journal = std::make_shared<FileCheckpointSink>(dir.path(u"journal.txt"_s));
    append(2);
    ASSERT_TRUE(CheckpointPublisher(keys, {directory, journal}).publish(*log));
    append(3);
    auto five = CheckpointPublisher(keys, {journal}).publish(*log); // the directory misses this one
    ASSERT_TRUE(five) << five.error().message().toStdString();
    ASSERT_TRUE(QFile::remove(CheckpointPublisher::besideLogPath(log->path())));

    auto fromDirectory = CheckpointPublisher::newest(log->path(), origin, {directory});
    ASSERT_TRUE(fromDirectory && *fromDirectory);
    EXPECT_EQ(StoredNotes::claimed((*fromDirectory)->first)->treeSize(), 2);
    auto fromBoth = CheckpointPublisher::newest(log->path(), origin, {directory, journal});
    ASSERT_TRUE(fromBoth && *fromBoth);
    EXPECT_EQ((*fromBoth)->first, five->note);
    EXPECT_EQ((*fromBoth)->second, journal->description());
    // Another log's checkpoints in the same sinks are not this log's.
    EXPECT_FALSE(CheckpointPublisher::newest(log->path(), u"qmsaudit/another"_s, {directory, journal}).value().has_value());
}

TEST_F(AnchorTest, TheJournalSplitsIntoItsNotesAndSurvivesATornLastAppend)
{
    const TestSigningKeys keys(origin);
    auto journal = std::make_shared<FileCheckpointSink>(dir.path(u"journal.txt"_s));
    QList<QByteArray> notes;
    for (int i = 0; i < 3; ++i) {
        append(1);
        notes.append(CheckpointPublisher(keys, {journal}).publish(*log).value().note);
    }
    QFile file(dir.path(u"journal.txt"_s));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray whole = file.readAll();
    EXPECT_EQ(StoredNotes::split(whole), notes);
    // A crash in the middle of the fourth append leaves a note cut short: the third is still the newest.
    const QByteArray torn = whole + notes.first().left(notes.first().size() / 2);
    EXPECT_EQ(StoredNotes::split(torn).size(), 4);
    EXPECT_EQ(StoredNotes::newest(StoredNotes::split(torn), origin), notes.last());
}

TEST_F(AnchorTest, EveryFailingSinkIsNamedAndTheOthersStillGetTheCheckpoint)
{
    const TestSigningKeys keys(origin);
    auto missing = std::make_shared<DirectoryCheckpointSink>(dir.path(u"no-such-dir"_s));
    auto journal = std::make_shared<FileCheckpointSink>(dir.path(u"journal.txt"_s));
    append(2);
    auto published = CheckpointPublisher(keys, {missing, journal}).publish(*log);
    ASSERT_FALSE(published);
    EXPECT_EQ(published.error().code(), ErrorCode::NotFound);
    EXPECT_TRUE(published.error().message().contains(u"The anchor directory %1 does not exist."_s.arg(dir.path(u"no-such-dir"_s))))
        << published.error().message().toStdString();
    EXPECT_TRUE(QFile::exists(dir.path(u"journal.txt"_s)));
    EXPECT_TRUE(QFile::exists(CheckpointPublisher::besideLogPath(log->path())));
}

TEST_F(AnchorTest, CheckpointCheckNamesShorterRewrittenForeignAndUntrusted)
{
    const TestSigningKeys keys(origin);
    append(6);
    const QByteArray six = CheckpointPublisher(keys).publish(*log).value().note;
    auto reader = log->reader().value();
    EXPECT_EQ(CheckpointCheck::compare(*reader, six, {trusted()}, origin, u"six"_s)->treeSize(), 6);
    append(2);
    EXPECT_TRUE(CheckpointCheck::compare(*reader, six, {trusted()}, origin, u"six"_s)); // extended: fine

    // A checkpoint of 9 events that the log (8) does not reach.
    const CheckpointSigner signer = keys.fetchSigner().value();
    const QByteArray nine = CheckpointNote::sign(origin, 9, reader->treeHead()->rootHash, signer).value();
    auto shorter = CheckpointCheck::compare(*reader, nine, {trusted()}, origin, u"nine"_s);
    ASSERT_FALSE(shorter);
    EXPECT_EQ(shorter.error().code(), ErrorCode::IntegrityFailure);
    EXPECT_EQ(shorter.error().message(),
              u"The log has 8 events, but the checkpoint nine vouches for 9: events were cut off or an older copy of the log was put back."_s);
    // A checkpoint of 6 with another root: the first 6 events were different when it was signed.
    const QByteArray other = CheckpointNote::sign(origin, 6, QByteArray(32, '\x5a'), signer).value();
    auto rewritten = CheckpointCheck::compare(*reader, other, {trusted()}, origin, u"other"_s);
    ASSERT_FALSE(rewritten);
    EXPECT_TRUE(rewritten.error().message().startsWith(u"The first 6 events of the log are not those the checkpoint other vouches for"_s));
    // Another log's checkpoint, and one signed by another key.
    const QByteArray foreign = CheckpointNote::sign(u"qmsaudit/another"_s, 6, reader->treeHeadAt(6)->rootHash,
                                                    CheckpointSigner::fromPem(u"qmsaudit/another"_s, ed25519PemFromSeed(QByteArray(32, '\x11'))).value())
                                   .value();
    auto foreignCheck = CheckpointCheck::compare(*reader, foreign, {CheckpointVerifier::fromPem(u"qmsaudit/another"_s, signer.publicKeyPem()).value()}, origin, u"foreign"_s);
    ASSERT_FALSE(foreignCheck);
    EXPECT_EQ(foreignCheck.error().code(), ErrorCode::IntegrityFailure);
    EXPECT_TRUE(foreignCheck.error().message().contains(u"is of qmsaudit/another, not of this log"_s));
    const QByteArray byOther = CheckpointPublisher(TestSigningKeys(origin, '\x22')).publish(*log).value().note;
    auto untrusted = CheckpointCheck::compare(*reader, byOther, {trusted()}, origin, u"by-other"_s);
    ASSERT_FALSE(untrusted);
    EXPECT_EQ(untrusted.error().code(), ErrorCode::SignatureInvalid);
}

TEST_F(AnchorTest, SyslogSinkSendsOneRfc5424MessageWithTheNote)
{
    Poco::Net::DatagramSocket collector(Poco::Net::SocketAddress("127.0.0.1", 0));
    collector.setReceiveTimeout(Poco::Timespan(5, 0));
    const QString address = u"127.0.0.1:%1"_s.arg(collector.address().port());
    append(3);
    auto sink = std::make_shared<SyslogCheckpointSink>(address);
    const TestSigningKeys keys(origin);
    auto published = CheckpointPublisher(keys, {sink}).publish(*log);
    ASSERT_TRUE(published) << published.error().message().toStdString();
    char buffer[4096];
    const int received = collector.receiveBytes(buffer, sizeof buffer);
    ASSERT_GT(received, 0);
    const QString message = QString::fromUtf8(buffer, received);
    // <PRI>VERSION: facility authpriv (10) * 8 + severity notice (5) = 85, version 1 of RFC 5424.
    EXPECT_TRUE(message.startsWith(u"<85>1 "_s)) << message.toStdString();
    EXPECT_TRUE(message.contains(u" qmsaudit "_s)) << message.toStdString();
    EXPECT_TRUE(message.endsWith(SyslogCheckpointSink::message(published->checkpoint, published->note))) << message.toStdString();
    // The note travels whole: a collector can hand it to an auditor who checks it with the public key.
    const QString encoded = message.section(u"note="_s, 1);
    EXPECT_EQ(CheckpointNote::open(QByteArray::fromBase64(encoded.toLatin1()), {trusted()})->treeSize(), 3);
    EXPECT_FALSE(sink->newest(origin).value().has_value());
}
