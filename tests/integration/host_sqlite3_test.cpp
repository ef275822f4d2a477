// SPDX-License-Identifier: LGPL-2.1-or-later
// docs/design-notes.md, pitfall 1: this host links the system libsqlite3 (as QtSql or Poco::DataSQLite would) and
// uses it before opening a log. libqmsaudit must still encrypt, and nothing may crash.
#include <qmsaudit/auditlog.h>

#include "testlog.h"

#include <sqlite3.h>

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

/// Uses the host's libsqlite3 for real work, as an application would.
void useSystemSqlite()
{
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1), (2);", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

} // namespace

TEST(HostWithSystemSqlite, TheHostReallyUsesThePlainSystemLibrary)
{
    useSystemSqlite();
    // The symbols this binary resolved are libsqlite3's (3.40 on Debian 12), not SQLCipher's 3.15.
    EXPECT_STRNE(sqlite3_libversion(), "3.15.2");
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA cipher_version", -1, &stmt, nullptr), SQLITE_OK);
    EXPECT_EQ(sqlite3_step(stmt), SQLITE_DONE); // no cipher: plain SQLite answers nothing
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

TEST(HostWithSystemSqlite, LogStaysEncryptedAndUsable)
{
    useSystemSqlite();
    TestLogDir dir;
    {
        auto log = dir.create();
        ASSERT_TRUE(log);
        for (int i = 0; i < 100; ++i)
            ASSERT_TRUE(log->append(sampleEvent(i)));
        useSystemSqlite(); // interleaved use of both libraries
        ASSERT_TRUE(log->verify().ok);
        const QByteArray wal = readFile(dir.logPath() + QStringLiteral("-wal"));
        EXPECT_FALSE(wal.contains("Torque wrench calibration"));
    }
    const QByteArray file = readFile(dir.logPath());
    ASSERT_GT(file.size(), 0);
    EXPECT_FALSE(file.startsWith(QByteArray("SQLite format 3\0", 16)));
    EXPECT_FALSE(file.contains("Torque wrench calibration"));

    // The system library cannot read the log.
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(dir.logPath().toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr), SQLITE_NOTADB);
    sqlite3_close(db);

    auto log = dir.open();
    ASSERT_TRUE(log);
    const auto report = log->verify();
    EXPECT_TRUE(report.ok) << report.summary().toStdString();
    EXPECT_EQ(report.eventCount, 100);
}
