// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/result.h>

namespace QmsAudit::Cli {

/// Process exit codes of qms-audit; stable, documented in every `--help` page.
enum class ExitStatus : int {
    Ok = 0,
    Usage = 1,      ///< bad command line or input, invalid event, reason required, already exists
    CannotOpen = 2, ///< not found, wrong key, not a log, not encrypted, no SQLCipher, no key
    Integrity = 3,  ///< the chain or the storage is damaged, or an expected head does not match
    Io = 4,         ///< I/O error, lock timeout, internal error
    NotRecorded = 5, ///< a reading command did its work, but could not record it in the writable log
    BadRules = 6,   ///< anomalies: the --rules file cannot be read or is invalid
    BadSignature = 7, ///< a checkpoint or evidence pack is not signed by the trusted key (forged, another key)
};

/// The one place that maps library error codes to exit codes.
ExitStatus exitStatusFor(ErrorCode code);

/// The integer to return from main().
constexpr int toInt(ExitStatus code)
{
    return static_cast<int>(code);
}

} // namespace QmsAudit::Cli
