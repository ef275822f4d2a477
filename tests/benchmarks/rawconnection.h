// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/keyprovider.h>
#include <qmsaudit/result.h>

#include "storage/connection_p.h"

#include <QString>

#include <memory>

namespace QmsAudit::Bench {

/// A connection to @p logPath through the library's private Connection class: the raw SQLCipher
/// lookups that the read and model figures are compared with (read-only unless @p mode says).
Result<std::unique_ptr<Connection>> openRawConnection(const QString &logPath, const KeyProvider &keys,
                                                      Connection::Mode mode = Connection::Mode::ReadOnly);

} // namespace QmsAudit::Bench
