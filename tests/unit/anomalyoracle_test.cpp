// SPDX-License-Identifier: LGPL-2.1-or-later
// bulk_access against a naive oracle over a randomly generated log: the detector's one pass with
// a sliding baseline must flag exactly the hours that recounting everything for each hour flags.

#include "anomalytestlog.h"

#include <qmsaudit/eventreader.h>

#include <QMap>
#include <QSet>

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <tuple>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

constexpr qint64 kHour = 3'600'000'000;

/// 150 days of hourly batches by six users over 80 documents: mostly a few views an hour, now
/// and then a burst of 12–40 documents, some denied views, searches and prints.
void generate(AnomalyTestLog &log, quint64 seed)
{
    std::mt19937_64 random(seed);
    const auto below = [&](int n) { return int(random() % quint64(n)); };
    const qint64 start = us(u"2026-01-01T00:00:00Z"_s);
    for (qint64 hour = 0; hour < 150 * 24; ++hour) {
        if (below(100) >= 12)
            continue;
        QList<Event> batch;
        for (int users = 1 + below(3); users > 0; --users) {
            const QString actor = u"u%1"_s.arg(1 + below(6));
            const int views = below(100) < 4 ? 12 + below(29) : 1 + below(6);
            for (int i = 0; i < views; ++i) {
                const int roll = below(100);
                const Action action = roll < 80 ? Action::View : roll < 88 ? Action::Print : roll < 94 ? Action::Search : Action::Download;
                Event event = anomalyEvent(actor, action, u"DOC-%1"_s.arg(below(80)));
                if (below(100) < 5)
                    event.outcome = Outcome::Denied;
                batch.append(event);
            }
        }
        log.batchAt(start + hour * kHour + below(3600) * 1'000'000LL, batch);
    }
}

bool counted(const Event &event)
{
    const bool access = event.action == Action::View || event.action == Action::Print || event.action == Action::Export
        || event.action == Action::Download;
    return access && event.outcome == Outcome::Success;
}

using HourKey = std::tuple<QString, qint64>; // actor, hour index

/// Recounts, for every hour of a user with a counted event in [from, to), its distinct documents
/// and those of each of their hours in the baseline days before it.
QMap<HourKey, QList<qint64>> oracle(const QList<Event> &all, qint64 fromUs, qint64 toUs, const AnomalyRules &rules)
{
    const auto hourOf = [](const Event &event) { return event.recordedAtUs / kHour; };
    std::set<HourKey> candidates;
    for (const Event &event : all) {
        if (counted(event) && event.recordedAtUs >= fromUs && event.recordedAtUs < toUs)
            candidates.insert({event.actor.id, hourOf(event)});
    }
    QMap<HourKey, QList<qint64>> flagged;
    for (const auto &[actor, hour] : candidates) {
        QSet<QString> documents;
        QList<qint64> seqs;
        QMap<qint64, QSet<QString>> before; // hour → documents, within the baseline days
        for (const Event &event : all) {
            if (!counted(event) || event.actor.id != actor || event.recordedAtUs >= toUs)
                continue;
            const qint64 h = hourOf(event);
            if (h == hour) {
                documents.insert(event.object.id);
                seqs.append(event.seq);
            } else if (h < hour && h >= hour - rules.bulkAccess.baselineDays * 24) {
                before[h].insert(event.object.id);
            }
        }
        double sum = 0;
        for (const QSet<QString> &set : std::as_const(before))
            sum += double(set.size());
        const double baseline = before.isEmpty() ? 0 : sum / double(before.size());
        if (documents.size() >= rules.bulkAccess.minDistinctDocuments && double(documents.size()) > rules.bulkAccess.factor * baseline)
            flagged.insert({actor, hour}, seqs);
    }
    return flagged;
}

} // namespace

TEST(AnomalyOracle, BulkAccessFlagsTheHoursANaiveRecountFlags)
{
    AnomalyTestLog log;
    generate(log, 20261129);
    AnomalyRules rules = onlyRule(AnomalyRule::BulkAccess);
    rules.bulkAccess.factor = 3;
    rules.bulkAccess.minDistinctDocuments = 8;
    rules.bulkAccess.baselineDays = 30;
    rules.maxSeqsPerFlag = 100000;

    auto reader = EventReader::open(log.dir().logPath(), log.dir().keys());
    ASSERT_TRUE(reader);
    QList<Event> all;
    ASSERT_TRUE((*reader)->forEach({}, [&](const Event &event) {
        all.append(event);
        return true;
    }));
    ASSERT_GT(all.size(), 1000);

    // Half past an hour: the hour that holds the start counts whole, and is judged.
    const qint64 fromUs = us(u"2026-03-02T00:30:00Z"_s);
    const qint64 toUs = us(u"2026-05-31T00:00:00Z"_s);
    const QMap<HourKey, QList<qint64>> expected = oracle(all, fromUs, toUs, rules);
    ASSERT_GE(expected.size(), 5) << "the generated log should hold bursts";

    auto report = log.scan(fromUs, toUs, rules);
    ASSERT_TRUE(report) << report.error().message().toStdString();
    QMap<HourKey, QList<qint64>> found;
    for (const AnomalyFlag &flag : std::as_const(report->flags)) {
        EXPECT_EQ(flag.rule, AnomalyRule::BulkAccess);
        EXPECT_EQ(flag.eventCount, flag.seqs.size());
        found.insert({flag.actorId, flag.firstUs / kHour}, flag.seqs);
    }
    EXPECT_EQ(found.keys(), expected.keys());
    EXPECT_EQ(found, expected);

    // A higher factor keeps a subset: the baseline matters, not only the minimum.
    rules.bulkAccess.factor = 6;
    const QMap<HourKey, QList<qint64>> fewer = oracle(all, fromUs, toUs, rules);
    auto stricter = log.scan(fromUs, toUs, rules);
    ASSERT_TRUE(stricter);
    EXPECT_LT(fewer.size(), expected.size());
    EXPECT_EQ(stricter->flags.size(), fewer.size());
}

} // namespace QmsAudit::Test
