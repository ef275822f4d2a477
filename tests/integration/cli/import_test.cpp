// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit import: JSON Lines on stdin, validated first, appended all or nothing.

#include "clitest.h"

#include <qmsaudit/eventjson.h>
#include <qmsaudit/timestamp.h>

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

QByteArray jsonLine(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

class ImportTest : public CliTest
{
protected:
    void SetUp() override { ASSERT_EQ(initLog().exitCode, 0); }
    CliResult import(const QByteArray &lines) const { return importLines(lines); }
    /// The log holds @p before events plus one failed trail_imported event naming @p line.
    void expectFailedImportRecorded(qsizetype before, qint64 line) const
    {
        const QList<Event> events = queryEvents();
        ASSERT_EQ(events.size(), before + 1);
        const Event &last = events.last();
        EXPECT_EQ(last.action, Action::TrailImported);
        EXPECT_EQ(last.outcome, Outcome::Failed);
        EXPECT_EQ(last.actor.id, u"importer"_s);
        EXPECT_EQ(last.attributes.value(u"line"_s), QString::number(line));
    }
};

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

TEST_F(ImportTest, ImportsGoodLinesKeepingOriginalTimes)
{
    Event withOccurred = sampleEvent(1); // an edit with reason
    withOccurred.occurredAtUs = *parseTimestamp(u"2024-03-01T08:00:00Z"_s);
    Event withRecordedOnly = sampleEvent(2);
    withRecordedOnly.seq = 77;
    withRecordedOnly.recordedAtUs = *parseTimestamp(u"2023-05-06T07:08:09.123456Z"_s);
    withRecordedOnly.hash = QByteArray(32, '\x01');
    const Event plain = sampleEvent(3);

    QByteArray input = jsonLine(eventToJson(withOccurred));
    input += "\n   \n"; // blank lines are ignored
    input += jsonLine(eventToJson(withRecordedOnly));
    input += jsonLine(eventToJson(plain));

    const CliResult result = import(input);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(result.out, u"imported 3 events (seq 1..3), recorded as seq 4, input sha256 %1\n"_s.arg(sha256Hex(input)));

    const QList<Event> events = queryEvents();
    ASSERT_EQ(events.size(), 4);
    EXPECT_EQ(events[0].seq, 1);
    EXPECT_EQ(events[0].actor, withOccurred.actor);
    EXPECT_EQ(events[0].changes, withOccurred.changes);
    EXPECT_EQ(events[0].occurredAtUs, withOccurred.occurredAtUs);
    // Incoming seq, hash and recorded_at are replaced; recorded_at becomes occurred_at.
    EXPECT_EQ(events[1].seq, 2);
    EXPECT_NE(events[1].hash, withRecordedOnly.hash);
    EXPECT_NE(events[1].recordedAtUs, withRecordedOnly.recordedAtUs);
    EXPECT_EQ(events[1].occurredAtUs, std::optional<qint64>(withRecordedOnly.recordedAtUs));
    EXPECT_EQ(events[2].object, plain.object);
    EXPECT_FALSE(events[2].occurredAtUs.has_value());
    // The import itself is on record: who, how many, which seqs, which input.
    const Event &record = events[3];
    EXPECT_EQ(record.action, Action::TrailImported);
    EXPECT_EQ(record.outcome, Outcome::Success);
    EXPECT_EQ(record.actor.id, u"importer"_s);
    EXPECT_EQ(record.attributes.value(u"events"_s), u"3"_s);
    EXPECT_EQ(record.attributes.value(u"first_seq"_s), u"1"_s);
    EXPECT_EQ(record.attributes.value(u"last_seq"_s), u"3"_s);
    EXPECT_EQ(record.attributes.value(u"input_sha256"_s), sha256Hex(input));
    EXPECT_EQ(eventCount(), 5); // and the trail_viewed that records the query above
}

TEST_F(ImportTest, HandWrittenMinimalLine)
{
    // The documented field names, written by hand rather than by eventToJson().
    const CliResult result = import(R"({"action":"view","actor":{"id":"u9"},"object":{"id":"D-1","type":"procedure"},)"
                                    R"("recorded_at":"2020-01-02T03:04:05+01:00"})"
                                    "\n");
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.startsWith(u"imported 1 events (seq 1..1), recorded as seq 2, input sha256 "_s)) << result.out.toStdString();
    const QList<Event> events = queryEvents();
    ASSERT_EQ(events.size(), 2);
    EXPECT_EQ(events[0].actor.id, u"u9"_s);
    EXPECT_EQ(events[0].object.type, u"procedure"_s);
    ASSERT_TRUE(events[0].occurredAtUs.has_value());
    EXPECT_EQ(formatTimestamp(*events[0].occurredAtUs), u"2020-01-02T02:04:05.000000Z"_s);
}

TEST_F(ImportTest, AppendsAfterExistingEvents)
{
    ASSERT_EQ(record({}), 1);
    const CliResult result = import(toJsonLines({sampleEvent(0), sampleEvent(2)}));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.startsWith(u"imported 2 events (seq 2..3), recorded as seq 4, "_s)) << result.out.toStdString();
    EXPECT_EQ(eventCount(), 4);
}

