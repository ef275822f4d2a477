// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "controlleddocument.h"

#include <QHash>
#include <QString>
#include <QStringList>

/**
 * The application's own data: the register of controlled documents, one JSON file
 * (`documents.json` in the data folder), written atomically (QSaveFile). It is the host's
 * store, never the audit log: the trail records what happened to it.
 */
class DocumentStore
{
public:
    explicit DocumentStore(QString path);

    /// Reads the file; a missing file is an empty register. False and @p error when unreadable.
    bool load(QString *error);
    /// Writes every document; false and @p error when the file could not be replaced.
    bool save(QString *error) const;

    QString path() const { return m_path; }
    bool isEmpty() const { return m_ids.isEmpty(); }
    qsizetype count() const { return m_ids.size(); }
    /// Ids in register order (the order they were added).
    const QStringList &ids() const { return m_ids; }
    bool contains(const QString &id) const { return m_documents.contains(id); }
    /// The document @p id (an empty one when unknown).
    ControlledDocument document(const QString &id) const { return m_documents.value(id); }
    /// Adds or replaces a document.
    void put(const ControlledDocument &document);
    /// The next free id with @p prefix ("SOP" → "SOP-0042").
    QString nextId(const QString &prefix) const;

private:
    QString m_path;
    QStringList m_ids;
    QHash<QString, ControlledDocument> m_documents;
};
