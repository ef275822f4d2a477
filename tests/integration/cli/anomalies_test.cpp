// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit anomalies: the library's flags, as text or JSON, with --rules, --rule and --actor;
// bad rules files exit 6; the scan is recorded as a use of the trail.

#include "clitest.h"

#include <qmsaudit/anomalydetector.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/timestamp.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

class AnomaliesTest : public CliTest
{
protected:
    CliResult anomalies(const QStringList &extra) const
    {
        return run(commandArgs(u"anomalies"_s, QStringList{u"--as"_s, u"aud1"_s} + extra));
    }
    QJsonObject anomaliesJson(const QStringList &extra) const
    {
        const CliResult result = anomalies(QStringList{u"--format"_s, u"json"_s} + extra);
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << result.out.toStdString();
        return document.object();
    }
    static QString day(int offset) { return QDateTime::currentDateTimeUtc().addDays(offset).date().toString(Qt::ISODate); }
};

} // namespace

TEST_F(AnomaliesTest, PrintsTheLibrarysFlagsAsJsonAndRecordsTheScan)
{
    ASSERT_EQ(run(commandArgs(u"generate"_s, {u"--events"_s, u"4000"_s, u"--seed"_s, u"11"_s})).exitCode, 0);
    const QJsonObject printed = anomaliesJson({u"--from"_s, u"2025-03-01"_s, u"--to"_s, u"2025-09-01"_s});
    const QJsonArray flags = printed.value(u"flags"_s).toArray();
    ASSERT_FALSE(flags.isEmpty());
    EXPECT_EQ(printed.value(u"from"_s).toString(), u"2025-03-01T00:00:00.000000Z"_s);
    EXPECT_EQ(printed.value(u"rules_sha256"_s).toString(), AnomalyRules().digest());

    auto reader = EventReader::open(logPath(), m_dir.keys());
    ASSERT_TRUE(reader);
    auto report = AnomalyDetector::scan(**reader, *parseTimestamp(u"2025-03-01"), *parseTimestamp(u"2025-09-01"), AnomalyRules());
    ASSERT_TRUE(report) << report.error().message().toStdString();
    ASSERT_EQ(flags.size(), report->flags.size());
    for (qsizetype i = 0; i < flags.size(); ++i)
        EXPECT_EQ(flags[i].toObject(), anomalyFlagToJson(report->flags[i])) << i;
    EXPECT_EQ(printed.value(u"period_events"_s).toInteger(), report->periodEvents);

    const QList<Event> uses = queryEvents({u"--action"_s, u"trail_viewed"_s});
    ASSERT_EQ(uses.size(), 1);
    const Event &use = uses.first();
    EXPECT_EQ(use.actor.id, u"aud1"_s);
    EXPECT_EQ(use.attributes.value(u"view"_s), u"cli anomalies"_s);
    EXPECT_EQ(use.attributes.value(u"filter"_s), u"from=2025-03-01T00:00:00.000000Z; to=2025-09-01T00:00:00.000000Z"_s);
    EXPECT_EQ(use.attributes.value(u"rules"_s), u"after_hours,bulk_access,denied_burst,released_edit,self_approval,clock"_s);
    EXPECT_EQ(use.attributes.value(u"rules_sha256"_s), AnomalyRules().digest());
    EXPECT_EQ(use.attributes.value(u"flag_count"_s), QString::number(flags.size()));
    EXPECT_EQ(use.attributes.value(u"event_count"_s), QString::number(report->periodEvents));
}

TEST_F(AnomaliesTest, RuleAndActorNarrowWhatIsPrintedAsText)
{
    ASSERT_EQ(run(commandArgs(u"generate"_s, {u"--events"_s, u"4000"_s, u"--seed"_s, u"11"_s})).exitCode, 0);
    const QJsonArray released = anomaliesJson({u"--from"_s, u"2025-01-01"_s, u"--to"_s, u"2026-01-01"_s, u"--rule"_s, u"released_edit"_s})
                                    .value(u"flags"_s)
                                    .toArray();
    ASSERT_FALSE(released.isEmpty());
    const QString actor = released.first().toObject().value(u"actor"_s).toString();
    qsizetype ofActor = 0;
    for (const QJsonValue &flag : released) {
        EXPECT_EQ(flag.toObject().value(u"rule"_s).toString(), u"released_edit"_s);
        ofActor += flag.toObject().value(u"actor"_s).toString() == actor;
    }

    const CliResult text = anomalies({u"--from"_s, u"2025-01-01"_s, u"--to"_s, u"2026-01-01"_s, u"--rule"_s, u"released_edit"_s,
                                      u"--actor"_s, actor});
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    const QStringList lines = text.outLines();
    ASSERT_EQ(lines.size(), 3 * ofActor + 1) << text.out.toStdString();
    const QJsonObject first = released.first().toObject();
    const QString object = first.value(u"object"_s).toObject().value(u"type"_s).toString() + u':'
        + first.value(u"object"_s).toObject().value(u"id"_s).toString();
    EXPECT_TRUE(lines[0].startsWith(u"HIGH released_edit %1 %2@"_s.arg(actor, object))) << lines[0].toStdString();
    EXPECT_TRUE(lines[1].startsWith(u"  %1 changed "_s.arg(actor))) << lines[1].toStdString();
    QStringList seqs;
    for (const QJsonValue &seq : first.value(u"seqs"_s).toArray())
        seqs.append(QString::number(seq.toInteger()));
    EXPECT_EQ(lines[2], u"  seqs (%1 event(s)): %2"_s.arg(first.value(u"event_count"_s).toInteger()).arg(seqs.join(u", "_s)));
    EXPECT_TRUE(lines.last().startsWith(u"%1 flag(s) in 2025-01-01T00:00:00.000000Z .. 2026-01-01T00:00:00.000000Z"_s.arg(ofActor)))
        << lines.last().toStdString();
}

