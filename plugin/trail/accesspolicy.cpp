// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/accesspolicy.h>

#include <QSet>

namespace QmsAudit {

AccessPolicy::AccessPolicy()
    : m_rolePermissions{
        {QStringLiteral("auditor"), {View, Export, Review}},
        {QStringLiteral("quality_manager"), {View, Export, Review, Dashboard}},
        {QStringLiteral("manager"), {Dashboard}},
        {QStringLiteral("it_admin"), {View}},
    }
{
}

QStringList AccessPolicy::allPermissions()
{
    return {View, Export, Review, Dashboard};
}

Result<AccessPolicy> AccessPolicy::fromVariantMap(const QVariantMap &rolePermissions)
{
    AccessPolicy policy;
    policy.m_rolePermissions.clear();
    const QStringList known = allPermissions();
    for (auto it = rolePermissions.cbegin(); it != rolePermissions.cend(); ++it) {
        if (it.key().isEmpty())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("A role in the permission map has an empty name."));
        if (it.value().typeId() != QMetaType::QVariantList && it.value().typeId() != QMetaType::QStringList)
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("The permissions of role \"%1\" must be a list of names such as [\"trail.view\"].").arg(it.key()));
        QStringList permissions;
        for (const QString &permission : it.value().toStringList()) {
            if (!known.contains(permission))
                return Error(ErrorCode::InvalidArgument, QStringLiteral("Role \"%1\" names the unknown permission \"%2\"; known: %3.")
                                                             .arg(it.key(), permission, known.join(QStringLiteral(", "))));
            permissions.append(permission);
        }
        policy.m_rolePermissions.insert(it.key(), permissions);
    }
    return policy;
}

AccessPolicy AccessPolicy::configured(const QVariantMap &rolePermissions)
{
    if (rolePermissions.isEmpty())
        return {};
    auto policy = fromVariantMap(rolePermissions);
    if (policy)
        return *policy;
    AccessPolicy nothing;
    nothing.m_rolePermissions.clear();
    return nothing;
}

QStringList AccessPolicy::permissionsFor(const QStringList &roles) const
{
    QSet<QString> granted;
    for (const QString &role : roles) {
        for (const QString &permission : m_rolePermissions.value(role))
            granted.insert(permission);
    }
    QStringList sorted(granted.cbegin(), granted.cend());
    sorted.sort();
    return sorted;
}

bool AccessPolicy::allows(const QStringList &roles, const QString &permission) const
{
    for (const QString &role : roles) {
        if (m_rolePermissions.value(role).contains(permission))
            return true;
    }
    return false;
}

QVariantMap AccessPolicy::toVariantMap() const
{
    QVariantMap map;
    for (auto it = m_rolePermissions.cbegin(); it != m_rolePermissions.cend(); ++it)
        map.insert(it.key(), it.value());
    return map;
}

} // namespace QmsAudit
