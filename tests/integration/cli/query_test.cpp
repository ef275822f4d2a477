// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit query: filters, keyset paging and the table/jsonl/csv formats.

#include "clitest.h"

#include <QProcess>

#include <qmsaudit/eventjson.h>
#include <qmsaudit/timestamp.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

QList<qint64> seqsOf(const QList<Event> &events)
{
    QList<qint64> seqs;
    for (const Event &event : events)
        seqs.append(event.seq);
    return seqs;
}

class QueryTest : public CliTest
{
protected:
    void SetUp() override
    {
        ASSERT_EQ(initLog().exitCode, 0);
        // 1: u1 views SOP-1     2: u2 edits SOP-1     3: u1 approves WI-7
        // 4: u3 denied view     5: u2 prints WI-7
        ASSERT_EQ(record({u"--actor"_s, u"u1"_s, u"--action"_s, u"view"_s, u"--object-id"_s, u"SOP-1"_s, u"--object-type"_s,
                          u"procedure"_s, u"--object-title"_s, u"Calibration of torque wrenches"_s}), 1);
        ASSERT_EQ(record({u"--actor"_s, u"u2"_s, u"--action"_s, u"edit"_s, u"--object-id"_s, u"SOP-1"_s, u"--object-type"_s,
                          u"procedure"_s, u"--reason"_s, u"Annual review, shorter interval"_s, u"--change"_s,
                          u"interval_days=365=>180"_s}), 2);
        ASSERT_EQ(record({u"--actor"_s, u"u1"_s, u"--action"_s, u"approve"_s, u"--object-id"_s, u"WI-7"_s, u"--object-type"_s,
                          u"work_instruction"_s, u"--object-title"_s, u"Cleaning the clean room"_s}), 3);
        ASSERT_EQ(record({u"--actor"_s, u"u3"_s, u"--action"_s, u"view"_s, u"--object-id"_s, u"SOP-1"_s, u"--object-type"_s,
                          u"procedure"_s, u"--outcome"_s, u"denied"_s}), 4);
        ASSERT_EQ(record({u"--actor"_s, u"u2"_s, u"--action"_s, u"print"_s, u"--object-id"_s, u"WI-7"_s, u"--object-type"_s,
                          u"work_instruction"_s}), 5);
    }

    CliResult query(const QStringList &extra) const { return run(commandArgs(u"query"_s, extra)); }
};

TEST_F(QueryTest, JsonlPrintsOneExportObjectPerLine)
{
    const CliResult result = query({u"--format"_s, u"jsonl"_s});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 5);
    for (int i = 0; i < lines.size(); ++i) {
        const QJsonDocument document = QJsonDocument::fromJson(lines[i].toUtf8());
        ASSERT_TRUE(document.isObject()) << lines[i].toStdString();
        EXPECT_EQ(document.object().value(u"seq"_s).toInteger(), i + 1);
        // Compact: one line per event, nothing pretty-printed.
        EXPECT_FALSE(lines[i].contains(u"\n"_s));
        auto event = eventFromJson(document.object());
        ASSERT_TRUE(event.ok()) << event.error().message().toStdString();
        EXPECT_EQ(QJsonDocument(eventToJson(*event)).toJson(QJsonDocument::Compact), lines[i].toUtf8());
    }
    EXPECT_TRUE(result.err.isEmpty());
}

TEST_F(QueryTest, CsvPrintsHeaderAndRfc4180Rows)
{
    const CliResult result = query({u"--format"_s, u"csv"_s, u"--actor"_s, u"u2"_s});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QStringList records = result.out.split(u"\r\n"_s);
    ASSERT_EQ(records.size(), 4); // header, two rows, the empty rest after the last CRLF
    EXPECT_EQ(records[0], csvHeader().join(u','));
    EXPECT_TRUE(records[1].startsWith(u"2,"_s)) << records[1].toStdString();
    // The reason contains a comma, so its cell is quoted.
    EXPECT_TRUE(records[1].contains(u"\"Annual review, shorter interval\""_s)) << records[1].toStdString();
    EXPECT_TRUE(records[2].startsWith(u"5,"_s));
    EXPECT_TRUE(records[3].isEmpty());
}

