// SPDX-License-Identifier: LGPL-2.1-or-later
// EventSampler: reproducible samples, checked against the events read back as the oracle.
#include <qmsaudit/auditlog.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/eventsampler.h>

#include "testlog.h"

#include <QCryptographicHash>
#include <QSet>
#include <QtEndian>

#include <gtest/gtest.h>

#include <map>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

class EventSamplerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        log = dir.create();
        ASSERT_TRUE(log);
        appendEvents(0, kEvents);
        auto opened = EventReader::open(dir.logPath(), dir.keys());
        ASSERT_TRUE(opened);
        reader = std::move(*opened);
    }

    void appendEvents(int from, int to)
    {
        QList<Event> events;
        for (int i = from; i < to; ++i)
            events.append(sampleEvent(i));
        ASSERT_TRUE(log->appendAll(events));
    }

    /// The population read back: every match of @p filter up to @p upToSeq.
    QList<Event> population(const EventFilter &filter, qint64 upToSeq) const
    {
        QList<Event> events;
        (void)reader->forEach(filter, [&](const Event &e) {
            if (e.seq <= upToSeq)
                events.append(e);
            return true;
        });
        return events;
    }

    static QByteArray digestOf(const QList<Event> &events)
    {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const Event &e : events) {
            const quint64 seq = qToBigEndian(quint64(e.seq));
            hash.addData(QByteArrayView(reinterpret_cast<const char *>(&seq), sizeof seq));
            hash.addData(e.hash);
        }
        return hash.result();
    }

    static SampleRequest request(int size, quint64 seed)
    {
        SampleRequest r;
        r.size = size;
        r.seed = seed;
        return r;
    }

    static constexpr int kEvents = 600;
    TestLogDir dir;
    std::unique_ptr<AuditLog> log;
    std::unique_ptr<EventReader> reader;
};

} // namespace

TEST_F(EventSamplerTest, DrawsDistinctMatchesOfThePopulationAndNamesItsDigest)
{
    SampleRequest edits = request(25, 11);
    edits.filter.actions = {Action::Edit, Action::Approve};
    edits.upToSeq = 400;
    auto sample = EventSampler::draw(*reader, edits);
    ASSERT_TRUE(sample) << sample.error().message().toStdString();
    const QList<Event> oracle = population(edits.filter, 400);
    EXPECT_EQ(sample->populationSize, oracle.size());
    EXPECT_EQ(sample->populationDigest, digestOf(oracle));
    ASSERT_EQ(sample->seqs.size(), 25);
    QSet<qint64> members;
    for (const Event &e : oracle)
        members.insert(e.seq);
    for (qsizetype i = 0; i < sample->seqs.size(); ++i) {
        EXPECT_TRUE(members.contains(sample->seqs[i])) << sample->seqs[i];
        if (i > 0) {
            EXPECT_LT(sample->seqs[i - 1], sample->seqs[i]); // ascending, no seq twice
        }
    }
    // A population smaller than the size is taken whole.
    SampleRequest few = request(50, 3);
    few.filter.objectId = QStringLiteral("DOC-2");
    few.upToSeq = 100;
    auto all = EventSampler::draw(*reader, few);
    ASSERT_TRUE(all);
    QList<qint64> everyOne;
    for (const Event &e : population(few.filter, 100))
        everyOne.append(e.seq);
    EXPECT_EQ(all->seqs, everyOne);
}

TEST_F(EventSamplerTest, TheSameFilterLastSeqAndSeedDrawTheSameSampleAfterTheLogGrew)
{
    const SampleRequest first = request(30, 2026);
    auto drawn = EventSampler::draw(*reader, first);
    ASSERT_TRUE(drawn);
    EXPECT_EQ(drawn->request.upToSeq, kEvents); // 0: the log's newest when drawn
    appendEvents(kEvents, kEvents + 300);
    SampleRequest again = first;
    again.upToSeq = drawn->request.upToSeq;
    auto redrawn = EventSampler::draw(*reader, again);
    ASSERT_TRUE(redrawn);
    EXPECT_EQ(redrawn->seqs, drawn->seqs);
    EXPECT_EQ(redrawn->populationDigest, drawn->populationDigest);
    EXPECT_EQ(redrawn->populationSize, kEvents);
    // Another seed, or the grown population, is another sample.
    again.seed = 2027;
    EXPECT_NE(EventSampler::draw(*reader, again)->seqs, drawn->seqs);
    auto grown = EventSampler::draw(*reader, first);
    EXPECT_EQ(grown->populationSize, kEvents + 300);
    EXPECT_NE(grown->populationDigest, drawn->populationDigest);
}

