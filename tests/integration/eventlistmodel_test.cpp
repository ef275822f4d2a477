// SPDX-License-Identifier: LGPL-2.1-or-later
// EventListModel: a keyset window over a filter, filled on the query thread, checked against
// the reader as oracle and by Qt's QAbstractItemModelTester.
#include <qmsaudit/auditlog.h>
#include <qmsaudit/eventlistmodel.h>
#include <qmsaudit/eventreader.h>

#include "testlog.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

namespace {

class EventListModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto log = dir.create();
        ASSERT_TRUE(log);
        QList<Event> events;
        for (int i = 0; i < kEvents; ++i)
            events.append(sampleEvent(i));
        ASSERT_TRUE(log->appendAll(events));
        auto opened = EventReader::open(dir.logPath(), dir.keys());
        ASSERT_TRUE(opened);
        reader = std::move(*opened);
    }

    /// Every seq of @p filter in @p order, read directly: the oracle.
    QList<qint64> oracle(const EventFilter &filter, PageRequest::Order order) const
    {
        QList<qint64> seqs;
        (void)reader->forEach(filter, [&](const Event &e) {
            seqs.append(e.seq);
            return true;
        });
        if (order == PageRequest::Order::NewestFirst)
            std::reverse(seqs.begin(), seqs.end());
        return seqs;
    }

    static QList<qint64> window(const EventListModel &model)
    {
        QList<qint64> seqs;
        for (int row = 0; row < model.rowCount(); ++row)
            seqs.append(model.data(model.index(row, EventListModel::SeqColumn), EventListModel::SeqRole).toLongLong());
        return seqs;
    }

    static void waitIdle(EventListModel &model)
    {
        ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isLoading() && model.totalCount() >= 0; }, 5000));
    }

    static constexpr int kEvents = 1500;
    TestLogDir dir;
    std::shared_ptr<const EventReader> reader;
};

} // namespace

TEST_F(EventListModelTest, ScrollingThroughEveryRowKeepsABoundedWindowInBothOrders)
{
    for (const auto order : {PageRequest::Order::NewestFirst, PageRequest::Order::OldestFirst}) {
        EventListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setMaxRows(250);
        model.setReader(reader);
        EventFilter filter;
        filter.actions = {Action::Edit, Action::View};
        model.setFilter(filter, order);
        waitIdle(model);
        const QList<qint64> expected = oracle(filter, order);
        ASSERT_GT(expected.size(), 2 * model.maxRows());
        EXPECT_EQ(model.totalCount(), expected.size());
        EXPECT_EQ(window(model), expected.mid(0, EventListModel::PageSize));
        EXPECT_FALSE(model.hasEarlier());

        // Down to the end, as a view does: the window slides, never holding more than maxRows.
        QList<qint64> seen = window(model);
        while (model.canFetchMore({})) {
            const qint64 last = window(model).constLast();
            model.fetchMore({});
            waitIdle(model);
            EXPECT_LE(model.rowCount(), model.maxRows());
            const QList<qint64> now = window(model);
            seen.append(now.mid(now.indexOf(last) + 1));
        }
        EXPECT_EQ(seen, expected);
        EXPECT_TRUE(model.hasEarlier());
        EXPECT_EQ(window(model), expected.mid(expected.size() - model.rowCount()));

        // And back up to the start.
        for (int pages = 0; model.hasEarlier() && pages < 100; ++pages) { // bounded: a bug must not hang the test
            model.fetchEarlier();
            waitIdle(model);
            EXPECT_LE(model.rowCount(), model.maxRows());
        }
        EXPECT_EQ(window(model), expected.mid(0, model.rowCount()));
        EXPECT_TRUE(model.hasLater());
    }
}

TEST_F(EventListModelTest, JumpsToTheEndAndToASeq)
{
    EventListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setReader(reader);
    EventFilter filter;
    filter.actorId = QStringLiteral("user2");
    model.setFilter(filter); // newest first
    waitIdle(model);
    const QList<qint64> expected = oracle(filter, PageRequest::Order::NewestFirst);

    model.jumpToEnd();
    waitIdle(model);
    EXPECT_EQ(window(model), expected.mid(expected.size() - EventListModel::PageSize));
    EXPECT_FALSE(model.hasLater());
    EXPECT_TRUE(model.hasEarlier());

    const qint64 target = expected.at(130);
    model.jumpToSeq(target);
    waitIdle(model);
    EXPECT_EQ(window(model), expected.mid(130, EventListModel::PageSize));
    model.fetchEarlier();
    waitIdle(model);
    EXPECT_EQ(window(model), expected.mid(30, 200));

    // Seq 1: oldest first nothing comes before it; newest first every later event does.
    model.setFilter({}, PageRequest::Order::OldestFirst);
    waitIdle(model);
    model.jumpToSeq(1);
    waitIdle(model);
    EXPECT_EQ(window(model).value(0), 1);
    EXPECT_FALSE(model.hasEarlier());
    model.setFilter({}, PageRequest::Order::NewestFirst);
    waitIdle(model);
    model.jumpToSeq(1);
    waitIdle(model);
    EXPECT_EQ(window(model), QList<qint64>{1});
    EXPECT_TRUE(model.hasEarlier());
    model.fetchEarlier();
    waitIdle(model);
    EXPECT_EQ(window(model).value(0), EventListModel::PageSize + 1); // seqs 101 … 2, then 1
}

