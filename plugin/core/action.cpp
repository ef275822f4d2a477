// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/action.h>

#include <array>
#include <utility>

namespace QmsAudit {
namespace {

struct ActionInfo {
    Action action;
    const char *name;
    ActionCategory category;
};

// The names are part of the canonical encoding: never rename, only add.
constexpr std::array<ActionInfo, 33> kActions{{
    {Action::View, "view", ActionCategory::Access},
    {Action::Print, "print", ActionCategory::Access},
    {Action::Export, "export", ActionCategory::Access},
    {Action::Download, "download", ActionCategory::Access},
    {Action::Search, "search", ActionCategory::Access},
    {Action::Create, "create", ActionCategory::Change},
    {Action::Edit, "edit", ActionCategory::Change},
    {Action::Revise, "revise", ActionCategory::Change},
    {Action::Delete, "delete", ActionCategory::Change},
    {Action::Obsolete, "obsolete", ActionCategory::Change},
    {Action::Restore, "restore", ActionCategory::Change},
    {Action::Submit, "submit", ActionCategory::Workflow},
    {Action::Review, "review", ActionCategory::Workflow},
    {Action::Approve, "approve", ActionCategory::Workflow},
    {Action::Reject, "reject", ActionCategory::Workflow},
    {Action::Release, "release", ActionCategory::Workflow},
    {Action::Sign, "sign", ActionCategory::Workflow},
    {Action::Login, "login", ActionCategory::Security},
    {Action::Logout, "logout", ActionCategory::Security},
    {Action::LoginFailed, "login_failed", ActionCategory::Security},
    {Action::AccessDenied, "access_denied", ActionCategory::Security},
    {Action::PermissionChange, "permission_change", ActionCategory::Security},
    {Action::KeyRotated, "key_rotated", ActionCategory::Security},
    {Action::TrailViewed, "trail_viewed", ActionCategory::Audit},
    {Action::TrailExported, "trail_exported", ActionCategory::Audit},
    {Action::TrailVerified, "trail_verified", ActionCategory::Audit},
    {Action::ReviewRecorded, "review_recorded", ActionCategory::Audit},
    {Action::Started, "started", ActionCategory::System},
    {Action::Stopped, "stopped", ActionCategory::System},
    {Action::ClockAnomaly, "clock_anomaly", ActionCategory::System},
    {Action::RecordFailed, "record_failed", ActionCategory::System},
    {Action::TrailImported, "trail_imported", ActionCategory::Audit},
    {Action::KeyRotationStarted, "key_rotation_started", ActionCategory::Security},
}};

const ActionInfo &info(Action action)
{
    return kActions[static_cast<std::size_t>(action)];
}

} // namespace

QString actionName(Action action)
{
    return QString::fromLatin1(info(action).name);
}

std::optional<Action> actionFromName(QStringView name)
{
    for (const auto &entry : kActions) {
        if (name == QLatin1StringView(entry.name))
            return entry.action;
    }
    return std::nullopt;
}

ActionCategory actionCategory(Action action)
{
    return info(action).category;
}

QString actionCategoryName(ActionCategory category)
{
    switch (category) {
    case ActionCategory::Access: return QStringLiteral("access");
    case ActionCategory::Change: return QStringLiteral("change");
    case ActionCategory::Workflow: return QStringLiteral("workflow");
    case ActionCategory::Security: return QStringLiteral("security");
    case ActionCategory::Audit: return QStringLiteral("audit");
    case ActionCategory::System: return QStringLiteral("system");
    }
    return {};
}

QList<Action> allActions()
{
    QList<Action> actions;
    for (const auto &entry : kActions)
        actions.append(entry.action);
    return actions;
}

QList<Action> changeActions()
{
    QList<Action> actions;
    for (const auto &entry : kActions) {
        if (entry.category == ActionCategory::Change)
            actions.append(entry.action);
    }
    return actions;
}

bool isLibraryOnlyAction(Action action)
{
    switch (action) {
    case Action::Started:
    case Action::Stopped:
    case Action::ClockAnomaly:
    case Action::RecordFailed:
    case Action::KeyRotated:
    case Action::KeyRotationStarted:
    case Action::TrailImported:
        return true;
    default:
        return false;
    }
}

} // namespace QmsAudit
