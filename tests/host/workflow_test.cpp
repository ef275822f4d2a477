// SPDX-License-Identifier: LGPL-2.1-or-later
#include "workflow.h"

#include <gtest/gtest.h>

namespace {

QStringList actionsOf(const QList<Workflow::Step> &steps)
{
    QStringList actions;
    for (const auto &s : steps)
        actions.append(s.action);
    return actions;
}

TEST(WorkflowTest, EachRoleMayTakeOnlyItsOwnSteps)
{
    const QStringList author{QStringLiteral("author")}, reviewer{QStringLiteral("reviewer")}, approver{QStringLiteral("approver")},
        auditor{QStringLiteral("auditor")};
    EXPECT_EQ(actionsOf(Workflow::stepsFor(QStringLiteral("draft"), author)), QStringList{QStringLiteral("submit")});
    EXPECT_TRUE(Workflow::stepsFor(QStringLiteral("draft"), approver).isEmpty());
    EXPECT_EQ(actionsOf(Workflow::stepsFor(QStringLiteral("in_review"), reviewer)), QStringList{QStringLiteral("reject")});
    EXPECT_EQ(actionsOf(Workflow::stepsFor(QStringLiteral("in_review"), approver)),
              (QStringList{QStringLiteral("reject"), QStringLiteral("approve")}));
    EXPECT_EQ(actionsOf(Workflow::stepsFor(QStringLiteral("released"), author)), QStringList{QStringLiteral("revise")});
    EXPECT_EQ(actionsOf(Workflow::stepsFor(QStringLiteral("released"), approver)), QStringList{QStringLiteral("obsolete")});
    EXPECT_TRUE(Workflow::stepsFor(QStringLiteral("obsolete"), approver + author).isEmpty()) << "obsolete is the end";
    for (const QString &state : {QStringLiteral("draft"), QStringLiteral("in_review"), QStringLiteral("approved"), QStringLiteral("released")})
        EXPECT_TRUE(Workflow::stepsFor(state, auditor).isEmpty()) << state.toStdString();
}

TEST(WorkflowTest, ApprovalNeedsASignatureAndChangesOfStateNeedReasons)
{
    const auto approve = Workflow::step(QStringLiteral("approve"), QStringLiteral("in_review"));
    ASSERT_TRUE(approve);
    EXPECT_TRUE(approve->needsSignature);
    EXPECT_EQ(approve->to, QStringLiteral("approved"));
    EXPECT_FALSE(Workflow::step(QStringLiteral("approve"), QStringLiteral("draft"))) << "no approving a draft that was never reviewed";
    for (const QString &action : {QStringLiteral("release"), QStringLiteral("revise"), QStringLiteral("obsolete"), QStringLiteral("reject")}) {
        bool found = false;
        for (const auto &s : Workflow::steps()) {
            if (s.action == action) {
                EXPECT_TRUE(s.needsReason) << action.toStdString();
                found = true;
            }
        }
        EXPECT_TRUE(found) << action.toStdString();
    }
}

TEST(WorkflowTest, OnlyAuditorsAndManagersOpenTheTrailViews)
{
    for (const QString &role : {QStringLiteral("author"), QStringLiteral("reviewer"), QStringLiteral("approver"), QStringLiteral("admin")}) {
        EXPECT_FALSE(Workflow::allows({role}, QStringLiteral("audit_views"))) << role.toStdString();
        EXPECT_FALSE(Workflow::allows({role}, QStringLiteral("dashboard"))) << role.toStdString();
    }
    EXPECT_TRUE(Workflow::allows({QStringLiteral("auditor")}, QStringLiteral("audit_views")));
    EXPECT_TRUE(Workflow::allows({QStringLiteral("manager")}, QStringLiteral("audit_views")));
    EXPECT_TRUE(Workflow::allows({QStringLiteral("manager")}, QStringLiteral("dashboard")));
    EXPECT_FALSE(Workflow::allows({QStringLiteral("auditor")}, QStringLiteral("edit")));
}

} // namespace
