// SPDX-License-Identifier: LGPL-2.1-or-later
// The on-disk layout: migrations from older versions, refusal of newer ones.
#include <qmsaudit/auditlog.h>
#include <qmsaudit/eventreader.h>

#include "sqlciphershell.h"
#include "mockclock.h"
#include "testlog.h"

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

/// Layout 8 added the Merkle tree (dropping a table fires no delete trigger).
#define QMSAUDIT_BEFORE_LAYOUT_8 "DROP TABLE merkle_subtree;\n"

/// Layout 7 added the per-month rollups and the index of changes without a reason.
#define QMSAUDIT_BEFORE_LAYOUT_7 QMSAUDIT_BEFORE_LAYOUT_8 \
    "DROP TABLE rollup_object_month; DROP TABLE rollup_actor_month; DROP TABLE rollup_cycle;\n" \
    "DROP INDEX ix_events_change_without_reason; DROP INDEX ix_events_submit;\n"

/// Layout 6 added the meta row text_partition_events: older logs do not have it.
#define QMSAUDIT_BEFORE_LAYOUT_6 QMSAUDIT_BEFORE_LAYOUT_7 \
    "DROP TRIGGER meta_no_delete; DELETE FROM meta WHERE key = 'text_partition_events';\n" \
    "CREATE TRIGGER meta_no_delete BEFORE DELETE ON meta BEGIN SELECT RAISE(ABORT, 'log metadata cannot be deleted'); END;\n"

