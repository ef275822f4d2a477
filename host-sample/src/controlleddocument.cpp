// SPDX-License-Identifier: LGPL-2.1-or-later
#include "controlleddocument.h"

#include <QJsonArray>
#include <QVariantMap>

QVariantMap ControlledDocument::auditObject() const
{
    return {{QStringLiteral("type"), type}, {QStringLiteral("id"), id}, {QStringLiteral("version"), version},
            {QStringLiteral("title"), title}};
}

QJsonObject ControlledDocument::toJson() const
{
    QJsonArray versions;
    for (const DocumentVersion &v : history)
        versions.append(QJsonObject{{QStringLiteral("version"), v.version}, {QStringLiteral("title"), v.title},
                                    {QStringLiteral("content"), v.content}, {QStringLiteral("state"), v.state},
                                    {QStringLiteral("changed_at"), v.changedAt}});
    QJsonArray signed_;
    for (const DocumentSignature &s : signatures)
        signed_.append(QJsonObject{{QStringLiteral("user_id"), s.userId}, {QStringLiteral("user_name"), s.userName},
                                   {QStringLiteral("meaning"), s.meaning}, {QStringLiteral("signed_at"), s.signedAt},
                                   {QStringLiteral("version"), s.version}});
    return {{QStringLiteral("id"), id},          {QStringLiteral("type"), type},        {QStringLiteral("title"), title},
            {QStringLiteral("content"), content}, {QStringLiteral("version"), version},  {QStringLiteral("state"), state},
            {QStringLiteral("owner"), owner},     {QStringLiteral("updated_at"), updatedAt}, {QStringLiteral("history"), versions},
            {QStringLiteral("signatures"), signed_}};
}

ControlledDocument ControlledDocument::fromJson(const QJsonObject &json)
{
    ControlledDocument d;
    d.id = json.value(QStringLiteral("id")).toString();
    d.type = json.value(QStringLiteral("type")).toString();
    d.title = json.value(QStringLiteral("title")).toString();
    d.content = json.value(QStringLiteral("content")).toString();
    d.version = json.value(QStringLiteral("version")).toString();
    d.state = json.value(QStringLiteral("state")).toString();
    d.owner = json.value(QStringLiteral("owner")).toString();
    d.updatedAt = json.value(QStringLiteral("updated_at")).toString();
    for (const QJsonValue &value : json.value(QStringLiteral("history")).toArray()) {
        const QJsonObject v = value.toObject();
        d.history.append({v.value(QStringLiteral("version")).toString(), v.value(QStringLiteral("title")).toString(),
                          v.value(QStringLiteral("content")).toString(), v.value(QStringLiteral("state")).toString(),
                          v.value(QStringLiteral("changed_at")).toString()});
    }
    for (const QJsonValue &value : json.value(QStringLiteral("signatures")).toArray()) {
        const QJsonObject s = value.toObject();
        d.signatures.append({s.value(QStringLiteral("user_id")).toString(), s.value(QStringLiteral("user_name")).toString(),
                             s.value(QStringLiteral("meaning")).toString(), s.value(QStringLiteral("signed_at")).toString(),
                             s.value(QStringLiteral("version")).toString()});
    }
    return d;
}
