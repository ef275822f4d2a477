// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/eventfilter.h>
#include <qmsaudit/timestamp.h>

#include <gtest/gtest.h>

using namespace QmsAudit;

TEST(EventFilter, EmptyFilterDescribesItselfAsAllEvents)
{
    EXPECT_EQ(EventFilter{}.describe(), QStringLiteral("all events"));
    EventFilter blankText;
    blankText.text = QStringLiteral("   ");
    EXPECT_EQ(blankText.describe(), QStringLiteral("all events"));
}

TEST(EventFilter, DescribeNamesEverySetMemberInDeclarationOrder)
{
    EventFilter filter;
    filter.fromUs = *parseTimestamp(u"2026-01-01");
    filter.toUs = *parseTimestamp(u"2026-02-01");
    filter.actorId = QStringLiteral("jdoe");
    filter.actions = {Action::Edit, Action::Approve};
    filter.objectType = QStringLiteral("procedure");
    filter.objectId = QStringLiteral("SOP-017");
    filter.outcome = Outcome::Denied;
    filter.text = QStringLiteral(" torque; wrench ");
    EXPECT_EQ(filter.describe(),
              QStringLiteral("from=2026-01-01T00:00:00.000000Z; to=2026-02-01T00:00:00.000000Z; actor=jdoe; action=edit,approve; "
                             "object_type=procedure; object_id=SOP-017; outcome=denied; text=\"torque; wrench\""));
}
