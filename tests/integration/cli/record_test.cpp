// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit record: one event from options.

#include "clitest.h"
#include "writelockholder.h"

#include <qmsaudit/timestamp.h>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

class RecordTest : public CliTest
{
protected:
    void SetUp() override { ASSERT_EQ(initLog().exitCode, 0); }

    /// `record` with a valid base event plus @p extra; the caller checks the result.
    CliResult recordRaw(const QStringList &extra) const
    {
        return run(commandArgs(u"record"_s, QStringList{u"--actor"_s, u"u1"_s, u"--object-id"_s, u"SOP-001"_s} + extra));
    }
};

TEST_F(RecordTest, PrintsIncreasingSeqs)
{
    EXPECT_EQ(record({}), 1);
    EXPECT_EQ(record({u"--action"_s, u"print"_s}), 2);
    EXPECT_EQ(record({u"--action"_s, u"approve"_s}), 3);
    EXPECT_EQ(eventCount(), 3);
}

TEST_F(RecordTest, StoresEveryField)
{
    const qint64 seq = record({u"--actor"_s, u"u42"_s, u"--actor-name"_s, u"Ada Lovelace"_s, u"--role"_s, u"qa_manager"_s,
                               u"--role"_s, u"author"_s, u"--action"_s, u"edit"_s, u"--object-id"_s, u"SOP-017"_s,
                               u"--object-type"_s, u"procedure"_s, u"--object-version"_s, u"C"_s, u"--object-title"_s,
                               u"Calibration of torque wrenches"_s, u"--reason"_s, u"Annual review"_s, u"--change"_s,
                               u"interval_days=365=>180"_s, u"--change"_s, u"formula=a=b=>a=c"_s, u"--outcome"_s, u"failed"_s,
                               u"--attr"_s, u"ticket=CAPA-12"_s, u"--attr"_s, u"site=Linz=Upper Austria"_s,
                               u"--signature-meaning"_s, u"reviewed"_s, u"--session"_s, u"s-9"_s, u"--occurred-at"_s,
                               u"2026-01-31T09:30:00+01:00"_s});
    ASSERT_EQ(seq, 1);
    const QList<Event> events = queryEvents();
    ASSERT_EQ(events.size(), 1);
    const Event &e = events.front();
    EXPECT_EQ(e.seq, 1);
    EXPECT_EQ(e.actor.id, u"u42"_s);
    EXPECT_EQ(e.actor.name, u"Ada Lovelace"_s);
    EXPECT_EQ(e.actor.roles, (QStringList{u"qa_manager"_s, u"author"_s}));
    EXPECT_EQ(e.action, Action::Edit);
    EXPECT_EQ(e.object, (ObjectRef{u"procedure"_s, u"SOP-017"_s, u"C"_s, u"Calibration of torque wrenches"_s}));
    EXPECT_EQ(e.reason, u"Annual review"_s);
    ASSERT_EQ(e.changes.size(), 2);
    EXPECT_EQ(e.changes[0], (FieldChange{u"interval_days"_s, u"365"_s, u"180"_s}));
    EXPECT_EQ(e.changes[1], (FieldChange{u"formula"_s, u"a=b"_s, u"a=c"_s}));
    EXPECT_EQ(e.outcome, Outcome::Failed);
    EXPECT_EQ(e.attributes.value(u"ticket"_s), u"CAPA-12"_s);
    EXPECT_EQ(e.attributes.value(u"site"_s), u"Linz=Upper Austria"_s);
    EXPECT_EQ(e.signatureMeaning, u"reviewed"_s);
    EXPECT_EQ(e.session, u"s-9"_s);
    ASSERT_TRUE(e.occurredAtUs.has_value());
    EXPECT_EQ(formatTimestamp(*e.occurredAtUs), u"2026-01-31T08:30:00.000000Z"_s);
    EXPECT_EQ(e.host.app, u"qms-audit"_s);
    EXPECT_FALSE(e.host.version.isEmpty());
    EXPECT_GT(e.recordedAtUs, 0);
    EXPECT_EQ(e.hash.size(), 32);
}

TEST_F(RecordTest, ObjectTypeDefaultsToDocument)
{
    ASSERT_EQ(record({}), 1);
    const QList<Event> events = queryEvents();
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events.front().object.type, u"document"_s);
    EXPECT_FALSE(events.front().occurredAtUs.has_value());
}

TEST_F(RecordTest, ChangeWithEmptyOldValue)
{
    ASSERT_EQ(record({u"--action"_s, u"create"_s, u"--reason"_s, u"New SOP"_s, u"--change"_s, u"title==>Cleaning"_s}), 1);
    const QList<Event> events = queryEvents();
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events.front().changes, (QList<FieldChange>{{u"title"_s, QString(), u"Cleaning"_s}}));
}

TEST_F(RecordTest, UnknownActionFailsNamingAllowedActions)
{
    const CliResult result = recordRaw({u"--action"_s, u"frobnicate"_s});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: Unknown action 'frobnicate'"_s)) << result.err.toStdString();
    for (const QString &name : {u"view"_s, u"edit"_s, u"approve"_s, u"login_failed"_s, u"key_rotated"_s})
        EXPECT_TRUE(result.err.contains(name)) << name.toStdString();
    EXPECT_EQ(eventCount(), 0);
}

