// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

/**
 * The application's data folder (`./qms-demo/` unless `--data DIR`): its own store
 * (documents.json, users.json), the audit log with its key file, and the outputs of a session
 * (outputs/). The folder is the owner's only (0700), the key file too (0600).
 */
class DataFolder
{
public:
    explicit DataFolder(QString dir);

    /**
     * Creates the folder and, for a log that does not exist yet, a fresh random key file.
     * Never writes a key beside an existing log: a log whose key is gone stays locked (and the
     * application says so) rather than being re-keyed into a different log.
     */
    bool prepare(QString *error);

    QString dir() const { return m_dir; }
    QString logPath() const;
    QString keyFile() const;
    QString documentsPath() const;
    QString usersPath() const;
    QString outputsDir() const;
    QString path(const QString &name) const;
    /// Whether prepare() found no log (a first start).
    bool isFirstStart() const { return m_firstStart; }
    /// Whether this prepare() wrote the key file.
    bool createdKey() const { return m_createdKey; }

private:
    QString m_dir;
    bool m_firstStart = false;
    bool m_createdKey = false;
};
