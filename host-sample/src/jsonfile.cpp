// SPDX-License-Identifier: LGPL-2.1-or-later
#include "jsonfile.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace JsonFile {

bool read(const QString &path, const QString &what, QJsonObject *object, QString *error)
{
    *object = {};
    QFile file(path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parse;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError || !json.isObject()) {
        *error = QStringLiteral("%1 is not %2: %3").arg(path, what, parse.errorString());
        return false;
    }
    *object = json.object();
    return true;
}

bool write(const QString &path, const QJsonObject &object, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        *error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    // The owner's only, like the folder: QSaveFile creates files with the umask's mode.
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

} // namespace JsonFile
