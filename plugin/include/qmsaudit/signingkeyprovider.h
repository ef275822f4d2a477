// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/checkpointsigner.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QString>

namespace QmsAudit {

/**
 * Where the checkpoint signing key comes from, as KeyProvider is for the log key: the host
 * supplies one (a key file, a keychain …). Implementations must not open UI from fetchSigner().
 */
class QMSAUDIT_EXPORT SigningKeyProvider
{
public:
    virtual ~SigningKeyProvider();
    /// The signer, or KeyUnavailable / NotFound with a reason (never key material).
    virtual Result<CheckpointSigner> fetchSigner() const = 0;
    /// Human description for messages, e.g. "signing key file /etc/qms/checkpoint.pem".
    virtual QString description() const = 0;
};

} // namespace QmsAudit