TEST_F(ImportTest, BadSecondLineAbortsWholeImport)
{
    QJsonObject bad = eventToJson(sampleEvent(2));
    bad.insert(u"actor_idd"_s, u"typo"_s);
    const QByteArray input = jsonLine(eventToJson(sampleEvent(0))) + jsonLine(bad) + jsonLine(eventToJson(sampleEvent(3)));
    const CliResult result = import(input);
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: line 2: "_s)) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(u"actor_idd"_s)) << result.err.toStdString();
    EXPECT_TRUE(result.out.isEmpty());
    expectFailedImportRecorded(0, 2);
}

TEST_F(ImportTest, InvalidJsonLineAbortsWholeImport)
{
    ASSERT_EQ(record({}), 1);
    const QByteArray input = jsonLine(eventToJson(sampleEvent(0))) + "\n{\"action\": \"view\",\n";
    const CliResult result = import(input);
    EXPECT_EQ(result.exitCode, 1);
    // Line numbers count blank lines too.
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: line 3: Invalid JSON"_s)) << result.err.toStdString();
    expectFailedImportRecorded(1, 3);
}

TEST_F(ImportTest, NonObjectLineIsRejected)
{
    const CliResult result = import("[1, 2, 3]\n");
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: line 1: "_s)) << result.err.toStdString();
    expectFailedImportRecorded(0, 1);
}

TEST_F(ImportTest, EventBreakingReasonPolicyIsRejected)
{
    Event edit = sampleEvent(1);
    ASSERT_EQ(edit.action, Action::Edit);
    edit.reason.clear();
    const CliResult result = import(toJsonLines({sampleEvent(0), sampleEvent(2), edit}));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: line 3: "_s)) << result.err.toStdString();
    expectFailedImportRecorded(0, 3);
}

TEST_F(ImportTest, InvalidEventIsRejected)
{
    Event noActor = sampleEvent(0);
    noActor.actor.id.clear();
    const CliResult result = import(toJsonLines({noActor}));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: line 1: "_s)) << result.err.toStdString();
    expectFailedImportRecorded(0, 1);
}

TEST_F(ImportTest, EmptyInputImportsNothing)
{
    const CliResult result = import("\n\n");
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(result.out, u"imported 0 events (recorded as seq 1)\n"_s);
    const QList<Event> events = queryEvents();
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events[0].action, Action::TrailImported);
    EXPECT_EQ(events[0].attributes.value(u"events"_s), u"0"_s);
}

TEST_F(ImportTest, ExportOfOneLogImportsIntoAnother)
{
    for (int i = 0; i < 12; ++i)
        ASSERT_GT(record({u"--action"_s, u"print"_s, u"--object-id"_s, u"DOC-%1"_s.arg(i)}), 0);
    const CliResult exported = run(commandArgs(u"query"_s, {u"--all"_s, u"--format"_s, u"jsonl"_s}));
    ASSERT_EQ(exported.exitCode, 0);
    QList<Event> original = queryEvents();
    // The export was recorded after what it printed: the source log has one event more.
    ASSERT_EQ(original.size(), 13);
    EXPECT_EQ(original.takeLast().action, Action::TrailViewed);

    const QString target = path(u"copy.qmslog"_s);
    ASSERT_EQ(run({u"init"_s, u"--log"_s, target, u"--key-file"_s, keyFilePath()}).exitCode, 0);
    const CliResult imported = run({u"import"_s, u"--log"_s, target, u"--key-file"_s, keyFilePath(), u"--actor"_s, u"u1"_s},
                                   exported.out.toUtf8());
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.out.startsWith(u"imported 12 events (seq 1..12), recorded as seq 13, "_s)) << imported.out.toStdString();

    const CliResult copy = run({u"query"_s, u"--log"_s, target, u"--key-file"_s, keyFilePath(), u"--all"_s, u"--format"_s, u"jsonl"_s});
    ASSERT_EQ(copy.exitCode, 0);
    const QStringList lines = copy.outLines();
    ASSERT_EQ(lines.size(), original.size() + 1); // plus the trail_imported event
    for (int i = 0; i < original.size(); ++i) {
        auto event = eventFromJson(QJsonDocument::fromJson(lines[i].toUtf8()).object());
        ASSERT_TRUE(event.ok());
        EXPECT_EQ(event->object, original[i].object);
        EXPECT_EQ(event->occurredAtUs, std::optional<qint64>(original[i].recordedAtUs));
    }
}

TEST_F(ImportTest, ImporterIsRequired)
{
    const CliResult result = run(commandArgs(u"import"_s), toJsonLines({sampleEvent(0)}));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.err, u"qms-audit: Missing required option --actor ID; see 'qms-audit import --help'.\n"_s);
    EXPECT_EQ(eventCount(), 0);
}

