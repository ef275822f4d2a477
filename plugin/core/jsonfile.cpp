// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/jsonfile_p.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace QmsAudit {

Result<QVariantMap> readJsonObjectFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, QStringLiteral("Cannot read the %1 %2: %3.").arg(what, path, file.errorString()));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The %1 %2 is not a JSON object (%3 at offset %4).")
                                                     .arg(what, path, parseError.errorString())
                                                     .arg(parseError.offset));
    if (!document.isObject())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The %1 %2 is not a JSON object.").arg(what, path));
    return document.object().toVariantMap();
}

} // namespace QmsAudit
