// SPDX-License-Identifier: LGPL-2.1-or-later
// query, stats and verify record their use of the trail in the log they read: trail_viewed and
// trail_verified by --as or the operating-system user; a read-only log gets a note instead, and a
// writable log that refuses the event is an error (exit 5).

#include "clitest.h"

#include "sqlciphershell.h"
#include "writelockholder.h"

#include <qmsaudit/eventreader.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

const QRegularExpression kOkLine(u"^OK (\\d+) events, head ([0-9a-f]{64})$"_s, QRegularExpression::MultilineOption);
const QString kReadOnlyNote = u"qms-audit: note: the log is read-only; this use of the trail is not recorded\n"_s;

/// Who the tool should name when no --as is given: the effective user, from the password database.
QString operatingSystemUser()
{
    const passwd *entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

class TrailUseTest : public CliTest
{
protected:
    void SetUp() override
    {
        const CliResult init = initLog();
        ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
        const QRegularExpressionMatch id = QRegularExpression(u"\\(log id ([0-9a-f-]{36})\\)"_s).match(init.out);
        ASSERT_TRUE(id.hasMatch()) << init.out.toStdString();
        m_logId = id.captured(1);
        // 1: u1 views SOP-1   2: u2 edits SOP-1   3: u1 views WI-7
        ASSERT_EQ(record({u"--actor"_s, u"u1"_s, u"--object-id"_s, u"SOP-1"_s}), 1);
        ASSERT_EQ(record({u"--actor"_s, u"u2"_s, u"--action"_s, u"edit"_s, u"--reason"_s, u"Annual review"_s, u"--object-id"_s,
                          u"SOP-1"_s}),
                  2);
        ASSERT_EQ(record({u"--actor"_s, u"u1"_s, u"--object-id"_s, u"WI-7"_s}), 3);
    }

    /// The events as they are now, read without the tool (whose reads are recorded).
    QList<Event> storedEvents() const
    {
        auto reader = EventReader::open(logPath(), m_dir.keys());
        if (!reader) {
            ADD_FAILURE() << reader.error().message().toStdString();
            return {};
        }
        QList<Event> events;
        auto visited = (*reader)->forEach({}, [&events](const Event &event) {
            events.append(event);
            return true;
        });
        EXPECT_TRUE(visited) << visited.error().message().toStdString();
        return events;
    }

    /// The last event, which must be seq @p seq.
    Event eventAtEnd(qint64 seq) const
    {
        const QList<Event> events = storedEvents();
        if (events.isEmpty() || events.last().seq != seq) {
            ADD_FAILURE() << "expected the log to end at seq " << seq << ", it has " << events.size() << " events";
            return {};
        }
        return events.last();
    }

    /// The checks every recorded use shares: the log itself as the object, the tool as the host.
    void expectUseOfThisTrail(const Event &event, Action action, const QString &actor) const
    {
        EXPECT_EQ(event.action, action);
        EXPECT_EQ(event.outcome, Outcome::Success);
        EXPECT_EQ(event.actor, (Actor{actor, QString(), {}}));
        EXPECT_EQ(event.object, (ObjectRef{u"audit_trail"_s, m_logId, QString(), u"audit.qmslog"_s}));
        EXPECT_EQ(event.host.app, u"qms-audit"_s);
        EXPECT_EQ(u"qms-audit "_s + event.host.version + u'\n', run({u"--version"_s}).out);
        EXPECT_FALSE(event.host.workstation.isEmpty());
        EXPECT_TRUE(event.reason.isEmpty());
        EXPECT_TRUE(event.session.isEmpty());
        EXPECT_FALSE(event.occurredAtUs.has_value());
    }

    QString m_logId;
};

TEST_F(TrailUseTest, QueryRecordsTrailViewedWithTheFilterAndTheNumberPrinted)
{
    const CliResult result = run(commandArgs(u"query"_s, {u"--actor"_s, u"u1"_s, u"--action"_s, u"view"_s, u"--format"_s, u"jsonl"_s}));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.isEmpty()) << result.err.toStdString();
    ASSERT_EQ(result.outLines().size(), 2); // seqs 1 and 3; the listing never shows its own record
    EXPECT_FALSE(result.out.contains(u"trail_viewed"_s));

    const Event viewed = eventAtEnd(4);
    expectUseOfThisTrail(viewed, Action::TrailViewed, operatingSystemUser());
    EXPECT_EQ(viewed.attributes, (QMap<QString, QString>{{u"view"_s, u"cli query"_s},
                                                         {u"filter"_s, u"actor=u1; action=view"_s},
                                                         {u"event_count"_s, u"2"_s}}));

    // The count is of what was printed, not of what matched.
    const CliResult page = run(commandArgs(u"query"_s, {u"--limit"_s, u"2"_s, u"--object-id"_s, u"SOP-1"_s, u"--text"_s, u"annual"_s}));
    ASSERT_EQ(page.exitCode, 0) << page.err.toStdString();
    const Event paged = eventAtEnd(5);
    EXPECT_EQ(paged.attributes.value(u"filter"_s), u"object_id=SOP-1; text=\"annual\""_s);
    EXPECT_EQ(paged.attributes.value(u"event_count"_s), u"1"_s);

    const CliResult limited = run(commandArgs(u"query"_s, {u"--limit"_s, u"3"_s}));
    ASSERT_EQ(limited.exitCode, 0);
    EXPECT_TRUE(limited.err.contains(u"--after-seq 3"_s)) << limited.err.toStdString();
    const Event limitedUse = eventAtEnd(6);
    EXPECT_EQ(limitedUse.attributes.value(u"filter"_s), u"all events"_s);
    EXPECT_EQ(limitedUse.attributes.value(u"event_count"_s), u"3"_s);
}

