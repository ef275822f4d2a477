// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/eventexportwriter.h>
#include <qmsaudit/eventjson.h>

#include "testlog.h"

#include <QBuffer>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace QmsAudit;

namespace {
QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

TEST(EventJson, RoundTripsEveryField)
{
    Event e = QmsAudit::Test::sampleEvent(1);
    e.seq = 9;
    e.recordedAtUs = 1'767'225'600'000'123;
    e.occurredAtUs = 1'767'225'000'000'000;
    e.signatureMeaning = QStringLiteral("reviewed");
    e.hash = QByteArray(32, '\x5a');
    auto back = eventFromJson(eventToJson(e));
    ASSERT_TRUE(back) << back.error().message().toStdString();
    EXPECT_EQ(*back, e);
}

TEST(EventJson, UsesSnakeCaseNames)
{
    Event e = QmsAudit::Test::sampleEvent(1);
    e.seq = 3;
    e.signatureMeaning = QStringLiteral("m");
    const QJsonObject json = eventToJson(e);
    for (const char *key : {"seq", "recorded_at", "actor", "action", "object", "outcome", "reason", "changes", "signature_meaning",
                            "session", "host", "attributes"})
        EXPECT_TRUE(json.contains(QLatin1StringView(key))) << key;
    EXPECT_EQ(json[QStringLiteral("changes")][0][QStringLiteral("old")].toString(), QStringLiteral("365"));
}

TEST(EventJson, MinimalObjectParsesWithDefaults)
{
    auto e = eventFromJson(parse(R"({"actor":{"id":"u1"},"action":"login"})"));
    ASSERT_TRUE(e) << e.error().message().toStdString();
    EXPECT_EQ(e->actor.id, QStringLiteral("u1"));
    EXPECT_EQ(e->action, Action::Login);
    EXPECT_EQ(e->outcome, Outcome::Success);
}

TEST(EventJson, RejectsBadInputNamingTheField)
{
    const std::pair<const char *, const char *> cases[] = {
        {R"({"actor":{"id":"u1"},"action":"launch"})", "action"},
        {R"({"actor":{"id":"u1"},"action":"view","outcome":"meh"})", "outcome"},
        {R"({"actor":{"id":"u1"},"action":"view","colour":"red"})", "colour"},
        {R"({"actor":{"id":"u1","badge":7},"action":"view"})", "actor.badge"},
        {R"({"actor":"u1","action":"view"})", "actor"},
        {R"({"actor":{"id":5},"action":"view"})", "actor.id"},
        {R"({"actor":{"id":"u1"},"action":"view","occurred_at":"last tuesday"})", "occurred_at"},
        {R"({"actor":{"id":"u1"},"action":"view","changes":{"f":1}})", "changes"},
        {R"({"actor":{"id":"u1"},"action":"view","attributes":{"k":1}})", "attributes.k"},
        {R"({"actor":{"id":"u1"},"action":"view","seq":-3})", "seq"},
        {R"({"actor":{"id":"u1"},"action":"view","hash":"xyz"})", "hash"},
    };
    for (const auto &[json, field] : cases) {
        auto e = eventFromJson(parse(json));
        EXPECT_FALSE(e) << json;
        EXPECT_TRUE(e.error().message().contains(QLatin1StringView(field))) << e.error().message().toStdString();
    }
}

TEST(EventJson, MissingActorIsLeftForValidationToJudge)
{
    // An AuditTrail fills the current user in; AuditLog::append/validateEvent refuse it otherwise.
    auto e = eventFromJson(parse(R"({"action":"view","object":{"type":"procedure","id":"SOP-1"}})"));
    ASSERT_TRUE(e) << e.error().message().toStdString();
    EXPECT_TRUE(e->actor.id.isEmpty());
}

TEST(EventJson, CsvQuotesCellsThatNeedIt)
{
    Event e = QmsAudit::Test::sampleEvent(1);
    e.seq = 4;
    e.object.title = QStringLiteral("Torque, \"large\"\nwrench");
    const QString row = eventToCsvRow(e);
    EXPECT_TRUE(row.contains(QStringLiteral("\"Torque, \"\"large\"\"\nwrench\"")));
    EXPECT_TRUE(row.startsWith(QStringLiteral("4,")));
    EXPECT_EQ(csvHeader().size(), 21);
    EXPECT_EQ(csvHeader().first(), QStringLiteral("seq"));
}

namespace {

/// The cells of one RFC 4180 row (quoted cells may hold commas, quotes and line breaks).
QStringList csvCellsOf(const QString &row)
{
    QStringList cells{QString()};
    bool quoted = false;
    for (qsizetype i = 0; i < row.size(); ++i) {
        const QChar c = row[i];
        if (quoted && c == u'"' && i + 1 < row.size() && row[i + 1] == u'"') {
            cells.last() += u'"';
            ++i;
        } else if (c == u'"') {
            quoted = !quoted;
        } else if (c == u',' && !quoted) {
            cells.append(QString());
        } else {
            cells.last() += c;
        }
    }
    return cells;
}

} // namespace

TEST(EventJson, SpreadsheetSafeCsvDefusesFormulasAndLeavesTheRestVerbatim)
{
    const int title = int(csvHeader().indexOf(QStringLiteral("object_title")));
    const int reason = int(csvHeader().indexOf(QStringLiteral("reason")));
    Event e = QmsAudit::Test::sampleEvent(1); // an edit: it has a reason
    e.seq = 7;
    for (const QString &formula : {QStringLiteral("=HYPERLINK(\"http://x\",\"open\")"), QStringLiteral("+1+1"), QStringLiteral("-2+3"),
                                   QStringLiteral("@SUM(A1:A2)"), QStringLiteral("\tcmd"), QStringLiteral("\r=1,2")}) {
        e.object.title = formula;
        e.reason = QStringLiteral("Torque ") + formula; // not at the start: harmless
        const QStringList safe = csvCellsOf(eventToCsvRow(e, CsvCells::SpreadsheetSafe));
        ASSERT_EQ(safe.size(), csvHeader().size());
        EXPECT_EQ(safe[title], QStringLiteral("'") + formula);
        EXPECT_EQ(safe[reason], e.reason);
        // Verbatim (the default) is the evidence as recorded.
        EXPECT_EQ(csvCellsOf(eventToCsvRow(e))[title], formula);
        EXPECT_EQ(csvCellsOf(eventToCsvRow(e, CsvCells::Verbatim))[title], formula);
    }
    // The other cells are the same in both forms.
    e.object.title = QStringLiteral("Torque wrench");
    EXPECT_EQ(eventToCsvRow(e, CsvCells::SpreadsheetSafe), eventToCsvRow(e));
}

TEST(EventJsonLine, StructureInsideStringsDoesNotConfuseTheDuplicateKeyCheck)
{
    // Quotes, braces, commas and colons inside values are text, not structure.
    auto event = QmsAudit::eventFromJsonLine(
        R"({"action":"edit","actor":{"id":"u1"},"object":{"id":"D","type":"doc"},"reason":"x\",\"action\":{\"a\":1}, \\","attributes":{"k":"{,}"}})");
    ASSERT_TRUE(event.ok()) << event.error().message().toStdString();
    EXPECT_EQ(event->action, QmsAudit::Action::Edit);
    EXPECT_EQ(event->reason, QStringLiteral("x\",\"action\":{\"a\":1}, \\"));
    // Arrays of objects: each object has its own keys.
    auto changes = QmsAudit::eventFromJsonLine(
        R"({"action":"edit","actor":{"id":"u1"},"object":{"id":"D","type":"doc"},"reason":"r","changes":[{"field":"a","old":"1","new":"2"},{"field":"b","old":"1","new":"2"}]})");
    ASSERT_TRUE(changes.ok()) << changes.error().message().toStdString();
    EXPECT_EQ(changes->changes.size(), 2);
    auto duplicate = QmsAudit::eventFromJsonLine(
        R"({"action":"edit","actor":{"id":"u1"},"object":{"id":"D","type":"doc"},"reason":"r","changes":[{"field":"a","old":"1","new":"2","field":"b"}]})");
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().code(), QmsAudit::ErrorCode::InvalidArgument);
    EXPECT_TRUE(duplicate.error().message().contains(QStringLiteral("\"field\" occurs twice"))) << duplicate.error().message().toStdString();
}