TEST_F(QueryTest, SpreadsheetSafeCsvDefusesAFormulaTitleAndVerbatimKeepsIt)
{
    const QString formula = u"=HYPERLINK(\"http://evil.example\",\"Click\")"_s;
    ASSERT_EQ(record({u"--actor"_s, u"u9"_s, u"--action"_s, u"view"_s, u"--object-id"_s, u"SOP-9"_s, u"--object-title"_s, formula}), 6);
    const QString quotedFormula = u"\""_s + QString(formula).replace(u"\""_s, u"\"\""_s) + u"\""_s; // RFC 4180 cell
    const CliResult safe = query({u"--format"_s, u"csv"_s, u"--spreadsheet-safe"_s, u"--actor"_s, u"u9"_s});
    ASSERT_EQ(safe.exitCode, 0) << safe.err.toStdString();
    EXPECT_TRUE(safe.out.contains(u",\"'"_s + quotedFormula.mid(1) + u","_s)) << safe.out.toStdString();
    const CliResult verbatim = query({u"--format"_s, u"csv"_s, u"--actor"_s, u"u9"_s});
    ASSERT_EQ(verbatim.exitCode, 0) << verbatim.err.toStdString();
    EXPECT_TRUE(verbatim.out.contains(u","_s + quotedFormula + u","_s)) << verbatim.out.toStdString();
    EXPECT_FALSE(verbatim.out.contains(u"'="_s));
    // Only CSV has cells to defuse.
    const CliResult refused = query({u"--format"_s, u"jsonl"_s, u"--spreadsheet-safe"_s});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(u"--format csv"_s)) << refused.err.toStdString();
}

TEST_F(QueryTest, TableIsAlignedWithHeader)
{
    const CliResult result = query({});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 6);
    const QString &header = lines.front();
    for (const QString &column : {u"SEQ"_s, u"RECORDED_AT"_s, u"ACTOR"_s, u"ACTION"_s, u"OBJECT"_s, u"OUTCOME"_s, u"REASON"_s})
        EXPECT_TRUE(header.contains(column)) << column.toStdString();
    const qsizetype actionColumn = header.indexOf(u"ACTION"_s);
    const qsizetype objectColumn = header.indexOf(u"OBJECT"_s);
    const qsizetype outcomeColumn = header.indexOf(u"OUTCOME"_s);
    EXPECT_EQ(lines[2].mid(actionColumn, 4), u"edit"_s);
    EXPECT_EQ(lines[2].mid(objectColumn, 18), u"procedure:SOP-1   "_s);
    EXPECT_EQ(lines[4].mid(outcomeColumn, 6), u"denied"_s);
    EXPECT_TRUE(lines[2].endsWith(u"Annual review, shorter interval"_s)) << lines[2].toStdString();
    EXPECT_TRUE(lines[1].trimmed().startsWith(u"1  "_s));
    // recorded_at is printed in full (UTC, microseconds).
    EXPECT_TRUE(lines[1].contains(u"Z  u1"_s)) << lines[1].toStdString();
}

TEST_F(QueryTest, TableWithoutMatchesPrintsOnlyHeader)
{
    const CliResult result = query({u"--actor"_s, u"nobody"_s});
    ASSERT_EQ(result.exitCode, 0);
    const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 1);
    EXPECT_TRUE(lines.front().startsWith(u"SEQ"_s));
}

TEST_F(QueryTest, FilterByActor)
{
    EXPECT_EQ(seqsOf(queryEvents({u"--actor"_s, u"u1"_s})), (QList<qint64>{1, 3}));
    EXPECT_TRUE(queryEvents({u"--actor"_s, u"u9"_s}).isEmpty());
}

TEST_F(QueryTest, FilterByActionListAndRepeatedOption)
{
    EXPECT_EQ(seqsOf(queryEvents({u"--action"_s, u"edit,print"_s})), (QList<qint64>{2, 5}));
    EXPECT_EQ(seqsOf(queryEvents({u"--action"_s, u"edit"_s, u"--action"_s, u"print"_s})), (QList<qint64>{2, 5}));
    EXPECT_EQ(seqsOf(queryEvents({u"--action"_s, u"view"_s})), (QList<qint64>{1, 4}));
}

