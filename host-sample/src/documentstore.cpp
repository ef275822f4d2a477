// SPDX-License-Identifier: LGPL-2.1-or-later
#include "documentstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

DocumentStore::DocumentStore(QString path)
    : m_path(std::move(path))
{
}

bool DocumentStore::load(QString *error)
{
    m_ids.clear();
    m_documents.clear();
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read %1: %2").arg(m_path, file.errorString());
        return false;
    }
    QJsonParseError parse;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError || !json.isObject()) {
        *error = QStringLiteral("%1 is not a document register: %2").arg(m_path, parse.errorString());
        return false;
    }
    for (const QJsonValue &value : json.object().value(QStringLiteral("documents")).toArray())
        put(ControlledDocument::fromJson(value.toObject()));
    return true;
}

bool DocumentStore::save(QString *error) const
{
    QJsonArray documents;
    for (const QString &id : m_ids)
        documents.append(m_documents.value(id).toJson());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("Cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("format"), 1}, {QStringLiteral("documents"), documents}}).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        *error = QStringLiteral("Cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    // The owner's only, like the folder: QSaveFile creates files with the umask's mode.
    QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    return true;
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
