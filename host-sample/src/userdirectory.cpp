// SPDX-License-Identifier: LGPL-2.1-or-later
#include "userdirectory.h"

#include "jsonfile.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace {

constexpr int kIterations = 20000;

QByteArray hashPassword(const QString &password, const QByteArray &salt)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt, kIterations, 32);
}

} // namespace

QVariantMap AppUser::auditActor() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("roles"), roles}};
}

const QStringList &UserDirectory::allRoles()
{
    static const QStringList roles = {QStringLiteral("author"),  QStringLiteral("reviewer"), QStringLiteral("approver"),
                                      QStringLiteral("auditor"), QStringLiteral("manager"),  QStringLiteral("admin")};
    return roles;
}

UserDirectory::UserDirectory(QString path)
    : m_path(std::move(path))
{
}

bool UserDirectory::load(QString *error)
{
    m_ids.clear();
    m_users.clear();
    QJsonObject json;
    if (!JsonFile::read(m_path, QStringLiteral("a user directory"), &json, error))
        return false;
    for (const QJsonValue &value : json.value(QStringLiteral("users")).toArray()) {
        const QJsonObject u = value.toObject();
        AppUser user{u.value(QStringLiteral("id")).toString(), u.value(QStringLiteral("name")).toString(),
                     u.value(QStringLiteral("roles")).toVariant().toStringList(),
                     QByteArray::fromHex(u.value(QStringLiteral("salt")).toString().toLatin1()),
                     QByteArray::fromHex(u.value(QStringLiteral("pbkdf2_sha256")).toString().toLatin1())};
        m_ids.append(user.id);
        m_users.insert(user.id, user);
    }
    return true;
}

bool UserDirectory::save(QString *error) const
{
    QJsonArray users;
    for (const QString &id : m_ids) {
        const AppUser &u = m_users[id];
        users.append(QJsonObject{{QStringLiteral("id"), u.id},
                                 {QStringLiteral("name"), u.name},
                                 {QStringLiteral("roles"), QJsonArray::fromStringList(u.roles)},
                                 {QStringLiteral("salt"), QString::fromLatin1(u.salt.toHex())},
                                 {QStringLiteral("pbkdf2_sha256"), QString::fromLatin1(u.passwordHash.toHex())}});
    }
    return JsonFile::write(m_path, {{QStringLiteral("format"), 1}, {QStringLiteral("iterations"), kIterations}, {QStringLiteral("users"), users}},
                           error);
}

void UserDirectory::add(const QString &id, const QString &name, const QStringList &roles, const QString &password)
{
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
    if (!m_users.contains(id))
        m_ids.append(id);
    m_users.insert(id, AppUser{id, name, roles, salt, hashPassword(password, salt)});
}

bool UserDirectory::checkPassword(const QString &id, const QString &password) const
{
    const auto it = m_users.constFind(id);
    if (it == m_users.cend())
        return false;
    const QByteArray candidate = hashPassword(password, it->salt);
    if (candidate.size() != it->passwordHash.size())
        return false;
    unsigned char difference = 0; // no early exit: the time says nothing about the hash
    for (qsizetype i = 0; i < candidate.size(); ++i)
        difference |= static_cast<unsigned char>(candidate[i] ^ it->passwordHash[i]);
    return difference == 0;
}

QStringList UserDirectory::withRole(const QString &role) const
{
    QStringList ids;
    for (const QString &id : m_ids) {
        if (m_users[id].roles.contains(role))
            ids.append(id);
    }
    return ids;
}