TEST_F(QueryTest, FilterByText)
{
    EXPECT_EQ(seqsOf(queryEvents({u"--text"_s, u"torque"_s})), (QList<qint64>{1}));
    EXPECT_EQ(seqsOf(queryEvents({u"--text"_s, u"annual interv"_s})), (QList<qint64>{2}));
    EXPECT_EQ(seqsOf(queryEvents({u"--text"_s, u"CLEAN"_s})), (QList<qint64>{3}));
    EXPECT_TRUE(queryEvents({u"--text"_s, u"torque cleaning"_s}).isEmpty());
}

TEST_F(QueryTest, TextWithTooManyWordsIsBadInputNotAnSqliteError)
{
    // 64 words are served; 4,096 used to reach SQLite's FTS parser and exit 4 with its message.
    QStringList words(64, u"torque"_s);
    EXPECT_EQ(seqsOf(queryEvents({u"--text"_s, words.join(u' ')})), (QList<qint64>{1}));
    for (qsizetype count : {65, 4096, 12000}) {
        words = QStringList(count, u"torque"_s);
        const CliResult result = query({u"--text"_s, words.join(u' ')});
        EXPECT_EQ(result.exitCode, 1) << count;
        EXPECT_EQ(result.err, u"qms-audit: The text filter has %1 words; at most 64 are allowed.\n"_s.arg(count));
        EXPECT_TRUE(result.out.isEmpty());
    }
}

TEST_F(QueryTest, FilterByObjectTypeOutcomeAndCombined)
{
    EXPECT_EQ(seqsOf(queryEvents({u"--object-id"_s, u"WI-7"_s})), (QList<qint64>{3, 5}));
    EXPECT_EQ(seqsOf(queryEvents({u"--object-type"_s, u"procedure"_s})), (QList<qint64>{1, 2, 4}));
    EXPECT_EQ(seqsOf(queryEvents({u"--outcome"_s, u"denied"_s})), (QList<qint64>{4}));
    EXPECT_EQ(seqsOf(queryEvents({u"--object-id"_s, u"SOP-1"_s, u"--actor"_s, u"u2"_s})), (QList<qint64>{2}));
}

TEST_F(QueryTest, FilterByTimeRange)
{
    const QString yesterday = QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODate);
    const QString tomorrow = QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate);
    EXPECT_EQ(queryEvents({u"--from"_s, yesterday, u"--to"_s, tomorrow}).size(), 5);
    EXPECT_TRUE(queryEvents({u"--from"_s, tomorrow}).isEmpty());
    EXPECT_TRUE(queryEvents({u"--to"_s, yesterday}).isEmpty());
    EXPECT_TRUE(queryEvents({u"--to"_s, u"2001-01-01"_s}).isEmpty());
}