TEST_F(AnomaliesTest, FlagsABurstAndAClockAheadRecordedJustNowUnlessTheRulesFileRaisesTheCount)
{
    ASSERT_EQ(initLog().exitCode, 0);
    QList<qint64> burst;
    for (int i = 0; i < 5; ++i)
        burst.append(record({u"--actor"_s, u"u9"_s, u"--action"_s, u"access_denied"_s, u"--outcome"_s, u"denied"_s}));
    const qint64 ahead = record({u"--actor"_s, u"u8"_s, u"--action"_s, u"view"_s, u"--occurred-at"_s, u"2099-01-01T00:00:00Z"_s});
    const QStringList period{u"--from"_s, day(-1), u"--to"_s, day(1), u"--rule"_s, u"denied_burst,clock"_s};

    const QJsonArray flags = anomaliesJson(period).value(u"flags"_s).toArray();
    ASSERT_EQ(flags.size(), 2) << QJsonDocument(flags).toJson().toStdString();
    QMap<QString, QJsonObject> byRule;
    for (const QJsonValue &flag : flags)
        byRule.insert(flag.toObject().value(u"rule"_s).toString(), flag.toObject());
    QJsonArray burstSeqs;
    for (qint64 seq : burst)
        burstSeqs.append(seq);
    EXPECT_EQ(byRule.value(u"denied_burst"_s).value(u"seqs"_s).toArray(), burstSeqs);
    EXPECT_EQ(byRule.value(u"denied_burst"_s).value(u"actor"_s).toString(), u"u9"_s);
    EXPECT_EQ(byRule.value(u"clock"_s).value(u"seqs"_s).toArray(), QJsonArray{ahead});

    writeFile(path(u"rules.json"_s), R"({"denied_burst": {"count": 6}, "clock": {"enabled": false}})");
    const QJsonObject raised = anomaliesJson(period + QStringList{u"--rules"_s, path(u"rules.json"_s)});
    EXPECT_TRUE(raised.value(u"flags"_s).toArray().isEmpty()) << QJsonDocument(raised).toJson().toStdString();
    EXPECT_EQ(raised.value(u"rules"_s).toObject().value(u"denied_burst"_s).toObject().value(u"count"_s).toInt(), 6);
}

TEST_F(AnomaliesTest, BadRulesFilesExitSixAndBadOptionsExitOneRecordingNothing)
{
    ASSERT_EQ(initLog().exitCode, 0);
    const qint64 before = eventCount();
    const QStringList period{u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2026-02-01"_s};
    writeFile(path(u"broken.json"_s), "{\"bulk_access\": ");
    writeFile(path(u"unknown.json"_s), R"({"bulk_access": {"factr": 3}})");
    writeFile(path(u"range.json"_s), R"({"site_calendar": {"working_hours": "18:00-08:00"}})");
    const std::pair<QString, QString> badFiles[] = {
        {path(u"broken.json"_s), u"not a JSON object"_s},
        {path(u"unknown.json"_s), u"bulk_access.factr"_s},
        {path(u"range.json"_s), u"site_calendar.working_hours"_s},
        {path(u"missing.json"_s), u"Cannot read the anomaly rules file"_s},
    };
    for (const auto &[file, mentioned] : badFiles) {
        const CliResult refused = anomalies(period + QStringList{u"--rules"_s, file});
        EXPECT_EQ(refused.exitCode, 6) << file.toStdString();
        EXPECT_TRUE(refused.err.startsWith(u"qms-audit: "_s)) << refused.err.toStdString();
        EXPECT_TRUE(refused.err.contains(mentioned)) << refused.err.toStdString();
        EXPECT_TRUE(refused.out.isEmpty());
    }
    const std::pair<QStringList, QString> badOptions[] = {
        {{u"--from"_s, u"2026-01-01"_s}, u"--to"_s},
        {period + QStringList{u"--rule"_s, u"after_hours,moonlight"_s}, u"moonlight"_s},
        {period + QStringList{u"--format"_s, u"xml"_s}, u"xml"_s},
        {{u"--from"_s, u"2026-02-01"_s, u"--to"_s, u"2026-01-01"_s}, u"--from"_s},
    };
    for (const auto &[args, mentioned] : badOptions) {
        const CliResult refused = anomalies(args);
        EXPECT_EQ(refused.exitCode, 1) << args.join(u' ').toStdString();
        EXPECT_TRUE(refused.err.contains(mentioned)) << refused.err.toStdString();
    }
    // eventCount() runs verify, which records itself: only that record was added.
    EXPECT_EQ(eventCount(), before + 1);
}

} // namespace QmsAudit::Test