/// Turns a fresh log back into layout version 1, where a trigger filled the text index.
void downgradeToVersion1(const TestLogDir &dir)
{
    const auto r = runSqlcipher(dir.logPath(), dir.keyHex(), QStringLiteral(
        "CREATE TRIGGER events_text_insert AFTER INSERT ON events BEGIN\n"
        "    INSERT INTO events_text (docid, object_title, reason) VALUES (new.seq, new.object_title, new.reason);\n"
        "END;\n"
        "DROP TRIGGER meta_no_replace;\n" // added in version 3
        "DROP INDEX ix_events_actor_action; DROP TABLE summary_day; DROP TABLE summary_day_actor;\n" // added in version 4
        QMSAUDIT_BEFORE_LAYOUT_6
        "UPDATE meta SET value = '1' WHERE key = 'schema_version';"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
}

/// Turns a fresh, empty log into layout version 2: no replace triggers, a genesis without the policy.
void downgradeToVersion2(const TestLogDir &dir)
{
    const auto r = runSqlcipher(dir.logPath(), dir.keyHex(), QStringLiteral(
        "DROP INDEX ix_events_actor_action; DROP TABLE summary_day; DROP TABLE summary_day_actor;\n" // added in version 4
        "DROP TRIGGER meta_no_replace; DROP TRIGGER meta_no_delete;\n"
        "DELETE FROM meta WHERE key IN ('genesis', 'text_partition_events');\n"
        "CREATE TRIGGER meta_no_delete BEFORE DELETE ON meta BEGIN SELECT RAISE(ABORT, 'log metadata cannot be deleted'); END;\n"
        "UPDATE meta SET value = '2' WHERE key = 'schema_version';"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
}

QString shellValue(const TestLogDir &dir, const QString &sql)
{
    const auto r = runSqlcipher(dir.logPath(), dir.keyHex(), sql);
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    return r.out.trimmed();
}

} // namespace

TEST(Schema, NewLogsUseTheCurrentLayout)
{
    TestLogDir dir;
    auto log = dir.create();
    EXPECT_EQ(log->schemaVersion(), 8);
    log.reset();
    EXPECT_EQ(shellValue(dir, QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version';")), QStringLiteral("8"));
    EXPECT_EQ(shellValue(dir, QStringLiteral("SELECT value FROM meta WHERE key = 'genesis';")), QStringLiteral("v2"));
    EXPECT_EQ(shellValue(dir, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_events_actor_action';")),
              QStringLiteral("1"));
    EXPECT_EQ(shellValue(dir, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'events_text_insert';")),
              QStringLiteral("0"));
}

TEST(Schema, VersionOneLogIsMigratedOnOpenAndIndexesEachEventOnce)
{
    TestLogDir dir;
    {
        auto log = dir.create();
        ASSERT_TRUE(log->append(sampleEvent(0)));
    }
    downgradeToVersion1(dir);
    {
        auto log = dir.open();
        ASSERT_TRUE(log);
        EXPECT_EQ(log->schemaVersion(), 8);
        Event e = sampleEvent(2);
        e.object.title = QStringLiteral("Zirconia gauge block");
        ASSERT_TRUE(log->append(e));
        EventFilter f;
        f.text = QStringLiteral("zirconia");
        auto page = log->query(f, {0, 10});
        ASSERT_TRUE(page);
        ASSERT_EQ(page->events.size(), 1);
        EXPECT_EQ(page->events.first().seq, 2);
        EXPECT_TRUE(log->verify().ok);
    }
    EXPECT_EQ(shellValue(dir, QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version';")), QStringLiteral("8"));
    EXPECT_EQ(shellValue(dir, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'events_text_insert';")), QStringLiteral("0"));
    // One text-index row per event: the old trigger and the writer did not both index seq 2.
    EXPECT_EQ(shellValue(dir, QStringLiteral("CREATE VIRTUAL TABLE temp.terms USING fts4aux(main, events_text);\n"
                                             "SELECT documents FROM temp.terms WHERE term = 'zirconia' AND col = '*';")),
              QStringLiteral("1"));
}

TEST(Schema, VersionTwoLogGainsTheReplaceTriggerAndKeepsItsGenesis)
{
    TestLogDir dir;
    ASSERT_TRUE(dir.create());
    downgradeToVersion2(dir);
    {
        auto log = dir.open();
        ASSERT_TRUE(log);
        EXPECT_EQ(log->schemaVersion(), 8);
        ASSERT_TRUE(log->append(sampleEvent(0)));
        ASSERT_TRUE(log->append(sampleEvent(2)));
        EXPECT_TRUE(log->verify().ok); // chained from the v1 genesis, as the log was created
    }
    EXPECT_EQ(shellValue(dir, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'meta_no_replace';")),
              QStringLiteral("1"));
    EXPECT_EQ(shellValue(dir, QStringLiteral("SELECT count(*) FROM meta WHERE key = 'genesis';")), QStringLiteral("0"));
}

TEST(Schema, VersionThreeLogGetsTheReadIndexesAndTheSummaryOnOpen)
{
    TestLogDir dir;
    {
        auto log = dir.create();
        for (int i = 0; i < 30; ++i)
            ASSERT_TRUE(log->append(sampleEvent(i)));
    }
    const auto r = runSqlcipher(dir.logPath(), dir.keyHex(), QStringLiteral(
        "DROP INDEX ix_events_actor_action; DROP TABLE summary_day; DROP TABLE summary_day_actor;\n"
        QMSAUDIT_BEFORE_LAYOUT_6
        "UPDATE meta SET value = '3' WHERE key = 'schema_version';"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    {
        auto log = dir.open();
        ASSERT_TRUE(log);
        EXPECT_EQ(log->schemaVersion(), 8);
        EventFilter f;
        f.actorId = QStringLiteral("user1");
        f.actions = {Action::Edit};
        auto page = log->query(f, {0, 10});
        ASSERT_TRUE(page) << page.error().message().toStdString();
        ASSERT_EQ(page->events.size(), 2); // sampleEvent 1 and 21: user1, edit
        EXPECT_EQ(page->events[0].seq, 2);
        EXPECT_EQ(page->events[1].seq, 22);
        // The migration rebuilt the summary from the events: statistics and verify agree with them.
        auto stats = log->statistics(std::nullopt, std::nullopt);
        ASSERT_TRUE(stats);
        EXPECT_EQ(stats->total, 30);
        EXPECT_EQ(stats->byActor.value(QStringLiteral("user1")), 8); // i = 1, 5, …, 29
        EXPECT_EQ(stats->byAction.value(QStringLiteral("edit")), 6);
        ASSERT_TRUE(log->append(sampleEvent(30)));
        EXPECT_EQ(log->statistics(std::nullopt, std::nullopt)->total, 31);
        const auto report = log->verify();
        EXPECT_TRUE(report.ok) << report.summary().toStdString();
    }
    EXPECT_EQ(shellValue(dir, QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version';")), QStringLiteral("8"));
    EXPECT_EQ(shellValue(dir, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'ix_events_actor_action';")), QStringLiteral("1"));
}

TEST(Schema, VersionFourLogGetsSummaryCountsWithoutNotNullOnOpen)
{
    TestLogDir dir;
    {
        auto log = dir.create();
        for (int i = 0; i < 30; ++i)
            ASSERT_TRUE(log->append(sampleEvent(i)));
    }
    // Layout 4's summary: the same tables with NOT NULL counts, filled as the writer filled them.
    const auto r = runSqlcipher(dir.logPath(), dir.keyHex(), QStringLiteral(
        "DROP TABLE summary_day; DROP TABLE summary_day_actor;\n"
        "CREATE TABLE summary_day (day INTEGER NOT NULL, action TEXT NOT NULL, object_type TEXT NOT NULL, outcome TEXT NOT NULL,\n"
        "    events INTEGER NOT NULL, PRIMARY KEY (day, action, object_type, outcome)) WITHOUT ROWID;\n"
        "CREATE TABLE summary_day_actor (day INTEGER NOT NULL, actor_id TEXT NOT NULL, events INTEGER NOT NULL,\n"
        "    PRIMARY KEY (day, actor_id)) WITHOUT ROWID;\n"
        "CREATE INDEX ix_summary_actor ON summary_day_actor (actor_id, day, events);\n"
        "INSERT INTO summary_day SELECT recorded_at / 86400000000, action, object_type, outcome, count(*) FROM events GROUP BY 1, 2, 3, 4;\n"
        "INSERT INTO summary_day_actor SELECT recorded_at / 86400000000, actor_id, count(*) FROM events GROUP BY 1, 2;\n"
        QMSAUDIT_BEFORE_LAYOUT_6
        "UPDATE meta SET value = '4' WHERE key = 'schema_version';"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    {
        auto log = dir.open();
        ASSERT_TRUE(log);
        EXPECT_EQ(log->schemaVersion(), 8);
        ASSERT_TRUE(log->append(sampleEvent(30)));
        auto stats = log->statistics(std::nullopt, std::nullopt);
        ASSERT_TRUE(stats);
        EXPECT_EQ(stats->total, 31);
        EXPECT_EQ(stats->byActor.value(QStringLiteral("user1")), 8); // i = 1, 5, …, 29
        const auto report = log->verify();
        EXPECT_TRUE(report.ok) << report.summary().toStdString();
    }
    EXPECT_EQ(shellValue(dir, QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version';")), QStringLiteral("8"));
    for (const char *table : {"summary_day", "summary_day_actor"}) {
        const QString sql = shellValue(dir, QStringLiteral("SELECT sql FROM sqlite_master WHERE name = '%1';").arg(QLatin1StringView(table)));
        EXPECT_TRUE(sql.contains(QStringLiteral("events      INTEGER,")) || sql.contains(QStringLiteral("events   INTEGER,"))) << sql.toStdString();
        EXPECT_FALSE(sql.contains(QStringLiteral("events INTEGER NOT NULL"))) << sql.toStdString();
    }
    EXPECT_EQ(shellValue(dir, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'ix_summary_actor';")), QStringLiteral("1"));
}

TEST(Schema, VersionFiveLogGetsAPartitionedTextIndexOnOpen)
{
    TestLogDir dir;
    {
        auto log = dir.create();
        for (int i = 0; i < 30; ++i) {
            Event e = sampleEvent(i);
            e.object.title = QStringLiteral("Torque wrench %1").arg(i);
            ASSERT_TRUE(log->append(e));
        }
    }
    // Layout 5's text index: one FTS4 table without partitions, and no text_partition_events.
    const auto r = runSqlcipher(dir.logPath(), dir.keyHex(), QStringLiteral(
        "DROP TABLE events_text;\n"
        "CREATE VIRTUAL TABLE events_text USING fts4 (content=\"\", object_title, reason, tokenize=unicode61);\n"
        "INSERT INTO events_text (docid, object_title, reason) SELECT seq, object_title, reason FROM events;\n"
        QMSAUDIT_BEFORE_LAYOUT_6
        "UPDATE meta SET value = '5' WHERE key = 'schema_version';"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    // A reader cannot migrate: it says how to upgrade instead of failing on the first text query.
    auto reader = EventReader::open(dir.logPath(), dir.keys());
    ASSERT_FALSE(reader);
    EXPECT_TRUE(reader.error().message().contains(QStringLiteral("upgrades it to version 8"))) << reader.error().message().toStdString();
    {
        auto log = dir.open();
        ASSERT_TRUE(log);
        EXPECT_EQ(log->schemaVersion(), 8);
        Event e = sampleEvent(30);
        e.object.title = QStringLiteral("Torque wrench 30");
        ASSERT_TRUE(log->append(e));
        EventFilter f;
        f.text = QStringLiteral("torq");
        EXPECT_EQ(log->count(f).value(), 31);
        f.text = QStringLiteral("wrench 7");
        auto page = log->query(f, {0, 10});
        ASSERT_TRUE(page) << page.error().message().toStdString();
        ASSERT_EQ(page->events.size(), 1);
        EXPECT_EQ(page->events.first().seq, 8);
        const auto report = log->verify();
        EXPECT_TRUE(report.ok) << report.summary().toStdString();
    }
    EXPECT_EQ(shellValue(dir, QStringLiteral("SELECT value FROM meta WHERE key = 'text_partition_events';")), QStringLiteral("262144"));
    EXPECT_TRUE(shellValue(dir, QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'events_text';")).contains(QStringLiteral("languageid")));
    // matchinfo=fts3: no per-document sizes, two pages less to encrypt per commit (docs/performance.md).
    EXPECT_EQ(shellValue(dir, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'events_text_docsize';")), QStringLiteral("0"));
}

TEST(Schema, VersionSixLogGetsItsRollupsCountedOnOpen)
{
    TestLogDir dir;
    MockClock clock;
    clock.set(1'780'000'000'000'000); // 2026-05-28
    {
        auto log = dir.create({&clock});
        for (int i = 0; i < 60; ++i) {
            clock.advance(9 * 3'600'000'000LL); // 60 events over 22 days: days and a month close
            ASSERT_TRUE(log->append(sampleEvent(i)));
        }
    }
    const QString rollupRows = QStringLiteral("SELECT (SELECT count(*) FROM rollup_object_month) || ' ' || "
                                              "(SELECT count(*) FROM rollup_actor_month) || ' ' || (SELECT sum(events) FROM rollup_actor_month);");
    const QString written = shellValue(dir, rollupRows);
    const auto r = runSqlcipher(dir.logPath(), dir.keyHex(), QStringLiteral(
        QMSAUDIT_BEFORE_LAYOUT_7
        "UPDATE meta SET value = '6' WHERE key = 'schema_version';"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    {
        auto log = dir.open();
        ASSERT_TRUE(log);
        EXPECT_EQ(log->schemaVersion(), 8);
        const auto report = log->verify();
        EXPECT_TRUE(report.ok) << report.summary().toStdString();
    }
    // Counted on open from the events: the same rows the writer kept day by day.
    EXPECT_EQ(shellValue(dir, rollupRows), written);
    // ...which count every event but those of the newest day, which has not closed.
    const qint64 day = 86'400'000'000;
    int closedDays = 0;
    for (int i = 1; i <= 60; ++i)
        closedDays += (1'780'000'000'000'000 + i * 9 * 3'600'000'000LL) / day < clock.nowUtcMicros() / day;
    EXPECT_TRUE(written.endsWith(QStringLiteral(" %1").arg(closedDays))) << written.toStdString() << " " << closedDays;
}

TEST(Schema, VersionSevenLogGetsItsMerkleTreeHashedOnOpen)
{
    TestLogDir dir;
    {
        auto log = dir.create();
        for (int i = 0; i < 45; ++i) // 45 = 32 + 8 + 4 + 1: a compact range of four subtrees
            ASSERT_TRUE(log->append(sampleEvent(i)));
    }
    const QString treeRows = QStringLiteral("SELECT count(*) || ' ' || hex(group_concat(hash, '')) FROM "
                                            "(SELECT hash FROM merkle_subtree ORDER BY level, idx);");
    const QString written = shellValue(dir, treeRows);
    // One row per perfect subtree above the leaves: 22 + 11 + 5 + 2 + 1 = n - popcount(n).
    EXPECT_TRUE(written.startsWith(QStringLiteral("41 "))) << written.toStdString();
    const auto r = runSqlcipher(dir.logPath(), dir.keyHex(), QStringLiteral(
        QMSAUDIT_BEFORE_LAYOUT_8
        "UPDATE meta SET value = '7' WHERE key = 'schema_version';"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    {
        auto log = dir.open();
        ASSERT_TRUE(log);
        EXPECT_EQ(log->schemaVersion(), 8);
    }
    // Hashed on open from the payloads: the same rows the writer kept append by append.
    EXPECT_EQ(shellValue(dir, treeRows), written);
    auto log = dir.open();
    ASSERT_TRUE(log->append(sampleEvent(45)));
    const auto report = log->verify();
    EXPECT_TRUE(report.ok) << report.summary().toStdString();
    EXPECT_TRUE(shellValue(dir, treeRows).startsWith(QStringLiteral("42 ")));
}

TEST(Schema, NewerLayoutIsRefusedAndLeftUntouched)
{
    TestLogDir dir;
    ASSERT_TRUE(dir.create());
    const auto r = runSqlcipher(dir.logPath(), dir.keyHex(), QStringLiteral("UPDATE meta SET value = '99' WHERE key = 'schema_version';"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QByteArray before = readFile(dir.logPath());
    auto log = AuditLog::open(dir.logPath(), dir.keys());
    ASSERT_FALSE(log);
    EXPECT_EQ(log.error().code(), ErrorCode::NotALog);
    EXPECT_TRUE(log.error().message().contains(QStringLiteral("Upgrade QmsAudit"))) << log.error().message().toStdString();
    EXPECT_EQ(readFile(dir.logPath()), before);
}
