// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit checkpoint, verify --public-key and consistency: the tamper matrix a hash chain alone
// cannot see (a lost -wal, an older copy, a cut tail, a consistent rewrite), and checkpoints that
// are forged or signed by another key.
#include "checkpointtestkeys.h"
#include "clitest.h"
#include "sqlciphershell.h"

#include <qmsaudit/auditlog.h>
#include <qmsaudit/checkpointnote.h>
#include <qmsaudit/eventreader.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

class CheckpointTest : public CliTest
{
protected:
    void SetUp() override
    {
        ASSERT_EQ(initLog().exitCode, 0);
        writeKey(signingKey(), ed25519PemFromSeed(QByteArray(32, '\x11')));
        writeKey(otherSigningKey(), ed25519PemFromSeed(QByteArray(32, '\x22')));
        writeFile(publicKey(), CheckpointSigner::fromPem(u"any"_s, ed25519PemFromSeed(QByteArray(32, '\x11'))).value().publicKeyPem());
        writeFile(otherPublicKey(), CheckpointSigner::fromPem(u"any"_s, ed25519PemFromSeed(QByteArray(32, '\x22'))).value().publicKeyPem());
        ASSERT_TRUE(QDir().mkpath(anchorDir()));
    }
    static void writeKey(const QString &path, const QByteArray &pem)
    {
        writeFile(path, pem);
        ::chmod(QFile::encodeName(path).constData(), 0600);
    }
    QString signingKey() const { return path(u"checkpoint.pem"_s); }
    QString otherSigningKey() const { return path(u"other.pem"_s); }
    QString publicKey() const { return path(u"checkpoint.pub.pem"_s); }
    QString otherPublicKey() const { return path(u"other.pub.pem"_s); }
    QString anchorDir() const { return path(u"anchors"_s); }
    QString besideLog() const { return logPath() + u".checkpoint"_s; }

    void recordEvents(int count) const
    {
        for (int i = 0; i < count; ++i)
            ASSERT_GT(record({}), 0);
    }
    CliResult checkpoint(const QStringList &extra = {}) const
    {
        return run(commandArgs(u"checkpoint"_s, QStringList{u"--signing-key"_s, signingKey(), u"--anchor-dir"_s, anchorDir()} + extra));
    }
    CliResult verifyAgainstAnchors(const QStringList &extra = {}) const
    {
        return run(commandArgs(u"verify"_s, QStringList{u"--public-key"_s, publicKey(), u"--anchor-dir"_s, anchorDir()} + extra));
    }
    /// Keeps a copy of the current checkpoint beside the log as @p name, as an auditor would.
    QString keepCheckpoint(const QString &name) const
    {
        const QString kept = path(name);
        QFile::remove(kept);
        EXPECT_TRUE(QFile::copy(besideLog(), kept));
        return kept;
    }
    static QByteArray readAll(const QString &file)
    {
        QFile f(file);
        EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << file.toStdString();
        return f.readAll();
    }
};

TEST_F(CheckpointTest, PrintsTheSignedCheckpointAndWritesItBesideTheLogAndToEachAnchor)
{
    recordEvents(5);
    const CliResult result = checkpoint({u"--anchor-file"_s, path(u"journal.txt"_s)});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    auto log = AuditLog::open(logPath(), m_dir.keys()).value();
    const QString origin = u"qmsaudit/"_s + log->logId();
    const CheckpointVerifier key = CheckpointVerifier::fromPem(origin, readAll(publicKey())).value();
    const Checkpoint printed = CheckpointNote::open(result.out.toUtf8(), {key}).value();
    EXPECT_EQ(printed.origin(), origin);
    EXPECT_EQ(printed.treeSize(), 5);
    EXPECT_EQ(printed.rootHash(), log->reader().value()->treeHeadAt(5)->rootHash);
    EXPECT_EQ(readAll(besideLog()), result.out.toUtf8());
    const QStringList anchored = QDir(anchorDir()).entryList(QDir::Files);
    ASSERT_EQ(anchored.size(), 1);
    EXPECT_TRUE(anchored.first().endsWith(u".00000000000000000005.checkpoint"_s)) << anchored.first().toStdString();
    EXPECT_EQ(readAll(QDir(anchorDir()).filePath(anchored.first())), result.out.toUtf8());
    EXPECT_EQ(readAll(path(u"journal.txt"_s)), result.out.toUtf8() + '\n');
}

