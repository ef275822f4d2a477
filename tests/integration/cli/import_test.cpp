// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit import: JSON Lines on stdin, validated first, appended all or nothing.

#include "clitest.h"

#include <qmsaudit/eventjson.h>
#include <qmsaudit/timestamp.h>

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
    CliResult import(const QByteArray &lines) const { return run(commandArgs(u"import"_s), lines); }
};

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
    EXPECT_EQ(result.out, u"imported 3 events (seq 1..3)\n"_s);

    const QList<Event> events = queryEvents();
    ASSERT_EQ(events.size(), 3);
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
    EXPECT_EQ(eventCount(), 3);
}

TEST_F(ImportTest, HandWrittenMinimalLine)
{
    // The documented field names, written by hand rather than by eventToJson().
    const CliResult result = import(R"({"action":"view","actor":{"id":"u9"},"object":{"id":"D-1","type":"procedure"},)"
                                    R"("recorded_at":"2020-01-02T03:04:05+01:00"})"
                                    "\n");
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(result.out, u"imported 1 events (seq 1..1)\n"_s);
    const QList<Event> events = queryEvents();
    ASSERT_EQ(events.size(), 1);
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
    EXPECT_EQ(result.out, u"imported 2 events (seq 2..3)\n"_s);
    EXPECT_EQ(eventCount(), 3);
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
    EXPECT_EQ(eventCount(), 0);
}

TEST_F(ImportTest, InvalidJsonLineAbortsWholeImport)
{
    ASSERT_EQ(record({}), 1);
    const QByteArray input = jsonLine(eventToJson(sampleEvent(0))) + "\n{\"action\": \"view\",\n";
    const CliResult result = import(input);
    EXPECT_EQ(result.exitCode, 1);
    // Line numbers count blank lines too.
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: line 3: Invalid JSON"_s)) << result.err.toStdString();
    EXPECT_EQ(eventCount(), 1);
}

TEST_F(ImportTest, NonObjectLineIsRejected)
{
    const CliResult result = import("[1, 2, 3]\n");
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: line 1: "_s)) << result.err.toStdString();
    EXPECT_EQ(eventCount(), 0);
}

TEST_F(ImportTest, EventBreakingReasonPolicyIsRejected)
{
    Event edit = sampleEvent(1);
    ASSERT_EQ(edit.action, Action::Edit);
    edit.reason.clear();
    const CliResult result = import(toJsonLines({sampleEvent(0), sampleEvent(2), edit}));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: line 3: "_s)) << result.err.toStdString();
    EXPECT_EQ(eventCount(), 0);
}

TEST_F(ImportTest, InvalidEventIsRejected)
{
    Event noActor = sampleEvent(0);
    noActor.actor.id.clear();
    const CliResult result = import(toJsonLines({noActor}));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: line 1: "_s)) << result.err.toStdString();
    EXPECT_EQ(eventCount(), 0);
}

TEST_F(ImportTest, EmptyInputImportsNothing)
{
    const CliResult result = import("\n\n");
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(result.out, u"imported 0 events\n"_s);
    EXPECT_EQ(eventCount(), 0);
}

TEST_F(ImportTest, ExportOfOneLogImportsIntoAnother)
{
    for (int i = 0; i < 12; ++i)
        ASSERT_GT(record({u"--action"_s, u"print"_s, u"--object-id"_s, u"DOC-%1"_s.arg(i)}), 0);
    const CliResult exported = run(commandArgs(u"query"_s, {u"--all"_s, u"--format"_s, u"jsonl"_s}));
    ASSERT_EQ(exported.exitCode, 0);
    const QList<Event> original = queryEvents();

    const QString target = path(u"copy.qmslog"_s);
    ASSERT_EQ(run({u"init"_s, u"--log"_s, target, u"--key-file"_s, keyFilePath()}).exitCode, 0);
    const CliResult imported = run({u"import"_s, u"--log"_s, target, u"--key-file"_s, keyFilePath()}, exported.out.toUtf8());
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_EQ(imported.out, u"imported 12 events (seq 1..12)\n"_s);

    const CliResult copy = run({u"query"_s, u"--log"_s, target, u"--key-file"_s, keyFilePath(), u"--all"_s, u"--format"_s, u"jsonl"_s});
    ASSERT_EQ(copy.exitCode, 0);
    const QStringList lines = copy.outLines();
    ASSERT_EQ(lines.size(), original.size());
    for (int i = 0; i < lines.size(); ++i) {
        auto event = eventFromJson(QJsonDocument::fromJson(lines[i].toUtf8()).object());
        ASSERT_TRUE(event.ok());
        EXPECT_EQ(event->object, original[i].object);
        EXPECT_EQ(event->occurredAtUs, std::optional<qint64>(original[i].recordedAtUs));
    }
}

} // namespace
} // namespace QmsAudit::Test
