// SPDX-License-Identifier: LGPL-2.1-or-later
// The tamper matrix: every manipulation is detected and the right seq is named.
#include <qmsaudit/auditlog.h>

#include "sqlciphershell.h"
#include "testlog.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

using Kind = VerificationFinding::Kind;

class TamperTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        LogOptions options;
        options.textPartitionEvents = kTextPartitionEvents; // four partitions of the text index
        auto log = dir.create(options);
        ASSERT_TRUE(log);
        for (int i = 0; i < kEvents; ++i) {
            Event e = sampleEvent(i);
            e.object.title = QStringLiteral("Record %1 ").arg(i) + QString(300, QLatin1Char('x')); // several pages of rows
            ASSERT_TRUE(log->append(e));
        }
        ASSERT_TRUE(log->verify().ok);
    }

    /// Runs SQL as an insider with the key who first removes the append-only triggers.
    void tamper(const QString &sql)
    {
        const auto r = runSqlcipher(dir.logPath(), dir.keyHex(),
                                    QStringLiteral("DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;\n") + sql);
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }

    VerificationReport verify()
    {
        auto log = AuditLog::open(dir.logPath(), dir.keys());
        EXPECT_TRUE(log) << log.error().message().toStdString();
        return log ? (*log)->verify() : VerificationReport{};
    }

    static bool hasFinding(const VerificationReport &report, Kind kind, qint64 seq)
    {
        for (const auto &f : report.findings) {
            if (f.kind == kind && f.seq == seq)
                return true;
        }
        return false;
    }

    static constexpr int kEvents = 60;
    static constexpr int kTextPartitionEvents = 16;
    TestLogDir dir;
};

} // namespace

TEST_F(TamperTest, UntouchedLogVerifies)
{
    const auto report = verify();
    EXPECT_TRUE(report.ok);
    EXPECT_EQ(report.eventCount, kEvents);
    EXPECT_EQ(report.lastSeq, kEvents);
    EXPECT_TRUE(report.summary().startsWith(QStringLiteral("OK 60 events, head ")));
}

TEST_F(TamperTest, EditedPayloadIsAHashMismatchAtThatSeq)
{
    // Replace one byte inside the record's text; it still decodes, but the hash breaks.
    tamper(QStringLiteral("UPDATE events SET payload = substr(payload, 1, 60) || X'5A' || substr(payload, 62) WHERE seq = 23;"));
    const auto report = verify();
    EXPECT_FALSE(report.ok);
    EXPECT_EQ(report.firstBadSeq(), 23);
    EXPECT_TRUE(hasFinding(report, Kind::HashMismatch, 23) || hasFinding(report, Kind::Undecodable, 23));
    EXPECT_TRUE(report.summary().startsWith(QStringLiteral("FAILED at seq 23")));
}

TEST_F(TamperTest, EditedIndexColumnIsAColumnMismatch)
{
    tamper(QStringLiteral("UPDATE events SET actor_id = 'someone_else' WHERE seq = 31;"));
    const auto report = verify();
    EXPECT_EQ(report.firstBadSeq(), 31);
    EXPECT_TRUE(hasFinding(report, Kind::ColumnMismatch, 31));
}

TEST_F(TamperTest, ReplacingMetaIsRefusedEvenWithTheKey)
{
    // REPLACE deletes without firing delete triggers: the schema refuses replacing meta rows.
    const QList<QString> attempts = {
        QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('reason_required', '');"),
        QStringLiteral("REPLACE INTO meta (key, value) VALUES ('log_id', 'other');"),
    };
    const QByteArray before = readFile(dir.logPath());
    for (const QString &sql : attempts) {
        const auto r = runSqlcipher(dir.logPath(), dir.keyHex(), sql);
        EXPECT_NE(r.exitCode, 0) << sql.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("cannot be replaced"))) << r.err.toStdString();
    }
    EXPECT_EQ(readFile(dir.logPath()), before);
    EXPECT_TRUE(verify().ok);
}