TEST_F(TrailUseTest, StatsRecordsTrailViewedWithTheRangeAndTheTotal)
{
    const CliResult result = run(commandArgs(u"stats"_s, {u"--from"_s, u"2000-01-01"_s, u"--format"_s, u"json"_s}));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.isEmpty()) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(u"\"total\": 3"_s)) << result.out.toStdString();

    const Event viewed = eventAtEnd(4);
    expectUseOfThisTrail(viewed, Action::TrailViewed, operatingSystemUser());
    EXPECT_EQ(viewed.attributes, (QMap<QString, QString>{{u"view"_s, u"cli stats"_s},
                                                         {u"filter"_s, u"from=2000-01-01T00:00:00.000000Z"_s},
                                                         {u"event_count"_s, u"3"_s}}));

    ASSERT_EQ(run(commandArgs(u"stats"_s)).exitCode, 0);
    const Event unbounded = eventAtEnd(5);
    EXPECT_EQ(unbounded.attributes.value(u"filter"_s), u"all events"_s);
    EXPECT_EQ(unbounded.attributes.value(u"event_count"_s), u"4"_s); // the three and the first count's record
}

TEST_F(TrailUseTest, VerifyRecordsTrailVerifiedWithTheCountAndTheHead)
{
    const CliResult result = run(commandArgs(u"verify"_s));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.isEmpty()) << result.err.toStdString();
    const QRegularExpressionMatch ok = kOkLine.match(result.out);
    ASSERT_TRUE(ok.hasMatch()) << result.out.toStdString();
    EXPECT_EQ(ok.captured(1), u"3"_s);

    const QList<Event> events = storedEvents();
    ASSERT_EQ(events.size(), 4);
    EXPECT_EQ(ok.captured(2), QString::fromLatin1(events[2].hash.toHex())); // the head verified, not the record
    const Event &verified = events[3];
    expectUseOfThisTrail(verified, Action::TrailVerified, operatingSystemUser());
    EXPECT_EQ(verified.attributes, (QMap<QString, QString>{{u"view"_s, u"cli verify"_s},
                                                           {u"result"_s, u"ok"_s},
                                                           {u"event_count"_s, u"3"_s},
                                                           {u"last_seq"_s, u"3"_s},
                                                           {u"head_hash"_s, ok.captured(2)}}));
}

TEST_F(TrailUseTest, TheRecordedVerificationVerifiesInTurn)
{
    const CliResult first = run(commandArgs(u"verify"_s));
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    const QRegularExpressionMatch firstOk = kOkLine.match(first.out);
    ASSERT_TRUE(firstOk.hasMatch()) << first.out.toStdString();

    const CliResult second = run(commandArgs(u"verify"_s, {u"--expect-head"_s, u"3:"_s + firstOk.captured(2)}));
    ASSERT_EQ(second.exitCode, 0) << second.out.toStdString() << second.err.toStdString();
    const QRegularExpressionMatch secondOk = kOkLine.match(second.out);
    ASSERT_TRUE(secondOk.hasMatch()) << second.out.toStdString();
    EXPECT_EQ(secondOk.captured(1), u"4"_s); // the first verification's record is in the chain
    EXPECT_TRUE(second.out.contains(u"expected head at seq 3 matches"_s)) << second.out.toStdString();

    const QList<Event> events = storedEvents();
    ASSERT_EQ(events.size(), 5);
    EXPECT_EQ(events[3].action, Action::TrailVerified);
    EXPECT_EQ(events[3].attributes.value(u"head_hash"_s), firstOk.captured(2));
    EXPECT_EQ(secondOk.captured(2), QString::fromLatin1(events[3].hash.toHex()));
    EXPECT_EQ(events[4].attributes.value(u"event_count"_s), u"4"_s);
    EXPECT_EQ(events[4].attributes.value(u"head_hash"_s), secondOk.captured(2));
    EXPECT_EQ(events[4].attributes.value(u"expected_head"_s), u"3:"_s + firstOk.captured(2));
    EXPECT_EQ(events[4].attributes.value(u"result"_s), u"ok"_s);

    auto log = m_dir.open();
    ASSERT_TRUE(log);
    const VerificationReport report = log->verify();
    EXPECT_TRUE(report.ok) << report.summary().toStdString();
    EXPECT_EQ(report.eventCount, 5);
}

