// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_export.h>

#include <QList>
#include <QObject>
#include <QString>
#include <QStringView>

#include <optional>

namespace QmsAudit {
// Action, ActionCategory and Outcome are Qt enums (QMetaEnum), so QML sees them too: the QML
// module exposes them as Audit.View, Audit.Success, … (docs/host-integration.md).
Q_NAMESPACE_EXPORT(QMSAUDIT_EXPORT)

/// The fixed action taxonomy. Names (actionName()) are stable and part of the canonical encoding.
enum class Action {
    // access to documented information
    View, Print, Export, Download, Search,
    // changes
    Create, Edit, Revise, Delete, Obsolete, Restore,
    // document workflow
    Submit, Review, Approve, Reject, Release, Sign,
    // security
    Login, Logout, LoginFailed, AccessDenied, PermissionChange, KeyRotated,
    // use of the audit trail itself
    TrailViewed, TrailExported, TrailVerified, ReviewRecorded,
    // the audit system
    Started, Stopped, ClockAnomaly, RecordFailed,
    // added in 0.2: appended, so that every earlier value keeps its number
    TrailImported,      ///< audit: events were imported from JSON Lines (who, how many, seq range, input SHA-256)
    KeyRotationStarted, ///< security: the intent recorded before a re-encryption; key_rotated closes it
};
Q_ENUM_NS(Action)

/// Group an action belongs to; decides which fields are required.
enum class ActionCategory { Access, Change, Workflow, Security, Audit, System };
Q_ENUM_NS(ActionCategory)

/// Result of the audited operation.
enum class Outcome { Success, Denied, Failed };
Q_ENUM_NS(Outcome)

/// "view", "login_failed", … (snake_case, stable across versions).
QMSAUDIT_EXPORT QString actionName(Action action);
/// Inverse of actionName(); std::nullopt for an unknown name.
QMSAUDIT_EXPORT std::optional<Action> actionFromName(QStringView name);
QMSAUDIT_EXPORT ActionCategory actionCategory(Action action);
/// "access", "change", …
QMSAUDIT_EXPORT QString actionCategoryName(ActionCategory category);
/// Every action, in declaration order.
QMSAUDIT_EXPORT QList<Action> allActions();
/// The change actions (create, edit, revise, delete, obsolete, restore): the default reason-required set.
QMSAUDIT_EXPORT QList<Action> changeActions();
/**
 * Actions only the library itself writes (started, stopped, clock_anomaly, record_failed,
 * key_rotated, key_rotation_started, trail_imported): hosts, `record` and `import` may not, so
 * that such an event in the chain always means the library saw it happen.
 */
QMSAUDIT_EXPORT bool isLibraryOnlyAction(Action action);

} // namespace QmsAudit