TEST_F(CheckpointTest, VerifyComparesTheLogWithKeptAndAnchoredCheckpoints)
{
    recordEvents(3);
    ASSERT_EQ(checkpoint().exitCode, 0);
    const QString kept = keepCheckpoint(u"kept-3.checkpoint"_s);
    recordEvents(4);
    ASSERT_EQ(checkpoint().exitCode, 0);
    const CliResult result = verifyAgainstAnchors({u"--checkpoint"_s, kept});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString() << result.out.toStdString();
    EXPECT_TRUE(result.out.contains(u"checkpoint %1: the log extends its 3 events"_s.arg(kept))) << result.out.toStdString();
    EXPECT_TRUE(result.out.contains(u": the log extends its 7 events"_s)) << result.out.toStdString();
    // Without a public key there is nothing to trust a checkpoint with.
    const CliResult noKey = run(commandArgs(u"verify"_s, {u"--checkpoint"_s, kept}));
    EXPECT_EQ(noKey.exitCode, 1);
    EXPECT_TRUE(noKey.err.contains(u"--public-key"_s)) << noKey.err.toStdString();
}

TEST_F(CheckpointTest, WalDeletedOrTruncatedWhileAHostHoldsTheLogOpenIsFoundWithoutTheKey)
{
    for (const bool truncate : {false, true}) {
        SCOPED_TRACE(truncate ? "truncated -wal" : "deleted -wal");
        QFile::remove(logPath());
        QFile::remove(besideLog());
        for (const QString &name : QDir(anchorDir()).entryList(QDir::Files))
            QFile::remove(QDir(anchorDir()).filePath(name));
        ASSERT_EQ(run(commandArgs(u"verify"_s)).exitCode, 2); // gone
        QFile::remove(logPath() + u"-wal"_s);
        QFile::remove(logPath() + u"-shm"_s);
        ASSERT_EQ(initLog().exitCode, 0);
        recordEvents(2); // checkpointed into the main file when the CLI closes the log
        auto host = AuditLog::open(logPath(), m_dir.keys());
        ASSERT_TRUE(host);
        for (int i = 0; i < 4; ++i)
            ASSERT_TRUE((*host)->append(sampleEvent(i))); // in the -wal while the host holds the log
        ASSERT_EQ(checkpoint().exitCode, 0);
        QFile wal(logPath() + u"-wal"_s);
        ASSERT_GT(wal.size(), 0);
        if (truncate)
            ASSERT_TRUE(wal.resize(0));
        else
            ASSERT_TRUE(wal.remove());
        ASSERT_TRUE(QFile::remove(logPath() + u"-shm"_s)); // a new connection builds a new index
        // The chain alone cannot tell: what is left is a whole, shorter log.
        const CliResult plain = run(commandArgs(u"verify"_s));
        EXPECT_EQ(plain.exitCode, 0) << plain.out.toStdString();
        const CliResult result = verifyAgainstAnchors();
        EXPECT_EQ(result.exitCode, 3) << result.out.toStdString() << result.err.toStdString();
        EXPECT_TRUE(result.err.contains(u"but the checkpoint"_s) && result.err.contains(u"vouches for 6: events were cut off"_s))
            << result.err.toStdString();
        host->reset();
    }
}

