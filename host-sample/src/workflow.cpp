// SPDX-License-Identifier: LGPL-2.1-or-later
#include "workflow.h"
#include "userdirectory.h"

#include <QHash>

namespace {

bool anyOf(const QStringList &roles, const QStringList &wanted)
{
    for (const QString &role : roles) {
        if (wanted.contains(role))
            return true;
    }
    return false;
}

} // namespace

bool Workflow::Step::isFor(const QStringList &userRoles) const
{
    return anyOf(userRoles, roles);
}

const QList<Workflow::Step> &Workflow::steps()
{
    static const QList<Step> all = {
        {QStringLiteral("submit"), QStringLiteral("draft"), QStringLiteral("in_review"), {QStringLiteral("author")}, false, false},
        {QStringLiteral("reject"), QStringLiteral("in_review"), QStringLiteral("draft"),
         {QStringLiteral("reviewer"), QStringLiteral("approver")}, true, false},
        {QStringLiteral("approve"), QStringLiteral("in_review"), QStringLiteral("approved"), {QStringLiteral("approver")}, false, true},
        {QStringLiteral("release"), QStringLiteral("approved"), QStringLiteral("released"),
         {QStringLiteral("approver"), QStringLiteral("admin")}, true, false},
        {QStringLiteral("revise"), QStringLiteral("released"), QStringLiteral("draft"), {QStringLiteral("author")}, true, false},
        {QStringLiteral("obsolete"), QStringLiteral("released"), QStringLiteral("obsolete"),
         {QStringLiteral("approver"), QStringLiteral("admin")}, true, false},
    };
    return all;
}

std::optional<Workflow::Step> Workflow::step(const QString &action, const QString &state)
{
    for (const Step &s : steps()) {
        if (s.action == action && s.from == state)
            return s;
    }
    return std::nullopt;
}

QList<Workflow::Step> Workflow::stepsFor(const QString &state, const QStringList &roles)
{
    QList<Step> allowed;
    for (const Step &s : steps()) {
        if (s.from == state && s.isFor(roles))
            allowed.append(s);
    }
    return allowed;
}

bool Workflow::allows(const QStringList &roles, const QString &what)
{
    static const QHash<QString, QStringList> permitted = {
        {QStringLiteral("view"), UserDirectory::allRoles()},
        {QStringLiteral("print"), UserDirectory::allRoles()},
        {QStringLiteral("export"), {QStringLiteral("author"), QStringLiteral("approver"), QStringLiteral("auditor"), QStringLiteral("manager"),
                                    QStringLiteral("admin")}},
        {QStringLiteral("create"), {QStringLiteral("author")}},
        {QStringLiteral("edit"), {QStringLiteral("author")}},
        {QStringLiteral("sign_review"), {QStringLiteral("reviewer")}},
        {QStringLiteral("audit_views"), {QStringLiteral("auditor"), QStringLiteral("manager")}},
        {QStringLiteral("dashboard"), {QStringLiteral("manager"), QStringLiteral("auditor")}},
    };
    return anyOf(roles, permitted.value(what));
}

QString Workflow::signatureMeaning(const QString &action)
{
    if (action == QLatin1StringView("approve"))
        return QStringLiteral("Approved");
    if (action == QLatin1StringView("review"))
        return QStringLiteral("Reviewed");
    return QStringLiteral("Signed");
}

QString Workflow::stateLabel(const QString &state)
{
    static const QHash<QString, QString> labels = {
        {QStringLiteral("draft"), QStringLiteral("Draft")},       {QStringLiteral("in_review"), QStringLiteral("In review")},
        {QStringLiteral("approved"), QStringLiteral("Approved")}, {QStringLiteral("released"), QStringLiteral("Released")},
        {QStringLiteral("obsolete"), QStringLiteral("Obsolete")},
    };
    return labels.value(state, state);
}
