// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit sample: a sample another process, or the library, draws again from its definition.

#include "clitest.h"

#include <qmsaudit/eventreader.h>
#include <qmsaudit/eventsampler.h>

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

const QRegularExpression kDefinition(u"^qms-audit: sample: filter=(.*); up_to_seq=(\\d+); seed=(\\d+); size=(\\d+); stratified=(yes|no); "
                                     u"population=(\\d+); population_sha256=([0-9a-f]{64}); random=(\\d+); targeted=(\\d+|none)$"_s,
                                     QRegularExpression::MultilineOption);

class SampleTest : public CliTest
{
protected:
    void SetUp() override
    {
        ASSERT_EQ(run(commandArgs(u"generate"_s, {u"--events"_s, u"2000"_s, u"--seed"_s, u"5"_s})).exitCode, 0);
    }
    CliResult sample(const QStringList &extra) const
    {
        return run(commandArgs(u"sample"_s, QStringList{u"--format"_s, u"jsonl"_s, u"--as"_s, u"aud1"_s} + extra));
    }
    static QList<qint64> seqsOf(const CliResult &result)
    {
        QList<qint64> seqs;
        for (const QString &line : result.outLines())
            seqs.append(QRegularExpression(u"\"seq\":(\\d+)"_s).match(line).captured(1).toLongLong());
        return seqs;
    }
};

} // namespace

TEST_F(SampleTest, AnotherRunDrawsTheSameSampleFromItsDefinitionAfterTheLogGrew)
{
    const CliResult first = sample({u"--size"_s, u"12"_s, u"--seed"_s, u"77"_s, u"--action"_s, u"edit,approve"_s});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    const QRegularExpressionMatch defined = kDefinition.match(first.err);
    ASSERT_TRUE(defined.hasMatch()) << first.err.toStdString();
    EXPECT_EQ(defined.captured(1), u"action=edit,approve"_s);
    EXPECT_EQ(defined.captured(2), u"2000"_s); // the newest seq when drawn
    EXPECT_EQ(defined.captured(8), u"12"_s);
    const QList<qint64> seqs = seqsOf(first);
    ASSERT_EQ(seqs.size(), 12);

    // The first run recorded its use (seq 2001); new events come after the population.
    ASSERT_GT(record({}), 2001);
    const CliResult again = sample({u"--size"_s, u"12"_s, u"--seed"_s, u"77"_s, u"--action"_s, u"edit,approve"_s, u"--up-to-seq"_s, u"2000"_s});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(seqsOf(again), seqs);
    EXPECT_EQ(again.out, first.out);
    EXPECT_EQ(kDefinition.match(again.err).captured(7), defined.captured(7));

    // The library draws the same from the same definition, in this process.
    auto reader = EventReader::open(logPath(), m_dir.keys());
    ASSERT_TRUE(reader);
    SampleRequest request;
    request.filter.actions = {Action::Edit, Action::Approve};
    request.upToSeq = 2000;
    request.seed = 77;
    request.size = 12;
    auto drawn = EventSampler::draw(**reader, request);
    ASSERT_TRUE(drawn);
    EXPECT_EQ(drawn->seqs, seqs);
    EXPECT_EQ(QString::fromLatin1(drawn->populationDigest.toHex()), defined.captured(7));
    EXPECT_EQ(QString::number(drawn->populationSize), defined.captured(6));
}

TEST_F(SampleTest, TheDrawIsRecordedWithItsDefinition)
{
    const CliResult drawn = sample({u"--size"_s, u"5"_s, u"--seed"_s, u"3"_s, u"--stratify"_s, u"--denied"_s});
    ASSERT_EQ(drawn.exitCode, 0) << drawn.err.toStdString();
    const QRegularExpressionMatch defined = kDefinition.match(drawn.err);
    ASSERT_TRUE(defined.hasMatch()) << drawn.err.toStdString();
    // Random picks first, then every denied attempt of the population.
    const int targeted = defined.captured(9).toInt();
    EXPECT_GT(targeted, 0);
    EXPECT_EQ(seqsOf(drawn).size(), 5 + targeted);
    const QList<Event> events = queryEvents({u"--action"_s, u"trail_viewed"_s});
    ASSERT_EQ(events.size(), 1);
    const Event &use = events.first();
    EXPECT_EQ(use.actor.id, u"aud1"_s);
    EXPECT_EQ(use.attributes.value(u"view"_s), u"cli sample"_s);
    EXPECT_EQ(use.attributes.value(u"sample_seed"_s), u"3"_s);
    EXPECT_EQ(use.attributes.value(u"sample_size"_s), u"5"_s);
    EXPECT_EQ(use.attributes.value(u"sample_up_to_seq"_s), defined.captured(2));
    EXPECT_EQ(use.attributes.value(u"sample_stratified"_s), u"yes"_s);
    EXPECT_EQ(use.attributes.value(u"sample_targeted"_s), u"denied"_s);
    EXPECT_EQ(use.attributes.value(u"population_sha256"_s), defined.captured(7));
    EXPECT_EQ(use.attributes.value(u"event_count"_s), QString::number(5 + targeted));
}

TEST_F(SampleTest, RefusesWhatItCannotDrawWithAUsageErrorAndRecordsNothing)
{
    const qint64 before = eventCount();
    const QList<std::pair<QStringList, QString>> cases = {
        {{u"--seed"_s, u"1"_s}, u"--size"_s},
        {{u"--size"_s, u"5"_s}, u"--seed"_s},
        {{u"--size"_s, u"0"_s, u"--seed"_s, u"1"_s}, u"--size"_s},
        {{u"--size"_s, u"5"_s, u"--seed"_s, u"-1"_s}, u"--seed"_s},
        {{u"--size"_s, u"5"_s, u"--seed"_s, u"1"_s, u"--up-to-seq"_s, u"999999"_s}, u"ends at seq"_s},
        {{u"--size"_s, u"5"_s, u"--seed"_s, u"1"_s, u"--outcome"_s, u"maybe"_s}, u"maybe"_s},
    };
    for (const auto &[args, mentioned] : cases) {
        const CliResult refused = sample(args);
        EXPECT_EQ(refused.exitCode, 1) << args.join(u' ').toStdString();
        EXPECT_TRUE(refused.err.contains(mentioned)) << refused.err.toStdString();
        EXPECT_TRUE(refused.out.isEmpty());
    }
    // eventCount() runs verify, which records itself: compare with what the first call left.
    EXPECT_EQ(eventCount(), before + 1);
}

} // namespace QmsAudit::Test