TEST_F(EventSamplerTest, EveryEventHasTheSameChanceOfBeingPicked)
{
    // 40 events, samples of 10, 2000 seeds: each event about 500 times (binomial, sd ~19).
    std::map<qint64, int> picks;
    SampleRequest r = request(10, 0);
    r.upToSeq = 40;
    for (quint64 seed = 1; seed <= 2000; ++seed) {
        r.seed = seed;
        const auto sample = EventSampler::draw(*reader, r);
        ASSERT_TRUE(sample);
        for (qint64 seq : sample->seqs)
            ++picks[seq];
    }
    ASSERT_EQ(picks.size(), 40u);
    for (const auto &[seq, count] : picks)
        EXPECT_NEAR(count, 500, 100) << "seq " << seq;
}

TEST_F(EventSamplerTest, StratifiedSamplesGiveEachActionGroupItsShare)
{
    SampleRequest r = request(40, 5);
    r.stratified = true;
    auto sample = EventSampler::draw(*reader, r);
    ASSERT_TRUE(sample);
    // Oracle: the groups' sizes, and 40 shared by largest remainder (ties to the earlier group).
    std::map<ActionCategory, qint64> sizes;
    std::map<qint64, ActionCategory> groupOf;
    for (const Event &e : population({}, kEvents)) {
        ++sizes[actionCategory(e.action)];
        groupOf[e.seq] = actionCategory(e.action);
    }
    ASSERT_EQ(sample->strata.size(), qsizetype(sizes.size()));
    std::map<ActionCategory, qint64> expected;
    std::vector<std::pair<qint64, ActionCategory>> remainders;
    qint64 given = 0;
    for (const auto &[group, size] : sizes) {
        EXPECT_EQ(sample->strata.value(group), size);
        expected[group] = 40 * size / kEvents;
        given += expected[group];
        remainders.push_back({40 * size % kEvents, group});
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (size_t i = 0; given < 40; ++i, ++given)
        ++expected[remainders[i].second];
    std::map<ActionCategory, qint64> drawn;
    for (qint64 seq : sample->seqs)
        ++drawn[groupOf.at(seq)];
    EXPECT_EQ(drawn, expected);
    EXPECT_EQ(sample->seqs.size(), 40);
}

TEST_F(EventSamplerTest, TargetedPicksAreEveryDeniedAttempt)
{
    SampleRequest r = request(5, 9);
    r.allDenied = true;
    r.upToSeq = 300;
    auto sample = EventSampler::draw(*reader, r);
    ASSERT_TRUE(sample);
    QList<qint64> denied;
    for (const Event &e : population({}, 300)) {
        if (e.outcome == Outcome::Denied)
            denied.append(e.seq);
    }
    ASSERT_FALSE(denied.isEmpty());
    EXPECT_EQ(sample->targetedSeqs, denied);
    EXPECT_EQ(sample->seqs.size(), 5);
}

TEST_F(EventSamplerTest, RefusesASizeOrLastSeqItCannotHonour)
{
    EXPECT_EQ(EventSampler::draw(*reader, request(0, 1)).error().code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(EventSampler::draw(*reader, request(SampleRequest::MaxSize + 1, 1)).error().code(), ErrorCode::InvalidArgument);
    SampleRequest beyond = request(5, 1);
    beyond.upToSeq = kEvents + 1;
    auto refused = EventSampler::draw(*reader, beyond);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code(), ErrorCode::InvalidArgument);
    EXPECT_TRUE(refused.error().message().contains(QStringLiteral("ends at seq 600"))) << refused.error().message().toStdString();
    // An empty population is a sample of nothing, with the digest of nothing.
    SampleRequest nobody = request(5, 1);
    nobody.filter.actorId = QStringLiteral("nobody");
    auto empty = EventSampler::draw(*reader, nobody);
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->populationSize, 0);
    EXPECT_TRUE(empty->seqs.isEmpty());
    EXPECT_EQ(empty->populationDigest, QCryptographicHash::hash({}, QCryptographicHash::Sha256));
}
