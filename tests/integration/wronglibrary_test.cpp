// SPDX-License-Identifier: LGPL-2.1-or-later
// Fail closed when the library found is not SQLCipher. This binary compiles the storage binding
// with QMSAUDIT_SQLCIPHER_SONAME pointing at the plain system libsqlite3 (see CMakeLists.txt):
// nothing may open, and nothing may be written.
#include "storage/connection_p.h"
#include "storage/sqlcipherapi_p.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace QmsAudit;

TEST(WrongLibrary, APlainSqliteLibraryIsRefusedAsEncryptionUnavailable)
{
    auto api = SqlCipherApi::instance();
    ASSERT_FALSE(api);
    EXPECT_EQ(api.error().code(), ErrorCode::EncryptionUnavailable);
    // libsqlite3 has no codec entry points; the message names the first one missing.
    EXPECT_TRUE(api.error().message().contains(QStringLiteral("sqlite3_key"))) << api.error().message().toStdString();
}

TEST(WrongLibrary, NoConnectionOpensAndNoFileIsCreated)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.qmslog"));
    const SecretKey key = SecretKey::generateRawKey();
    auto connection = Connection::open(path, key, Connection::Mode::ReadWrite, 1000);
    ASSERT_FALSE(connection);
    EXPECT_EQ(connection.error().code(), ErrorCode::EncryptionUnavailable);
    EXPECT_FALSE(QFileInfo::exists(path));
}