TEST_F(CheckpointTest, AnOlderCopyPutBackIsFoundAgainstTheAnchor)
{
    recordEvents(3);
    ASSERT_TRUE(QFile::copy(logPath(), path(u"older.qmslog"_s)));
    recordEvents(3);
    ASSERT_EQ(checkpoint().exitCode, 0);
    ASSERT_TRUE(QFile::remove(logPath()));
    ASSERT_TRUE(QFile::copy(path(u"older.qmslog"_s), logPath()));
    // The checkpoint beside the log was rolled back with it: only the anchor remembers.
    ASSERT_TRUE(QFile::remove(besideLog()));
    const CliResult result = verifyAgainstAnchors();
    EXPECT_EQ(result.exitCode, 3) << result.out.toStdString();
    EXPECT_TRUE(result.err.contains(u"The log has 3 events, but the checkpoint anchor directory %1 vouches for 6"_s.arg(anchorDir())))
        << result.err.toStdString();
    EXPECT_TRUE(result.out.startsWith(u"FAILED: "_s)) << result.out.toStdString();
}

TEST_F(CheckpointTest, ATailCutWithTheKeyIsFoundAgainstAKeptCheckpoint)
{
    recordEvents(8);
    ASSERT_EQ(checkpoint().exitCode, 0);
    const QString kept = keepCheckpoint(u"kept.checkpoint"_s);
    // An insider with the database key removes the last three events, the tree above them and
    // their counts (all eight are views by one user today).
    const auto r = runSqlcipher(logPath(), m_dir.keyHex(),
                                u"DROP TRIGGER events_no_delete; DROP TRIGGER merkle_subtree_no_delete;"
                                "DELETE FROM events WHERE seq > 5; DELETE FROM merkle_subtree WHERE (idx + 1) * (1 << level) > 5;"
                                "UPDATE summary_day SET events = events - 3; UPDATE summary_day_actor SET events = events - 3;"_s);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const CliResult plain = run(commandArgs(u"verify"_s));
    EXPECT_EQ(plain.exitCode, 0) << plain.out.toStdString(); // a whole log of 5 events
    const CliResult result = run(commandArgs(u"verify"_s, {u"--public-key"_s, publicKey(), u"--checkpoint"_s, kept}));
    EXPECT_EQ(result.exitCode, 3);
    EXPECT_TRUE(result.err.contains(u"The log has 6 events, but the checkpoint %1 vouches for 8"_s.arg(kept))) << result.err.toStdString();
}

