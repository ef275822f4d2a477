// SPDX-License-Identifier: LGPL-2.1-or-later
// EvidencePackExport, the one pack-making flow of `qms-audit export --pack` and the views: the zip
// it writes verifies against the signing key; a log that fails verification, an existing file, a
// key that is no Ed25519 key and a cancel leave no file.

#include "reporttest.h"
#include "sqlciphershell.h"

#include <qmsaudit/checkpoint.h>
#include <qmsaudit/checkpointverifier.h>
#include <qmsaudit/eventexportfile.h>
#include <qmsaudit/evidencepackarchive.h>
#include <qmsaudit/evidencepackexport.h>
#include <qmsaudit/evidencepackverifier.h>
#include <qmsaudit/signingkeyfileprovider.h>

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

#include <atomic>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

QByteArray testData(const QString &name)
{
    QFile file(QStringLiteral(QMSAUDIT_TEST_DATA_DIR "/checkpoint/") + name);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    return file.readAll();
}

class EvidencePackExportTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QList<Event> events;
        for (int i = 0; i < 60; ++i)
            events.append(reportEvent(i));
        m_log.append(events);
        m_edits.actions = { Action::Edit };
        installKey(u"test-ed25519.pem"_s);
    }
    /// Copies tests/data/checkpoint/@p name to the signing key file, readable by its owner only.
    void installKey(const QString &name)
    {
        QFile::remove(keyFile());
        QFile key(keyFile());
        ASSERT_TRUE(key.open(QIODevice::WriteOnly));
        key.write(testData(name));
        key.close();
        ASSERT_TRUE(key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    }
    QString keyFile() const { return m_log.path(u"checkpoint-key.pem"_s); }
    QString origin() const { return Checkpoint::defaultOrigin(m_log.reader().logId()); }
    Result<EvidencePackExport::Written> exportPack(const QString &path, const EvidencePackExportControl &control = {}) const
    {
        return EvidencePackExport::write(m_log.reader(), m_edits, ReportTestLog::header(), SigningKeyFileProvider(keyFile(), origin()),
                                         path, control);
    }
    /// The names in the test directory other than the log's and the key's: what an export left.
    QStringList leftOver() const
    {
        QStringList names = QDir(m_log.path({})).entryList(QDir::Files | QDir::Hidden | QDir::System);
        names.removeIf([](const QString &name) { return name.startsWith(u"audit.qmslog"_s) || name == u"checkpoint-key.pem"_s; });
        return names;
    }

    ReportTestLog m_log;
    EventFilter m_edits;
};

} // namespace

TEST_F(EvidencePackExportTest, ThePackVerifiesAgainstTheSigningKeyAndItsRecordSaysWhatItHolds)
{
    QList<std::pair<qint64, qint64>> steps;
    EvidencePackExportControl control;
    control.progress = [&steps](qint64 done, qint64 total) { steps.append({ done, total }); };
    const QString path = m_log.path(u"edits.zip"_s);
    auto written = exportPack(path, control);
    ASSERT_TRUE(written) << written.error().message().toStdString();
    EXPECT_EQ(steps, (QList<std::pair<qint64, qint64>> { { 0, 12 }, { 12, 12 } }));

    auto files = EvidencePackArchive::read(path);
    ASSERT_TRUE(files) << files.error().message().toStdString();
    EXPECT_EQ(files->keys(), EvidencePack::fileNames());
    EXPECT_TRUE(files->value(EvidencePack::reportName()).startsWith("%PDF-"));
    auto trusted = CheckpointVerifier::fromPem(u"trusted"_s, testData(u"test-ed25519.pub.pem"_s));
    ASSERT_TRUE(trusted) << trusted.error().message().toStdString();
    const EvidencePackCheck check = EvidencePackVerifier::verify(*files, trusted->publicKey(), origin());
    for (const EvidencePackFinding &finding : check.findings)
        ADD_FAILURE() << finding.describe().toStdString();
    EXPECT_TRUE(check.trusted);
    EXPECT_EQ(check.eventCount, 12); // every fifth of the 60 events is an edit
    EXPECT_EQ(check.treeSize, 60);
    EXPECT_EQ(check.keyName, origin());

    const TrailExportRecord &record = written->record;
    EXPECT_EQ(written->keyName, origin());
    EXPECT_EQ(record.eventCount, 12);
    EXPECT_EQ(record.sha256, *EventExportFile::sha256(path));
    const QMap<QString, QString> attributes = record.attributes();
    EXPECT_EQ(attributes.value(u"format"_s), u"pack"_s);
    EXPECT_EQ(attributes.value(u"file"_s), u"edits.zip"_s);
    EXPECT_EQ(attributes.value(u"filter"_s), m_edits.describe());
    EXPECT_EQ(attributes.value(u"report"_s), u"events"_s);
    EXPECT_EQ(attributes.value(u"verification"_s), u"ok"_s);
    EXPECT_EQ(attributes.value(u"tree_size"_s), u"60"_s);
    EXPECT_EQ(attributes.value(u"origin"_s), origin());
    EXPECT_EQ(attributes.value(u"event_count"_s), u"12"_s);
    EXPECT_EQ(attributes.value(u"sha256"_s), QString::fromLatin1(record.sha256.toHex()));
    EXPECT_EQ(leftOver(), QStringList { u"edits.zip"_s });
}