TEST_F(QueryTest, LimitAndAfterSeqPage)
{
    const CliResult first = query({u"--format"_s, u"jsonl"_s, u"--limit"_s, u"2"_s});
    ASSERT_EQ(first.exitCode, 0);
    EXPECT_EQ(first.outLines().size(), 2);
    EXPECT_TRUE(first.outLines().front().contains(u"\"seq\":1"_s));
    EXPECT_TRUE(first.err.contains(u"--after-seq 2"_s)) << first.err.toStdString();

    const CliResult second = query({u"--format"_s, u"jsonl"_s, u"--limit"_s, u"2"_s, u"--after-seq"_s, u"2"_s});
    ASSERT_EQ(second.exitCode, 0);
    ASSERT_EQ(second.outLines().size(), 2);
    EXPECT_TRUE(second.outLines()[0].contains(u"\"seq\":3"_s));
    EXPECT_TRUE(second.outLines()[1].contains(u"\"seq\":4"_s));
    EXPECT_TRUE(second.err.contains(u"--after-seq 4"_s)) << second.err.toStdString();

    // Each listing is recorded after it was printed (trail_viewed 6 and 7 so far): a page after
    // the recorded events shows the earlier listings, never its own.
    const CliResult third = query({u"--format"_s, u"jsonl"_s, u"--limit"_s, u"2"_s, u"--after-seq"_s, u"4"_s});
    ASSERT_EQ(third.exitCode, 0);
    ASSERT_EQ(third.outLines().size(), 2);
    EXPECT_TRUE(third.outLines()[0].contains(u"\"seq\":5"_s));
    EXPECT_TRUE(third.outLines()[1].contains(u"\"seq\":6,"_s));
    EXPECT_TRUE(third.outLines()[1].contains(u"\"action\":\"trail_viewed\""_s)) << third.outLines()[1].toStdString();
    EXPECT_TRUE(third.err.contains(u"--after-seq 6"_s)) << third.err.toStdString();

    const CliResult last = query({u"--format"_s, u"jsonl"_s, u"--limit"_s, u"2"_s, u"--after-seq"_s, u"6"_s});
    ASSERT_EQ(last.exitCode, 0);
    ASSERT_EQ(last.outLines().size(), 2); // the records of the second and third listing
    EXPECT_TRUE(last.outLines()[0].contains(u"\"seq\":7,"_s));
    EXPECT_TRUE(last.outLines()[1].contains(u"\"seq\":8,"_s));
    EXPECT_TRUE(last.err.isEmpty()) << last.err.toStdString();
}

TEST_F(QueryTest, PagingCombinesWithFilters)
{
    const CliResult page = query({u"--format"_s, u"csv"_s, u"--object-type"_s, u"procedure"_s, u"--limit"_s, u"1"_s,
                                  u"--after-seq"_s, u"1"_s});
    ASSERT_EQ(page.exitCode, 0);
    ASSERT_EQ(page.outLines().size(), 2);
    EXPECT_TRUE(page.outLines()[1].startsWith(u"2,"_s));
    EXPECT_TRUE(page.err.contains(u"--after-seq 2"_s));
}

TEST_F(QueryTest, AllPagesThroughEverything)
{
    QList<Event> more;
    for (int i = 0; i < 40; ++i)
        more.append(sampleEvent(i));
    ASSERT_EQ(importLines(toJsonLines(more)).exitCode, 0);

    const CliResult all = query({u"--all"_s, u"--limit"_s, u"7"_s, u"--format"_s, u"jsonl"_s});
    ASSERT_EQ(all.exitCode, 0) << all.err.toStdString();
    const QStringList lines = all.outLines();
    ASSERT_EQ(lines.size(), 46); // 5 recorded, 40 imported, the trail_imported event
    for (int i = 0; i < lines.size(); ++i)
        EXPECT_EQ(QJsonDocument::fromJson(lines[i].toUtf8()).object().value(u"seq"_s).toInteger(), i + 1);
    EXPECT_TRUE(all.err.isEmpty());

    const CliResult table = query({u"--all"_s, u"--limit"_s, u"10"_s});
    ASSERT_EQ(table.exitCode, 0);
    EXPECT_EQ(table.outLines().size(), 48); // header once, then every event: the 46 and the listing above (47)

    const CliResult afterAll = query({u"--all"_s, u"--after-seq"_s, u"40"_s, u"--format"_s, u"jsonl"_s});
    EXPECT_EQ(afterAll.outLines().size(), 8); // 41..46 and the records of the two listings above
}

TEST_F(QueryTest, NewestFirstPagesBackwardsWithBeforeSeq)
{
    const CliResult first = query({u"--order"_s, u"newest"_s, u"--limit"_s, u"2"_s, u"--format"_s, u"jsonl"_s});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    QList<qint64> seqs;
    for (const QString &line : first.outLines())
        seqs.append(QJsonDocument::fromJson(line.toUtf8()).object().value(u"seq"_s).toInteger());
    EXPECT_EQ(seqs, (QList<qint64>{5, 4}));
    EXPECT_TRUE(first.err.contains(u"continue with --before-seq 4"_s)) << first.err.toStdString();
    EXPECT_EQ(seqsOf(queryEvents({u"--order"_s, u"newest"_s, u"--before-seq"_s, u"4"_s})), (QList<qint64>{3, 2, 1}));
    EXPECT_EQ(seqsOf(queryEvents({u"--after-seq"_s, u"1"_s, u"--before-seq"_s, u"4"_s})), (QList<qint64>{2, 3}));
    EXPECT_EQ(seqsOf(queryEvents({u"--order"_s, u"newest"_s, u"--action"_s, u"view"_s})), (QList<qint64>{4, 1}));
}