TEST_F(CheckpointTest, AConsistentRewriteWithTheKeyIsFoundAndConsistencyRefusesIt)
{
    recordEvents(4);
    ASSERT_EQ(checkpoint().exitCode, 0);
    const QString old = keepCheckpoint(u"old.checkpoint"_s);
    recordEvents(2);
    ASSERT_EQ(checkpoint().exitCode, 0);
    const QString genuine = keepCheckpoint(u"genuine.checkpoint"_s);
    const CliResult consistent = run(commandArgs(u"consistency"_s, {old, genuine, u"--public-key"_s, publicKey()}));
    ASSERT_EQ(consistent.exitCode, 0) << consistent.err.toStdString();
    EXPECT_TRUE(consistent.out.startsWith(u"consistent: the 4 events of %1 are the first 4 of the 6 of %2\nproof: "_s.arg(old, genuine)))
        << consistent.out.toStdString();

    // The insider builds another log under the same log id (so the same genesis) with six other
    // events, chained and hashed into a tree as the library does: verify finds nothing wrong.
    const QString logId = AuditLog::open(logPath(), m_dir.keys()).value()->logId();
    const QString forged = path(u"forged.qmslog"_s);
    {
        auto other = AuditLog::create(forged, m_dir.keys());
        ASSERT_TRUE(other);
    }
    const auto r = runSqlcipher(forged, m_dir.keyHex(),
                                u"DROP TRIGGER meta_identity_fixed; UPDATE meta SET value = '%1' WHERE key = 'log_id';"_s.arg(logId));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    {
        auto other = AuditLog::open(forged, m_dir.keys());
        ASSERT_TRUE(other);
        for (int i = 0; i < 6; ++i)
            ASSERT_TRUE((*other)->append(sampleEvent(100 + i)));
    }
    ASSERT_TRUE(QFile::remove(logPath()));
    ASSERT_TRUE(QFile::rename(forged, logPath()));
    QFile::remove(besideLog());

    // A checkpoint of the rewritten log, of the same size, is refused by the anchor that holds the
    // genuine one: two trees of 6 events under one origin are a fork.
    const CliResult fork = checkpoint();
    EXPECT_EQ(fork.exitCode, 3) << fork.err.toStdString();
    EXPECT_TRUE(fork.err.contains(u"holds another checkpoint of 6 events with a different root"_s)) << fork.err.toStdString();
    const QString rewritten = keepCheckpoint(u"rewritten.checkpoint"_s); // written beside the log all the same

    EXPECT_EQ(run(commandArgs(u"verify"_s)).exitCode, 0); // the chain and the tree are whole
    const CliResult result = run(commandArgs(u"verify"_s, {u"--public-key"_s, publicKey(), u"--checkpoint"_s, genuine}));
    EXPECT_EQ(result.exitCode, 3);
    EXPECT_TRUE(result.err.contains(u"The first 6 events of the log are not those the checkpoint %1 vouches for: the log was rewritten"_s.arg(genuine)))
        << result.err.toStdString();
    // ...and consistency cannot join the genuine old checkpoint to the rewritten one.
    const CliResult inconsistent = run(commandArgs(u"consistency"_s, {old, rewritten, u"--public-key"_s, publicKey()}));
    EXPECT_EQ(inconsistent.exitCode, 3);
    EXPECT_TRUE(inconsistent.err.contains(u"%1 does not extend %2"_s.arg(rewritten, old))) << inconsistent.err.toStdString();
}

TEST_F(CheckpointTest, ForgedAndForeignCheckpointsAndAWrongPublicKeyExitSeven)
{
    recordEvents(3);
    ASSERT_EQ(checkpoint().exitCode, 0);
    const QByteArray note = readAll(besideLog());
    // Forged: the size changed without a new signature.
    QByteArray forgedNote = note;
    forgedNote.replace("\n3\n", "\n2\n");
    writeFile(path(u"forged.checkpoint"_s), forgedNote);
    CliResult result = run(commandArgs(u"verify"_s, {u"--public-key"_s, publicKey(), u"--checkpoint"_s, path(u"forged.checkpoint"_s)}));
    EXPECT_EQ(result.exitCode, 7) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(u"forged.checkpoint cannot be trusted"_s)) << result.err.toStdString();
    // Signed by another key under the same name.
    const CliResult other = run(commandArgs(u"checkpoint"_s, {u"--signing-key"_s, otherSigningKey()}));
    ASSERT_EQ(other.exitCode, 0) << other.err.toStdString();
    writeFile(path(u"foreign.checkpoint"_s), other.out.toUtf8());
    result = run(commandArgs(u"verify"_s, {u"--public-key"_s, publicKey(), u"--checkpoint"_s, path(u"foreign.checkpoint"_s)}));
    EXPECT_EQ(result.exitCode, 7);
    EXPECT_TRUE(result.err.contains(u"no signature by a trusted key"_s)) << result.err.toStdString();
    // The genuine checkpoint with the wrong public key.
    writeFile(path(u"genuine.checkpoint"_s), note);
    result = run(commandArgs(u"verify"_s, {u"--public-key"_s, otherPublicKey(), u"--checkpoint"_s, path(u"genuine.checkpoint"_s)}));
    EXPECT_EQ(result.exitCode, 7);
    // Each failure is on record in the log: the check ran and failed.
    EXPECT_TRUE(run(commandArgs(u"query"_s, {u"--action"_s, u"trail_verified"_s, u"--format"_s, u"jsonl"_s})).out.contains(u"\"result\":\"failed\""_s));
}

} // namespace
} // namespace QmsAudit::Test
