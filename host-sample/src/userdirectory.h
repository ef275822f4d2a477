// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariantMap>

/// A person who may log in, with the roles that decide what they may do.
struct AppUser {
    QString id;   ///< "u-anna"
    QString name; ///< "Anna Berger"
    QStringList roles;
    QByteArray salt;
    QByteArray passwordHash; ///< PBKDF2-HMAC-SHA256 of the password with salt

    /// The event "actor" map for the audit trail.
    QVariantMap auditActor() const;
};

/**
 * The users of the application (`users.json` in the data folder). Passwords are stored as salted
 * PBKDF2 hashes; the demonstration users all have the password `demo` (README), which the login
 * screen says, since this is a sample.
 */
class UserDirectory
{
public:
    static inline const QString DemoPassword = QStringLiteral("demo");
    static const QStringList &allRoles();

    explicit UserDirectory(QString path);

    bool load(QString *error);
    bool save(QString *error) const;

    bool isEmpty() const { return m_ids.isEmpty(); }
    const QStringList &ids() const { return m_ids; }
    bool contains(const QString &id) const { return m_users.contains(id); }
    AppUser user(const QString &id) const { return m_users.value(id); }
    /// Adds a user with @p password (hashed here).
    void add(const QString &id, const QString &name, const QStringList &roles, const QString &password);
    /// True if @p password is @p id's (constant-time comparison of the hashes).
    bool checkPassword(const QString &id, const QString &password) const;
    /// The ids of users holding @p role, in directory order.
    QStringList withRole(const QString &role) const;

private:
    QString m_path;
    QStringList m_ids;
    QHash<QString, AppUser> m_users;
};
