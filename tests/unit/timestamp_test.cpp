// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/timestamp.h>

#include <gtest/gtest.h>

using namespace QmsAudit;

TEST(Timestamp, FormatsUtcWithMicroseconds)
{
    EXPECT_EQ(formatTimestamp(0), QStringLiteral("1970-01-01T00:00:00.000000Z"));
    EXPECT_EQ(formatTimestamp(1'767'225'600'000'001), QStringLiteral("2026-01-01T00:00:00.000001Z"));
    EXPECT_EQ(formatTimestamp(-1), QStringLiteral("1969-12-31T23:59:59.999999Z"));
}

TEST(Timestamp, ParsesWhatItFormats)
{
    for (qint64 us : {qint64(0), qint64(1'767'225'600'123'456), qint64(951'782'400'000'000), qint64(-5)})
        EXPECT_EQ(parseTimestamp(formatTimestamp(us)), us);
}

TEST(Timestamp, ParsesDatesOffsetsAndShortFractions)
{
    EXPECT_EQ(parseTimestamp(u"2026-01-01"), 1'767'225'600'000'000);
    EXPECT_EQ(parseTimestamp(u"2026-01-01T01:00:00+01:00"), 1'767'225'600'000'000);
    EXPECT_EQ(parseTimestamp(u"2025-12-31T23:00-01:00"), 1'767'225'600'000'000);
    EXPECT_EQ(parseTimestamp(u"2026-01-01T00:00:00.5Z"), 1'767'225'600'500'000);
}

TEST(Timestamp, RejectsMalformedInput)
{
    for (const char16_t *bad : {u"", u"2026-13-01", u"2026-02-30", u"2026-01-01T24:00:00Z", u"2026-01-01T10:00:00",
                                u"2026-01-01T10:00:00.1234567Z", u"yesterday", u"2026-01-01Z"})
        EXPECT_FALSE(parseTimestamp(bad)) << QString::fromUtf16(bad).toStdString();
}
