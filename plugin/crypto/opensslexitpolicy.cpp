// SPDX-License-Identifier: LGPL-2.1-or-later
#include "crypto/opensslexitpolicy_p.h"

#include <openssl/crypto.h>

namespace QmsAudit {

void keepOpenSslStateUntilExit()
{
    (void)OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr);
}

namespace {
// When the library is loaded, before SQLCipher or anything of ours calls OpenSSL.
const bool openSslKeptUntilExit = (keepOpenSslStateUntilExit(), true);
} // namespace

} // namespace QmsAudit
