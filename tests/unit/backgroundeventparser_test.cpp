// SPDX-License-Identifier: LGPL-2.1-or-later
// The import's parser thread: order, line numbers, errors, a bounded lead, and stopping early.
#include "export/backgroundeventparser_p.h"

#include <QBuffer>
#include <QCryptographicHash>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

using namespace QmsAudit;

namespace {

/// A "line" is just a number here: the parser under test does not care what parse() does.
BackgroundEventParser::Parse numberedEvents(std::atomic<int> &calls)
{
    return [&calls](const QByteArray &line) -> Result<Event> {
        ++calls;
        if (line == "bad")
            return Error(ErrorCode::InvalidArgument, QStringLiteral("not a number"));
        Event event;
        event.seq = line.toLongLong();
        return event;
    };
}

QByteArray numberLines(int count)
{
    QByteArray input;
    for (int i = 1; i <= count; ++i)
        input += QByteArray::number(i) + '\n';
    return input;
}

} // namespace

TEST(BackgroundEventParser, HandsOverEveryLineInOrderWithItsNumberAndThenTheEnd)
{
    QByteArray input = "1\n\n2\r\n   \n3"; // blank lines count but yield nothing; no final newline
    QBuffer buffer(&input);
    ASSERT_TRUE(buffer.open(QIODevice::ReadOnly));
    std::atomic<int> calls = 0;
    BackgroundEventParser parser(buffer, 1 << 20, numberedEvents(calls));
    const std::pair<qint64, qint64> expected[] = {{1, 1}, {2, 3}, {3, 5}}; // seq, line
    for (const auto &[seq, line] : expected) {
        auto item = parser.next();
        ASSERT_TRUE(item.event);
        ASSERT_TRUE(*item.event);
        EXPECT_EQ((*item.event)->seq, seq);
        EXPECT_EQ(item.line, line);
    }
    for (int i = 0; i < 2; ++i) { // the end, and the end again
        auto end = parser.next();
        ASSERT_TRUE(end.event);
        EXPECT_FALSE(*end.event);
    }
    EXPECT_EQ(parser.inputSha256(), QCryptographicHash::hash(input, QCryptographicHash::Sha256));
}

TEST(BackgroundEventParser, StopsReadingAtTheFirstErrorAndNamesItsLine)
{
    QByteArray input = "1\nbad\n3\n4\n";
    QBuffer buffer(&input);
    ASSERT_TRUE(buffer.open(QIODevice::ReadOnly));
    std::atomic<int> calls = 0;
    BackgroundEventParser parser(buffer, 1 << 20, numberedEvents(calls));
    EXPECT_TRUE(parser.next().event);
    for (int i = 0; i < 2; ++i) {
        auto failed = parser.next();
        ASSERT_FALSE(failed.event);
        EXPECT_EQ(failed.line, 2);
        EXPECT_EQ(failed.event.error().message(), QStringLiteral("not a number"));
    }
    EXPECT_EQ(calls.load(), 2); // lines 3 and 4 were never parsed
}

TEST(BackgroundEventParser, ATooLongLineIsAnErrorWithItsNumber)
{
    QByteArray input = "1\n" + QByteArray(300, 'x') + "\n3\n";
    QBuffer buffer(&input);
    ASSERT_TRUE(buffer.open(QIODevice::ReadOnly));
    std::atomic<int> calls = 0;
    BackgroundEventParser parser(buffer, 100, numberedEvents(calls));
    EXPECT_TRUE(parser.next().event);
    auto failed = parser.next();
    ASSERT_FALSE(failed.event);
    EXPECT_EQ(failed.line, 2);
    EXPECT_TRUE(failed.event.error().message().contains(QStringLiteral("longer than"))) << failed.event.error().message().toStdString();
}

TEST(BackgroundEventParser, RunsOnlyABoundedDistanceAheadOfTheCaller)
{
    QByteArray input = numberLines(20000);
    QBuffer buffer(&input);
    ASSERT_TRUE(buffer.open(QIODevice::ReadOnly));
    std::atomic<int> calls = 0;
    // Lines are 1–6 bytes: a 64-byte budget holds at most 64 of them.
    BackgroundEventParser parser(buffer, 1 << 20, numberedEvents(calls), 64);
    ASSERT_TRUE(parser.next().event);
    std::this_thread::sleep_for(std::chrono::milliseconds(200)); // time enough to parse all 20000 if unbounded
    // Taken: 1. Queued: at most 64 lines. Parsed and waiting for room: 1.
    EXPECT_LE(calls.load(), 1 + 64 + 1);
    qint64 lastSeq = 1;
    while (true) {
        auto item = parser.next();
        ASSERT_TRUE(item.event);
        if (!*item.event)
            break;
        EXPECT_EQ((*item.event)->seq, lastSeq + 1);
        lastSeq = (*item.event)->seq;
    }
    EXPECT_EQ(lastSeq, 20000);
}

TEST(BackgroundEventParser, DestroyingItMidwayStopsTheThread)
{
    QByteArray input = numberLines(100000);
    QBuffer buffer(&input);
    ASSERT_TRUE(buffer.open(QIODevice::ReadOnly));
    std::atomic<int> calls = 0;
    {
        BackgroundEventParser parser(buffer, 1 << 20, numberedEvents(calls), 1024);
        ASSERT_TRUE(parser.next().event);
    } // joins: a thread blocked on a full queue must wake up and stop
    const int parsed = calls.load();
    EXPECT_LT(parsed, 100000);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(calls.load(), parsed);
}