TEST_F(TamperTest, ReplacedEventIsAHashMismatch)
{
    // No trigger guards events against REPLACE (docs/storage.md): the chain catches it.
    const auto r = runSqlcipher(dir.logPath(), dir.keyHex(),
                                QStringLiteral("REPLACE INTO events (seq, recorded_at, occurred_at, actor_id, action, object_type, "
                                               "object_id, outcome, object_title, reason, payload, hash) SELECT seq, recorded_at, "
                                               "occurred_at, actor_id, action, object_type, object_id, outcome, object_title, reason, "
                                               "substr(payload, 1, 60) || X'5A' || substr(payload, 62), hash FROM events WHERE seq = 7;"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const auto report = verify();
    EXPECT_EQ(report.firstBadSeq(), 7);
}

TEST_F(TamperTest, ChangedPolicyBreaksTheChainAtSeqOne)
{
    // An insider who drops the triggers and empties the reason policy: verify must notice.
    const auto r = runSqlcipher(dir.logPath(), dir.keyHex(),
                                QStringLiteral("DROP TRIGGER meta_no_replace; "
                                               "INSERT OR REPLACE INTO meta (key, value) VALUES ('reason_required', '');"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    auto log = AuditLog::open(dir.logPath(), dir.keys());
    ASSERT_TRUE(log);
    EXPECT_TRUE((*log)->policy().reasonRequiredActions.isEmpty());
    const auto report = (*log)->verify();
    EXPECT_FALSE(report.ok);
    EXPECT_EQ(report.firstBadSeq(), 1);
    EXPECT_TRUE(hasFinding(report, Kind::HashMismatch, 1));
    EXPECT_TRUE(report.findings.first().detail.contains(QStringLiteral("reason policy"))) << report.findings.first().detail.toStdString();
}

/// Rebuilds the contentless text index from the events (partitions of 16 seqs, as SetUp() made
/// it), with @p extraRows planted and seq @p leftOut missing: what someone with the key can do
/// without touching the chain.
void rebuildTextIndex(const TestLogDir &dir, qint64 leftOut, const QString &extraRows)
{
    const auto r = runSqlcipher(dir.logPath(), dir.keyHex(),
                                QStringLiteral("DROP TABLE events_text;\n"
                                               "CREATE VIRTUAL TABLE events_text USING fts4 (content=\"\", object_title, reason, "
                                               "tokenize=unicode61, languageid=\"part\", matchinfo=\"fts3\");\n"
                                               "INSERT INTO events_text (docid, object_title, reason, part) SELECT seq, object_title, reason, "
                                               "(seq - 1) / 16 FROM events WHERE seq != %1;\n%2")
                                    .arg(leftOut)
                                    .arg(extraRows));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
}

QList<qint64> textHits(const TestLogDir &dir, const QString &text)
{
    auto log = AuditLog::open(dir.logPath(), dir.keys());
    EXPECT_TRUE(log);
    EventFilter filter;
    filter.text = text;
    auto page = (*log)->query(filter, {0, 1000});
    EXPECT_TRUE(page);
    QList<qint64> seqs;
    for (const Event &e : page->events)
        seqs.append(e.seq);
    return seqs;
}

TEST_F(TamperTest, RebuiltTextIndexVerifies)
{
    rebuildTextIndex(dir, 0, QString());
    EXPECT_TRUE(verify().ok) << verify().summary().toStdString();
    EXPECT_EQ(textHits(dir, QStringLiteral("record 12")), (QList<qint64>{13}));
}

TEST_F(TamperTest, EventRemovedFromTheTextIndexIsFound)
{
    rebuildTextIndex(dir, 13, QString()); // "Record 12 …" is seq 13
    const auto report = verify();
    EXPECT_FALSE(report.ok);
    ASSERT_FALSE(report.findings.isEmpty());
    QStringList details;
    for (const auto &finding : report.findings) {
        EXPECT_EQ(finding.kind, Kind::TextIndexMismatch);
        details.append(finding.detail);
    }
    // Every word of "Record 12 xxx…" lost one event; "12" occurs in no other title.
    EXPECT_TRUE(details.contains(QStringLiteral("the text index entry for \"12\" in object_title (partition 0, seq 1 to 16) does not "
                                                "match the events (index: 0 events, events: 1)")))
        << details.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("the text index entry for \"record\" in object_title (partition 0, seq 1 to 16) does "
                                                "not match the events (index: 15 events, events: 16)")))
        << details.join(QLatin1Char('\n')).toStdString();
}

TEST_F(TamperTest, PlantedTextIndexRowsNeitherMatchNorPassVerify)
{
    // seq 41 is indexed under a word it does not contain.
    rebuildTextIndex(dir, 41, QStringLiteral("INSERT INTO events_text (docid, object_title, reason, part) VALUES (41, 'zeppelin', '', 2);"));
    EXPECT_TRUE(textHits(dir, QStringLiteral("zeppelin")).isEmpty());
    auto log = AuditLog::open(dir.logPath(), dir.keys());
    ASSERT_TRUE(log);
    EventFilter filter;
    filter.text = QStringLiteral("zeppelin");
    EXPECT_EQ((*log)->count(filter).value(), 0);
    const auto report = verify();
    EXPECT_FALSE(report.ok);
    EXPECT_TRUE(report.summary().contains(QStringLiteral("text index"))) << report.summary().toStdString();
}

TEST_F(TamperTest, TextIndexRowsInTheWrongPartitionAreFound)
{
    auto details = [](const VerificationReport &report) {
        QStringList all;
        for (const auto &finding : report.findings)
            all.append(finding.detail);
        return all.join(QLatin1Char('\n'));
    };
    // seq 41 (partition 2) moved to partition 0, where pages of old events would list it.
    rebuildTextIndex(dir, 41, QStringLiteral("INSERT INTO events_text (docid, object_title, reason, part) "
                                             "SELECT seq, object_title, reason, 0 FROM events WHERE seq = 41;"));
    auto report = verify();
    EXPECT_FALSE(report.ok);
    EXPECT_TRUE(details(report).contains(QStringLiteral("\"40\" in object_title (partition 0, seq 1 to 16)"))) << details(report).toStdString();
    EXPECT_TRUE(details(report).contains(QStringLiteral("\"40\" in object_title (partition 2, seq 33 to 48)"))) << details(report).toStdString();
    // A partition that no seq belongs to is read by no query: verify names it.
    rebuildTextIndex(dir, 0, QStringLiteral("INSERT INTO events_text (docid, object_title, reason, part) VALUES (900, 'zeppelin', '', 56);"));
    report = verify();
    EXPECT_FALSE(report.ok);
    EXPECT_TRUE(details(report).contains(QStringLiteral("a partition 56, which no event belongs to"))) << details(report).toStdString();
}

TEST_F(TamperTest, DeletedMiddleRowIsAGap)
{
    tamper(QStringLiteral("DELETE FROM events WHERE seq = 17;"));
    const auto report = verify();
    EXPECT_EQ(report.firstBadSeq(), 17);
    EXPECT_TRUE(hasFinding(report, Kind::Gap, 17));
    EXPECT_TRUE(hasFinding(report, Kind::HashMismatch, 18)); // 18 no longer chains to 16
}

TEST_F(TamperTest, ReorderedRowsAreDetectedAtTheFirstMovedSeq)
{
    // Swap the contents of seq 10 and 11 (payload, hash and columns move together).
    tamper(QStringLiteral(
        "CREATE TEMP TABLE t AS SELECT * FROM events WHERE seq IN (10, 11);\n"
        "DELETE FROM events WHERE seq IN (10, 11);\n"
        "INSERT INTO events SELECT CASE seq WHEN 10 THEN 11 ELSE 10 END, recorded_at, occurred_at, actor_id, action, object_type, "
        "object_id, outcome, object_title, reason, payload, hash FROM t;"));
    const auto report = verify();
    EXPECT_EQ(report.firstBadSeq(), 10);
    EXPECT_TRUE(hasFinding(report, Kind::OutOfOrder, 10));
    EXPECT_TRUE(hasFinding(report, Kind::Duplicate, 11));
}

TEST_F(TamperTest, DuplicatedSeqIsDetected)
{
    // Row 41 is overwritten with a copy of row 40.
    tamper(QStringLiteral("DELETE FROM events WHERE seq = 41;\n"
                          "INSERT INTO events SELECT 41, recorded_at, occurred_at, actor_id, action, object_type, object_id, outcome, "
                          "object_title, reason, payload, hash FROM events WHERE seq = 40;"));
    const auto report = verify();
    EXPECT_EQ(report.firstBadSeq(), 41);
    EXPECT_TRUE(hasFinding(report, Kind::Duplicate, 41));
}

TEST_F(TamperTest, BackdatedTimeColumnIsDetected)
{
    // Queries filter on the recorded_at column, so backdating it alone must not go unnoticed.
    tamper(QStringLiteral("UPDATE events SET recorded_at = recorded_at - 3600000000 WHERE seq = 50;"));
    const auto report = verify();
    EXPECT_EQ(report.firstBadSeq(), 50);
    EXPECT_TRUE(hasFinding(report, Kind::ColumnMismatch, 50));
}

TEST_F(TamperTest, EditedSummaryIsASummaryMismatch)
{
    // The per-day summary answers statistics but is not hashed: verify recounts it.
    tamper(QStringLiteral("UPDATE summary_day SET events = events + 1 WHERE action = 'edit';"));
    const auto report = verify();
    EXPECT_FALSE(report.ok);
    EXPECT_TRUE(hasFinding(report, Kind::SummaryMismatch, 0)) << report.summary().toStdString();
    EXPECT_EQ(report.firstBadSeq(), 0); // the chain itself is intact
    EXPECT_EQ(report.eventCount, kEvents);

    // The summary is derived data: recounting it from the events repairs it.
    auto log = AuditLog::open(dir.logPath(), dir.keys());
    ASSERT_TRUE(log);
    EventFilter editFilter;
    editFilter.actions = {Action::Edit};
    const qint64 edits = *(*log)->count(editFilter);
    EXPECT_NE((*log)->statistics(std::nullopt, std::nullopt)->byAction.value(QStringLiteral("edit")), edits);
    ASSERT_TRUE((*log)->rebuildSummary());
    EXPECT_EQ((*log)->statistics(std::nullopt, std::nullopt)->byAction.value(QStringLiteral("edit")), edits);
    EXPECT_TRUE((*log)->verify().ok);
}

TEST_F(TamperTest, RemovedAndAddedSummaryRowsAreSummaryMismatches)
{
    // The summary tables have no append-only triggers (the writer updates them): plain SQL edits them.
    const auto edit = [this](const QString &sql) {
        const auto r = runSqlcipher(dir.logPath(), dir.keyHex(), sql);
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    };
    edit(QStringLiteral("DELETE FROM summary_day_actor WHERE actor_id = 'user1';"));
    EXPECT_TRUE(hasFinding(verify(), Kind::SummaryMismatch, 0));
    edit(QStringLiteral("INSERT INTO summary_day_actor (day, actor_id, events) SELECT day, 'user1', events + 1 FROM summary_day_actor "
                        "WHERE actor_id = 'user2';"));
    EXPECT_TRUE(hasFinding(verify(), Kind::SummaryMismatch, 0)); // user1 and user2 have the same counts: one more is wrong
    edit(QStringLiteral("DELETE FROM summary_day_actor WHERE actor_id = 'user1';"
                        "INSERT INTO summary_day_actor (day, actor_id, events) SELECT recorded_at / 86400000000, actor_id, count(*) "
                        "FROM events WHERE actor_id = 'user1' GROUP BY 1, 2;"
                        "INSERT INTO summary_day_actor (day, actor_id, events) SELECT day, 'ghost', 3 FROM summary_day_actor LIMIT 1;"));
    const auto report = verify();
    ASSERT_EQ(report.findings.size(), 1) << report.summary().toStdString();
    EXPECT_EQ(report.findings.first().kind, Kind::SummaryMismatch);
    EXPECT_TRUE(report.findings.first().detail.contains(QStringLiteral("ghost"))) << report.findings.first().detail.toStdString();

    edit(QStringLiteral("DELETE FROM summary_day_actor WHERE actor_id = 'ghost';"
                        "INSERT INTO summary_day (day, action, object_type, outcome, events) VALUES (1, 'view', 'x', 'success', 2);"));
    const auto dayWithoutEvents = verify();
    ASSERT_EQ(dayWithoutEvents.findings.size(), 1) << dayWithoutEvents.summary().toStdString();
    EXPECT_TRUE(dayWithoutEvents.findings.first().detail.contains(QStringLiteral("1970-01-02, a day without events")))
        << dayWithoutEvents.findings.first().detail.toStdString();
}

TEST_F(TamperTest, ByteFlipWithoutTheKeyIsDetected)
{
    const QByteArray original = readFile(dir.logPath());
    ASSERT_GT(original.size(), 16 * 4096);
    // Flip one byte in each of several pages after page 1 (page 1 damage reads as a wrong key).
    for (qsizetype page : {qsizetype(3), original.size() / 4096 / 2, original.size() / 4096 - 2}) {
        QByteArray damaged = original;
        const qsizetype offset = page * 4096 + 1000;
        damaged[offset] = char(damaged[offset] ^ 0x01);
        QFile file(dir.logPath());
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(damaged);
        file.close();

        auto log = AuditLog::open(dir.logPath(), dir.keys());
        if (!log) {
            // The flipped page held schema or metadata: opening fails closed as damage.
            EXPECT_TRUE(log.error().code() == ErrorCode::IntegrityFailure || log.error().code() == ErrorCode::WrongKey)
                << log.error().message().toStdString();
            continue;
        }
        const auto report = (*log)->verify();
        EXPECT_FALSE(report.ok) << "flip in page " << page << " went unnoticed";
        bool storageFinding = false;
        for (const auto &f : report.findings)
            storageFinding = storageFinding || f.kind == Kind::StorageDamaged;
        EXPECT_TRUE(storageFinding) << report.summary().toStdString();
        // Every record before the named seq was readable and chained correctly.
        if (report.firstBadSeq() > 0) {
            EXPECT_EQ(report.lastSeq, report.firstBadSeq() - 1);
        }
    }
}
