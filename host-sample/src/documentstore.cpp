// SPDX-License-Identifier: LGPL-2.1-or-later
#include "documentstore.h"

#include "jsonfile.h"

#include <QJsonArray>

DocumentStore::DocumentStore(QString path)
    : m_path(std::move(path))
{
}

bool DocumentStore::load(QString *error)
{
    m_ids.clear();
    m_documents.clear();
    QJsonObject json;
    if (!JsonFile::read(m_path, QStringLiteral("a document register"), &json, error))
        return false;
    for (const QJsonValue &value : json.value(QStringLiteral("documents")).toArray())
        put(ControlledDocument::fromJson(value.toObject()));
    return true;
}

bool DocumentStore::save(QString *error) const
{
    QJsonArray documents;
    for (const QString &id : m_ids)
        documents.append(m_documents.value(id).toJson());
    return JsonFile::write(m_path, {{QStringLiteral("format"), 1}, {QStringLiteral("documents"), documents}}, error);
}

void DocumentStore::put(const ControlledDocument &document)
{
    if (!m_documents.contains(document.id))
        m_ids.append(document.id);
    m_documents.insert(document.id, document);
}

QString DocumentStore::nextId(const QString &prefix) const
{
    for (int n = int(m_ids.size()) + 1;; ++n) {
        const QString id = QStringLiteral("%1-%2").arg(prefix).arg(n, 4, 10, QLatin1Char('0'));
        if (!m_documents.contains(id))
            return id;
    }
}
