// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>
#include <qmsaudit/secretkey.h>

namespace QmsAudit {

/**
 * Where the log key comes from. The host supplies one (a keychain, an HSM, a key file …); the
 * storage layer asks for the key each time it opens a connection and never stores it elsewhere.
 * Implementations must not open UI from fetchKey() and must not return an empty key.
 */
class QMSAUDIT_EXPORT KeyProvider
{
public:
    virtual ~KeyProvider();
    /// The key, or KeyUnavailable / InvalidArgument / NotFound with a reason (never the key itself).
    virtual Result<SecretKey> fetchKey() const = 0;
    /// Human description for messages, e.g. "key file /etc/qms/audit.key". Never key material.
    virtual QString description() const = 0;
};

} // namespace QmsAudit
