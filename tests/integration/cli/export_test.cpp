// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit export: an evidence file, complete or absent, whose SHA-256 the log records.

#include "clitest.h"

#include <qmsaudit/eventjson.h>

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

class ExportTest : public CliTest
{
protected:
    void SetUp() override
    {
        ASSERT_EQ(run(commandArgs(u"generate"_s, {u"--events"_s, u"1500"_s, u"--seed"_s, u"2"_s})).exitCode, 0);
    }
    CliResult exportTo(const QString &file, const QStringList &extra) const
    {
        return run(commandArgs(u"export"_s, QStringList{u"--out"_s, file, u"--as"_s, u"aud1"_s} + extra));
    }
    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
};

} // namespace

TEST_F(ExportTest, WritesWhatQueryPrintsAndRecordsTheFilesSha256)
{
    const QString out = path(u"edits.csv"_s);
    const QStringList filter{u"--action"_s, u"edit"_s, u"--from"_s, u"2025-03-01"_s};
    const CliResult exported = exportTo(out, QStringList{u"--format"_s, u"csv"_s} + filter);
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    const QByteArray bytes = contents(out);
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QRegularExpressionMatch said = QRegularExpression(u"^exported (\\d+) events to .*edits\\.csv \\(csv\\), sha256 ([0-9a-f]{64})$"_s,
                                                            QRegularExpression::MultilineOption).match(exported.out);
    ASSERT_TRUE(said.hasMatch()) << exported.out.toStdString();
    EXPECT_EQ(said.captured(2), sha256);
    // The same events, byte for byte, as `query --all --format csv` with the same filter prints.
    const CliResult listed = run(commandArgs(u"query"_s, QStringList{u"--all"_s, u"--format"_s, u"csv"_s} + filter));
    ASSERT_EQ(listed.exitCode, 0);
    EXPECT_EQ(bytes, listed.out.toUtf8());
    EXPECT_EQ(bytes.count("\r\n") - 1, said.captured(1).toInt()); // rows after the header
    EXPECT_GT(said.captured(1).toInt(), 10);

    const QList<Event> uses = queryEvents({u"--action"_s, u"trail_exported"_s});
    ASSERT_EQ(uses.size(), 1);
    EXPECT_EQ(uses[0].actor.id, u"aud1"_s);
    EXPECT_EQ(uses[0].attributes.value(u"view"_s), u"cli export"_s);
    EXPECT_EQ(uses[0].attributes.value(u"format"_s), u"csv"_s);
    EXPECT_EQ(uses[0].attributes.value(u"file"_s), u"edits.csv"_s);
    EXPECT_EQ(uses[0].attributes.value(u"sha256"_s), sha256);
    EXPECT_EQ(uses[0].attributes.value(u"event_count"_s), said.captured(1));
    EXPECT_EQ(uses[0].attributes.value(u"filter"_s), u"from=2025-03-01T00:00:00.000000Z; action=edit"_s);
}

TEST_F(ExportTest, JsonLinesReadBackAsTheEventsAndSpreadsheetSafeIsNamed)
{
    const QString jsonl = path(u"u1.jsonl"_s);
    ASSERT_EQ(exportTo(jsonl, {u"--format"_s, u"jsonl"_s, u"--actor"_s, u"u00001"_s}).exitCode, 0);
    const QList<QByteArray> lines = contents(jsonl).split('\n');
    const QList<Event> oracle = queryEvents({u"--actor"_s, u"u00001"_s});
    ASSERT_EQ(lines.size(), oracle.size() + 1); // the empty rest after the last line
    for (qsizetype i = 0; i < oracle.size(); ++i) {
        auto event = eventFromJsonLine(lines[i]);
        ASSERT_TRUE(event) << event.error().message().toStdString();
        EXPECT_EQ(event->seq, oracle[i].seq);
        EXPECT_EQ(event->hash, oracle[i].hash);
    }
    const QString safe = path(u"safe.csv"_s);
    const CliResult exported = exportTo(safe, {u"--format"_s, u"csv"_s, u"--spreadsheet-safe"_s, u"--actor"_s, u"u00001"_s});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_TRUE(exported.out.contains(u"(csv-spreadsheet-safe)"_s)) << exported.out.toStdString();
}

TEST_F(ExportTest, RefusesWithoutWritingOrRecordingAnything)
{
    const QString existing = path(u"existing.csv"_s);
    writeFile(existing, "keep me\n");
    const qint64 before = eventCount();
    const CliResult overwrite = exportTo(existing, {u"--format"_s, u"csv"_s});
    EXPECT_EQ(overwrite.exitCode, 1);
    EXPECT_TRUE(overwrite.err.contains(u"never overwrites"_s)) << overwrite.err.toStdString();
    EXPECT_EQ(contents(existing), QByteArray("keep me\n"));
    const QString fresh = path(u"fresh.out"_s);
    for (const QStringList &args : {QStringList{u"--format"_s, u"xml"_s}, QStringList{u"--format"_s, u"jsonl"_s, u"--spreadsheet-safe"_s},
                                    QStringList{}, QStringList{u"--format"_s, u"csv"_s, u"--outcome"_s, u"maybe"_s}}) {
        const CliResult refused = exportTo(fresh, args);
        EXPECT_EQ(refused.exitCode, 1) << args.join(u' ').toStdString();
        EXPECT_FALSE(QFile::exists(fresh));
    }
    const CliResult noOut = run(commandArgs(u"export"_s, {u"--format"_s, u"csv"_s}));
    EXPECT_EQ(noOut.exitCode, 1);
    EXPECT_TRUE(noOut.err.contains(u"--out"_s)) << noOut.err.toStdString();
    // eventCount() runs verify, which records itself once: nothing else was added.
    EXPECT_EQ(eventCount(), before + 1);
}

} // namespace QmsAudit::Test
