// SPDX-License-Identifier: LGPL-2.1-or-later
// The document service on a real data folder, recording through the installed plugin; the log
// is read back with the installed qms-audit.
#include "hosttest.h"
#include "trailreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QtTest/QTest>

#include <gtest/gtest.h>

namespace {

const QString kPassword = UserDirectory::DemoPassword;

class DocumentServiceTest : public HostTest
{
protected:
    DocumentService &desk() { return host->service(); }
    TrailReader trail() const { return TrailReader(host->folder().logPath(), host->folder().keyFile()); }

    /// A procedure in review, written by the author.
    QString procedureInReview()
    {
        EXPECT_TRUE(desk().login(QStringLiteral("u-anna"), kPassword));
        const QString id = desk().create(QStringLiteral("procedure"), QStringLiteral("Calibration of torque wrenches"),
                                         QStringLiteral("Interval: 365 days"), QStringLiteral("new procedure"));
        EXPECT_FALSE(id.isEmpty()) << desk().lastError().toStdString();
        EXPECT_TRUE(desk().edit(id, QStringLiteral("Calibration of torque wrenches"), QStringLiteral("Interval: 180 days"),
                                QStringLiteral("CAPA-9: drift found")))
            << desk().lastError().toStdString();
        EXPECT_TRUE(desk().advance(id, QStringLiteral("submit"), QString(), QString())) << desk().lastError().toStdString();
        desk().logout();
        return id;
    }

};

TEST_F(DocumentServiceTest, FirstStartMakesAFolderOnlyTheOwnerCanReadWithAKeyOnlyTheOwnerCanRead)
{
    EXPECT_EQ(QFileInfo(host->folder().keyFile()).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
              QFile::Permissions());
    EXPECT_EQ(QFileInfo(host->folder().dir()).permissions() & (QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup), QFile::Permissions());
    EXPECT_TRUE(QFileInfo::exists(host->folder().logPath()));
    EXPECT_TRUE(QFileInfo::exists(host->folder().usersPath()));
    QFile log(host->folder().logPath());
    ASSERT_TRUE(log.open(QIODevice::ReadOnly));
    EXPECT_FALSE(log.read(16).startsWith("SQLite format 3")) << "the log is encrypted";
}

TEST_F(DocumentServiceTest, AnAuthorIsTurnedAwayFromTheAuditorViewsAndTheAttemptIsRecorded)
{
    ASSERT_TRUE(desk().login(QStringLiteral("u-anna"), kPassword));
    EXPECT_FALSE(desk().requestAuditAccess(QStringLiteral("audit_views")));
    EXPECT_TRUE(desk().lastError().contains(QStringLiteral("auditor"))) << desk().lastError().toStdString();
    EXPECT_FALSE(desk().requestAuditAccess(QStringLiteral("dashboard")));
    desk().logout();
    ASSERT_TRUE(desk().login(QStringLiteral("u-ines"), kPassword));
    EXPECT_TRUE(desk().requestAuditAccess(QStringLiteral("audit_views")));
    desk().logout();

    const auto denied = trail().events(QStringLiteral("access_denied"));
    ASSERT_EQ(denied.size(), 2);
    for (const QJsonObject &event : denied) {
        EXPECT_EQ(event.value(QStringLiteral("actor")).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("u-anna"));
        EXPECT_EQ(event.value(QStringLiteral("object")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("audit_trail"));
        EXPECT_EQ(event.value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
    }
}

TEST_F(DocumentServiceTest, TheWorkflowRecordsEveryStepWithOldAndNewValuesAndSignatures)
{
    const QString id = procedureInReview();
    ASSERT_TRUE(desk().login(QStringLiteral("u-rolf"), kPassword));
    EXPECT_TRUE(desk().signReview(id, kPassword)) << desk().lastError().toStdString();
    desk().logout();
    ASSERT_TRUE(desk().login(QStringLiteral("u-petra"), kPassword));
    EXPECT_TRUE(desk().advance(id, QStringLiteral("approve"), QString(), kPassword)) << desk().lastError().toStdString();
    EXPECT_FALSE(desk().advance(id, QStringLiteral("release"), QString(), QString())) << "release needs a reason";
    EXPECT_TRUE(desk().advance(id, QStringLiteral("release"), QStringLiteral("effective now"), QString())) << desk().lastError().toStdString();
    const QVariantMap document = desk().open(id);
    desk().logout();

    EXPECT_EQ(document.value(QStringLiteral("state")).toString(), QStringLiteral("released"));
    const QVariantList signatures = document.value(QStringLiteral("signatures")).toList();
    ASSERT_EQ(signatures.size(), 2);
    const QString approval = signatures.at(1).toMap().value(QStringLiteral("manifestation")).toString();
    EXPECT_TRUE(approval.startsWith(QStringLiteral("Electronically signed by Petra Lang (u-petra) on "))) << approval.toStdString();
    EXPECT_TRUE(approval.endsWith(QStringLiteral("Meaning: Approved."))) << approval.toStdString();

    const auto edits = trail().events(QStringLiteral("edit"));
    ASSERT_EQ(edits.size(), 1);
    EXPECT_EQ(edits[0].value(QStringLiteral("reason")).toString(), QStringLiteral("CAPA-9: drift found"));
    const QJsonObject contentChange = edits[0].value(QStringLiteral("changes")).toArray().at(0).toObject();
    EXPECT_EQ(contentChange.value(QStringLiteral("field")).toString(), QStringLiteral("content"));
    EXPECT_EQ(contentChange.value(QStringLiteral("old")).toString(), QStringLiteral("Interval: 365 days"));
    EXPECT_EQ(contentChange.value(QStringLiteral("new")).toString(), QStringLiteral("Interval: 180 days"));
    const auto signs = trail().events(QStringLiteral("sign"));
    ASSERT_EQ(signs.size(), 2);
    EXPECT_EQ(signs[0].value(QStringLiteral("signature_meaning")).toString(), QStringLiteral("Reviewed"));
    EXPECT_EQ(signs[1].value(QStringLiteral("signature_meaning")).toString(), QStringLiteral("Approved"));
    EXPECT_EQ(trail().events(QStringLiteral("submit,approve,release")).size(), 3);
    QString summary;
    EXPECT_TRUE(trail().verify(&summary)) << summary.toStdString();
}

TEST_F(DocumentServiceTest, WrongPasswordsAreRefusedAndRecorded)
{
    const QString id = procedureInReview();
    EXPECT_FALSE(desk().login(QStringLiteral("u-petra"), QStringLiteral("guess")));
    EXPECT_FALSE(desk().login(QStringLiteral("u-mallory"), QStringLiteral("guess")));
    ASSERT_TRUE(desk().login(QStringLiteral("u-petra"), kPassword));
    EXPECT_FALSE(desk().advance(id, QStringLiteral("approve"), QString(), QStringLiteral("guess")));
    EXPECT_EQ(host->store().document(id).state, QStringLiteral("in_review")) << "not approved";
    desk().logout();

    const auto failed = trail().events(QStringLiteral("login_failed"));
    ASSERT_EQ(failed.size(), 2);
    EXPECT_EQ(failed[1].value(QStringLiteral("actor")).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("u-mallory"));
    const auto signs = trail().events(QStringLiteral("sign"));
    ASSERT_EQ(signs.size(), 1);
    EXPECT_EQ(signs[0].value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
    EXPECT_TRUE(trail().events(QStringLiteral("approve")).isEmpty());
}

TEST_F(DocumentServiceTest, AnAuthorCannotApproveAndOnlyAuthorsEdit)
{
    const QString id = procedureInReview();
    ASSERT_TRUE(desk().login(QStringLiteral("u-rolf"), kPassword));
    EXPECT_FALSE(desk().edit(id, QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")));
    EXPECT_FALSE(desk().advance(id, QStringLiteral("approve"), QString(), kPassword)) << "a reviewer does not approve";
    desk().logout();
    EXPECT_EQ(host->store().document(id).state, QStringLiteral("in_review"));
    EXPECT_EQ(trail().events(QStringLiteral("access_denied")).size(), 2);
}

TEST_F(DocumentServiceTest, NothingIsDoneThatTheTrailCannotRecord)
{
    const QString id = procedureInReview();
    ASSERT_TRUE(desk().login(QStringLiteral("u-petra"), kPassword));
    const QString key = host->folder().keyFile();
    ASSERT_TRUE(QFile::rename(key, key + QStringLiteral(".away")));
    // The bridge notices at its next check (50 ms here) and closes the trail.
    for (int i = 0; i < 100 && host->audit().isAvailable(); ++i)
        QTest::qWait(20);
    ASSERT_FALSE(host->audit().isAvailable());
    EXPECT_TRUE(host->audit().problem().contains(QStringLiteral("key file"))) << host->audit().problem().toStdString();
    EXPECT_TRUE(desk().open(id).isEmpty()) << "no viewing while the trail is down";
    EXPECT_FALSE(desk().advance(id, QStringLiteral("approve"), QString(), kPassword));
    EXPECT_TRUE(desk().lastError().contains(QStringLiteral("audit trail"))) << desk().lastError().toStdString();
    EXPECT_EQ(host->store().document(id).state, QStringLiteral("in_review"));

    ASSERT_TRUE(QFile::rename(key + QStringLiteral(".away"), key));
    for (int i = 0; i < 100 && !host->audit().isAvailable(); ++i)
        QTest::qWait(20);
    ASSERT_TRUE(host->audit().isAvailable()) << host->audit().problem().toStdString();
    EXPECT_TRUE(desk().advance(id, QStringLiteral("approve"), QString(), kPassword)) << desk().lastError().toStdString();
}

} // namespace