TEST_F(QueryTest, OccurredFiltersFindImportedHistoryByWhenItHappened)
{
    Event old = sampleEvent(0);
    old.recordedAtUs = *parseTimestamp(u"2019-03-04T05:06:07Z"_s); // becomes occurred_at on import
    ASSERT_EQ(importLines(toJsonLines({old})).exitCode, 0);
    EXPECT_EQ(seqsOf(queryEvents({u"--occurred-to"_s, u"2020-01-01"_s})), (QList<qint64>{6}));
    EXPECT_TRUE(queryEvents({u"--to"_s, u"2020-01-01"_s}).isEmpty()); // recorded today
    // 8 and 9 record the two queries above (no occurred_at: recorded today).
    EXPECT_EQ(seqsOf(queryEvents({u"--occurred-from"_s, u"2020-01-01"_s})), (QList<qint64>{1, 2, 3, 4, 5, 7, 8, 9}));
}

TEST_F(QueryTest, DefaultLimitIsOneHundred)
{
    QList<Event> more;
    for (int i = 0; i < 120; ++i)
        more.append(sampleEvent(i));
    ASSERT_EQ(importLines(toJsonLines(more)).exitCode, 0);
    const CliResult result = query({u"--format"_s, u"jsonl"_s});
    ASSERT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.outLines().size(), 100);
    EXPECT_TRUE(result.err.contains(u"--after-seq 100"_s));
}

TEST_F(QueryTest, OutputThatCannotBeWrittenFailsWithExitFour)
{
    // Exported evidence is never silently short: a full disk (here /dev/full) is an I/O error.
    for (const QString &format : {u"table"_s, u"jsonl"_s, u"csv"_s}) {
        QProcess process;
        process.setStandardOutputFile(u"/dev/full"_s);
        process.start(QStringLiteral(QMSAUDIT_CLI_PATH), commandArgs(u"query"_s, {u"--format"_s, format}));
        ASSERT_TRUE(process.waitForFinished(60000));
        EXPECT_EQ(process.exitCode(), 4) << format.toStdString();
        EXPECT_TRUE(QString::fromUtf8(process.readAllStandardError()).startsWith(u"qms-audit: Cannot write to standard output"_s))
            << format.toStdString();
    }
}

TEST_F(QueryTest, InvalidOptionValuesFail)
{
    const QList<QStringList> cases = {
        {u"--format"_s, u"xml"_s},
        {u"--limit"_s, u"0"_s},
        {u"--limit"_s, u"10001"_s},
        {u"--limit"_s, u"ten"_s},
        {u"--after-seq"_s, u"-1"_s},
        {u"--from"_s, u"last tuesday"_s},
        {u"--to"_s, u"2026-13-01"_s},
        {u"--from"_s, u"2026-02-01"_s, u"--to"_s, u"2026-01-01"_s},
        {u"--action"_s, u"view,teleport"_s},
        {u"--action"_s, u"view,,edit"_s},
        {u"--outcome"_s, u"meh"_s},
        {u"--order"_s, u"sideways"_s},
        {u"--before-seq"_s, u"0"_s},
        {u"--occurred-from"_s, u"soon"_s},
        {u"--occurred-from"_s, u"2026-02-01"_s, u"--occurred-to"_s, u"2026-01-01"_s},
    };
    for (const QStringList &args : cases) {
        const CliResult result = query(args);
        EXPECT_EQ(result.exitCode, 1) << args.join(u' ').toStdString();
        EXPECT_TRUE(result.err.startsWith(u"qms-audit: "_s)) << result.err.toStdString();
        EXPECT_TRUE(result.out.isEmpty()) << args.join(u' ').toStdString();
    }
}

} // namespace
} // namespace QmsAudit::Test
