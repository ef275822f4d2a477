// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/keyprovider.h>
#include <qmsaudit/result.h>

#include "storage/connection_p.h"

#include <QString>

#include <memory>

namespace QmsAudit::Bench {

/// A read-only connection to @p logPath through the library's private Connection class: the raw
/// SQLCipher lookups that the read and model figures are compared with.
Result<std::unique_ptr<Connection>> openRawConnection(const QString &logPath, const KeyProvider &keys);

} // namespace QmsAudit::Bench
