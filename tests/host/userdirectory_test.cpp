// SPDX-License-Identifier: LGPL-2.1-or-later
#include "userdirectory.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

TEST(UserDirectoryTest, KeepsOnlySaltedHashesAndChecksPasswordsAfterReloading)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("users.json"));
    {
        UserDirectory users(path);
        users.add(QStringLiteral("u-anna"), QStringLiteral("Anna Berger"), {QStringLiteral("author")}, QStringLiteral("s3cret"));
        users.add(QStringLiteral("u-ben"), QStringLiteral("Ben Ito"), {QStringLiteral("approver")}, QStringLiteral("s3cret"));
        QString error;
        ASSERT_TRUE(users.save(&error)) << error.toStdString();
    }
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    EXPECT_FALSE(stored.contains("s3cret")) << "no password in the file";

    UserDirectory users(path);
    QString error;
    ASSERT_TRUE(users.load(&error)) << error.toStdString();
    EXPECT_TRUE(users.checkPassword(QStringLiteral("u-anna"), QStringLiteral("s3cret")));
    EXPECT_FALSE(users.checkPassword(QStringLiteral("u-anna"), QStringLiteral("s3cret ")));
    EXPECT_FALSE(users.checkPassword(QStringLiteral("u-nobody"), QStringLiteral("s3cret")));
    EXPECT_NE(users.user(QStringLiteral("u-anna")).passwordHash, users.user(QStringLiteral("u-ben")).passwordHash) << "salted";
    EXPECT_EQ(users.withRole(QStringLiteral("approver")), QStringList{QStringLiteral("u-ben")});
}

} // namespace
