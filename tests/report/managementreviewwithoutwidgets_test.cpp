// SPDX-License-Identifier: LGPL-2.1-or-later
// The management review report draws with Qt Charts: under a QGuiApplication alone (this
// binary's) it refuses with an error instead of crashing.

#include "reporttest.h"

#include <qmsaudit/managementreviewreport.h>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {

TEST(ManagementReviewWithoutWidgetsTest, RefusesWithoutAQApplication)
{
    ReportTestLog log;
    log.append({ reportEvent(1) });
    auto review = ManagementReviewReport::build(log.reader(), *ReviewPeriod::parse(u"2026"_s), ManagementReviewOptions {}, ReportTestLog::header());
    ASSERT_FALSE(review);
    EXPECT_EQ(review.error().code(), ErrorCode::Internal);
    EXPECT_TRUE(review.error().message().contains(u"QApplication"_s));
}

} // namespace QmsAudit::Test