TEST_F(RecordTest, UnknownOutcomeFailsNamingAllowedOutcomes)
{
    const CliResult result = recordRaw({u"--action"_s, u"view"_s, u"--outcome"_s, u"maybe"_s});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(u"'maybe'"_s)) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(u"success, denied, failed"_s)) << result.err.toStdString();
    EXPECT_EQ(eventCount(), 0);
}

TEST_F(RecordTest, EditWithoutReasonIsRefusedAndNothingRecorded)
{
    ASSERT_EQ(record({}), 1);
    const CliResult result = recordRaw({u"--action"_s, u"edit"_s, u"--change"_s, u"a=1=>2"_s});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: "_s));
    EXPECT_TRUE(result.out.isEmpty());
    EXPECT_EQ(eventCount(), 1);
}

TEST_F(RecordTest, MalformedChangeFails)
{
    for (const QString &change : {u"no-separators"_s, u"field=old-without-arrow"_s, u"=old=>new"_s, u"field=>new"_s}) {
        const CliResult result = recordRaw({u"--action"_s, u"edit"_s, u"--reason"_s, u"r"_s, u"--change"_s, change});
        EXPECT_EQ(result.exitCode, 1) << change.toStdString();
        EXPECT_TRUE(result.err.contains(u"FIELD=OLD=>NEW"_s)) << result.err.toStdString();
    }
    EXPECT_EQ(eventCount(), 0);
}

TEST_F(RecordTest, MalformedAttributeFails)
{
    for (const QString &attr : {u"novalue"_s, u"=value"_s}) {
        const CliResult result = recordRaw({u"--action"_s, u"view"_s, u"--attr"_s, attr});
        EXPECT_EQ(result.exitCode, 1) << attr.toStdString();
        EXPECT_TRUE(result.err.contains(u"KEY=VALUE"_s)) << result.err.toStdString();
    }
    EXPECT_EQ(eventCount(), 0);
}

TEST_F(RecordTest, DuplicateAttributeFails)
{
    const CliResult result = recordRaw({u"--action"_s, u"view"_s, u"--attr"_s, u"a=1"_s, u"--attr"_s, u"a=2"_s});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(eventCount(), 0);
}

TEST_F(RecordTest, InvalidOccurredAtFails)
{
    const CliResult result = recordRaw({u"--action"_s, u"view"_s, u"--occurred-at"_s, u"yesterday"_s});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(u"--occurred-at"_s)) << result.err.toStdString();
    EXPECT_EQ(eventCount(), 0);
}

TEST_F(RecordTest, MissingRequiredOptionsFail)
{
    const CliResult noActor = run(commandArgs(u"record"_s, {u"--action"_s, u"view"_s, u"--object-id"_s, u"D"_s}));
    EXPECT_EQ(noActor.exitCode, 1);
    EXPECT_TRUE(noActor.err.contains(u"--actor ID"_s)) << noActor.err.toStdString();
    const CliResult noAction = run(commandArgs(u"record"_s, {u"--actor"_s, u"u1"_s, u"--object-id"_s, u"D"_s}));
    EXPECT_EQ(noAction.exitCode, 1);
    EXPECT_TRUE(noAction.err.contains(u"--action ACTION"_s)) << noAction.err.toStdString();
    const CliResult noObject = run(commandArgs(u"record"_s, {u"--actor"_s, u"u1"_s, u"--action"_s, u"view"_s}));
    EXPECT_EQ(noObject.exitCode, 1);
    EXPECT_TRUE(noObject.err.contains(u"--object-id ID"_s)) << noObject.err.toStdString();
    const CliResult emptyActor = recordRaw({u"--action"_s, u"view"_s, u"--actor"_s, QString()});
    EXPECT_EQ(emptyActor.exitCode, 1);
    EXPECT_EQ(eventCount(), 0);
}

TEST_F(RecordTest, SignWithoutMeaningIsInvalid)
{
    const CliResult result = recordRaw({u"--action"_s, u"sign"_s});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(eventCount(), 0);
    // After the record of that verification.
    EXPECT_EQ(record({u"--action"_s, u"sign"_s, u"--signature-meaning"_s, u"approved as author"_s}), 2);
}

TEST_F(RecordTest, OverlongFieldIsInvalid)
{
    const CliResult result = recordRaw({u"--action"_s, u"view"_s, u"--object-title"_s, QString(600, u'x')});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(eventCount(), 0);
}

TEST_F(RecordTest, NonAsciiTextRoundTrips)
{
    ASSERT_EQ(record({u"--actor-name"_s, u"Jürgen Weiß"_s, u"--object-title"_s, u"Prüfanweisung ✓"_s}), 1);
    const QList<Event> events = queryEvents();
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events.front().actor.name, u"Jürgen Weiß"_s);
    EXPECT_EQ(events.front().object.title, u"Prüfanweisung ✓"_s);
}

TEST_F(RecordTest, WriterLockHeldTooLongIsIoExit)
{
    // Another process holds the write lock past the 10 s busy timeout.
    WriteLockHolder holder;
    const QString locked = holder.acquire(logPath(), readFile(keyFilePath()).trimmed());
    ASSERT_TRUE(locked.isEmpty()) << locked.toStdString();

    const CliResult result = recordRaw({u"--action"_s, u"view"_s});
    EXPECT_EQ(result.exitCode, 4);
    EXPECT_TRUE(result.err.contains(u"locked"_s)) << result.err.toStdString();

    ASSERT_TRUE(holder.release());
    EXPECT_EQ(eventCount(), 0);
    EXPECT_EQ(record({}), 2); // after the record of that verification
}

} // namespace
} // namespace QmsAudit::Test