TEST_F(EvidencePackExportTest, ALogThatFailsVerificationGetsNoPack)
{
    // An insider with the key rewrites who did event 7, behind the library's back.
    const ShellResult tampered
        = runSqlcipher(m_log.path(u"audit.qmslog"_s), m_log.keyHex(), u"DROP TRIGGER events_no_update; UPDATE events SET actor_id = 'u9' WHERE seq = 7;"_s);
    ASSERT_EQ(tampered.exitCode, 0) << tampered.err.toStdString();
    const QString path = m_log.path(u"tampered.zip"_s);
    auto written = exportPack(path);
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().code(), ErrorCode::IntegrityFailure);
    EXPECT_TRUE(written.error().message().contains(u"audit.qmslog failed verification; no evidence pack is signed"_s))
        << written.error().message().toStdString();
    EXPECT_EQ(leftOver(), QStringList());
}

TEST_F(EvidencePackExportTest, AnExistingFileIsNeverReplacedNorOneThatAppearsDuringTheExport)
{
    const QString path = m_log.path(u"pack.zip"_s);
    QFile existing(path);
    ASSERT_TRUE(existing.open(QIODevice::WriteOnly));
    existing.write("someone else's file");
    existing.close();
    auto refused = exportPack(path);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code(), ErrorCode::AlreadyExists);
    EXPECT_TRUE(refused.error().message().contains(u"never overwrites"_s)) << refused.error().message().toStdString();

    // A file that appears once the pack is signed, just before the zip goes into place.
    const QString late = m_log.path(u"late.zip"_s);
    EvidencePackExportControl control;
    control.progress = [&late](qint64 done, qint64 total) {
        if (done == total) {
            QFile file(late);
            if (file.open(QIODevice::WriteOnly))
                file.write("arrived meanwhile");
        }
    };
    auto raced = exportPack(late, control);
    ASSERT_FALSE(raced);
    EXPECT_EQ(raced.error().code(), ErrorCode::AlreadyExists);
    QFile kept(late);
    ASSERT_TRUE(kept.open(QIODevice::ReadOnly));
    EXPECT_EQ(kept.readAll(), "arrived meanwhile");
    EXPECT_EQ(leftOver(), (QStringList { u"late.zip"_s, u"pack.zip"_s })); // no partial zip beside them
}

TEST_F(EvidencePackExportTest, ACancelLeavesNoFile)
{
    std::atomic_bool cancel = false;
    EvidencePackExportControl control;
    control.cancel = &cancel;
    control.progress = [&cancel](qint64, qint64) { cancel = true; }; // as soon as the log is verified
    const QString path = m_log.path(u"cancelled.zip"_s);
    auto written = exportPack(path, control);
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().code(), ErrorCode::Cancelled);
    EXPECT_TRUE(written.error().message().contains(u"no file was written"_s)) << written.error().message().toStdString();
    EXPECT_EQ(leftOver(), QStringList());
}

TEST_F(EvidencePackExportTest, AKeyThatIsNoEd25519KeyOrNoKeyIsRefusedBeforeTheLogIsRead)
{
    bool read = false;
    EvidencePackExportControl control;
    control.progress = [&read](qint64, qint64) { read = true; };
    installKey(u"ec-p256.pem"_s);
    auto ec = exportPack(m_log.path(u"ec.zip"_s), control);
    ASSERT_FALSE(ec);
    EXPECT_EQ(ec.error().code(), ErrorCode::KeyUnavailable);
    EXPECT_TRUE(ec.error().message().contains(u"Ed25519"_s)) << ec.error().message().toStdString();
    EXPECT_FALSE(ec.error().message().contains(u"PRIVATE"_s)); // the key's text is never in a message

    ASSERT_TRUE(QFile::remove(keyFile()));
    auto none = exportPack(m_log.path(u"none.zip"_s), control);
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().code(), ErrorCode::NotFound);
    EXPECT_TRUE(none.error().message().contains(keyFile())) << none.error().message().toStdString();
    EXPECT_FALSE(read);
    EXPECT_EQ(leftOver(), QStringList());
}

} // namespace QmsAudit::Test
