// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/result.h>

#include <QString>
#include <QVariantMap>

namespace QmsAudit {

/**
 * The JSON object in the file at @p path, as a map: what configuration files hold (AuditTrailConfig,
 * AnomalyRules). NotFound when the file cannot be read, InvalidArgument when it holds no JSON
 * object; both messages name the file as "the @p what PATH" ("configuration file").
 */
Result<QVariantMap> readJsonObjectFile(const QString &path, const QString &what);

} // namespace QmsAudit