TEST_F(TrailUseTest, TamperedLogStillFailsWithExitThreeAndTheFailureIsRecorded)
{
    // An insider with the key rewrites who did event 2, behind the library's back.
    const ShellResult tampered = runSqlcipher(logPath(), m_dir.keyHex(),
                                              u"DROP TRIGGER events_no_update; UPDATE events SET actor_id = 'u9' WHERE seq = 2;"_s);
    ASSERT_EQ(tampered.exitCode, 0) << tampered.err.toStdString();

    const CliResult result = run(commandArgs(u"verify"_s));
    EXPECT_EQ(result.exitCode, 3) << result.out.toStdString() << result.err.toStdString();
    EXPECT_TRUE(result.out.startsWith(u"FAILED at seq 2: "_s)) << result.out.toStdString();
    EXPECT_EQ(result.err, u"qms-audit: The log %1 failed verification; it may have been tampered with or damaged.\n"_s.arg(logPath()));

    const QList<Event> events = storedEvents();
    ASSERT_EQ(events.size(), 4);
    const Event &verified = events[3];
    expectUseOfThisTrail(verified, Action::TrailVerified, operatingSystemUser());
    EXPECT_EQ(verified.attributes, (QMap<QString, QString>{{u"view"_s, u"cli verify"_s},
                                                           {u"result"_s, u"failed"_s},
                                                           {u"first_bad_seq"_s, u"2"_s},
                                                           {u"event_count"_s, u"3"_s},
                                                           {u"last_seq"_s, u"3"_s},
                                                           {u"head_hash"_s, QString::fromLatin1(events[2].hash.toHex())}}));

    // A missed anchor is a failed verification too, recorded with the anchor.
    const QString anchor = u"1:"_s + QString::fromLatin1(events[2].hash.toHex());
    const CliResult missed = run(commandArgs(u"verify"_s, {u"--expect-head"_s, anchor}));
    EXPECT_EQ(missed.exitCode, 3);
    const Event missedUse = eventAtEnd(5);
    EXPECT_EQ(missedUse.attributes.value(u"result"_s), u"failed"_s);
    EXPECT_EQ(missedUse.attributes.value(u"expected_head"_s), anchor);
}

TEST_F(TrailUseTest, ActorIsTheOperatingSystemUserUnlessAsNamesSomeone)
{
    ASSERT_FALSE(operatingSystemUser().isEmpty());
    // The password database, not what the environment claims.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"USER"_s, u"someone-else"_s);
    ASSERT_EQ(run(commandArgs(u"stats"_s), {}, environment).exitCode, 0);
    EXPECT_EQ(eventAtEnd(4).actor.id, operatingSystemUser());

    // --as names who is recorded; query's --actor still only filters.
    const CliResult asAuditor = run(commandArgs(u"query"_s, {u"--actor"_s, u"u2"_s, u"--as"_s, u"auditor-7"_s, u"--format"_s, u"csv"_s}));
    ASSERT_EQ(asAuditor.exitCode, 0) << asAuditor.err.toStdString();
    ASSERT_EQ(asAuditor.outLines().size(), 2);
    EXPECT_TRUE(asAuditor.outLines()[1].startsWith(u"2,"_s)) << asAuditor.outLines()[1].toStdString();
    const Event viewed = eventAtEnd(5);
    expectUseOfThisTrail(viewed, Action::TrailViewed, u"auditor-7"_s);
    EXPECT_EQ(viewed.attributes.value(u"filter"_s), u"actor=u2"_s);

    ASSERT_EQ(run(commandArgs(u"verify"_s, {u"--as=auditor-8"_s})).exitCode, 0);
    EXPECT_EQ(eventAtEnd(6).actor.id, u"auditor-8"_s);
    ASSERT_EQ(run(commandArgs(u"stats"_s, {u"--as"_s, u"auditor-9"_s})).exitCode, 0);
    EXPECT_EQ(eventAtEnd(7).actor.id, u"auditor-9"_s);
}

