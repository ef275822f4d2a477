// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rawconnection.h"

namespace QmsAudit::Bench {

Result<std::unique_ptr<Connection>> openRawConnection(const QString &logPath, const KeyProvider &keys, Connection::Mode mode)
{
    auto key = keys.fetchKey();
    if (!key)
        return key.error();
    return Connection::open(logPath, *key, mode, 10000);
}

} // namespace QmsAudit::Bench
