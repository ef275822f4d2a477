// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QMap>
#include <QStringList>
#include <QVariantMap>

namespace QmsAudit {

/**
 * Who may use the trail: a map from the host's role names to permissions. Views ask it before
 * they show anything; a refusal is recorded as access_denied on the trail.
 *
 * Permissions: "trail.view" (browse, document history, user activity, verify), "trail.export"
 * (export events as evidence), "trail.review" (record a review of sampled events),
 * "review.dashboard" (the management-review dashboard and report).
 *
 * Defaults (docs/access.md), replaced as a whole by a configured map:
 * | role | permissions |
 * |---|---|
 * | auditor | trail.view, trail.export, trail.review |
 * | quality_manager | trail.view, trail.export, trail.review, review.dashboard |
 * | manager | review.dashboard |
 * | it_admin | trail.view |
 */
class QMSAUDIT_EXPORT AccessPolicy
{
public:
    static inline const QString View = QStringLiteral("trail.view");
    static inline const QString Export = QStringLiteral("trail.export");
    static inline const QString Review = QStringLiteral("trail.review");
    static inline const QString Dashboard = QStringLiteral("review.dashboard");

    /// The documented defaults.
    AccessPolicy();
    /// {"auditor": ["trail.view", …], …}; InvalidArgument for an unknown permission or a value that is not a list.
    static Result<AccessPolicy> fromVariantMap(const QVariantMap &rolePermissions);
    /**
     * The policy a configuration asks for: the defaults when @p rolePermissions is empty, and,
     * failing closed, one that grants nothing when it is invalid (validation reports why).
     */
    static AccessPolicy configured(const QVariantMap &rolePermissions);
    static QStringList allPermissions();

    /// The union of the permissions of @p roles, sorted.
    QStringList permissionsFor(const QStringList &roles) const;
    bool allows(const QStringList &roles, const QString &permission) const;
    QVariantMap toVariantMap() const;

private:
    QMap<QString, QStringList> m_rolePermissions;
};

} // namespace QmsAudit