TEST_F(ImportTest, EventsOnlyTheLibraryWritesAreRefused)
{
    for (Action action : {Action::Started, Action::Stopped, Action::ClockAnomaly, Action::RecordFailed, Action::KeyRotated,
                          Action::KeyRotationStarted, Action::TrailImported}) {
        Event system = sampleEvent(0);
        system.action = action;
        system.reason = u"planted"_s;
        const qsizetype before = queryEvents().size() + 1; // and the trail_viewed that records that query
        const CliResult result = import(toJsonLines({sampleEvent(0), system}));
        EXPECT_EQ(result.exitCode, 1) << actionName(action).toStdString();
        EXPECT_EQ(result.err, u"qms-audit: line 2: \"%1\" events are written only by the QmsAudit library itself; they cannot be imported.\n"_s
                                  .arg(actionName(action)));
        expectFailedImportRecorded(before, 2);
    }
    // Nor by hand.
    const CliResult recorded = run(commandArgs(u"record"_s, {u"--actor"_s, u"u1"_s, u"--action"_s, u"started"_s, u"--object-id"_s, u"D"_s}));
    EXPECT_EQ(recorded.exitCode, 1);
    EXPECT_TRUE(recorded.err.contains(u"written only by the QmsAudit library"_s)) << recorded.err.toStdString();
}

TEST_F(ImportTest, DuplicateKeysAreRefusedAtAnyDepth)
{
    // QJsonDocument keeps the last duplicate: this line would have recorded a delete.
    const QList<QByteArray> lines = {
        R"({"action":"edit","actor":{"id":"u1"},"object":{"id":"D","type":"doc"},"reason":"r","action":"delete"})",
        R"({"action":"view","actor":{"id":"u1","id":"u2"},"object":{"id":"D","type":"doc"}})",
        R"({"action":"view","actor":{"id":"u1"},"object":{"id":"D","type":"doc"},"attributes":{"a":"1","a":"2"}})",
        R"({"action":"view","actor":{"id":"u1"},"object":{"id":"D","type":"doc"},"action":"print"})",
    };
    const QStringList keys{u"action"_s, u"id"_s, u"a"_s, u"action"_s};
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const qsizetype before = queryEvents().size() + 1; // and the trail_viewed that records that query
        const CliResult result = import(lines[i] + '\n');
        EXPECT_EQ(result.exitCode, 1) << lines[i].constData();
        EXPECT_EQ(result.err, u"qms-audit: line 1: The key \"%1\" occurs twice in one object; refusing to guess which one is meant.\n"_s
                                  .arg(keys[i]));
        expectFailedImportRecorded(before, 1);
    }
    // The same key in different objects is fine.
    const CliResult ok = import(R"({"action":"view","actor":{"id":"u1"},"object":{"id":"D","type":"doc"},"attributes":{"id":"x"}})" "\n");
    EXPECT_EQ(ok.exitCode, 0) << ok.err.toStdString();
}

TEST_F(ImportTest, OversizedEventNamesItsLine)
{
    Event big = sampleEvent(2);
    for (int i = 0; i < 80; ++i)
        big.changes.append({u"field%1"_s.arg(i), QString(60000, u'x'), QString(1, u'y')});
    const CliResult result = import(toJsonLines({sampleEvent(0), sampleEvent(3), big}));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: line 3: Invalid event: it encodes to "_s)) << result.err.left(200).toStdString();
    EXPECT_TRUE(result.err.contains(u"the limit is 4194304."_s));
    expectFailedImportRecorded(0, 3);
}

TEST_F(ImportTest, ControlCharactersInInputNeverReachTheTerminal)
{
    // A crafted action name tries to erase the error line and paint a success message over it.
    const QByteArray line = R"({"action":"\u001b[2K\rimported 1250 events\u001b[1A","actor":{"id":"u1"},"object":{"id":"D","type":"doc"}})";
    const CliResult result = import(line + '\n');
    EXPECT_EQ(result.exitCode, 1);
    for (QChar c : result.err)
        EXPECT_FALSE(c.unicode() < 0x20 && c != u'\n') << "control character U+" << int(c.unicode()) << " on stderr";
    EXPECT_TRUE(result.err.contains(uR"(\x1b[2K\rimported 1250 events\x1b[1A)"_s)) << result.err.toStdString();
    EXPECT_TRUE(result.out.isEmpty());
}

TEST_F(ImportTest, LongInputStreamsInOneTransaction)
{
    // Far more lines than a page of the log's cache: all arrive, in order, or none.
    QByteArray input;
    for (int i = 0; i < 5000; ++i) {
        Event event = sampleEvent(i % 4);
        event.object.id = u"DOC-%1"_s.arg(i);
        input += jsonLine(eventToJson(event));
    }
    const CliResult result = import(input);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.startsWith(u"imported 5000 events (seq 1..5000), recorded as seq 5001, "_s));
    EXPECT_EQ(eventCount(), 5001);

    const CliResult broken = import(input + "{not json\n");
    EXPECT_EQ(broken.exitCode, 1);
    EXPECT_TRUE(broken.err.startsWith(u"qms-audit: line 5001: Invalid JSON"_s)) << broken.err.toStdString();
    EXPECT_EQ(eventCount(), 5003); // only the record of the verification above and the failed trail_imported event
}

} // namespace
} // namespace QmsAudit::Test