TEST_F(TrailUseTest, UnrecordableUseIsRefusedBeforeAnythingIsRead)
{
    for (const QString &command : {u"query"_s, u"stats"_s, u"verify"_s}) {
        const CliResult empty = run(commandArgs(command, {u"--as"_s, QString()}));
        EXPECT_EQ(empty.exitCode, 1) << command.toStdString();
        EXPECT_EQ(empty.err, u"qms-audit: The option --as needs a non-empty value.\n"_s) << command.toStdString();
        EXPECT_TRUE(empty.out.isEmpty()) << command.toStdString();

        const CliResult tooLong = run(commandArgs(command, {u"--as"_s, QString(129, u'a')}));
        EXPECT_EQ(tooLong.exitCode, 1) << command.toStdString();
        EXPECT_TRUE(tooLong.err.startsWith(u"qms-audit: This use of the trail could not be recorded, so nothing is read: "_s))
            << tooLong.err.toStdString();
        EXPECT_TRUE(tooLong.err.contains(u"actor.id"_s)) << tooLong.err.toStdString();
        EXPECT_TRUE(tooLong.out.isEmpty()) << command.toStdString();
    }
    EXPECT_EQ(storedEvents().size(), 3);
}

TEST_F(TrailUseTest, ReadOnlyLogFileIsNotedAndLeftByteIdentical)
{
    ASSERT_EQ(::chmod(QFile::encodeName(logPath()).constData(), 0444), 0);
    const QByteArray before = readFile(logPath());
    const QStringList listing = QDir(path(QString())).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);

    const CliResult query = run(commandArgs(u"query"_s, {u"--format"_s, u"jsonl"_s}));
    EXPECT_EQ(query.exitCode, 0) << query.err.toStdString();
    EXPECT_EQ(query.outLines().size(), 3);
    EXPECT_EQ(query.err, kReadOnlyNote);

    const CliResult stats = run(commandArgs(u"stats"_s, {u"--format"_s, u"json"_s}));
    EXPECT_EQ(stats.exitCode, 0) << stats.err.toStdString();
    EXPECT_TRUE(stats.out.contains(u"\"total\": 3"_s)) << stats.out.toStdString();
    EXPECT_EQ(stats.err, kReadOnlyNote);

    const CliResult verify = run(commandArgs(u"verify"_s, {u"--as"_s, u"auditor-7"_s}));
    EXPECT_EQ(verify.exitCode, 0) << verify.err.toStdString();
    EXPECT_TRUE(verify.out.startsWith(u"OK 3 events, head "_s)) << verify.out.toStdString();
    EXPECT_EQ(verify.err, kReadOnlyNote);

    EXPECT_EQ(readFile(logPath()), before) << "a read-only log was changed";
    EXPECT_EQ(QDir(path(QString())).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name), listing);
    EXPECT_EQ(fileMode(logPath()), 0444u);
    EXPECT_EQ(storedEvents().size(), 3);
}

TEST_F(TrailUseTest, WritableLogThatCannotTakeTheRecordIsAnErrorWithExitFive)
{
    // Another process holds the write lock past the 10 s busy timeout; reading goes on meanwhile.
    WriteLockHolder holder;
    const QString locked = holder.acquire(logPath(), m_dir.keyHex());
    ASSERT_TRUE(locked.isEmpty()) << locked.toStdString();

    const CliResult result = run(commandArgs(u"query"_s, {u"--format"_s, u"jsonl"_s}));
    EXPECT_EQ(result.exitCode, 5) << result.err.toStdString();
    EXPECT_EQ(result.outLines().size(), 3) << "the listing itself is complete";
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: error: could not record the use of the trail: "_s)) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(u"locked"_s)) << result.err.toStdString();
    EXPECT_EQ(result.err.count(u'\n'), 1) << result.err.toStdString();

    ASSERT_TRUE(holder.release());
    EXPECT_EQ(storedEvents().size(), 3);
}

TEST_F(TrailUseTest, HelpSaysTheUseIsRecordedAndHow)
{
    const QList<std::pair<QString, QString>> commands{
        {u"query"_s, u"trail_viewed"_s}, {u"stats"_s, u"trail_viewed"_s}, {u"verify"_s, u"trail_verified"_s}};
    for (const auto &[command, action] : commands) {
        const CliResult help = run({command, u"--help"_s});
        ASSERT_EQ(help.exitCode, 0);
        const QString text = help.out.simplified();
        EXPECT_TRUE(text.contains(u"recorded in the log as a "_s + action + u" event by --as or the operating-system user"_s))
            << command.toStdString() << ": " << help.out.toStdString();
        EXPECT_TRUE(text.contains(u"a log you cannot write is left unchanged, with a note on stderr"_s)) << command.toStdString();
        EXPECT_TRUE(text.contains(u"--as ID record this use of the trail as done by user id ID (default: the operating-system user)"_s))
            << command.toStdString();
        EXPECT_TRUE(help.out.contains(u"  5  the command did its work, but could not record this use of the trail\n"_s))
            << command.toStdString();
    }
}

} // namespace
} // namespace QmsAudit::Test
