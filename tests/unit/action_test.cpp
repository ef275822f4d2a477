// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/action.h>
#include <qmsaudit/event.h>

#include <QSet>

#include <gtest/gtest.h>

using namespace QmsAudit;

TEST(Action, EveryNameRoundTripsAndIsUnique)
{
    QSet<QString> names;
    for (Action action : allActions()) {
        const QString name = actionName(action);
        EXPECT_FALSE(name.isEmpty());
        EXPECT_EQ(actionFromName(name), action) << name.toStdString();
        names.insert(name);
    }
    EXPECT_EQ(names.size(), allActions().size());
    EXPECT_EQ(allActions().size(), 33);
}

TEST(Action, OnlyTheLibrarysOwnEventsAreLibraryOnly)
{
    QStringList libraryOnly;
    for (Action action : allActions()) {
        if (isLibraryOnlyAction(action))
            libraryOnly.append(actionName(action));
    }
    EXPECT_EQ(libraryOnly, (QStringList{QStringLiteral("key_rotated"), QStringLiteral("started"), QStringLiteral("stopped"),
                                        QStringLiteral("clock_anomaly"), QStringLiteral("record_failed"),
                                        QStringLiteral("trail_imported"), QStringLiteral("key_rotation_started")}));
}

TEST(Action, TaxonomyNamesAreTheDocumentedSnakeCase)
{
    EXPECT_EQ(actionName(Action::LoginFailed), QStringLiteral("login_failed"));
    EXPECT_EQ(actionName(Action::TrailExported), QStringLiteral("trail_exported"));
    EXPECT_EQ(actionName(Action::RecordFailed), QStringLiteral("record_failed"));
    EXPECT_EQ(actionCategory(Action::Obsolete), ActionCategory::Change);
    EXPECT_EQ(actionCategory(Action::Sign), ActionCategory::Workflow);
    EXPECT_EQ(actionCategory(Action::KeyRotated), ActionCategory::Security);
    EXPECT_EQ(actionCategory(Action::ReviewRecorded), ActionCategory::Audit);
}

TEST(Action, UnknownNamesAreRejected)
{
    EXPECT_FALSE(actionFromName(u"View"));
    EXPECT_FALSE(actionFromName(u""));
    EXPECT_FALSE(actionFromName(u"view "));
    EXPECT_FALSE(outcomeFromName(u"ok"));
    EXPECT_EQ(outcomeFromName(u"denied"), Outcome::Denied);
}

TEST(Action, ChangeActionsAreTheDefaultReasonRequiredSet)
{
    const QList<Action> expected = {Action::Create, Action::Edit, Action::Revise, Action::Delete, Action::Obsolete, Action::Restore};
    EXPECT_EQ(changeActions(), expected);
}
