// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit verify: the OK line, external head anchors, damaged files.

#include "clitest.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

const QRegularExpression kOkLine(u"^OK (\\d+) events, head ([0-9a-f]{64})$"_s);

class VerifyTest : public CliTest
{
protected:
    void SetUp() override { ASSERT_EQ(initLog().exitCode, 0); }
    CliResult verify(const QStringList &extra = {}) const { return run(commandArgs(u"verify"_s, extra)); }
    /// The head hash `verify` reports now.
    QString currentHead() const
    {
        const CliResult result = verify();
        const QRegularExpressionMatch match = kOkLine.match(result.out.trimmed());
        EXPECT_TRUE(match.hasMatch()) << result.out.toStdString();
        return match.captured(2);
    }
};

TEST_F(VerifyTest, PrintsOkLineWithCountAndHead)
{
    for (int i = 0; i < 3; ++i)
        ASSERT_GT(record({}), 0);
    const CliResult result = verify();
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QRegularExpressionMatch match = kOkLine.match(result.out.chopped(1));
    ASSERT_TRUE(match.hasMatch()) << result.out.toStdString();
    EXPECT_TRUE(result.out.endsWith(u'\n'));
    EXPECT_EQ(match.captured(1), u"3"_s);
    EXPECT_TRUE(result.err.isEmpty());

    // The head is the hash of the last event verified; the verification was recorded after it.
    const QList<Event> events = queryEvents();
    ASSERT_EQ(events.size(), 4);
    EXPECT_EQ(match.captured(2), QString::fromLatin1(events[2].hash.toHex()));
    EXPECT_EQ(events[3].action, Action::TrailVerified);
}

TEST_F(VerifyTest, EmptyLogHasGenesisHead)
{
    const CliResult result = verify();
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(kOkLine.match(result.out.trimmed()).hasMatch()) << result.out.toStdString();
    EXPECT_TRUE(result.out.startsWith(u"OK 0 events, head "_s));
}

TEST_F(VerifyTest, ExpectedHeadThatMatchesPasses)
{
    ASSERT_EQ(record({}), 1);
    ASSERT_EQ(record({}), 2);
    const QString anchoredHead = currentHead();
    // The log grew since the anchor was taken: the record of that verification, then this event.
    ASSERT_EQ(record({}), 4);

    const CliResult result = verify({u"--expect-head"_s, u"2:"_s + anchoredHead});
    EXPECT_EQ(result.exitCode, 0) << result.out.toStdString() << result.err.toStdString();
    EXPECT_TRUE(result.out.startsWith(u"OK 4 events, head "_s));
    EXPECT_TRUE(result.out.contains(u"expected head at seq 2 matches"_s));
    // Upper-case hex is accepted too.
    EXPECT_EQ(verify({u"--expect-head"_s, u"2:"_s + anchoredHead.toUpper()}).exitCode, 0);
}

TEST_F(VerifyTest, ExpectedHeadMismatchFailsWithIntegrityExit)
{
    ASSERT_EQ(record({}), 1);
    ASSERT_EQ(record({}), 2);
    const QString head = currentHead();
    const CliResult result = verify({u"--expect-head"_s, u"1:"_s + head}); // seq 1 does not have seq 2's hash
    EXPECT_EQ(result.exitCode, 3);
    EXPECT_TRUE(result.out.startsWith(u"FAILED: event 1 has hash "_s)) << result.out.toStdString();
    EXPECT_TRUE(result.out.contains(u"expected "_s + head));
    EXPECT_TRUE(result.err.startsWith(u"qms-audit: "_s));
}

TEST_F(VerifyTest, ExpectedHeadBeyondTheEndFails)
{
    ASSERT_EQ(record({}), 1);
    const CliResult result = verify({u"--expect-head"_s, u"5:"_s + QString(64, u'a')});
    EXPECT_EQ(result.exitCode, 3);
    EXPECT_TRUE(result.out.contains(u"event 5 is not in the log (last seq 1)"_s)) << result.out.toStdString();
}

TEST_F(VerifyTest, MalformedExpectedHeadIsUsageError)
{
    for (const QString &value : {u"abc"_s, u"0:"_s + QString(64, u'a'), u"1:"_s + QString(63, u'a'), u"1:"_s + QString(64, u'g'),
                                 u":"_s + QString(64, u'a')}) {
        const CliResult result = verify({u"--expect-head"_s, value});
        EXPECT_EQ(result.exitCode, 1) << value.toStdString();
        EXPECT_TRUE(result.err.contains(u"SEQ:HEX"_s)) << result.err.toStdString();
    }
}

TEST_F(VerifyTest, DamagedStorageFailsVerification)
{
    for (int i = 0; i < 50; ++i)
        ASSERT_EQ(record({u"--object-title"_s, u"Some document title to fill pages %1"_s.arg(i)}), i + 1);
    QByteArray bytes = readFile(logPath());
    ASSERT_GT(bytes.size(), 3 * 4096);
    // Flip bytes in the middle of the last page: page 1 (the header) stays intact.
    const qsizetype offset = bytes.size() - 2048;
    for (qsizetype i = offset; i < offset + 16; ++i)
        bytes[i] = char(bytes[i] ^ 0x5a);
    writeFile(logPath(), bytes);

    const CliResult result = verify();
    EXPECT_EQ(result.exitCode, 3) << result.out.toStdString() << result.err.toStdString();
    EXPECT_TRUE(result.out.startsWith(u"FAILED"_s)) << result.out.toStdString();
    EXPECT_TRUE(result.err.contains(u"failed verification"_s)) << result.err.toStdString();
}

} // namespace
} // namespace QmsAudit::Test