TEST(EventExportWriter, WritesJsonLinesAndCsvToAnyDeviceAndReportsWriteErrors)
{
    QmsAudit::Event event;
    event.seq = 7;
    event.actor.id = QStringLiteral("u1");
    event.action = QmsAudit::Action::View;
    event.object = {QStringLiteral("procedure"), QStringLiteral("SOP-1"), QString(), QStringLiteral("Torque")};

    QBuffer jsonl;
    jsonl.open(QIODevice::WriteOnly);
    QmsAudit::EventExportWriter lines(QmsAudit::EventExportWriter::Format::JsonLines, jsonl);
    ASSERT_TRUE(lines.write(event));
    ASSERT_TRUE(lines.write(event));
    ASSERT_TRUE(lines.finish());
    const QList<QByteArray> written = jsonl.data().split('\n');
    ASSERT_EQ(written.size(), 3); // two lines and the empty rest after the last newline
    auto back = QmsAudit::eventFromJsonLine(written[0]);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->object, event.object);

    QBuffer csv;
    csv.open(QIODevice::WriteOnly);
    QmsAudit::EventExportWriter table(QmsAudit::EventExportWriter::Format::Csv, csv);
    ASSERT_TRUE(table.finish()); // the header alone when nothing matched
    ASSERT_TRUE(table.write(event));
    const QByteArray expected = QmsAudit::csvHeader().join(QLatin1Char(',')).toUtf8() + "\r\n" + QmsAudit::eventToCsvRow(event).toUtf8() + "\r\n";
    EXPECT_EQ(csv.data(), expected);

    QBuffer closed; // not open: every write fails, and says so
    QmsAudit::EventExportWriter failing(QmsAudit::EventExportWriter::Format::JsonLines, closed);
    auto refused = failing.write(event);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code(), QmsAudit::ErrorCode::IoError);
}
