// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace QmsAudit {

/**
 * Finds keys that occur twice in one JSON object. QJsonDocument keeps the last of them
 * silently, so {"action":"edit",…,"action":"delete"} would import as a delete that a reader of
 * the line sees as an edit. Keys are compared after unescaping ("\u0061ction" is "action").
 */
class JsonKeyCheck
{
public:
    /// The first duplicated key in @p json, which QJsonDocument must already have accepted.
    static std::optional<QString> firstDuplicateKey(QByteArrayView json);
};

} // namespace QmsAudit
