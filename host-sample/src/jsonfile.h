// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QJsonObject>
#include <QString>

/// The application's store files: one JSON object each, replaced atomically, the owner's only.
namespace JsonFile {

/// Reads @p path into @p object; a missing file is an empty object. False and @p error (naming
/// @p what, "a document register") when it cannot be read or is not a JSON object.
bool read(const QString &path, const QString &what, QJsonObject *object, QString *error);
/// Replaces @p path with @p object (QSaveFile), mode 0600; false and @p error when it could not.
bool write(const QString &path, const QJsonObject &object, QString *error);

} // namespace JsonFile