TEST_F(EventListModelTest, ANewFilterSupersedesTheOneBefore)
{
    EventListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setReader(reader);
    EventFilter first;
    first.actorId = QStringLiteral("user1");
    EventFilter second;
    second.actorId = QStringLiteral("user3");
    model.setFilter(first);
    model.setFilter(second); // before the first one's page can arrive
    waitIdle(model);
    QTest::qWait(50); // a late answer to the first filter would land now
    EXPECT_EQ(window(model), oracle(second, PageRequest::Order::NewestFirst).mid(0, EventListModel::PageSize));
    EXPECT_EQ(model.totalCount(), oracle(second, PageRequest::Order::NewestFirst).size());
    for (int row = 0; row < model.rowCount(); ++row)
        EXPECT_EQ(model.eventAt(row).actor.id, QStringLiteral("user3"));
}

TEST_F(EventListModelTest, JumpsKeepTheCountAndANewFilterCountsAgain)
{
    EventListModel model;
    model.setReader(reader);
    EventFilter filter;
    filter.actorId = QStringLiteral("user2");
    model.setFilter(filter);
    waitIdle(model);
    const qint64 counted = model.totalCount();
    EXPECT_EQ(counted, oracle(filter, PageRequest::Order::NewestFirst).size());
    // A jump moves the window over the same filter: the count is not redone (it can take seconds
    // on a big log), so it never goes back to "unknown".
    QSignalSpy countChanges(&model, &EventListModel::totalCountChanged);
    model.jumpToEnd();
    EXPECT_EQ(model.totalCount(), counted);
    waitIdle(model);
    model.jumpToSeq(100);
    waitIdle(model);
    EXPECT_EQ(countChanges.count(), 0);
    EXPECT_EQ(model.totalCount(), counted);
    // A new filter starts a new count.
    filter.actorId = QStringLiteral("user3");
    model.setFilter(filter);
    EXPECT_EQ(model.totalCount(), -1);
    waitIdle(model);
    EXPECT_EQ(model.totalCount(), oracle(filter, PageRequest::Order::NewestFirst).size());
}

TEST_F(EventListModelTest, RolesCarryEveryFieldOfTheEvent)
{
    EventListModel model;
    model.setReader(reader);
    EventFilter filter;
    model.setFilter(filter, PageRequest::Order::OldestFirst);
    waitIdle(model);
    ASSERT_GT(model.rowCount(), 2);
    const Event stored = reader->eventAt(2).value();
    const QModelIndex index = model.index(1, 0);
    EXPECT_EQ(model.data(index, EventListModel::SeqRole).toLongLong(), 2);
    EXPECT_EQ(model.data(index, EventListModel::ActorIdRole).toString(), stored.actor.id);
    EXPECT_EQ(model.data(index, EventListModel::ActionRole).toString(), actionName(stored.action));
    EXPECT_EQ(model.data(index, EventListModel::ReasonRole).toString(), stored.reason);
    EXPECT_EQ(model.data(index, EventListModel::ObjectTitleRole).toString(), stored.object.title);
    EXPECT_EQ(model.data(index, EventListModel::HashRole).toString(), QString::fromLatin1(stored.hash.toHex()));
    EXPECT_EQ(model.data(index, EventListModel::RecordedAtRole).toDateTime().toMSecsSinceEpoch(), stored.recordedAtUs / 1000);
    EXPECT_EQ(model.data(index, EventListModel::ChangesRole).toList().size(), stored.changes.size());
    const QHash<int, QByteArray> names = model.roleNames();
    EXPECT_EQ(names.value(EventListModel::SignatureMeaningRole), QByteArray("signatureMeaning"));
    EXPECT_EQ(model.headerData(EventListModel::ReasonColumn, Qt::Horizontal).toString(), QStringLiteral("Reason"));
}
